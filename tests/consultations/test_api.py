"""A consultation as JSON (issue 11): each consultation page links it; it gives the status, the
period as ISO 8601 with the Warsaw offset, the form's address only while open, the count of
published comments and the report's address once published, in the page's language; it is never
stored; only visible pages answer (a private parent or its English alias is a 404 in JSON).

Personas: a developer of a city's app listing open consultations; a reader of a private id."""

from __future__ import annotations

import datetime as dt

import pytest
from wagtail.models import PageViewRestriction

from biuletyn.consultations.enums import CommentStatus
from tests.consultations.test_pages import (
    closed_consultation,
    during,
    english,
    index,  # noqa: F401
    publish_report,
)
from tests.factories.consultations import make_comment, make_consultation, section_key

pytestmark = pytest.mark.integration


def json_url(page) -> str:
    return f"/api/consultations/{page.pk}.json"


def test_an_open_consultation(client, index):  # noqa: F811
    page = make_consultation(index, report_due=dt.date(2099, 1, 31))
    make_comment(page, status=CommentStatus.PUBLISHED, section=1)
    make_comment(page, status=CommentStatus.PUBLISHED, section=None)
    make_comment(page, status=CommentStatus.PENDING, section=1)
    response = client.get(json_url(page))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["Content-Language"] == "pl"
    data = response.json()
    assert data["id"] == page.pk
    assert data["language"] == "pl"
    assert data["url"] == f"http://localhost{page.url}"
    assert data["subject"] == page.subject
    assert data["status"] == "open"
    assert dt.datetime.fromisoformat(data["opens"]) == page.opens_at
    assert dt.datetime.fromisoformat(data["closes"]) == page.closes_at
    assert data["closes"][-6:] in ("+01:00", "+02:00")
    assert data["report_due"] == "2099-01-31"
    assert data["comment_url"] == f"http://localhost{page.url}uwagi/"
    assert data["comments_published"] == 2
    assert data["report_url"] is None
    assert [s["key"] for s in data["sections"]] == [section_key(page, n) for n in range(3)]
    assert [s["comments_published"] for s in data["sections"]] == [0, 1, 0]
    assert data["sections"][0] == {
        "key": section_key(page, 0),
        "heading": "§ 1. Cel programu",
        "commentable": True,
        "comments_published": 0,
    }


def test_the_offset_is_warsaw_summer_or_winter_time(client, index):  # noqa: F811
    from zoneinfo import ZoneInfo

    warsaw = ZoneInfo("Europe/Warsaw")
    page = make_consultation(
        index,
        opens_at=dt.datetime(2098, 6, 10, 0, 0, tzinfo=warsaw),
        closes_at=dt.datetime(2098, 12, 8, 23, 59, tzinfo=warsaw),
    )
    data = client.get(json_url(page)).json()
    assert data["opens"] == "2098-06-10T00:00:00+02:00"
    assert data["closes"] == "2098-12-08T23:59:00+01:00"
    assert data["status"] == "upcoming"
    assert data["comment_url"] is None


def test_closed_then_report(client, index):  # noqa: F811
    page = closed_consultation(index)
    make_comment(page, status=CommentStatus.PUBLISHED, now=during(page))
    data = client.get(json_url(page)).json()
    assert data["status"] == "closed"
    assert data["comment_url"] is None
    assert data["report_url"] is None
    publish_report(page)
    data = client.get(json_url(page)).json()
    assert data["status"] == "report"
    assert data["report_url"] == f"http://localhost{page.url}raport/"
    assert data["comments_published"] == 1


def test_the_english_version_answers_in_english(client, index):  # noqa: F811
    page = make_consultation(index)
    alias = english(page)
    response = client.get(json_url(alias))
    data = response.json()
    assert response["Content-Language"] == "en"
    assert data["language"] == "en"
    assert data["url"] == f"http://localhost{alias.url}"
    assert data["comment_url"] == f"http://localhost{alias.url}comment/"


def test_only_visible_consultations_answer(client, index, site_tree):  # noqa: F811
    page = make_consultation(index)
    assert client.get(f"/api/consultations/{site_tree['pl'].pk}.json").status_code == 404
    assert client.get("/api/consultations/99999999.json").status_code == 404
    assert client.get(f"/api/consultations/{2**70}.json").status_code == 404
    # A private parent makes the consultation and its English alias private.
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    for version in (page, english(page)):
        response = client.get(json_url(version))
        assert response.status_code == 404
        assert response.json() == {"error": "not_found"}
        assert "no-cache" in response["Cache-Control"]


def test_the_page_links_its_json(client, index):  # noqa: F811
    page = make_consultation(index)
    html = client.get(page.url).content.decode()
    assert f'type="application/json" href="{json_url(page)}"' in html
