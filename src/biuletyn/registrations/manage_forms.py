"""The form a person changes their registration with, on their signed link (ADR 0011).

It is the sign-up form (``forms.RegistrationForm``): the same fields, rules and messages, so a
person meets one form twice, and the same consent rule: needs ticked without consent bring the
form back once with a warning (which here also says that requests already made would be deleted
with the organiser's answers, and a wheelchair space held would go); sent again, the rest of the
change is saved without them, and the person is told. What the change adds: it starts
from the registration as it stands, has no idempotency key or honeypot (the signed link is the
person's own), and explains the refusals only a change meets (more seats than are free, a
contact another registration uses).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .enums import Need
from .forms import HONEYPOT, RegistrationForm
from .models import Registration
from .services import RegistrationError


class ChangeForm(RegistrationForm):
    def __init__(
        self,
        *args: Any,
        registration: Registration,
        today: dt.date | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("initial", initial_from(registration))
        super().__init__(
            *args, setup=registration.setup, today=today or timezone.localdate(), **kwargs
        )
        self.registration = registration
        for name in ("idempotency_key", HONEYPOT):
            self.fields.pop(name, None)

    def change_kwargs(self) -> dict[str, Any]:
        """What ``services.change`` takes from the form."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data.get("email") or "",
            "phone": data.get("phone") or "",
            "contact_preference": data["contact_preference"],
            "seats": self.seat_count,
            "needs": self.need_answers(),
            "health_consent": bool(data.get("health_consent")),
        }

    def warning_context(self) -> dict[str, Any]:
        """What the consent warning says (includes/consent_warning.html), or nothing: the needs
        ticked without consent, whether some are requests already stored (the change would
        delete them with the organiser's answers), and whether the wheelchair space held for
        the person would go."""
        warning = self.needs_to_warn_about()
        if not warning:
            return {}
        ticked = {str(need) for need in self.cleaned_data.get("needs") or ()}
        stored = {str(case.need) for case in self.registration.accommodations.all()}
        return {
            "consent_warning": warning,
            "consent_deletes": bool(ticked & stored),
            "consent_frees_wheelchair": (
                str(Need.WHEELCHAIR) in (ticked & stored)
                and self.registration.wheelchair_spaces_held > 0
            ),
        }

    def add_service_error(self, error: RegistrationError) -> None:
        if error.code == "not_enough_places":
            free = int(error.details.get("free") or 0)
            field = "seats" if "seats" in self.fields else None
            if free < 1:
                message = _(
                    "No more places are free for this event now, so you cannot add seats. You "
                    "keep the seats you have."
                )
            else:
                message = ngettext(
                    "Only %(free)s place is free for you now, counting the ones you have. "
                    "Choose %(free)s seat, or keep the number you had.",
                    "Only %(free)s places are free for you now, counting the ones you have. "
                    "Choose %(free)s seats or fewer, or keep the number you had.",
                    free,
                ) % {"free": free}
            self.add_error(field, message)
        elif error.code == "contact_taken":
            self.add_error(
                "email" if self.cleaned_data.get("email") else "phone",
                _(
                    "Another registration for this event already uses this e-mail address or "
                    "phone number. Give a different one, or keep the one you had."
                ),
            )
        else:
            super().add_service_error(error)


def initial_from(registration: Registration) -> dict[str, Any]:
    """The form's starting values: the registration as it stands."""
    cases = list(registration.accommodations.all())
    details = {case.need: case.details for case in cases}
    return {
        "name": registration.name,
        "email": registration.email,
        "phone": registration.phone,
        "contact_preference": registration.contact_preference,
        "seats": registration.seats,
        "needs": [case.need for case in cases],
        "diet_details": details.get(Need.DIET, ""),
        "other_details": details.get(Need.OTHER, ""),
        "health_consent": registration.health_consent_at is not None,
    }
