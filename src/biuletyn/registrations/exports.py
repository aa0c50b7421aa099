"""The organiser's exports of an event's registrations (ADR 0011): a CSV file for a spreadsheet and
the rows of the printable check-in list.

* The CSV is UTF-8 with a byte order mark, so Excel opens Polish letters as they are.
* Every cell that a spreadsheet would read as a formula (beginning with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return) gets a leading apostrophe: a name typed as
  ``=HYPERLINK(…)`` stays text (CSV injection).
* Accommodation columns (health data) are there only for accessibility coordinators
  (``with_accommodations``); the caller decides from the user's permission.
* The preferred contact is named without the public form's hint ("e.g. in PJM"): in the admin
  a way of contact must not tell anyone about a person's health (``ADMIN_CONTACT_PREFERENCES``).
* The check-in list goes by surname, as staff at the door look people up: the last word of the
  name, then the whole name, in the order of the Polish alphabet (``polish_sort_key``: "Łukasz"
  after "Lis", "Śliwa" after "Sowa", "Żak" last).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

from . import services
from .enums import NEED_SHORT_LABELS, ContactPreference, Need, RegistrationStatus
from .models import Registration, RegistrationSetup

# The ways of contact as the admin and the exports name them: plain, with no hint at a need.
ADMIN_CONTACT_PREFERENCES: dict[str, Promise] = {
    ContactPreference.EMAIL: pgettext_lazy("contact preference, admin", "e-mail"),
    ContactPreference.SMS: pgettext_lazy("contact preference, admin", "text message (SMS)"),
    ContactPreference.PHONE: pgettext_lazy("contact preference, admin", "phone call"),
    ContactPreference.VIDEO: pgettext_lazy("contact preference, admin", "video call"),
}


def contact_preference_label(registration: Registration) -> str:
    """The person's preferred way of contact, as the admin says it."""
    label = ADMIN_CONTACT_PREFERENCES.get(registration.contact_preference)
    return str(label) if label is not None else registration.get_contact_preference_display()


BOM = "\ufeff"
# What a spreadsheet takes for the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: object) -> str:
    """The cell as text a spreadsheet shows as it is, never runs."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _when(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def _yes_no(value: bool) -> str:
    return pgettext("export cell", "yes") if value else pgettext("export cell", "no")


def _needs_wheelchair_space(registration: Registration) -> bool:
    return registration.wheelchair_spaces_held > 0 or any(
        case.need == Need.WHEELCHAIR for case in registration.accommodations.all()
    )


def _short(need: str) -> str:
    return str(NEED_SHORT_LABELS[Need(need)])


def headers(*, with_accommodations: bool) -> list[str]:
    row = [
        pgettext("export column", "No."),
        pgettext("export column", "Reference"),
        pgettext("export column", "Name"),
        pgettext("export column", "E-mail"),
        pgettext("export column", "Phone"),
        pgettext("export column", "Preferred contact"),
        pgettext("export column", "How they registered"),
        pgettext("export column", "Seats"),
        pgettext("export column", "State"),
        pgettext("export column", "Registered"),
        pgettext("export column", "Checked in"),
        pgettext("export column", "Note for staff"),
    ]
    if with_accommodations:
        row += [
            pgettext("export column", "Wheelchair space"),
            pgettext("export column", "Accommodation requests"),
            pgettext("export column", "Details of the requests"),
        ]
    return row


def row(registration: Registration, *, with_accommodations: bool) -> list[str]:
    cells: list[object] = [
        registration.pk,
        registration.reference,
        registration.name,
        registration.email,
        registration.phone,
        contact_preference_label(registration),
        registration.get_channel_display(),
        registration.seats,
        registration.get_status_display(),
        _when(registration.created_at),
        _when(registration.checked_in_at),
        registration.staff_note,
    ]
    if with_accommodations:
        cases = list(registration.accommodations.all())
        cells += [
            _yes_no(_needs_wheelchair_space(registration)),
            "; ".join(f"{_short(case.need)}: {case.get_status_display()}" for case in cases),
            "; ".join(f"{_short(case.need)}: {case.details}" for case in cases if case.details),
        ]
    return [escape_cell(cell) for cell in cells]


def write_csv(rows: Iterable[Sequence[str]]) -> str:
    """The rows as CSV text with the byte order mark in front (the cells already escaped)."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue()


def registrations_csv(setup: RegistrationSetup, *, with_accommodations: bool) -> tuple[str, int]:
    """The CSV of every registration of ``setup`` (cancelled ones too: the status says), and how
    many rows it has."""
    registrations = list(services.registrations_of(setup))
    rows = [headers(with_accommodations=with_accommodations)]
    rows += [row(item, with_accommodations=with_accommodations) for item in registrations]
    return write_csv(rows), len(registrations)


def csv_filename(setup: RegistrationSetup) -> str:
    slug = setup.event.slug or "wydarzenie"
    return _("registrations-%(event)s.csv") % {"event": slug}


# The Polish alphabet: each letter with a diacritic is a letter of its own, after its base.
POLISH_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(POLISH_ALPHABET)}
# Letters come after spaces, hyphens and digits ("Nowak" before "Nowakowska", "Anna-Maria"
# before "Annabella").
_LETTERS_FROM = 0x10000


def _rank(character: str) -> int:
    if character in _LETTER_RANK:
        return _LETTERS_FROM + _LETTER_RANK[character]
    # A letter from another alphabet of the Latin script ("é", "ü", "ç") goes with its base.
    base = unicodedata.normalize("NFKD", character)[:1]
    if base in _LETTER_RANK:
        return _LETTERS_FROM + _LETTER_RANK[base]
    if character.isalpha():
        return _LETTERS_FROM + len(POLISH_ALPHABET) + ord(character)
    return ord(character)


def polish_sort_key(text: str) -> tuple[int, ...]:
    """``text`` as a key that sorts in the order of the Polish alphabet, capitals or not."""
    return tuple(_rank(character) for character in unicodedata.normalize("NFC", text).casefold())


def surname_key(name: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A person's name as the door staff look it up: by its last word (the surname in "Anna
    Nowak-Kowalska"), then the whole name. Names written surname first cannot be told apart
    and go by their last word too."""
    words = name.split()
    return (polish_sort_key(words[-1] if words else ""), polish_sort_key(" ".join(words)))


@dataclass(frozen=True)
class CheckInRow:
    number: int
    reference: str
    name: str
    seats: int
    checked_in: bool
    # None when the reader may not know (not a coordinator).
    wheelchair: bool | None
    # A personal assistant comes with them without a seat of their own (they asked for one and
    # the event does not count assistants against the seats); None when the reader may not know.
    assistant: bool | None = None


def _assistant_without_seat(registration: Registration, setup: RegistrationSetup) -> bool:
    return not setup.assistant_takes_seat and any(
        case.need == Need.ASSISTANT for case in registration.accommodations.all()
    )


def check_in_rows(setup: RegistrationSetup, *, with_accommodations: bool) -> list[CheckInRow]:
    """The people expected at the door (confirmed registrations), by surname
    (``surname_key``). A wheelchair space: one held for them, or asked for (when none was left,
    the door staff still need to know). An assistant is an accommodation need too: only
    coordinators learn who brings one."""
    registrations = sorted(
        setup.registrations.filter(status=RegistrationStatus.CONFIRMED)
        .prefetch_related("accommodations")
        .order_by("pk"),
        key=lambda item: surname_key(item.name),
    )
    return [
        CheckInRow(
            number=item.pk,
            reference=item.reference,
            name=item.name,
            seats=item.seats,
            checked_in=item.checked_in_at is not None,
            wheelchair=_needs_wheelchair_space(item) if with_accommodations else None,
            assistant=_assistant_without_seat(item, setup) if with_accommodations else None,
        )
        for item in registrations
    ]
