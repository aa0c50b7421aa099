"""The comment form, its "sent" page, the confirmation link and the reader's report of a
comment: uncached pages (issue 11, ADR 0012).

The form and the report are routes of the consultation page, so its privacy applies to them;
the confirmation link is an address of its own (``consultations:confirm``), in both languages.
Thin, as the registration form (issue 10): bind the form, count the attempt against the rate
limits (``CONSULTATION_RATE_LIMITS``: per address and per e-mail address), call one service and
redirect (303). Whether comments are open is decided by ``services.submit`` at that moment (the
view never passes a time of its own): a comment sent after the closing minute from a form opened
earlier is refused with its text shown back, so nothing is lost. Every answer is
``private, no-store``; personal data stays out of error reports (``sensitive_post_parameters``).
A GET never changes anything: mail scanners open links, so confirming takes a button (POST).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods

from biuletyn.core.visibility import is_visible
from biuletyn.registrations import ratelimit

from . import services, tokens
from .enums import CommentStatus, ConsultationStatus
from .forms import CommentForm, FlagForm
from .models import Comment, ConsultationPage

# Pages with a form must send their own origin with the POST (Django's CSRF check), and the
# confirmation link's token must never reach another host.
SAME_ORIGIN = "same-origin"


def _never_stored(response: HttpResponse, *, token: bool = False) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    if token:
        response["Referrer-Policy"] = SAME_ORIGIN
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _see_other(url: str) -> HttpResponse:
    return _never_stored(HttpResponseRedirect(url, status=303))


def _page_context(
    request: HttpRequest,
    page: ConsultationPage,
    route: tuple[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """What every page of taking part shows. ``route``: this page's route, so that the language
    switch leads to the same page in the other language."""
    return {
        "page": page,
        "language_route": route,
        "consultation_url": page.get_url(request),
        # Whole seconds: a <time datetime> takes at most three digits of a fraction.
        "opens_at": page.opens_at.replace(microsecond=0),
        "closes_at": page.closes_at.replace(microsecond=0),
        "organiser": page.organiser,
        "contact": page.contact or page.organiser,
        "contact_days": settings.CONSULTATION_CONTACT_DAYS,
        "confirm_days": settings.CONSULTATION_CONFIRM_DAYS,
    }


def _too_many(
    request: HttpRequest, context: dict[str, Any], retry_after: int, kind: str
) -> HttpResponse:
    minutes = max((retry_after + 59) // 60, 1)
    response = render(
        request,
        "consultations/comment_closed.html",
        {**context, "state": "too_many", "kind": kind, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return _never_stored(response)


# --- the comment form --------------------------------------------------------------------------


@sensitive_variables()
@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
def comment(request: HttpRequest, page: ConsultationPage, section_key: str | None) -> HttpResponse:
    """GET: the form while comments are open, else the page says when they open or that they
    have closed, and the other ways to comment. POST: ``services.submit``, then "check your
    e-mail" (303); refused after the closing minute, the typed text comes back."""
    if section_key is not None and section_key not in page.commentable_keys():
        raise Http404
    route = ("comment_section", {"key": section_key}) if section_key else ("comment", {})
    context = _page_context(request, page, route)
    status = page.status_at(timezone.now())
    is_open = status == ConsultationStatus.OPEN
    if request.method != "POST":
        if not is_open:
            return _never_stored(
                render(request, "consultations/comment_closed.html", {**context, "state": status})
            )
        form = CommentForm(page=page, section_key=section_key)
        return _never_stored(
            render(request, "consultations/comment.html", {**context, "form": form})
        )
    form = CommentForm(request.POST, page=page, section_key=section_key)
    if not form.is_valid():
        if not is_open and form.typed_text.strip():
            # Closed while the person was typing: mending the form would not help.
            return _refused(request, context, form, status)
        return _never_stored(
            render(request, "consultations/comment.html", {**context, "form": form})
        )
    data = form.cleaned_data
    retry_after = ratelimit.hit(
        request,
        ratelimit.contact_keys(email=data.get("email") or ""),
        limits=settings.CONSULTATION_RATE_LIMITS,
        prefix="consultation",
    )
    if retry_after is not None:
        return _too_many(request, context, retry_after, "comment")
    if form.suspicious:
        # A robot is told nothing: the page looks as after any comment.
        return _see_other(page.subpage_url("comment_sent", request))
    try:
        services.submit(page=page, **form.submit_kwargs())
    except services.ConsultationClosed as error:
        return _refused(request, context, form, status, code=error.code)
    except services.ConsultationError as error:
        fields = {"section": "section", "email": "email"}
        field = fields.get(error.code, "text")
        if field not in form.fields:
            field = "text"
        form.add_error(field, error.message)
        return _never_stored(
            render(request, "consultations/comment.html", {**context, "form": form})
        )
    return _see_other(page.subpage_url("comment_sent", request))


def _refused(
    request: HttpRequest,
    context: dict[str, Any],
    form: CommentForm,
    status: str,
    code: str = "",
) -> HttpResponse:
    """The comment arrived outside the period: no form, the reason with the time, and the text
    it carried, to copy and send another way."""
    page = context["page"]
    not_yet = code == "not_yet" or (not code and status == ConsultationStatus.UPCOMING)
    return _never_stored(
        render(
            request,
            "consultations/comment_closed.html",
            {
                **context,
                "state": "refused",
                "not_yet": not_yet,
                "kept_text": form.typed_text,
                "kept_section": form.section_label(str(form.data.get("section") or "")),
                "report_url": page.subpage_url("report", request)
                if status == ConsultationStatus.REPORT_PUBLISHED
                else "",
            },
        )
    )


def sent(request: HttpRequest, page: ConsultationPage) -> HttpResponse:
    """After the form: "check your e-mail". It names no address (the URL carries nothing)."""
    return _never_stored(
        render(
            request,
            "consultations/comment_sent.html",
            _page_context(request, page, ("comment_sent", {})),
        )
    )


# --- the reader's report of a comment ----------------------------------------------------------


def _published_comment(page: ConsultationPage, comment_id: str, *statuses: str) -> Comment:
    comment = (
        Comment.objects.for_consultation(page)
        .filter(public_id=comment_id, status__in=statuses or (CommentStatus.PUBLISHED,))
        .first()
    )
    if comment is None:
        raise Http404
    return comment


@require_http_methods(["GET", "HEAD", "POST"])
def flag(request: HttpRequest, page: ConsultationPage, comment_id: str) -> HttpResponse:
    """A small form on its own page: the comment quoted, why it is reported, a note. The
    reporter's address goes to the service only as a keyed hash (one address counts once)."""
    context = _page_context(request, page, ("flag", {"comment_id": comment_id}))
    flag_url = page.subpage_url("flag", request, comment_id=comment_id)
    if request.method != "POST" and request.GET.get("sent") == "1":
        # After reporting: the comment may be hidden by now, which is no reason for a 404.
        found = _published_comment(page, comment_id, CommentStatus.PUBLISHED, CommentStatus.HIDDEN)
        return _never_stored(
            render(request, "consultations/flag_sent.html", {**context, "comment": found})
        )
    found = _published_comment(page, comment_id)
    context.update({"comment": found, "section_heading": _heading(page, found)})
    if request.method != "POST":
        return _never_stored(
            render(request, "consultations/flag.html", {**context, "form": FlagForm()})
        )
    form = FlagForm(request.POST)
    if form.is_valid():
        retry_after = ratelimit.hit(
            request, [], limits=settings.CONSULTATION_RATE_LIMITS, prefix="consultation-flag"
        )
        if retry_after is not None:
            return _too_many(request, context, retry_after, "flag")
        try:
            services.flag(
                comment=found,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data.get("note") or "",
                reporter=ratelimit.client_ip(request),
            )
        except services.ConsultationError as error:
            form.add_error("reason", error.message)
        else:
            return _see_other(f"{flag_url}?sent=1")
    return _never_stored(render(request, "consultations/flag.html", {**context, "form": form}))


def _heading(page: ConsultationPage, comment: Comment) -> str:
    """The heading of the section commented on, in this language version if it still exists."""
    if not comment.section_key:
        return ""
    return page.section_heading(comment.section_key) or comment.section_heading


# --- the confirmation link ---------------------------------------------------------------------


def _consultation_for_reader(request: HttpRequest, comment: Comment) -> ConsultationPage | None:
    """The consultation in the language being read (its translation or alias), if public."""
    page = comment.consultation
    localized = page.localized.specific
    for candidate in (localized, page):
        if isinstance(candidate, ConsultationPage) and is_visible(candidate):
            return candidate
    return None


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a page with the button that confirms (a mail scanner opening the link changes
    nothing). POST: ``services.confirm``, then this page again, which now thanks. A link that
    does not work gets a page that says why and what to do."""
    public_id = tokens.read(token)
    found = Comment.objects.filter(public_id=public_id).first() if public_id else None
    if found is None:
        response = render(
            request,
            "consultations/confirm.html",
            {"state": "bad_link", "confirm_days": settings.CONSULTATION_CONFIRM_DAYS},
            status=404,
        )
        return _never_stored(response, token=True)
    if request.method == "POST":
        services.confirm(comment=found)
        return _never_stored(_see_other(request.path), token=True)
    page = _consultation_for_reader(request, found)
    context = {
        "state": "ask" if found.status == CommentStatus.UNCONFIRMED else "confirmed",
        "comment": found,
        "consultation": page,
        "consultation_url": page.get_url(request) if page is not None else "",
        "published": found.status == CommentStatus.PUBLISHED,
    }
    return _never_stored(render(request, "consultations/confirm.html", context), token=True)
