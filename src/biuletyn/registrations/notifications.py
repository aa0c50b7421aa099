"""Messages to people who registered and to organisers (ADR 0011).

``to_person`` and ``to_organiser`` render a message and write it into the outbox in the
caller's transaction; the worker sends it after the commit (``outbox``). Each kind of message
(``MessageKind``) is a template, ``registrations/messages/<kind>.txt``, with a subject, a
plain-text body and a short text message (SMS) as blocks of the base template.

* A person's message speaks the language they registered in and names the event's version in
  that language; the organiser's messages are in Polish.
* Every message to a person carries their signed view link (absolute, under the public site's
  root: the default Wagtail ``Site``, the address event pages are served from, so both links
  in a message point at the same host) and the event's title, standing date and place.
* Privacy: a person's messages never name a need or say anything about health. They only count
  the requests and give the date the organiser answers by ("Twoje prośby o dostosowanie: 2.
  Organizator odpowie do 7 grudnia 2026 r."), and send the person to the link. What they say
  of Polish Sign Language is the event's public offer ("Na wydarzeniu może być tłumacz PJM –
  poproś o niego do piątku 18 grudnia 2026 r."), the same words for everyone registered,
  whatever they asked for, from ``events.offer`` as the event page and the ICS file say it.
  The organiser's alert and digest, and the message that requests were withdrawn (a
  cancellation, a change), name the kinds of need, their counts, the due dates and the
  registration number, never the person's name or contact, nor what they typed.
* The channel follows the person's preference: e-mail; a text message (SMS backend, a row for
  staff without a gateway); a phone or video call is a row for staff. Whoever gave an e-mail
  address also gets the e-mail, whatever they prefer: it carries the link and the calendar file
  that a text message or a call cannot. A person with only a phone gets a text message.
* The organiser's messages say who answers the requests (the bulletin's accessibility
  coordinator, with a contact when there is one) and link the admin for those who have an
  account there: the organiser's address is often an NGO's without one.
* The confirmation, the seat from the waiting list and a change of the event carry the event's
  ICS file (``events.ics``, with a request for the site's root).

``send_reminders`` and ``send_digests`` are the scheduled messages (``run_schedule``); each is
safe to run again.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.template.loader import get_template
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from wagtail.models import Site

from biuletyn.core.templatetags.biuletyn_dates import NBSP, WORD_JOINER, long_date
from biuletyn.events import ics, offer
from biuletyn.events import queries as event_queries
from biuletyn.events.dates import WARSAW, local_datetime
from biuletyn.events.enums import EventStatus, SignLanguageOffer
from biuletyn.events.templatetags.biuletyn_events import event_when

from . import outbox, queries, tokens
from .enums import (
    NEED_SHORT_LABELS,
    CaseStatus,
    ContactPreference,
    MessageChannel,
    MessageKind,
    MessageStatus,
    Need,
    RegistrationStatus,
)
from .models import AccommodationRequest, OutboxMessage, Registration, RegistrationSetup

if TYPE_CHECKING:
    from biuletyn.events.models import EventPage

logger = logging.getLogger(__name__)

# Messages that carry the event's calendar file.
WITH_ICS = frozenset({MessageKind.CONFIRMATION, MessageKind.PROMOTED, MessageKind.EVENT_CHANGED})
# Reminders go out the day before, from this hour in Poland (nobody is woken at midnight).
REMINDERS_FROM = dt.time(9, 0)
# The event's title in a text message is cut to this many characters.
SMS_TITLE_CHARACTERS = 60

_BLANK_LINES = re.compile(r"\n{3,}")
# A sentence's full stop right after an abbreviation's ("11–13 stycznia 2027 r.."): one is enough.
# Exactly two dots, not an ellipsis, and not inside a web address or a path ("../").
_DOUBLE_STOP = re.compile(r"(?<![.\s/])\.\.(?![.\w/])")


# --- where links point ---------------------------------------------------------------------------


def site_root() -> str:
    """The public site's root ("https://biuletyn.example"): the default Wagtail Site, the one
    event pages are served from; Wagtail's admin base URL when there is no site yet."""
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL
    return str(root).rstrip("/")


def site_request() -> HttpRequest:
    """A request for the site's root, for code that builds absolute URLs from a request (the
    ICS file): the worker has no request of its own."""
    parts = urlsplit(site_root())
    secure = parts.scheme == "https"
    port = parts.port or (443 if secure else 80)
    return RequestFactory().get(
        "/",
        secure=secure,
        HTTP_HOST=parts.netloc,
        SERVER_NAME=parts.hostname or "localhost",
        SERVER_PORT=str(port),
    )


def manage_path(token: str) -> str:
    """The path of the signed link's page, in the active language."""
    return reverse("registrations:manage", kwargs={"token": token})


def view_link(registration: Registration) -> str:
    token = tokens.make(registration.public_id, tokens.Purpose.VIEW)
    return site_root() + manage_path(token)


def admin_root() -> str:
    """Where the admin lives: ``ADMIN_BASE_URL`` when the operator set it (the admin may live at
    another address than the public site), else the public site's root, which serves /admin/
    too (so a site on another port, ``load_demo --port``, links to its own admin)."""
    configured: str = settings.ADMIN_BASE_URL
    return configured.rstrip("/") or site_root()


def admin_link(setup: RegistrationSetup) -> str:
    """The event's registrations in the admin (its people and cases)."""
    try:
        path = reverse("registration_setups:dashboard", args=[setup.pk])
    except NoReverseMatch:
        path = reverse("wagtailadmin_home")
    return admin_root() + path


def coordinator_contact() -> str:
    """How an organiser reaches the bulletin's accessibility coordinator, who answers the
    requests: ``REGISTRATION_COORDINATOR_CONTACT`` when it is set, else the e-mail addresses of
    the active members of the coordinators' group; empty when there is neither."""
    configured = str(getattr(settings, "REGISTRATION_COORDINATOR_CONTACT", "") or "").strip()
    if configured:
        return configured
    from django.contrib.auth import get_user_model

    from .services import COORDINATOR_GROUP  # services import this module

    emails = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=COORDINATOR_GROUP)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )
    return ", ".join(dict.fromkeys(emails[:3]))


# --- the event as a message tells it ----------------------------------------------------------


def event_for(setup: RegistrationSetup, language: str) -> EventPage:
    """The event's version in ``language`` (a translation or an alias), else the setup's."""
    from biuletyn.core.visibility import visible
    from biuletyn.events.models import EventPage  # events' pages import registrations

    version = (
        visible(EventPage.objects.filter(translation_key=setup.event_key))
        .filter(locale__language_code=language)
        .select_related("venue")
        .first()
    )
    return version or setup.event


def when(event: EventPage) -> str:
    if event.date_to_be_announced:
        return str(translation.gettext("the new date is to be announced"))
    return event_when(event)


def change_of(event: EventPage) -> str:
    """What an event-change message says happened."""
    if event.status == EventStatus.CANCELLED:
        return "cancelled"
    if event.date_to_be_announced:
        return "postponed_tba"
    if event.is_rescheduled:
        return "postponed"
    if event.status == EventStatus.MOVED_ONLINE:
        return "moved_online"
    return "changed"


def _contact(event: EventPage) -> str:
    contact = event.contact
    if contact is None:
        return ""
    return ", ".join(part for part in (contact.name, contact.phone, contact.email) if part)


def place(event: EventPage) -> str:
    """Where the event is, on one line: the venue with its address said once, then the online
    way in ("Urząd Miasta Lublin, ul. Leszczyńskiego 23, 20-068 Lublin; można też dołączyć
    online: https://…"); "online: https://…" for an online event."""
    in_person = ""
    venue = event.venue
    if venue is not None and event.takes_place_in_person:
        name = venue.name.strip()
        # What the name says already ("…, budynek przy ul. Leszczyńskiego 23") is not repeated.
        address = ", ".join(
            part for part in venue.address_line.split(", ") if part and part not in name
        )
        in_person = f"{name}, {address}" if address else name
    if not event.takes_place_online:
        return in_person
    url = event.online_url
    if in_person:
        if url:
            return str(
                translation.gettext("%(venue)s; you can also join online: %(url)s")
                % {"venue": in_person, "url": url}
            )
        return str(
            translation.gettext("%(venue)s; you can also join online") % {"venue": in_person}
        )
    if url:
        return str(translation.gettext("online: %(url)s") % {"url": url})
    return str(translation.pgettext("where an event is", "online"))


def _event_context(event: EventPage) -> dict[str, Any]:
    return {
        "contact": _contact(event),
        "title": event.title,
        "when": when(event),
        "original_when": event_when(event.original_schedule),
        "place": place(event),
        "online_url": event.online_url if event.takes_place_online else "",
        "event_url": event.get_full_url() or "",
        "status_note": event.status_note.strip(),
        "change": change_of(event),
        "is_cancelled": event.is_cancelled,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


def sign_language(event: EventPage, *, today: dt.date | None = None) -> dict[str, Any]:
    """The event's Polish Sign Language offer as a person's message tells it, in the words of
    the event page (``events.offer``): ``pjm`` is "provided", "on_request" (with ``pjm_by``, the
    last day to ask after "do" / "by"), "on_request_late" (that day, ``pjm_last_day``, has
    passed: still asked, as best effort), "on_request_tba" (the day comes with the new date) or
    "" (no interpreter announced; a past or cancelled event asks nothing). The same for everyone
    registered: it is the event's offer, never what the person asked for. ``today``: the day
    the message is written (the calendar's today by default)."""
    context: dict[str, Any] = {
        "pjm": "",
        "pjm_by": "",
        "pjm_last_day": "",
        "pjm_how": "",
        "pjm_on_screen": not event.takes_place_in_person,
    }
    if not offer.asks_for_requests(event):
        return context
    if event.sign_language == SignLanguageOffer.PROVIDED:
        context["pjm"] = "provided"
    elif event.sign_language == SignLanguageOffer.ON_REQUEST:
        deadline = offer.standing_deadline(event)
        context["pjm_how"] = event.sign_language_how_to_ask.strip()
        if deadline is None:
            context["pjm"] = "on_request_tba"
        else:
            late = deadline < (today or event_queries.today())
            context["pjm"] = "on_request_late" if late else "on_request"
            context["pjm_by"] = offer.by_day(deadline)
            context["pjm_last_day"] = long_date(deadline)
    return context


def _calendar_file(event: EventPage) -> str:
    return ics.single_event(event, site_request()).decode("utf-8")


# --- rendering -----------------------------------------------------------------------------------


def _tidy(text: str) -> str:
    """Plain text from a template: no word joiners (the page's line-break hints), no spaces at
    line ends, at most one blank line in a row."""
    text = text.replace(WORD_JOINER, "")
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _one_stop(text: str) -> str:
    """No "r.." where a sentence ends on a date ("…, 11–13 stycznia 2027 r.")."""
    return _DOUBLE_STOP.sub(".", text)


def render(kind: str, context: dict[str, Any]) -> tuple[str, str, str]:
    """The subject, the body and the text message of ``kind`` in the active language."""
    template = get_template(f"registrations/messages/{kind}.txt")
    subject = " ".join(_tidy(template.render({**context, "part": "subject"})).split())
    body = _tidy(template.render({**context, "part": "body"}))
    text = " ".join(_tidy(template.render({**context, "part": "sms"})).split())
    return _one_stop(subject), _one_stop(body), _one_stop(text).replace(NBSP, " ")


def _needs(registration: Registration, *, today: dt.date) -> dict[str, Any]:
    """How many requests the person made, how many the organiser answered, and the day the
    rest are answered by (the latest due date of those still open): counts and dates only,
    never which need (a need is health data)."""
    cases = list(registration.accommodations.only("status", "due_on"))
    open_cases = [case for case in cases if case.status == CaseStatus.REQUESTED]
    due = max((case.due_on for case in open_cases), default=None)
    return {
        "needs_count": len(cases),
        "needs_answered": len(cases) - len(open_cases),
        "needs_due": long_date(due) if due is not None else "",
        "needs_overdue": due is not None and due < today,
    }


def _today(now: dt.datetime | None) -> dt.date:
    """The day in Poland a message is written on: ``now``'s (a service's clock, the demo's
    moments), else the calendar's today."""
    return timezone.localdate(now, WARSAW) if now is not None else event_queries.today()


def _person_context(
    registration: Registration, event: EventPage, *, now: dt.datetime | None = None, **extra: Any
) -> dict[str, Any]:
    today = _today(now)
    return {
        **_event_context(event),
        **sign_language(event, today=today),
        **_needs(registration, today=today),
        "link": view_link(registration),
        "reference": registration.reference,
        "seats": registration.seats,
        "status": registration.status,
        "is_confirmed": registration.status == RegistrationStatus.CONFIRMED,
        "is_waiting": registration.status == RegistrationStatus.WAITING,
        "needs_dropped": registration.needs_dropped,
        "sms_title": Truncator(event.title).chars(SMS_TITLE_CHARACTERS),
        **extra,
    }


# --- to a person ---------------------------------------------------------------------------------


def to_person(
    registration: Registration, kind: str, *, now: dt.datetime | None = None, **context: Any
) -> list[OutboxMessage]:
    """Write ``kind`` for the person into the outbox, through the channel they chose, and as
    an e-mail too whenever they gave an address; return the rows written. The context
    (``case`` of CASE_ANSWERED) is not shown: an answer may hold health details, and the
    person reads it on their link. ``now``: the moment of the change the message reports (its
    day decides whether a date has passed)."""
    kind = MessageKind(kind)
    with translation.override(registration.language):
        event = event_for(registration.setup, registration.language)
        extra: dict[str, Any] = {}
        if kind == MessageKind.WAITING:
            extra["position"] = queries.waiting_position(registration)
        subject, body, text = render(kind, _person_context(registration, event, now=now, **extra))
        calendar = _calendar_file(event) if kind in WITH_ICS else ""
    common: dict[str, Any] = {
        "kind": kind,
        "registration": registration,
        "setup_id": registration.setup_id,
        "subject": subject[:300],
    }
    email, phone = registration.email, registration.phone
    preference = registration.contact_preference
    rows = []
    if preference in (ContactPreference.PHONE, ContactPreference.VIDEO):
        # Staff call the person; what they tell them is the message's text.
        rows.append(
            outbox.add(
                **common,
                channel=MessageChannel.MANUAL,
                status=MessageStatus.MANUAL,
                to=phone or email,
                body=body,
            )
        )
    elif phone and (preference == ContactPreference.SMS or not email):
        rows.append(outbox.add(**common, channel=MessageChannel.SMS, to=phone, body=text))
    if email:
        # Whatever the preference: the e-mail carries the link and the calendar file, which a
        # text message or a call cannot (the form promises the link to this address).
        rows.append(outbox.add(**common, to=email, body=body, ics=calendar))
    return rows


# --- to the organiser ----------------------------------------------------------------------------


def organiser_address(setup: RegistrationSetup) -> str:
    return setup.organiser_email or getattr(setup.event.contact, "email", "") or ""


def _case_lines(cases: Sequence[AccommodationRequest]) -> list[dict[str, Any]]:
    return [
        {
            "number": case.registration_id,
            "need": str(NEED_SHORT_LABELS[Need(case.need)]),
            "due": long_date(case.due_on),
            "best_effort": case.best_effort,
            "status": str(CaseStatus(case.status).label),
            "was_answered": case.status != CaseStatus.REQUESTED,
        }
        for case in cases
    ]


def _counts(cases: Sequence[AccommodationRequest]) -> str:
    """ "2 × PJM, 1 × induction loop", in the vocabulary's order."""
    numbers: dict[str, int] = defaultdict(int)
    for case in cases:
        numbers[case.need] += 1
    return ", ".join(
        f"{numbers[need]}{NBSP}×{NBSP}{NEED_SHORT_LABELS[Need(need)]}"
        for need in Need.values
        if need in numbers
    )


def to_organiser(setup: RegistrationSetup, kind: str, **context: Any) -> list[OutboxMessage]:
    """Write ``kind`` for the event's organiser, in Polish. Context: ``cases`` (the new
    requests of one registration, the overdue ones, or the withdrawn ones), ``now`` for the
    digest, ``reason`` ("cancelled" or "changed") for the withdrawn ones."""
    kind = MessageKind(kind)
    address = organiser_address(setup)
    if not address:
        logger.info("Registration setup %s has no organiser e-mail: %s not sent", setup.pk, kind)
        return []
    cases: Sequence[AccommodationRequest] = list(context.get("cases") or [])
    with translation.override(settings.LANGUAGE_CODE):
        event = event_for(setup, settings.LANGUAGE_CODE)
        numbers = sorted({case.registration_id for case in cases})
        summary = queries.accommodation_summary(setup)
        subject, body, _text = render(
            kind,
            {
                **_event_context(event),
                "cases": _case_lines(cases),
                "counts": _counts(cases),
                "numbers": ", ".join(str(number) for number in numbers),
                "overdue": len(cases),
                "summary": ", ".join(f"{n}{NBSP}×{NBSP}{label}" for label, n in summary),
                "admin_link": admin_link(setup),
                "coordinator": coordinator_contact(),
                "reason": context.get("reason", ""),
            },
        )
    fields: dict[str, Any] = {}
    if context.get("now") is not None:
        fields["created_at"] = context["now"]
    return [
        outbox.add(kind=kind, setup=setup, to=address, subject=subject[:300], body=body, **fields)
    ]


def requests_withdrawn(
    setup: RegistrationSetup, cases: Sequence[AccommodationRequest], *, reason: str
) -> list[OutboxMessage]:
    """Tell the organiser that a registration's requests they were told of no longer stand (the
    registration was cancelled, or a change dropped them), so nothing is booked for nobody: the
    kinds of need with their status and the registration's number, as the alert names them.
    Declined requests are left out: nothing was arranged for them."""
    cases = [case for case in cases if case.status != CaseStatus.DECLINED]
    if not cases:
        return []
    return to_organiser(setup, MessageKind.ORGANISER_WITHDRAWN, cases=cases, reason=reason)


# --- scheduled messages --------------------------------------------------------------------------


def _starting_on(day: dt.date) -> Q:
    """Events whose standing start date is ``day`` (a postponed one by its new date), not
    cancelled, not waiting for a new date."""
    prefix = "setup__event__"
    stands = Q(**{f"{prefix}status__in": [EventStatus.SCHEDULED, EventStatus.MOVED_ONLINE]}) & Q(
        **{f"{prefix}start_date": day}
    )
    moved = Q(**{f"{prefix}status": EventStatus.POSTPONED, f"{prefix}new_start_date": day})
    return (stands | moved) & Q(**{f"{prefix}live": True})


def send_reminders(*, now: dt.datetime | None = None) -> int:
    """The reminder the day before, once per confirmed registration, from REMINDERS_FROM in
    Poland. Returns how many registrations were reminded."""
    now = now or timezone.now()
    local = timezone.localtime(now, WARSAW)
    if local.time() < REMINDERS_FROM:
        return 0
    tomorrow = local.date() + dt.timedelta(days=1)
    due = Registration.objects.filter(
        _starting_on(tomorrow),
        status=RegistrationStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
    ).values_list("pk", flat=True)
    reminded = 0
    for pk in list(due):
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update()
                .filter(pk=pk, status=RegistrationStatus.CONFIRMED, reminder_sent_at__isnull=True)
                .select_related("setup__event")
                .first()
            )
            if registration is None:
                continue
            to_person(registration, MessageKind.REMINDER, now=now)
            registration.reminder_sent_at = now
            registration.save(update_fields=["reminder_sent_at", "updated_at"])
            reminded += 1
    return reminded


def send_digests(*, now: dt.datetime | None = None) -> int:
    """Once a day, to each event's organiser with overdue requests: the list of them (a setup
    that has a digest from today gets none). Returns how many digests were written."""
    now = now or timezone.now()
    today = timezone.localtime(now, WARSAW).date()
    start_of_day = local_datetime(today, dt.time(0, 0))
    by_setup: dict[int, list[AccommodationRequest]] = defaultdict(list)
    for case in queries.overdue_cases(today=today):
        event = case.registration.setup.event
        if not event.date_to_be_announced and event.schedule.last_date < today:
            continue  # the event is over: the purge takes care of it
        by_setup[case.registration.setup_id].append(case)
    written = 0
    for setup_id, cases in by_setup.items():
        with transaction.atomic():
            setup = (
                RegistrationSetup.objects.select_for_update()
                .select_related("event")
                .get(pk=setup_id)
            )
            sent_today = OutboxMessage.objects.filter(
                kind=MessageKind.ORGANISER_DIGEST, setup=setup, created_at__gte=start_of_day
            ).exists()
            if sent_today:
                continue
            written += len(to_organiser(setup, MessageKind.ORGANISER_DIGEST, cases=cases, now=now))
    return written
