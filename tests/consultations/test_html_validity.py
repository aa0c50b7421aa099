"""Every public page type of consultations is valid HTML (Nu HTML Checker, 0 errors), issue 11:
the list, a consultation upcoming, open (with documents, meetings, published comments), closed
and with its report, and the report, each in Polish and English. One checker run for all.

Personas: a screen-reader user, whose software parses what the browser parses."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from biuletyn.consultations.enums import Channel, CommentStatus
from biuletyn.consultations.models import ConsultationDocument, ConsultationMeeting
from biuletyn.organisations.models import Organisation
from tests.consultations.test_pages import (
    body,
    closed_consultation,
    during,
    english,
    index,  # noqa: F401
    on_behalf,
    publish_report,
    republish,
)
from tests.factories.consultations import make_comment, make_consultation
from tests.factories.events import make_calendar, make_event
from tests.htmlcheck import assert_valid_html

pytestmark = pytest.mark.integration


def test_consultation_pages_are_valid_html(client, index, site_tree):  # noqa: F811
    now = timezone.now().replace(microsecond=0)
    organiser = Organisation.objects.create(
        name="Urząd Miasta",
        slug="urzad-miasta",
        email="konsultacje@example.org",
        phone="22 100 20 30",
    )
    upcoming = make_consultation(
        index, opens_at=now + dt.timedelta(days=3), closes_at=now + dt.timedelta(days=30)
    )
    document = get_document_model()(title="Projekt uchwały")
    document.file.save("projekt.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    meeting = make_event(make_calendar(site_tree["pl"]), title="Spotkanie konsultacyjne")
    open_page = make_consultation(
        index,
        organiser=organiser,
        contact=organiser,
        other_ways="Listownie albo telefonicznie.",
        easy_read_url="https://example.org/etr",
        sign_language_url="https://example.org/pjm",
    )
    open_page.documents = [
        ConsultationDocument(
            document=document,
            alternative_url="https://example.org/projekt.html",
            alternative_kind=ConsultationDocument.AlternativeKind.HTML,
        )
    ]
    open_page.meetings = [ConsultationMeeting(event=meeting)]
    open_page = republish(open_page)
    make_comment(open_page, status=CommentStatus.PUBLISHED, section=0, organisation="Fundacja")
    make_comment(open_page, status=CommentStatus.PUBLISHED, section=None)
    closed = closed_consultation(index)
    make_comment(closed, status=CommentStatus.PUBLISHED, now=during(closed))
    reported = closed_consultation(index, contact=organiser)
    make_comment(reported, status=CommentStatus.PUBLISHED, now=during(reported))
    on_behalf(reported, channel=Channel.PJM, consent=False)
    publish_report(reported)
    pages = {}
    for name, page in [
        ("list", index),
        ("upcoming", upcoming),
        ("open", open_page),
        ("closed", closed),
        ("report published", reported),
    ]:
        pages[f"{name} pl"] = body(client.get(page.url))
        pages[f"{name} en"] = body(client.get(english(page).url))
    pages["report pl"] = body(client.get(f"{reported.url}raport/"))
    pages["report en"] = body(client.get(f"{english(reported).url}report/"))
    assert_valid_html(pages)
