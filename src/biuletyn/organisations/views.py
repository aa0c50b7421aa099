"""Public views of organisations: the contact page and its vCard."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Organisation
from .vcard import organisation_vcard


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    return render(request, "organisations/organisation_detail.html", {"organisation": organisation})


def organisation_vcard_download(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    response = HttpResponse(
        organisation_vcard(organisation), content_type="text/vcard; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{organisation.slug}.vcf"'
    return response
