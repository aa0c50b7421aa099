"""Forms of the organiser's side in the admin (ADR 0011): an event's registration settings, a
registration taken by staff, and the answer to an accommodation request.

Every error is a sentence in the editor's language next to its field; nothing an editor typed is
lost on an error. Numbers are typed in text fields with a numeric keyboard (``inputmode``), as on
the public form: a browser's number field sends nothing for a typo such as "3e", and an empty
capacity means "no limit", so a typo must come back as an error instead.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator
from django.forms.fields import DateTimeFormatsIterator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.models import Locale

from . import services
from .enums import (
    NEED_SHORT_LABELS,
    NEEDS_WITH_DETAILS,
    CaseStatus,
    Channel,
    ContactPreference,
    Need,
)
from .exports import ADMIN_CONTACT_PREFERENCES
from .models import RegistrationSetup
from .services import NeedAnswer, phone_key

DATE_TIME_FIELDS = ("opens_at", "closes_at", "wheelchair_release_at")
# The one way the admin writes a date and time: in the field, in its hint and in its error
# ("20.12.2026 10:00"), in both languages; the picker writes it so too. ISO dates
# ("2026-12-20 10:00") are still read.
DATE_TIME_FORMAT = "%d.%m.%Y %H:%M"
NUMBER_FIELDS = ("capacity", "wheelchair_spaces", "max_seats_per_registration")


def number_input() -> forms.TextInput:
    """A whole number typed as text with a numeric keyboard: what was typed comes back as it
    is, a typo included, and gets its error."""
    return forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})


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
        for name in NUMBER_FIELDS:
            if name in self.fields:
                self.fields[name].widget = number_input()
        hints = {
            "opens_at": _(
                "Time in Poland, for example 20.12.2026 10:00. Leave empty to open it as soon "
                "as you save."
            ),
            "closes_at": _(
                "Time in Poland, for example 20.12.2026 10:00. Leave empty to close it when "
                "the event starts."
            ),
            "wheelchair_release_at": _(
                "Time in Poland, for example 20.12.2026 10:00. Until then only people who need "
                "a wheelchair space can take one. After it, free wheelchair spaces are open to "
                "everyone. Leave empty to hold them to the end."
            ),
        }
        for name in DATE_TIME_FIELDS:
            if name in self.fields:
                field = self.fields[name]
                assert isinstance(field, forms.DateTimeField)
                field.widget = AdminDateTimeInput(format=DATE_TIME_FORMAT)
                field.input_formats = [DATE_TIME_FORMAT, *DateTimeFormatsIterator()]
                field.help_text = hints[name]

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
        if event is not None:
            self._check_against_the_start(event, data)
        if self.instance.pk:
            self._check_against_the_people(data)
        return data

    def _check_against_the_start(self, event: Any, data: dict[str, Any]) -> None:
        """Registration happens before the event: it cannot open, close or release the
        wheelchair spaces after the event has begun. A postponed event without a new date has
        no start to compare with."""
        source = event.get_translation_or_none(Locale.get_default()) or event
        if source.date_to_be_announced:
            return
        start = source.schedule.first_instant
        opens, closes = data.get("opens_at"), data.get("closes_at")
        release = data.get("wheelchair_release_at")
        if opens and opens >= start:
            self.add_error("opens_at", _("Registration must open before the event starts."))
        if closes and closes > start:
            self.add_error(
                "closes_at", _("Registration must close at the latest when the event starts.")
            )
        if release and release >= start:
            self.add_error(
                "wheelchair_release_at",
                _("Wheelchair spaces must be released before the event starts."),
            )

    def _check_against_the_people(self, data: dict[str, Any]) -> None:
        """Settings that would contradict the people already registered: fewer seats or
        wheelchair spaces than are confirmed, or no waiting list while people wait on it."""
        counts = services.counts(self.instance)
        capacity = data.get("capacity")
        if (
            capacity is not None
            and not self.has_error("capacity")
            and capacity < counts.seats_taken
        ):
            self.add_error(
                "capacity",
                ngettext(
                    "%(taken)s seat is already confirmed for this event. Enter at least "
                    "%(taken)s, or cancel registrations first.",
                    "%(taken)s seats are already confirmed for this event. Enter at least "
                    "%(taken)s, or cancel registrations first.",
                    counts.seats_taken,
                )
                % {"taken": counts.seats_taken},
            )
        spaces = data.get("wheelchair_spaces")
        if (
            spaces is not None
            and not self.has_error("wheelchair_spaces")
            and spaces < counts.wheelchair_taken
        ):
            self.add_error(
                "wheelchair_spaces",
                ngettext(
                    "%(taken)s wheelchair space is already taken at this event. Enter at least "
                    "%(taken)s, or cancel registrations first.",
                    "%(taken)s wheelchair spaces are already taken at this event. Enter at "
                    "least %(taken)s, or cancel registrations first.",
                    counts.wheelchair_taken,
                )
                % {"taken": counts.wheelchair_taken},
            )
        if self.instance.waiting_list and not data.get("waiting_list") and counts.waiting:
            self.add_error(
                "waiting_list",
                ngettext(
                    "%(waiting)s registration is on the waiting list, so the list cannot be "
                    "switched off. First add seats (the person on the list gets them at once) "
                    "or cancel that registration. If you do not want to take new people, "
                    "switch registration off.",
                    "%(waiting)s registrations are on the waiting list, so the list cannot be "
                    "switched off. First add seats (the people on the list get them at once) "
                    "or cancel those registrations. If you do not want to take new people, "
                    "switch registration off.",
                    counts.waiting,
                )
                % {"waiting": counts.waiting},
            )


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
        widget=number_input(),
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
    # Set once the page has warned that needs ticked without consent are not stored: sent
    # again without consent, the form registers the person without their needs.
    consent_warned = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, setup: RegistrationSetup, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setup = setup
        most = setup.max_seats_per_registration
        seats = self.fields["seats"]
        assert isinstance(seats, forms.IntegerField)
        seats.max_value = most
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

    @property
    def warned_about_consent(self) -> bool:
        """Whether the page has already said that needs without consent are not stored."""
        return bool(self.data.get("consent_warned")) if self.is_bound else False

    def needs_to_warn_about(self) -> list[str]:
        """The needs ticked without the person's consent that staff have not yet been warned
        about (short labels, e.g. "PJM, dieta"); empty when there is nothing to say. As on the
        public form: the page says it once, before anything is registered."""
        data = self.cleaned_data
        if data.get("health_consent") or self.warned_about_consent:
            return []
        return [str(NEED_SHORT_LABELS[Need(need)]) for need in data.get("needs") or ()]


class SometimesRequiredCharField(forms.CharField):
    """A field needed for some answers only (the form's ``clean`` says which): not marked
    "(optional)", yet an empty value passes the field's own check. The form sets no
    ``required`` attribute on it (``use_required_attribute``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=True, **kwargs)

    def validate(self, value: Any) -> None:
        if value in self.empty_values:
            return
        super().validate(value)


class CaseAnswerForm(forms.Form):
    """The organiser's answer to one accommodation request. Each case's form has its own prefix,
    so many of them can stand on one page."""

    # The message is needed only for some answers: no field says "required" to the browser or
    # to a screen reader; the form's errors say what is missing.
    use_required_attribute = False

    status = forms.ChoiceField(
        label=pgettext_lazy("case answer", "Answer"),
        choices=CaseStatus.choices,
        error_messages={"required": _("Choose the answer.")},
    )
    answer = SometimesRequiredCharField(
        label=_("Message to the person"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Needed when you offer an alternative or decline. The person reads it on their "
            "link; we let them know about it through the way of contact they chose."
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
