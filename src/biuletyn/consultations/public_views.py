"""The consultation page's context, the list of consultations, the report (HTML, CSV) and the
calendar files (issue 11). STUB."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from .models import ConsultationIndexPage, ConsultationPage


def page_context(request: HttpRequest, page: ConsultationPage) -> dict[str, Any]:
    return {}


def index(request: HttpRequest, page: ConsultationIndexPage) -> HttpResponse:
    return page.render(request)


def index_ics(request: HttpRequest, page: ConsultationIndexPage) -> HttpResponse:
    raise Http404


def consultation_ics(request: HttpRequest, page: ConsultationPage) -> HttpResponse:
    raise Http404


def report(request: HttpRequest, page: ConsultationPage) -> HttpResponse:
    raise Http404


def report_csv(request: HttpRequest, page: ConsultationPage) -> HttpResponse:
    raise Http404
