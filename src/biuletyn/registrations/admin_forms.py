"""Forms of the organiser's side in the admin (ADR 0011): an event's registration settings, a
registration taken by staff, and the answer to an accommodation request.

Every error is a sentence in the editor's language next to its field; nothing an editor typed is
lost on an error.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from .enums import NEEDS_WITH_DETAILS, CaseStatus, Channel, ContactPreference, Need
from .exports import ADMIN_CONTACT_PREFERENCES
from .models import RegistrationSetup
from .services import NeedAnswer, phone_key

DATE_TIME_FIELDS = ("opens_at", "closes_at", "wheelchair_release_at")


class RegistrationSetupForm(WagtailAdminModelForm):
    """One setup per event across its language versions; the dates in order. Every error is
    ours, in plain words, instead of Django's generic ones."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        messages: dict[str, dict[str, Any]] = {
            "event": {"required": _("Choose the event.")},
            "controller": {"required": _("Enter who is responsible for the personal data.")},
            "organiser_email": {
                "invalid": _("Enter the e-mail address in the form name@example.pl.")
            },
            "capacity": dict.fromkeys(
                ("invalid", "min_value", "max_value"),
                _("Enter the number of seats (1 or more), or leave it empty if there is no limit."),
            ),
            "wheelchair_spaces": {
                "required": _("Enter the number of wheelchair spaces (0 or more)."),
                **dict.fromkeys(
                    ("invalid", "min_value", "max_value"),
                    _("Enter the number of wheelchair spaces (0 or more)."),
                ),
            },
            "max_seats_per_registration": {
                "required": _("Enter how many seats one person can take, from 1 to 20."),
                **dict.fromkeys(
                    ("invalid", "min_value", "max_value"),
                    _("Enter how many seats one person can take, from 1 to 20."),
                ),
            },
            **{
                name: {"invalid": _("Enter a date and time, for example 20.12.2026 10:00.")}
                for name in DATE_TIME_FIELDS
            },
        }
        for name, errors in messages.items():
            if name in self.fields:
                self.fields[name].error_messages.update(errors)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        event = data.get("event")
        if event is not None:
            taken = RegistrationSetup.objects.filter(event_key=event.translation_key)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    "event",
                    _(
                        "This event already has its registration set up (for all its language "
                        "versions). Find it in the list under “Registrations” and change it "
                        "there."
                    ),
                )
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error(
                "closes_at", _("Registration must close after it opens. Check both times.")
            )
        return data


STAFF_CHANNELS = [choice for choice in Channel.choices if choice[0] != Channel.ONLINE]

# The needs as staff tick them about someone else: the public form's first-person labels in the
# third person.
STAFF_NEED_LABELS = {
    Need.ASSISTANT: pgettext_lazy("need, staff", "Comes with a personal assistant"),
}
STAFF_NEEDS = [(value, STAFF_NEED_LABELS.get(Need(value), label)) for value, label in Need.choices]

# The public form's phone rule (forms.RegistrationForm.clean_phone): what people write around
# the digits, and 9 to 15 digits (a Polish number has 9, "+48" in front is allowed).
PHONE_CHARACTERS = re.compile(r"^[0-9 \u00a0+\-().]*$")
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 9, 15


def valid_phone(phone: str) -> bool:
    digits = sum(character in "0123456789" for character in phone)
    return bool(
        PHONE_CHARACTERS.match(phone)
        and MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS
        and phone_key(phone)
    )


class StaffRegistrationForm(forms.Form):
    """Someone who called, wrote or came in: staff type what the person told them."""

    channel = forms.ChoiceField(
        label=_("How did the person register?"),
        choices=STAFF_CHANNELS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the person registered.")},
    )
    name = forms.CharField(
        label=_("Name and surname"),
        max_length=200,
        error_messages={"required": _("Enter the person’s name.")},
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Enter the e-mail address in the form name@example.pl.")},
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=32,
        help_text=_("A phone number or an e-mail address: at least one of them."),
        error_messages={"max_length": _("Write the phone number in at most 32 characters.")},
    )
    contact_preference = forms.ChoiceField(
        label=_("How does the person want us to contact them?"),
        choices=list(ADMIN_CONTACT_PREFERENCES.items()),
        widget=forms.RadioSelect,
        initial=ContactPreference.PHONE,
        error_messages={"required": _("Choose how we should contact this person.")},
    )
    seats = forms.IntegerField(
        label=_("Number of seats"),
        min_value=1,
        initial=1,
        help_text=_("The person and the people who come with them."),
        error_messages={
            "required": _("Enter the number of seats."),
            "invalid": _("Enter the number of seats as a whole number, e.g. 2."),
            "min_value": _("Enter at least 1 seat."),
        },
    )
    needs = forms.MultipleChoiceField(
        label=_("Accommodation requests"),
        required=False,
        choices=STAFF_NEEDS,
        widget=forms.CheckboxSelectMultiple,
    )
    diet_details = forms.CharField(
        label=_("What dietary needs?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    other_details = forms.CharField(
        label=_("What else does the person need?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    health_consent = forms.BooleanField(
        label=_(
            "The person agreed to the processing of information about their needs (health "
            "data) in connection with this event"
        ),
        required=False,
        help_text=_(
            "Read the information clause above to the person first. Without their consent the "
            "needs are not stored."
        ),
    )
    staff_note = forms.CharField(
        label=_("Note for staff"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Seen only in the admin. Never write health details here."),
    )

    def __init__(self, *args: Any, setup: RegistrationSetup, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setup = setup
        most = setup.max_seats_per_registration
        seats = self.fields["seats"]
        assert isinstance(seats, forms.IntegerField)
        seats.max_value = most
        seats.widget.attrs["max"] = most
        seats.validators.append(MaxValueValidator(most))
        seats.error_messages["max_value"] = ngettext(
            "One registration can take at most %(most)s seat.",
            "One registration can take at most %(most)s seats.",
            most,
        ) % {"most": most}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        email, phone = data.get("email", ""), data.get("phone", "")
        if not self.has_error("email") and not email.strip() and not phone.strip():
            self.add_error("phone", _("Enter a phone number or an e-mail address."))
        if phone.strip() and not self.has_error("phone") and not valid_phone(phone.strip()):
            self.add_error(
                "phone", _("Write the phone number with its 9 digits, for example 600 100 200.")
            )
        needs = data.get("needs") or []
        if Need.DIET in needs and not data.get("diet_details", "").strip():
            self.add_error("diet_details", _("Write what dietary needs the person has."))
        if Need.OTHER in needs and not data.get("other_details", "").strip():
            self.add_error("other_details", _("Write what else the person needs."))
        return data

    def need_answers(self) -> list[NeedAnswer]:
        details = {
            Need.DIET: self.cleaned_data.get("diet_details", ""),
            Need.OTHER: self.cleaned_data.get("other_details", ""),
        }
        return [
            NeedAnswer(need, details.get(need, "") if need in NEEDS_WITH_DETAILS else "")
            for need in self.cleaned_data.get("needs", [])
        ]


class CaseAnswerForm(forms.Form):
    """The organiser's answer to one accommodation request. Each case's form has its own prefix,
    so many of them can stand on one page."""

    status = forms.ChoiceField(
        label=pgettext_lazy("case answer", "Answer"),
        choices=CaseStatus.choices,
        error_messages={"required": _("Choose the answer.")},
    )
    answer = forms.CharField(
        label=_("Message to the person"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "They get it through the way of contact they chose. Needed when you offer an "
            "alternative or decline."
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        status = data.get("status")
        if (
            status in (CaseStatus.ALTERNATIVE, CaseStatus.DECLINED)
            and not (data.get("answer") or "").strip()
        ):
            self.add_error(
                "answer",
                _("Write to the person what you offer instead or why you cannot provide it."),
            )
        return data
