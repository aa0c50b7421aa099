"""URLs for the page-cache tests (ADR 0001): the project's URLs plus small views that set a raw
cookie header, vary, clear the cache while rendering, or leave a message after a POST."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import path
from django.views.decorators.http import require_POST

from biuletyn.core import pagecache
from biuletyn.urls import urlpatterns as project_urlpatterns


def plain(request: HttpRequest) -> HttpResponse:
    return HttpResponse("zwykła odpowiedź")


def raw_cookie(request: HttpRequest) -> HttpResponse:
    response = HttpResponse("ciasteczko w nagłówku")
    response.headers["Set-Cookie"] = "preferencje=duzy-tekst; Path=/"
    return response


def varies(request: HttpRequest, header: str) -> HttpResponse:
    response = HttpResponse("zależy od nagłówka")
    response["Vary"] = header
    return response


def clears_while_rendering(request: HttpRequest) -> HttpResponse:
    """Stands for another process publishing while this page renders: the clear comes between
    the start of the request and the store."""
    pagecache.clear()
    return HttpResponse("wyrenderowane przed publikacją")


@require_POST
def thank_you(request: HttpRequest) -> HttpResponse:
    messages.success(request, "Dziękujemy, zapisaliśmy zgłoszenie.")
    return HttpResponseRedirect(request.GET.get("next", "/"))


urlpatterns = [
    path("test-cache/plain/", plain),
    path("test-cache/raw-cookie/", raw_cookie),
    path("test-cache/vary/<str:header>/", varies),
    path("test-cache/clears-while-rendering/", clears_while_rendering),
    path("test-cache/thank-you/", thank_you),
    *project_urlpatterns,
]
