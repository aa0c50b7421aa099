"""The accessibility profile of a venue: each feature is yes, no or not known.

The features follow art. 6 pkt 1 and pkt 3 of the act of 19 July 2019 on ensuring accessibility
for persons with special needs (Dz.U. 2019 poz. 1696).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Availability(models.TextChoices):
    YES = "yes", _("yes")
    NO = "no", _("no")
    # Never shown or treated as "no": nobody has checked yet.
    UNKNOWN = "unknown", _("not known")


@dataclass(frozen=True)
class Feature:
    """One fact of the profile: the model field, the editor's label and the reader's label."""

    field: str
    label: Promise
    public_label: Promise

    def __str__(self) -> str:
        return str(self.public_label)


FEATURES: tuple[Feature, ...] = (
    Feature("step_free_entrance", _("step-free entrance"), _("Step-free entrance")),
    Feature("lift", _("lift"), _("Lift")),
    Feature("accessible_toilet", _("accessible toilet"), _("Accessible toilet")),
    Feature(
        "disabled_parking",
        _("parking bays for disabled people"),
        _("Parking bays for disabled people"),
    ),
    Feature("assistance_dog", _("assistance dog allowed"), _("Assistance dogs welcome")),
    Feature(
        "hearing_loop",
        _("induction loop or FM system"),
        _("Induction loop or FM system"),
    ),
    Feature(
        "wayfinding",
        _("tactile or voice wayfinding"),
        _("Tactile or voice wayfinding"),
    ),
    Feature("quiet_room", _("quiet room"), _("Quiet room")),
    Feature(
        "evacuation_information",
        _("evacuation information"),
        _("Accessible evacuation information"),
    ),
)

FEATURES_BY_FIELD: dict[str, Feature] = {feature.field: feature for feature in FEATURES}
