"""The person's own pages, reached through the signed link in every message (ADR 0011).

* ``manage``: the registration (event with its PJM offer, status, seats, contact, each
  accommodation case and its answer, what happens to the data and when) and the actions;
* ``change``: the registration's form, filled in as it stands; needs left ticked without the
  consent bring it back once with a warning (stored requests would go with their answers),
  and the form sent again goes on without them, as on the sign-up form;
* ``cancel`` and ``delete``: a confirmation page whose form carries a fresh cancel token;
* ``export``: the person's data as a JSON file, behind a fresh export token.

The URL carries the token, so every answer here is ``private, no-store`` (never in the page
cache nor in any other), and the token never leaves for another host in a Referer header:
``Referrer-Policy: no-referrer`` on pages without a form, ``same-origin`` on the pages with one
(under "no-referrer" a browser sends ``Origin: null`` with the POST, which Django's CSRF check
rightly refuses). A link that does not work (tampered with, expired, another purpose) gets a page
that says so in the reader's language and how to reach the organiser: 404, or 410 for a link
that was genuine but is too old. Views are thin: each POST calls one service. Every view,
change, cancellation, export and deletion goes to the audit log, with no personal data.

The page speaks the language of the address it is opened at; the links in messages are built in
the registration's own language (``manage_url``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_GET, require_http_methods

from biuletyn.core.translations import content_language
from biuletyn.core.visibility import is_visible
from biuletyn.events.dates import WARSAW

from . import audit, privacy, queries, services, tokens
from .enums import CaseStatus, Need, RegistrationStatus
from .manage_forms import ChangeForm
from .models import Registration
from .services import RegistrationError
from .tokens import Purpose

View = Callable[..., HttpResponseBase]


# --- links -------------------------------------------------------------------------------------


def manage_url(registration: Registration) -> str:
    """The path of the person's page, in the registration's language: the link every message
    carries (prefix it with the site's address)."""
    token = tokens.make(registration.public_id, Purpose.VIEW)
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        return reverse("registrations:manage", kwargs={"token": token})


def _other_language_url(name: str, token: str) -> list[dict[str, str]]:
    """This page in each other site language (the same token)."""
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        with translation.override(code):
            url = reverse(name, kwargs={"token": token})
        info = translation.get_language_info(code)
        links.append({"code": code, "url": url, "name_local": info["name_local"]})
    return links


# --- every answer is private -------------------------------------------------------------------


# Pages without a form send no Referer at all. Pages with a form must send their own origin with
# the POST, or Django's CSRF check refuses it (under "no-referrer" browsers send "Origin: null"):
# "same-origin" sends it to this site only, and never anything to another host.
NO_REFERRER = "no-referrer"
SAME_ORIGIN = "same-origin"


def _private(response: HttpResponseBase, referrer_policy: str = NO_REFERRER) -> HttpResponseBase:
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["Referrer-Policy"] = referrer_policy
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def private_page(referrer_policy: str = NO_REFERRER) -> Callable[[View], View]:
    """Marks every answer of a view private and unstorable, with no Referer to other hosts."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            return _private(view(request, *args, **kwargs), referrer_policy)

        return wrapper

    return decorator


# --- reading the token -------------------------------------------------------------------------


def _registration(token: str, purpose: Purpose) -> Registration | None:
    public_id = tokens.read(token, purpose)
    if public_id is None:
        return None
    return (
        Registration.objects.select_related("setup__event")
        .prefetch_related("accommodations")
        .filter(public_id=public_id)
        .first()
    )


def bad_link(request: HttpRequest, token: str, purpose: Purpose) -> HttpResponse:
    """The page for a link that does not work: 410 when it was genuine but is too old (then we
    know the event and can name its contact), 404 otherwise."""
    event = None
    expired_id = tokens.read_expired(token, purpose)
    if expired_id is not None:
        registration = (
            Registration.objects.select_related("setup__event").filter(public_id=expired_id).first()
        )
        if registration is not None:
            event = _event_in_reader_language(registration)
    return render(
        request,
        "registrations/manage_bad_link.html",
        {
            "expired": expired_id is not None,
            "purpose": purpose.value,
            "event": event,
            "event_lang": content_language(event) if event is not None else None,
            "contact": getattr(event, "contact", None) if event is not None else None,
            "event_url": _event_url(event, request),
        },
        status=410 if expired_id is not None else 404,
    )


def _event_in_reader_language(registration: Registration) -> Any:
    """The event's page in the language being read (its translation or alias), or the page the
    person registered on."""
    event = registration.setup.event
    localized = event.localized
    return localized.specific if localized.pk != event.pk else event


def _event_url(event: Any, request: HttpRequest) -> str | None:
    if event is None or not is_visible(event):
        return None
    return event.get_url(request=request)


# --- what the page shows -----------------------------------------------------------------------


def _purge_dates(registration: Registration) -> dict[str, Any]:
    """When the accommodation answers go and when the registration is anonymised: the days
    after the event ends (and the dates, once the event's date stands)."""
    event = registration.setup.event
    accommodation_days = settings.REGISTRATION_ACCOMMODATION_DAYS
    anonymise_days = settings.REGISTRATION_ANONYMISE_DAYS
    dates: dict[str, Any] = {
        "accommodation_days": accommodation_days,
        "anonymise_days": anonymise_days,
        "accommodation_on": None,
        "anonymise_on": None,
    }
    if not event.date_to_be_announced:
        over = timezone.localtime(event.schedule.over_at, WARSAW).date()
        dates["accommodation_on"] = over + dt.timedelta(days=accommodation_days)
        dates["anonymise_on"] = over + dt.timedelta(days=anonymise_days)
    return dates


def _wheelchair_not_held(registration: Registration, cases: list[Any]) -> bool:
    """A confirmed registration that asked for a wheelchair space but holds none (none was
    free): the page says so, and what happens next, while the request waits for its answer."""
    return (
        registration.status == RegistrationStatus.CONFIRMED
        and registration.wheelchair_spaces_held == 0
        and any(
            case.need == Need.WHEELCHAIR and case.status == CaseStatus.REQUESTED for case in cases
        )
    )


def _can_change(registration: Registration) -> bool:
    event = registration.setup.event
    return registration.is_active and not event.is_past and not event.is_cancelled


def _page_context(request: HttpRequest, registration: Registration, token: str) -> dict[str, Any]:
    event = _event_in_reader_language(registration)
    return {
        "registration": registration,
        "token": token,
        "event": event,
        "event_lang": content_language(event),
        "event_url": _event_url(event, request),
        "contact": event.contact,
        "setup": registration.setup,
    }


# --- the pages ---------------------------------------------------------------------------------


@private_page()
@require_GET
def manage(request: HttpRequest, token: str) -> HttpResponseBase:
    registration = _registration(token, Purpose.VIEW)
    if registration is None:
        return bad_link(request, token, Purpose.VIEW)
    audit.log(
        registration, "biuletyn.registration.view", by_person=True, status=registration.status
    )
    context = _page_context(request, registration, token)
    if registration.anonymised_at is not None:
        return render(request, "registrations/manage_deleted.html", context)
    cases = list(registration.accommodations.all())
    context.update(
        {
            "cases": cases,
            "today": timezone.localdate(timezone.now(), WARSAW),
            "wheelchair_not_held": _wheelchair_not_held(registration, cases),
            "asked_for_pjm": any(case.need == Need.PJM for case in cases),
            # The event's PJM offer among its facts (manage/event_facts.html), while the
            # registration stands.
            "pjm_offer": registration.status != RegistrationStatus.CANCELLED,
            "waiting_position": queries.waiting_position(registration),
            "can_change": _can_change(registration),
            "can_cancel": registration.status
            in (
                RegistrationStatus.CONFIRMED,
                RegistrationStatus.WAITING,
                RegistrationStatus.MODERATION,
            ),
            "export_token": tokens.make(registration.public_id, Purpose.EXPORT),
            "other_languages": _other_language_url("registrations:manage", token),
            "case_statuses": CaseStatus,
            "pjm_provided": services.pjm_provided(registration.setup),
            **_purge_dates(registration),
        }
    )
    return render(request, "registrations/manage.html", context)


@private_page(SAME_ORIGIN)
@sensitive_post_parameters()
@sensitive_variables()
@require_http_methods(["GET", "POST"])
def change(request: HttpRequest, token: str) -> HttpResponseBase:
    registration = _registration(token, Purpose.VIEW)
    if registration is None:
        return bad_link(request, token, Purpose.VIEW)
    if registration.anonymised_at is not None or not _can_change(registration):
        return redirect("registrations:manage", token=token)
    form = ChangeForm(request.POST if request.method == "POST" else None, registration=registration)
    warning: dict[str, Any] = {}
    if request.method == "POST" and form.is_valid():
        # Needs ticked without consent would be dropped, with any stored requests and their
        # answers: say so once before changing anything (the ticks stay; sent again, it goes on).
        warning = form.warning_context()
    if request.method == "POST" and form.is_valid() and not warning:
        try:
            outcome = services.change(registration=registration, **form.change_kwargs())
        except RegistrationError as error:
            if error.code == "not_active":
                messages.info(request, _("Your registration is no longer active: nothing changed."))
                return redirect("registrations:manage", token=token)
            form.add_service_error(error)
        else:
            changed = outcome.registration
            audit.log(
                changed,
                "biuletyn.registration.change",
                by_person=True,
                status=changed.status,
                seats=changed.seats,
                cases=changed.accommodations.count(),
            )
            if outcome.needs_dropped:
                messages.warning(
                    request,
                    _(
                        "Your changes are saved. We did not store your requests, because you "
                        "did not agree to them being processed. To add them, change your "
                        "registration again and tick the consent."
                    ),
                )
            else:
                messages.success(request, _("Your changes are saved."))
            return redirect("registrations:manage", token=token)
    context = _page_context(request, registration, token)
    context.update(
        {
            "form": form,
            **warning,
            "other_languages": _other_language_url("registrations:manage_change", token),
            **_purge_dates(registration),
        }
    )
    return render(request, "registrations/manage_change.html", context)


def _confirmation(
    request: HttpRequest, token: str, *, template: str, action: str, name: str
) -> HttpResponseBase:
    """A confirmation page (GET) and its POST, which must carry a genuine, fresh cancel token
    for the same registration. ``action`` does the work and returns the page to go to."""
    registration = _registration(token, Purpose.VIEW)
    if registration is None:
        return bad_link(request, token, Purpose.VIEW)
    stale = False
    if request.method == "POST":
        posted = request.POST.get("confirm", "")
        if tokens.read(posted, Purpose.CANCEL) == registration.public_id:
            return ACTIONS[action](request, registration, token)
        # An old confirmation page (its token lasts a day) or a forged one: ask again.
        stale = True
    elif registration.anonymised_at is not None:
        return redirect("registrations:manage", token=token)
    context = _page_context(request, registration, token)
    context.update(
        {
            "confirm_token": tokens.make(registration.public_id, Purpose.CANCEL),
            "stale": stale,
            "other_languages": _other_language_url(name, token),
        }
    )
    return render(request, template, context)


def _do_cancel(request: HttpRequest, registration: Registration, token: str) -> HttpResponseBase:
    was = registration.status
    if registration.is_active or was == RegistrationStatus.MODERATION:
        cancelled = services.cancel(registration=registration, by_person=True)
        audit.log(
            cancelled,
            "biuletyn.registration.cancel",
            by_person=True,
            status=cancelled.status,
            previous_status=was,
        )
        if was == RegistrationStatus.CONFIRMED:
            messages.success(
                request,
                ngettext(
                    "Your registration is cancelled. Your seat goes to someone on the waiting "
                    "list, if there is anyone on it. Thank you for letting us know.",
                    "Your registration is cancelled. Your %(seats)s seats go to people on the "
                    "waiting list, if there is anyone on it. Thank you for letting us know.",
                    registration.seats,
                )
                % {"seats": registration.seats},
            )
        else:
            messages.success(request, _("Your registration is cancelled."))
    else:
        messages.info(request, _("Your registration was already cancelled."))
    return redirect("registrations:manage", token=token)


def _do_delete(request: HttpRequest, registration: Registration, token: str) -> HttpResponseBase:
    # It writes the audit entry ("biuletyn.registration.delete") and the purge record itself.
    privacy.delete_at_request(registration)
    return redirect("registrations:manage", token=token)


ACTIONS: dict[str, Callable[[HttpRequest, Registration, str], HttpResponseBase]] = {
    "cancel": _do_cancel,
    "delete": _do_delete,
}


@private_page(SAME_ORIGIN)
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponseBase:
    return _confirmation(
        request,
        token,
        template="registrations/manage_cancel.html",
        action="cancel",
        name="registrations:manage_cancel",
    )


@private_page(SAME_ORIGIN)
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, token: str) -> HttpResponseBase:
    return _confirmation(
        request,
        token,
        template="registrations/manage_delete.html",
        action="delete",
        name="registrations:manage_delete",
    )


@private_page()
@require_GET
def export(request: HttpRequest, token: str) -> HttpResponseBase:
    registration = _registration(token, Purpose.EXPORT)
    if registration is None:
        return bad_link(request, token, Purpose.EXPORT)
    data = privacy.export_data(registration)
    audit.log(registration, "biuletyn.registration.export", by_person=True)
    body = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, default=str)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="biuletyn-{registration.reference.lower()}.json"'
    )
    return response
