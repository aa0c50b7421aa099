"""Forms of the organiser's side of consultations in the admin (issue 11): rejecting a comment
with a reason, entering a comment received on someone's behalf, answering a comment for the
report, and the report itself.

Every error is a sentence in the editor's language next to its field; nothing an editor typed is
lost on an error. Times are typed as "20.06.2024 14:30", time in Poland, as elsewhere in the
admin (registrations.admin_forms.DATE_TIME_FORMAT).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.forms.fields import DateTimeFormatsIterator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from biuletyn.registrations.admin_forms import DATE_TIME_FORMAT, SometimesRequiredCharField

from .enums import Answer, Channel, RejectReason
from .models import ConsultationPage

MAX_TEXT = 20_000

STAFF_CHANNELS = [choice for choice in Channel.choices if choice[0] != Channel.ONLINE]
GENERAL = "general"
MIN_YEAR, MAX_YEAR = 2000, 2100
NO_SECTION = ""


def admin_time(moment: dt.datetime) -> str:
    """A moment as the admin's fields write it: 20.06.2024 14:30, time in Poland."""
    return timezone.localtime(moment).strftime(DATE_TIME_FORMAT)


class WarsawDateTimeField(forms.DateTimeField):
    """A date and time in Poland. A time that does not exist or comes twice on a night the
    clocks change, and a year no one means, get our own sentence instead of Django's."""

    def to_python(self, value: Any) -> dt.datetime | None:
        try:
            moment = super().to_python(value)
        except forms.ValidationError as error:
            if error.code == "ambiguous_timezone":
                raise forms.ValidationError(
                    _(
                        "This time does not exist or comes twice in Poland: the clocks change "
                        "that night. Enter a time an hour earlier or later."
                    ),
                    code="ambiguous_timezone",
                ) from error
            raise
        if moment is not None and not MIN_YEAR <= moment.year <= MAX_YEAR:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return moment


class RejectForm(forms.Form):
    """Why a comment is not published. The author reads the reason (and the explanation)."""

    # The explanation is needed for "another reason" only: no field says "required" to the
    # browser; the form's errors say what is missing.
    use_required_attribute = False

    reason = forms.ChoiceField(
        label=_("Why is it rejected?"),
        choices=[("", _("Choose the reason")), *RejectReason.choices],
        error_messages={
            "required": _("Choose why the comment is rejected."),
            "invalid_choice": _("Choose why the comment is rejected."),
        },
    )
    note = SometimesRequiredCharField(
        label=_("Explanation for the author"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Needed for “another reason”. The author reads it in the message about the "
            "decision, so write politely and plainly."
        ),
        error_messages={"max_length": _("Write the explanation in at most 2000 characters.")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("reason") == RejectReason.OTHER and not (data.get("note") or "").strip():
            self.add_error("note", _("Explain to the author why the comment is rejected."))
        return data


class OnBehalfForm(forms.Form):
    """A comment received by phone, letter, e-mail, in PJM or at a meeting, typed by staff."""

    channel = forms.ChoiceField(
        label=_("How did the comment come?"),
        choices=STAFF_CHANNELS,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how the comment came."),
            "invalid_choice": _("Choose how the comment came."),
        },
    )
    received_at = WarsawDateTimeField(
        label=_("When was it received?"),
        help_text=_(
            "Date and time in Poland, for example 20.06.2024 14:30. For a letter, the day it "
            "was posted or handed in."
        ),
        input_formats=[DATE_TIME_FORMAT, *DateTimeFormatsIterator()],
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": _("Enter when the comment was received, for example 20.06.2024 14:30."),
            "invalid": _("Enter the date and time like this: 20.06.2024 14:30."),
        },
    )
    section = forms.ChoiceField(
        label=_("Which part of the draft is it about?"),
        error_messages={
            "required": _("Choose the part of the draft the comment is about."),
            "invalid_choice": _("Choose the part of the draft the comment is about."),
        },
    )
    text = forms.CharField(
        label=_("The comment"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("As the person gave it. For a comment in PJM, its translation."),
        error_messages={
            "required": _("Write the comment as it was given."),
            "max_length": _("The comment can have at most 20,000 characters."),
        },
    )
    author_name = forms.CharField(
        label=_("Name and surname"),
        required=False,
        max_length=200,
        help_text=_("Shown with the comment only if the person agreed to it."),
        error_messages={"max_length": _("Write the name in at most 200 characters.")},
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        required=False,
        max_length=300,
        help_text=_("When the person speaks for an organisation."),
        error_messages={"max_length": _("Write the organisation in at most 300 characters.")},
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        help_text=_("If the person wants to be told about the decision and the report."),
        error_messages={
            "invalid": _("Enter the e-mail address in the form name@example.pl."),
            "max_length": _("Enter the e-mail address in the form name@example.pl."),
        },
    )
    consent = forms.ChoiceField(
        label=_("Does the person agree to the text of their comment being published?"),
        choices=[
            ("yes", _("Yes: the text may be shown on the consultation page")),
            ("no", _("No: the comment is only counted and answered in the report")),
        ],
        widget=forms.RadioSelect,
        help_text=_("Ask the person. Without their clear yes, choose “No”."),
        error_messages={
            "required": _("Choose whether the person agrees to the text being published."),
            "invalid_choice": _("Choose whether the person agrees to the text being published."),
        },
    )

    def __init__(self, *args: Any, page: ConsultationPage, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page = page
        section = self.fields["section"]
        assert isinstance(section, forms.ChoiceField)
        section.choices = [
            (GENERAL, _("The draft as a whole (a general comment)")),
            *(
                (item["key"], item["heading"])
                for item in page.section_list()
                if item["commentable"]
            ),
        ]

    def clean_text(self) -> str:
        text = str(self.cleaned_data.get("text") or "")
        if not text.strip():
            raise forms.ValidationError(_("Write the comment as it was given."), code="required")
        return text

    def clean_received_at(self) -> dt.datetime:
        moment: dt.datetime = self.cleaned_data["received_at"]
        page = self.page
        if moment > timezone.now():
            raise forms.ValidationError(
                _("The time received cannot be in the future. Check the date."), code="future"
            )
        if not page.opens_at <= moment < page.closes_at:
            raise forms.ValidationError(
                _(
                    "This consultation took comments from %(opens)s to %(closes)s (the closing "
                    "minute not included). A comment received at %(received)s is outside that "
                    "time and cannot be entered. Check the date; if it is right, answer the "
                    "person yourself."
                ),
                code="period",
                params={
                    "opens": admin_time(page.opens_at),
                    "closes": admin_time(page.closes_at),
                    "received": admin_time(moment),
                },
            )
        return moment

    @property
    def section_key(self) -> str | None:
        key = self.cleaned_data.get("section")
        return None if key in (None, GENERAL) else str(key)

    @property
    def consent_to_publish(self) -> bool:
        return self.cleaned_data.get("consent") == "yes"


class AnswerForm(forms.Form):
    """The organiser's answer to one comment for the report. Each comment's form has its own
    prefix, so many of them can stand on one page."""

    use_required_attribute = False

    answer = forms.ChoiceField(
        label=pgettext_lazy("comment answer", "Answer"),
        choices=[("", _("Choose the answer")), *Answer.choices],
        error_messages={
            "required": _("Choose the answer to the comment."),
            "invalid_choice": _("Choose the answer to the comment."),
        },
    )
    justification = SometimesRequiredCharField(
        label=_("Justification"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Needed unless the comment is accepted. It is published in the report: write it so "
            "the author understands why."
        ),
        error_messages={"max_length": _("Write the justification in at most 20,000 characters.")},
    )
    changed_section = forms.ChoiceField(
        label=_("Which section of the draft changed because of it?"),
        required=False,
        error_messages={"invalid_choice": _("Choose a section of the draft, or “none”.")},
    )

    def __init__(self, *args: Any, page: ConsultationPage, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        changed = self.fields["changed_section"]
        assert isinstance(changed, forms.ChoiceField)
        changed.choices = [
            (NO_SECTION, pgettext_lazy("section changed", "None")),
            *((item["key"], item["heading"]) for item in page.section_list()),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        answer = data.get("answer")
        if answer and answer != Answer.ACCEPTED and not (data.get("justification") or "").strip():
            self.add_error(
                "justification",
                _("Write the justification: it is needed unless the comment is accepted."),
            )
        return data


class ReportForm(forms.Form):
    """The report's texts and links. Saved at any time; published once everything is ready."""

    summary = forms.CharField(
        label=_("Summary of the report"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What the comments changed in the draft, in a few short sentences. Needed before "
            "the report is published."
        ),
        error_messages={"max_length": _("Write the summary in at most 20,000 characters.")},
    )
    summary_en = forms.CharField(
        label=_("Summary in English"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4, "lang": "en"}),
        help_text=_("Leave it empty to show the Polish summary on the English page."),
        error_messages={"max_length": _("Write the summary in at most 20,000 characters.")},
    )
    easy_read_url = forms.URLField(
        label=_("Address of the easy-to-read (ETR) version of the report"),
        required=False,
        assume_scheme="https",
        max_length=200,
        error_messages={
            "invalid": _("Enter the whole address, for example https://example.pl/raport-etr."),
            "max_length": _("The address can have at most 200 characters."),
        },
    )
    sign_language_url = forms.URLField(
        label=_("Address of the PJM video of the report"),
        required=False,
        assume_scheme="https",
        max_length=200,
        error_messages={
            "invalid": _(
                "Enter the whole address, for example https://www.youtube.com/watch?v=abc."
            ),
            "max_length": _("The address can have at most 200 characters."),
        },
    )
