"""The public registration form (issue 10): who comes, how to reach them, how many seats, and
the accommodation needs, asked as typed options with an explicit consent for the health data
they are (GDPR art. 9 ust. 2 lit. a).

GOV.UK patterns: every rule is checked on the server and explained beside its field (the page
sends ``novalidate``); the typed text stays on every error. Two fields are not for people: the
idempotency key (one registration however often the form is sent) and a honeypot that only
robots fill in (its hits go to moderation, never silently dropped).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from . import services
from .enums import (
    INTERPRETER_NEEDS,
    NEED_SHORT_LABELS,
    NEEDS_WITH_DETAILS,
    ContactPreference,
    Need,
)
from .models import RegistrationSetup

# A phone number as people write it: digits with spaces, dashes, dots, brackets and a "+".
_PHONE_CHARACTERS = re.compile(r"^[0-9 \u00a0+\-().]*$")
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 9, 15
DETAILS_MAX = 2000
# The idempotency key is a uuid4 the page made; anything else is ignored.
_KEY = re.compile(r"^[0-9a-f]{32}$")

# The name of the honeypot: a field robots fill in and people never see.
HONEYPOT = "fax"

# Needs that only make sense in a room: not offered for an event that takes place online only.
# (A personal assistant may help online too.)
PLACE_BOUND_NEEDS = frozenset({Need.WHEELCHAIR, Need.QUIET_SPACE, Need.DIET})

# The ids of the notes tied to the interpreter options (aria-describedby), in
# includes/interpreter_note.html.
PJM_NOTE_ID = "pjm-note"
DEADLINE_NOTE_ID = "interpreter-note"


class TelInput(forms.TextInput):
    input_type = "tel"


def new_idempotency_key() -> str:
    return uuid.uuid4().hex


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={
            "required": _("Write your name, so that the organiser knows who is coming."),
            "max_length": _("Write your name in at most 200 characters."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        help_text=_("We send the link to your registration here."),
        error_messages={
            "invalid": _("Write the e-mail address in the form name@example.pl."),
            "max_length": _("Write the e-mail address in at most 254 characters."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=32,
        help_text=_("Give it if you prefer a text message or a call."),
        error_messages={"max_length": _("Write the phone number in at most 32 characters.")},
        widget=TelInput(attrs={"autocomplete": "tel"}),
    )
    contact_preference = forms.ChoiceField(
        label=_("How would you prefer us to contact you?"),
        choices=ContactPreference.choices,
        initial=ContactPreference.EMAIL,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how you would prefer us to contact you."),
            "invalid_choice": _("Choose how you would prefer us to contact you."),
        },
    )
    seats = forms.IntegerField(
        label=_("How many seats?"),
        min_value=1,
        initial=1,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    needs = forms.MultipleChoiceField(
        label=_("What do you need to take part?"),
        required=False,
        choices=Need.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose everything that helps you. The organiser answers each request."),
        error_messages={"invalid_choice": _("Choose the needs from the list.")},
    )
    diet_details = forms.CharField(
        label=_("What diet do you need?"),
        required=False,
        max_length=DETAILS_MAX,
        help_text=_("Fill this in if you tick the box above."),
        widget=forms.Textarea(attrs={"rows": 2, "class": "app-textarea"}),
        error_messages={"max_length": _("Write it in at most 2000 characters.")},
    )
    other_details = forms.CharField(
        label=_("What else do you need?"),
        required=False,
        max_length=DETAILS_MAX,
        help_text=_("Fill this in if you tick the box above."),
        widget=forms.Textarea(attrs={"rows": 3, "class": "app-textarea"}),
        error_messages={"max_length": _("Write it in at most 2000 characters.")},
    )
    health_consent = forms.BooleanField(
        label=_("I agree that my requests are stored and used as described above."),
        required=False,
    )
    idempotency_key = forms.CharField(required=False, widget=forms.HiddenInput)
    # Set once the page has warned that needs chosen without consent are not stored: the next
    # form without consent is accepted as it is.
    consent_warned = forms.CharField(required=False, widget=forms.HiddenInput)
    fax = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(
        self,
        *args: Any,
        setup: RegistrationSetup,
        today: dt.date | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.setup = setup
        most = setup.max_seats_per_registration
        seats = self.fields["seats"]
        assert isinstance(seats, forms.IntegerField)
        seats.max_value = most
        message = _("Give a number of seats from 1 to %(most)s.") % {"most": most}
        seats.error_messages.update(
            required=message, invalid=message, min_value=message, max_value=message
        )
        seats.validators.append(MaxValueValidator(most))
        if setup.assistant_takes_seat:
            seats.help_text = _(
                "You and the people who come with you, at most %(most)s. Do not count a personal "
                "assistant here: tick that below (at this event an assistant takes a seat too)."
            ) % {"most": most}
        else:
            seats.help_text = _(
                "You and the people who come with you, at most %(most)s. A personal assistant "
                "comes free and takes no seat: do not count them here, tick that below."
            ) % {"most": most}
        if most == 1:
            # One seat is the only answer: no question to ask.
            del self.fields["seats"]
        cutoff = services.interpreter_cutoff(setup)
        self.interpreter_cutoff = cutoff
        self.interpreter_late = cutoff is not None and today is not None and cutoff < today
        # An interpreter the organiser provides anyway: no last day to ask for it.
        self.pjm_provided = services.pjm_provided(setup)
        self._offer_only_what_fits(setup)
        # The fields that are not for people never refuse anything (not even a NUL character):
        # their errors would have nowhere to show.
        for name in ("idempotency_key", "consent_warned", HONEYPOT):
            if name in self.fields:
                self.fields[name].validators = []
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", new_idempotency_key())

    def _offer_only_what_fits(self, setup: RegistrationSetup) -> None:
        """An online-only event offers no place-bound needs (a wheelchair space, a quiet room,
        a diet), unless the registration being changed already has one."""
        if setup.event.takes_place_in_person:
            return
        kept = {str(need) for need in self.initial.get("needs") or ()}
        hidden = {str(need) for need in PLACE_BOUND_NEEDS} - kept
        needs = self.fields["needs"]
        assert isinstance(needs, forms.MultipleChoiceField)
        needs.choices = [
            (value, label) for value, label in Need.choices if str(value) not in hidden
        ]
        if str(Need.DIET) in hidden:
            del self.fields["diet_details"]

    # --- single fields --------------------------------------------------------------------

    def clean_phone(self) -> str:
        phone: str = self.cleaned_data.get("phone", "")
        if not phone:
            return ""
        digits = sum(character in "0123456789" for character in phone)
        if (
            not _PHONE_CHARACTERS.match(phone)
            or not MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS
            or not services.phone_key(phone)
        ):
            raise forms.ValidationError(
                _("Write the phone number with its 9 digits, for example 600 100 200."),
                code="invalid",
            )
        return phone

    def clean_idempotency_key(self) -> str:
        key = (self.cleaned_data.get("idempotency_key") or "").strip().lower()
        return key if _KEY.match(key) else ""

    def clean_fax(self) -> str:
        # Never an error: a robot is told nothing (the registration goes to moderation).
        return str(self.cleaned_data.get("fax") or "")

    # --- the whole form -------------------------------------------------------------------

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        email, phone = data.get("email"), data.get("phone")
        has_email = bool(email) or "email" in self.errors
        has_phone = bool(phone) or "phone" in self.errors
        if not has_email and not has_phone:
            self.add_error(
                "email",
                forms.ValidationError(
                    _(
                        "Give an e-mail address or a phone number (one of the two is enough), "
                        "so that we can send you the link to your registration."
                    ),
                    code="missing_contact",
                ),
            )
        else:
            preference = data.get("contact_preference")
            needs_phone = preference in (ContactPreference.SMS, ContactPreference.PHONE)
            if needs_phone and not has_phone:
                self.add_error(
                    "contact_preference",
                    forms.ValidationError(
                        _(
                            "You chose a text message or a phone call: give your phone number "
                            "above, or choose e-mail."
                        ),
                        code="needs_phone",
                    ),
                )
            elif preference == ContactPreference.EMAIL and not has_email:
                self.add_error(
                    "contact_preference",
                    forms.ValidationError(
                        _(
                            "You chose e-mail: give your e-mail address above, or choose a "
                            "text message or a phone call."
                        ),
                        code="needs_email",
                    ),
                )
        needs = list(data.get("needs") or [])
        # Details typed without ticking the box: the person clearly needs it.
        for need, field in ((Need.DIET, "diet_details"), (Need.OTHER, "other_details")):
            if data.get(field) and need not in needs:
                needs.append(need)
            if need in needs and not data.get(field) and field not in self.errors:
                message = (
                    _("Say what diet you need, for example vegetarian or gluten-free.")
                    if need == Need.DIET
                    else _("Say what else you need.")
                )
                self.add_error(field, forms.ValidationError(message, code="details_needed"))
        data["needs"] = [need for need in Need.values if need in needs]
        return data

    # --- for the view and the template ----------------------------------------------------

    @property
    def warned_about_consent(self) -> bool:
        """Whether the page has already said that needs without consent are not stored."""
        return bool(self.data.get("consent_warned")) if self.is_bound else False

    def needs_to_warn_about(self) -> list[str]:
        """The needs chosen without consent that the person has not yet been warned about (the
        short labels, e.g. "PJM, dieta"); empty when there is nothing to say."""
        data = self.cleaned_data
        if data.get("health_consent") or self.warned_about_consent:
            return []
        return [str(NEED_SHORT_LABELS[Need(need)]) for need in data.get("needs") or ()]

    @property
    def suspicious(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT))

    def need_answers(self) -> list[services.NeedAnswer]:
        details = {
            Need.DIET: self.cleaned_data.get("diet_details", ""),
            Need.OTHER: self.cleaned_data.get("other_details", ""),
        }
        return [
            services.NeedAnswer(need, details.get(need, "") if need in NEEDS_WITH_DETAILS else "")
            for need in self.cleaned_data["needs"]
        ]

    @property
    def seat_count(self) -> int:
        return int(self.cleaned_data.get("seats") or 1)

    def register_kwargs(self) -> dict[str, Any]:
        """What ``services.register`` takes from the form."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data.get("email") or "",
            "phone": data.get("phone") or "",
            "contact_preference": data["contact_preference"],
            "seats": self.seat_count,
            "needs": self.need_answers(),
            "health_consent": bool(data.get("health_consent")),
            "idempotency_key": data.get("idempotency_key") or None,
            "suspicious": self.suspicious,
        }

    def add_service_error(self, error: services.RegistrationError) -> None:
        """A refusal of the service, as a message on the form."""
        if error.code == "missing_contact":
            self.add_error(
                "email",
                _(
                    "Give an e-mail address or a phone number (one of the two is enough), so "
                    "that we can send you the link to your registration."
                ),
            )
        elif error.code == "too_many_seats" and "seats" in self.fields:
            most = error.details.get("most", self.setup.max_seats_per_registration)
            self.add_error(
                "seats", _("Give a number of seats from 1 to %(most)s.") % {"most": most}
            )
        elif error.code == "full":
            self.add_error(
                None,
                _(
                    "All seats are taken and this event has no waiting list, so we could not "
                    "register you. If fewer seats would do, change the number and send again."
                ),
            )
        elif error.code == "closed":
            self.add_error(
                None,
                _(
                    "Registration closed before your form arrived, so we could not register "
                    "you. Contact the organiser: their details are on the event page."
                ),
            )
        else:
            self.add_error(None, _("We could not register you. Check the form and send again."))

    @property
    def details_fields(self) -> dict[str, Any]:
        """The details field shown under each need that has one (for the template)."""
        return {
            need: self[f"{need}_details"]
            for need in NEEDS_WITH_DETAILS
            if f"{need}_details" in self.fields
        }

    @property
    def interpreter_values(self) -> list[str]:
        """The interpreter choices of the needs field (the best-effort note is tied to them)."""
        return [str(need) for need in Need.values if need in INTERPRETER_NEEDS]

    @property
    def interpreter_notes(self) -> dict[str, str]:
        """Each interpreter option → the id of the note that describes it
        (includes/interpreter_note.html): PJM the organiser provides has a note of its own;
        the others, the last day to ask (when there is one)."""
        notes = {}
        for value in self.interpreter_values:
            if value == Need.PJM and self.pjm_provided:
                notes[value] = PJM_NOTE_ID
            elif self.interpreter_cutoff is not None:
                notes[value] = DEADLINE_NOTE_ID
        return notes
