from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import FEATURES


class VenueFilterForm(forms.Form):
    """The directory's filters, sent with GET so a filtered list can be bookmarked."""

    city = forms.ChoiceField(
        label=_("City"),
        required=False,
        error_messages={
            "invalid_choice": _("We have no venues in this city. Choose a city from the list.")
        },
    )
    feature = forms.ChoiceField(
        label=_("Accessibility feature"),
        required=False,
        help_text=_("Shows only venues where we have confirmed the feature."),
        choices=[("", _("Any"))] + [(f.field, f.public_label) for f in FEATURES],
        error_messages={"invalid_choice": _("There is no such feature. Choose one from the list.")},
    )

    def __init__(self, *args: Any, cities: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        city = cast(forms.ChoiceField, self.fields["city"])
        city.choices = [("", _("All cities"))] + [(c, c) for c in cities]
