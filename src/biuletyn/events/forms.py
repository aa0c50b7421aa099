"""The calendar's filters: a plain GET form, so a filtered calendar works without JavaScript, can
be bookmarked, and names its own ICS feed."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import Feature


class ParticipationChoice:
    """How a reader wants to take part. Hybrid events match both ways of taking part."""

    IN_PERSON = "in_person"
    ONLINE = "online"
    MIXED = "mixed"

    choices = [
        ("", _("Any way")),
        (IN_PERSON, _("I can come in person")),
        (ONLINE, _("I can take part online")),
        (MIXED, _("Hybrid events only")),
    ]


class EventFilterForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        error_messages={
            "invalid_choice": _("There is no such category. Choose one from the list.")
        },
    )
    organiser = forms.ChoiceField(
        label=_("Organiser"),
        required=False,
        error_messages={
            "invalid_choice": _("We have no events by this organiser. Choose one from the list.")
        },
    )
    city = forms.ChoiceField(
        label=_("City"),
        required=False,
        error_messages={
            "invalid_choice": _("We have no events in this city. Choose a city from the list.")
        },
    )
    attendance = forms.ChoiceField(
        label=_("Way of taking part"),
        required=False,
        choices=ParticipationChoice.choices,
        error_messages={
            "invalid_choice": _("There is no such way of taking part. Choose one from the list.")
        },
    )
    feature = forms.ChoiceField(
        label=_("Accessibility"),
        required=False,
        help_text=_("Shows only events where the organiser offers it or the venue confirms it."),
        choices=[("", _("Any")), *Feature.choices],
        error_messages={"invalid_choice": _("There is no such feature. Choose one from the list.")},
    )
    from_date = forms.DateField(
        label=_("From the day"),
        required=False,
        input_formats=["%Y-%m-%d"],
        help_text=_("For example 2026-12-24."),
        # A text field, not type="date": it keeps whatever the reader typed (a date picker
        # would drop "2024-13-01" silently), and browsers' pickers are hard to use with a
        # screen reader or at 400 % zoom.
        widget=forms.DateInput(
            attrs={"autocomplete": "off", "spellcheck": "false"}, format="%Y-%m-%d"
        ),
        error_messages={"invalid": _("Give the day as year-month-day, for example 2026-12-24.")},
    )

    def __init__(
        self,
        *args: Any,
        categories: list[tuple[str, str]],
        organisers: list[tuple[str, str]],
        cities: list[str],
        with_date: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._set_choices("category", [("", _("All categories")), *categories])
        self._set_choices("organiser", [("", _("All organisers")), *organisers])
        self._set_choices("city", [("", _("All cities")), *((c, c) for c in cities)])
        if not with_date:
            del self.fields["from_date"]

    def _set_choices(self, name: str, choices: list[tuple[str, Any]]) -> None:
        cast(forms.ChoiceField, self.fields[name]).choices = choices

    def filters(self) -> dict[str, Any]:
        """The chosen filters, without the empty ones; none for an unbound or invalid form."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}
