"""The calendar's filters: a plain GET form, so a filtered calendar works without JavaScript, can
be bookmarked, and names its own ICS feed."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import dates
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from biuletyn.core.templatetags.biuletyn_dates import in_running_text, long_date

from .enums import Feature

# The calendar pages its months forwards and back: a year on either side of these is still a
# date (events.queries keeps the same bounds for months in the address).
FIRST_YEAR, LAST_YEAR = 1900, 2200

# Day, month and year with any of these between them: 24.12.2026, 24/12/2026, 24-12-2026,
# 24 12 2026, or year first (2026-12-24). A trailing "r." (Polish "year") is allowed.
_NUMERIC_DATE = re.compile(
    r"(?P<a>\d{1,4})\s*[-./\s]\s*(?P<b>\d{1,2})\s*[-./\s]\s*(?P<c>\d{1,4})(?:\s*r\.?)?"
)
# "24 grudnia 2026", "24 December 2026": a month named in Polish or English.
_NAMED_DATE = re.compile(r"(?P<a>\d{1,2})\.?\s*(?P<month>[^\W\d_]+)\.?\s*(?P<c>\d{4})(?:\s*r\.?)?")
_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        [
            ("styczeń", "stycznia", "january", "jan", "sty"),
            ("luty", "lutego", "february", "feb", "lut"),
            ("marzec", "marca", "march", "mar"),
            ("kwiecień", "kwietnia", "april", "apr", "kwi"),
            ("maj", "maja", "may"),
            ("czerwiec", "czerwca", "june", "jun", "cze"),
            ("lipiec", "lipca", "july", "jul", "lip"),
            ("sierpień", "sierpnia", "august", "aug", "sie"),
            ("wrzesień", "września", "september", "sep", "sept", "wrz"),
            ("październik", "października", "october", "oct", "paź"),
            ("listopad", "listopada", "november", "nov", "lis"),
            ("grudzień", "grudnia", "december", "dec", "gru"),
        ],
        start=1,
    )
    for name in names
}


_WRONG_SHAPE = _("Give the day as day.month.year, for example 24.12.2026.")


def parse_day(text: str) -> dt.date | None:
    """The day a reader wrote, in any of the forms people use in Poland (24.12.2026,
    4.1.2027, 24/12/2026, 24 12 2026, 24 grudnia 2026 r.) or year first (2026-12-24). None
    for empty text; ValidationError with a message that says what is wrong otherwise."""
    text = " ".join(str(text).split())
    if not text:
        return None
    numeric = _NUMERIC_DATE.fullmatch(text)
    named = None if numeric else _NAMED_DATE.fullmatch(text.lower())
    if numeric:
        a, b, c = numeric["a"], int(numeric["b"]), numeric["c"]
        if len(a) == 4 and len(c) <= 2:
            year, month, day = int(a), b, int(c)
        elif len(c) == 4 and len(a) <= 2:
            year, month, day = int(c), b, int(a)
        else:
            raise ValidationError(_WRONG_SHAPE, code="invalid")
    elif named and named["month"] in _MONTH_NAMES:
        year, month, day = int(named["c"]), _MONTH_NAMES[named["month"]], int(named["a"])
    else:
        raise ValidationError(_WRONG_SHAPE, code="invalid")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            _("The calendar has no year %(year)s. Give a year between %(first)s and %(last)s.")
            % {"year": year, "first": FIRST_YEAR, "last": LAST_YEAR},
            code="year",
        )
    if not 1 <= month <= 12:
        raise ValidationError(
            _("There is no month %(month)s: months are numbered from 1 to 12.") % {"month": month},
            code="month",
        )
    length = calendar.monthrange(year, month)[1]
    if not 1 <= day <= length:
        raise ValidationError(
            _("There is no such day: %(month)s %(year)s has %(days)s days.")
            % {"month": in_running_text(str(dates.MONTHS[month])), "year": year, "days": length},
            code="day",
        )
    return dt.date(year, month, day)


class DayField(forms.Field):
    """A day typed as text, in any of the forms parse_day reads. The text stays in the field
    as typed, so a reader can mend it."""

    widget = forms.TextInput

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, dt.date):
            return value
        return parse_day(value or "")

    def prepare_value(self, value: Any) -> Any:
        # An initial date (never typed) is shown the way the hint writes one.
        return f"{value.day}.{value.month:02}.{value.year}" if isinstance(value, dt.date) else value


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
    from_date = DayField(
        label=_("From the day"),
        required=False,
        help_text=_("For example 24.12.2026."),
        # A text field, not type="date": it keeps whatever the reader typed (a date picker
        # would drop "2024-13-01" silently), and browsers' pickers are hard to use with a
        # screen reader or at 400 % zoom.
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
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

    def active_labels(self) -> list[str]:
        """The chosen filters in words, in the order of the form: "Z tłumaczeniem PJM",
        "Lublin", "od 24 grudnia 2026 r."."""
        labels = []
        for name, value in self.filters().items():
            if name == "from_date":
                labels.append(pgettext("active filter", "from %(day)s") % {"day": long_date(value)})
            elif name == "feature" and value in _SHORT_FEATURES:
                labels.append(str(_SHORT_FEATURES[value]))
            else:
                # Flat choices (no groups): what _set_choices and the enums give.
                choices: list[tuple[Any, Any]] = list(
                    cast(forms.ChoiceField, self.fields[name]).choices  # type: ignore[arg-type]
                )
                labels.append(str(dict(choices).get(value, value)))
        return labels


# The filter line names a feature in a few words; the list's longer label explains it.
_SHORT_FEATURES = {
    Feature.SIGN_LANGUAGE: pgettext_lazy("active filter", "With PJM interpreting"),
}
