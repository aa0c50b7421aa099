"""The comment form, its "sent" page, the confirmation link and the reader's report of a
comment: uncached pages (issue 11). STUB."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from .models import ConsultationPage


def comment(request: HttpRequest, page: ConsultationPage, section_key: str | None) -> HttpResponse:
    raise Http404


def sent(request: HttpRequest, page: ConsultationPage) -> HttpResponse:
    raise Http404


def flag(request: HttpRequest, page: ConsultationPage, comment_id: str) -> HttpResponse:
    raise Http404


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404
