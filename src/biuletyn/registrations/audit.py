"""The audit log of registrations: every view, export, change and deletion, without health data
(ADR 0011).

Entries go to Wagtail's own audit log (``ModelLogEntry``, shown under Reports → Site history),
so staff read one history. Our models' ``__str__`` holds no personal data ("Zgłoszenie nr 12")
and that is the label Wagtail keeps; ``data`` carries only ids, counts, statuses and need
*kinds* are never written (a need is health data): only how many cases changed.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log as wagtail_log

ACTIONS = {
    "biuletyn.registration.create": (_("Create registration"), _("Registration created")),
    "biuletyn.registration.view": (_("View registration"), _("Registration viewed")),
    "biuletyn.registration.list": (_("View registrations"), _("Registrations listed")),
    "biuletyn.registration.change": (_("Change registration"), _("Registration changed")),
    "biuletyn.registration.cancel": (_("Cancel registration"), _("Registration cancelled")),
    "biuletyn.registration.delete": (_("Delete registration"), _("Registration deleted")),
    "biuletyn.registration.export": (_("Export registrations"), _("Registrations exported")),
    "biuletyn.registration.check_in": (_("Check in"), _("Attendee checked in")),
    "biuletyn.registration.moderate": (_("Moderate registration"), _("Registration checked")),
    "biuletyn.case.answer": (
        _("Answer accommodation request"),
        _("Accommodation request answered"),
    ),
    "biuletyn.purge": (_("Purge personal data"), _("Personal data purged")),
}


def register_actions(actions: Any) -> None:
    """For Wagtail's ``register_log_actions`` hook."""
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


def log(
    instance: Model, action: str, *, user: Any = None, by_person: bool = False, **data: Any
) -> None:
    """Record ``action`` on ``instance``. ``by_person``: the registered person acted through
    their signed link (no user). ``data`` must hold no personal or health data: ids, counts,
    statuses, the channel."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if by_person:
        data["by"] = "person"
    wagtail_log(instance, action, user=user, data=data)
