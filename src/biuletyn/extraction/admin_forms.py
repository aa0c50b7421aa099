"""The editor's check of a proposed event (admin_views.ProposalView): every field the extractor
proposed, prefilled, with the words of the article it came from as the field's hint, so the
editor compares the two before the draft is written. What the text does not say stays empty and
the hint says so; dates and times are typed the way the other admin forms take them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from biuletyn.events.enums import OFFER_ITEMS, AttendanceMode, SignLanguageOffer
from biuletyn.venues.models import Venue

from .services import EventDraft

DATE_FORMAT = "%d.%m.%Y"
TIME_FORMAT = "%H:%M"
DATE_INPUTS = [DATE_FORMAT, "%d.%m.%y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
TIME_INPUTS = [TIME_FORMAT, "%H.%M", "%H"]

# The extractor's accessibility codes that are items of the event's own offer.
OFFER_CODES = {
    "captions": "captions",
    "induction_loop": "hearing_loop",
    "audio_description": "audio_description",
    "easy_to_read": "easy_read",
    "assistant": "assistant",
}
# Codes that describe the venue rather than the event: they go to the notes for this event.
VENUE_CODES = {
    "step_free_access": _("step-free access"),
    "accessible_toilet": _("accessible toilet"),
    "parking": _("parking spaces for disabled people"),
}
NOT_FOUND = _("Not found in the article.")


def _date_field(label: Any, *, required_message: Any = None) -> forms.DateField:
    messages = {"invalid": _("Enter the date like this: 20.06.2024.")}
    if required_message:
        messages["required"] = required_message
    return forms.DateField(
        label=label,
        required=required_message is not None,
        input_formats=DATE_INPUTS,
        widget=forms.DateInput(format=DATE_FORMAT, attrs={"autocomplete": "off"}),
        error_messages=messages,
    )


def _time_field(label: Any) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        required=False,
        input_formats=TIME_INPUTS,
        widget=forms.TimeInput(format=TIME_FORMAT, attrs={"autocomplete": "off"}),
        error_messages={"invalid": _("Enter the time like this: 16:00.")},
    )


def matching_venue(name: str | None, street: str | None, city: str | None) -> Venue | None:
    """A venue of the directory the proposal names: by name (and city, when given), else by
    street address. None when nothing matches or the match is not unique."""
    venues = Venue.objects.all()
    if city:
        venues = venues.filter(city__iexact=city)
    for lookup, value in (
        ("name__iexact", name),
        ("name__icontains", name),
        ("street_address__iexact", street),
    ):
        if value:
            found = list(venues.filter(**{lookup: value})[:2])
            if len(found) == 1:
                return found[0]
    return None


class EventProposalForm(forms.Form):
    title = forms.CharField(
        label=_("Title of the event"),
        max_length=255,
        error_messages={"required": _("Give the event a title.")},
    )
    lead = forms.CharField(
        label=_("Lead"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what happens, for whom, and why come."),
        error_messages={"required": _("Write the lead: two or three sentences about the event.")},
    )
    start_date = _date_field(
        _("Start date"),
        required_message=_("Enter the date the event starts, like this: 20.06.2024."),
    )
    start_time = _time_field(_("Start time"))
    end_date = _date_field(_("End date"))
    end_time = _time_field(_("End time"))
    attendance_mode = forms.ChoiceField(
        label=_("How people take part"), choices=AttendanceMode.choices, widget=forms.RadioSelect
    )
    venue = forms.ModelChoiceField(
        label=_("Venue"),
        queryset=Venue.objects.order_by("city", "name"),
        required=False,
        empty_label=pgettext_lazy("venue choice", "— none chosen —"),
    )
    online_url = forms.URLField(
        label=_("Online address"),
        assume_scheme="https",
        required=False,
        error_messages={"invalid": _("Enter the whole address, starting with https://.")},
    )
    sign_language = forms.ChoiceField(
        label=_("Polish Sign Language (PJM) interpreter"),
        choices=SignLanguageOffer.choices,
        widget=forms.RadioSelect,
    )
    sign_language_how_to_ask = forms.CharField(
        label=_("How to ask for an interpreter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    offer = forms.MultipleChoiceField(
        label=_("The event's accessibility offer"),
        required=False,
        choices=[(item.field, item.label) for item in OFFER_ITEMS],
        widget=forms.CheckboxSelectMultiple,
    )
    accessibility_other = forms.CharField(
        label=_("Other accessibility arrangements"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    accessibility_notes = forms.CharField(
        label=_("Notes on the venue for this event"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    registration_deadline = _date_field(_("Last day to register"))
    registration_how = forms.CharField(
        label=_("How to register"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, proposal: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.proposal = proposal
        if proposal is not None:
            self._show_evidence(proposal.evidence)

    def _show_evidence(self, evidence: dict[str, str]) -> None:
        """Each proposed field's hint: the words of the article it came from."""
        sources = {
            "start_date": "start_date",
            "start_time": "start_time",
            "end_date": "end_date",
            "end_time": "end_time",
            "attendance_mode": "online",
            "registration_deadline": "registration_deadline",
            "registration_how": "registration_how",
        }
        for name, key in sources.items():
            self.fields[name].help_text = self._evidence(evidence.get(key))
        place = [
            evidence[key] for key in ("venue_name", "street_address", "city") if evidence.get(key)
        ]
        self.fields["venue"].help_text = self._evidence(" … ".join(dict.fromkeys(place)) or None)
        offered = evidence.get("accessibility")
        for name in ("sign_language", "offer", "accessibility_other", "accessibility_notes"):
            self.fields[name].help_text = self._evidence(offered)

    @staticmethod
    def _evidence(text: str | None) -> Any:
        if not text:
            return NOT_FOUND
        return format_html("{} <q>{}</q>", _("From the article:"), text)

    def draft(self) -> EventDraft:
        data = self.cleaned_data
        return EventDraft(
            title=data["title"],
            lead=data["lead"],
            start_date=data["start_date"],
            start_time=data["start_time"],
            end_date=data["end_date"],
            end_time=data["end_time"],
            attendance_mode=data["attendance_mode"],
            venue=data["venue"],
            online_url=data["online_url"],
            sign_language=data["sign_language"],
            sign_language_how_to_ask=data["sign_language_how_to_ask"],
            offer=frozenset(data["offer"]),
            accessibility_other=data["accessibility_other"],
            accessibility_notes=data["accessibility_notes"],
            registration_deadline=data["registration_deadline"],
            registration_how=data["registration_how"],
        )


def initial_for(article: Any, proposal: Any) -> dict[str, Any]:
    """The form's first values: the article's title and lead, and what the extractor read."""
    codes = list(proposal.accessibility)

    def day(value: Any) -> dt.date | None:
        return value.as_date() if value is not None else None

    venue = matching_venue(proposal.venue_name, proposal.street_address, proposal.city)
    if proposal.online:
        in_person = venue is not None or proposal.venue_name or proposal.street_address
        mode = AttendanceMode.MIXED if in_person else AttendanceMode.ONLINE
    else:
        mode = AttendanceMode.IN_PERSON
    # The notes show on the event's page: written in the article's language.
    with translation.override(article.locale.language_code):
        venue_notes = [str(VENUE_CODES[code]) for code in codes if code in VENUE_CODES]
        notes = (
            _("The article mentions: %(items)s.") % {"items": ", ".join(venue_notes)}
            if venue_notes
            else ""
        )
    return {
        "title": article.title,
        "lead": article.lead,
        "start_date": day(proposal.start_date),
        "start_time": proposal.start_time,
        "end_date": day(proposal.end_date),
        "end_time": proposal.end_time,
        "attendance_mode": mode,
        "venue": venue,
        "sign_language": (
            SignLanguageOffer.PROVIDED if "pjm_interpreter" in codes else SignLanguageOffer.NONE
        ),
        "offer": [OFFER_CODES[code] for code in codes if code in OFFER_CODES],
        "accessibility_other": "; ".join(
            code.removeprefix("other:") for code in codes if code.startswith("other:")
        ),
        "accessibility_notes": notes,
        "registration_deadline": day(proposal.registration_deadline),
        "registration_how": proposal.registration_how or "",
    }
