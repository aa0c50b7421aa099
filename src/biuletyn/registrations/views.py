"""The public registration form, a route of the event page (``EventPage``: "zapisy/" in Polish,
"registration/" in English), so the event's privacy applies to it (issue 10).

Thin: bind the form, count the attempt against the rate limits, call ``services.register`` once
and redirect (303). The pages are never cached (``private, no-store``; the CSRF cookie alone
would keep them out of the page cache too). Personal data stays out of error reports:
``sensitive_post_parameters`` and ``sensitive_variables`` hide it from Django's error e-mails.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from biuletyn.events.dates import WARSAW

from . import audit, queries, ratelimit, services, tokens
from .enums import MessageChannel, MessageKind, RegistrationStatus
from .forms import RegistrationForm
from .models import OutboxMessage, Registration, RegistrationSetup

if TYPE_CHECKING:
    from biuletyn.events.models import EventPage

# The kinds of the "sent" page (after a honeypot hit, or when the contact was registered).
SENT_KINDS = ("check", "again")


def _never_stored(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _setup_or_404(event: EventPage) -> RegistrationSetup:
    setup = queries.setup_for(event)
    if setup is None:
        raise Http404(_("This event has no registration."))
    return setup


def _page_context(event: EventPage, setup: RegistrationSetup, now: dt.datetime) -> dict[str, Any]:
    counts = services.counts(setup)
    free = None if counts.capacity is None else max(counts.capacity - counts.seats_taken, 0)
    room = services.room(setup, now=now)
    state = setup.state_at(now, event)
    # Nobody can register: every seat and every wheelchair space is taken and nobody may wait.
    # (Free wheelchair spaces are places for wheelchair users while held, for anyone after.)
    full = (
        state == "open"
        and not setup.waiting_list
        and room.places_free_for_anyone == 0
        and room.wheelchair_free == 0
    )
    return {
        "page": event,
        # The language switch leads to the form in the other language.
        "language_route": ("registration", {}),
        "setup": setup,
        "state": "full" if full else state,
        "opens_at": setup.opens_at,
        "closes_at": setup.closing_time(event),
        "counts": counts,
        "seats_free": free,
        # Places a person without a wheelchair need can take now: the free seats, and the free
        # wheelchair spaces once they are released to everyone.
        "places_free": room.places_free_for_anyone,
        "wheelchair_free": room.wheelchair_free,
        "wheelchair_held": room.held,
        "wheelchair_release_at": setup.wheelchair_release_at,
        "event_url": event.get_url(),
        "contact": event.contact,
        "accommodation_days": settings.REGISTRATION_ACCOMMODATION_DAYS,
    }


@sensitive_variables()
@sensitive_post_parameters()
def register(request: HttpRequest, event: EventPage) -> HttpResponse:
    """The form: GET shows it, POST registers and redirects to the person's page. Needs
    ticked without consent bring the form back once with a warning (``consent_warning``); sent
    again without consent, it registers without them. While the form is not open, or the event
    is full without a waiting list (state "full"), GET shows the page without a form; a form
    sent from an older page still goes to the service, which refuses it with its reason."""
    setup = _setup_or_404(event)
    now = timezone.now()
    context = _page_context(event, setup, now)
    today = timezone.localdate(now, WARSAW)
    if request.method != "POST":
        if context["state"] != "open":
            return _never_stored(render(request, "registrations/register_closed.html", context))
        form = RegistrationForm(setup=setup, today=today)
        return _never_stored(
            render(request, "registrations/register.html", {**context, "form": form})
        )
    form = RegistrationForm(request.POST, setup=setup, today=today)
    if form.is_valid():
        if warning := form.needs_to_warn_about():
            # Needs ticked without consent would be dropped: say so once, before registering
            # (nothing stored, nothing counted against the limits).
            return _never_stored(
                render(
                    request,
                    "registrations/register.html",
                    {**context, "form": form, "consent_warning": warning},
                )
            )
        contacts = ratelimit.contact_keys(
            email=form.cleaned_data.get("email") or "", phone=form.cleaned_data.get("phone") or ""
        )
        retry_after = ratelimit.hit(request, contacts)
        if retry_after is not None:
            return _too_many(request, event, retry_after)
        try:
            outcome = services.register(
                setup=setup, language=event.locale.language_code, **form.register_kwargs()
            )
        except services.RegistrationError as error:
            form.add_service_error(error)
            # The figures that refused it: the same ones the form now shows.
            context = _page_context(event, setup, now)
        else:
            return _after(request, event, outcome)
    return _never_stored(render(request, "registrations/register.html", {**context, "form": form}))


def _too_many(request: HttpRequest, event: EventPage, retry_after: int) -> HttpResponse:
    minutes = max((retry_after + 59) // 60, 1)
    response = render(
        request,
        "registrations/too_many_requests.html",
        {"page": event, "event_url": event.get_url(), "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return _never_stored(response)


def _after(request: HttpRequest, event: EventPage, outcome: services.Outcome) -> HttpResponse:
    registration = outcome.registration
    if outcome.result in ("confirmed", "waiting", "moderation"):
        audit.log(registration, "biuletyn.registration.create", by_person=True, channel="online")
    if outcome.result == "already_registered":
        return _see_other(sent_url(request, event, "again"))
    if registration.status == RegistrationStatus.MODERATION:
        return _see_other(sent_url(request, event, "check"))
    for text in outcome_messages(outcome):
        messages.success(request, text)
    token = tokens.make(registration.public_id, tokens.Purpose.VIEW)
    return _see_other(reverse("registrations:manage", kwargs={"token": token}))


def _see_other(url: str) -> HttpResponse:
    response = HttpResponseRedirect(url, status=303)
    return _never_stored(response)


def outcome_messages(outcome: services.Outcome) -> list[str]:
    """What the person's page says first after the form: where they stand, where the link to
    this page went, and what became of their needs."""
    registration = outcome.registration
    texts = []
    if registration.status == RegistrationStatus.CONFIRMED:
        texts.append(_("Thank you, you are registered."))
    elif registration.status == RegistrationStatus.WAITING:
        texts.append(
            _(
                "Thank you. There are not enough free places for you now, so we have put you on "
                "the waiting list (number %(position)s in line)."
            )
            % {"position": queries.waiting_position(registration)}
        )
    if registration.status in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING):
        emailed = _link_emailed_to(registration)
        if emailed:
            texts.append(
                _("We have sent a message with the link to this page to %(email)s.")
                % {"email": emailed}
            )
        else:
            texts.append(_("Keep the address of this page: it is your link to your registration."))
    if outcome.needs_dropped:
        texts.append(
            _(
                "We have not stored your requests, because you did not give your consent. To "
                "add them, change your registration and tick the consent."
            )
        )
    if outcome.best_effort:
        texts.append(
            _(
                "You asked for an interpreter after the last day to ask: the organiser will try "
                "to find one, but cannot promise."
            )
        )
    return texts


def _link_emailed_to(registration: Registration) -> str:
    """The address the message with the signed link went to (the confirmation or the waiting
    list's message, by e-mail); empty when none went by e-mail (a text message, or staff call)."""
    message = (
        OutboxMessage.objects.filter(
            registration=registration,
            kind__in=(MessageKind.CONFIRMATION, MessageKind.WAITING),
            channel=MessageChannel.EMAIL,
        )
        .order_by("pk")
        .first()
    )
    return message.to if message is not None else ""


def sent_url(request: HttpRequest, event: EventPage, kind: str) -> str:
    return (
        (event.get_url(request) or "")
        + event.reverse_subpage("registration_sent")
        + f"?kind={kind}"
    )


def sent(request: HttpRequest, event: EventPage) -> HttpResponse:
    """After the form, when there is no page of the person's to show: the contact was registered
    already (the link went to it again), or the form waits for a check (the honeypot)."""
    setup = _setup_or_404(event)
    kind = request.GET.get("kind", "")
    if kind not in SENT_KINDS:
        kind = "check"
    context = {
        **_page_context(event, setup, timezone.now()),
        "kind": kind,
        "language_route": ("registration_sent", {}),
    }
    return _never_stored(render(request, "registrations/register_sent.html", context))
