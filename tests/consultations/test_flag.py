"""A reader's report of a published comment (issue 11, "readers can report one"): a small form on
its own uncached page (never on the cached consultation page) that quotes the comment; the
reason is required, the note optional; one connection counts once per comment; at
``CONSULTATION_REPORTS_TO_HIDE`` reports the comment is hidden, and the reader still gets the
thank-you page; a comment that is not published is not found; rate-limited; both languages.

Personas: a reader who finds another person's phone number in a comment; a troll who reports
the same comment over and over."""

from __future__ import annotations

import re

import pytest
from wagtail.models import Locale

from biuletyn.consultations.enums import CommentStatus, ReportReason
from biuletyn.consultations.models import CommentFlag
from tests.factories.consultations import make_comment, make_consultation, make_consultation_index

pytestmark = pytest.mark.integration

TEXT = "Proszę zadzwonić do sąsiada, on wszystko wie."


@pytest.fixture
def page(site_tree):
    return make_consultation(make_consultation_index(site_tree["pl"]))


@pytest.fixture
def comment(page):
    return make_comment(
        page, status=CommentStatus.PUBLISHED, text=TEXT, organisation="Koło Seniorów"
    )


def flag_url(page, comment) -> str:
    return page.subpage_url("flag", comment_id=comment.public_id.hex)


def main_of(response) -> str:
    return response.content.decode().split("<main", 1)[1]


def test_the_form_quotes_the_comment_on_its_own_uncached_page(client, page, comment):
    response = client.get(flag_url(page, comment))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = main_of(response)
    assert "Zgłoś uwagę moderatorowi" in html
    assert TEXT in html.split('id="reported-comment"', 1)[1]
    assert "Koło Seniorów, <span>§ 1. Cel programu</span>" in html
    assert "novalidate" in html
    assert 'value="offensive" id="id_reason"' in html
    assert html.count('type="radio"') == len(ReportReason.values)
    assert "(opcjonalne)" in html
    # The reporter is anonymous; no e-mail is asked.
    assert 'type="email"' not in html


def test_a_report_is_counted_and_thanked(client, page, comment):
    url = flag_url(page, comment)
    response = client.post(url, {"reason": ReportReason.PERSONAL_DATA, "note": "Numer telefonu."})
    assert response.status_code == 303
    assert response["Location"] == f"{url}?sent=1"
    assert "no-store" in response["Cache-Control"]
    flag = CommentFlag.objects.get()
    assert (flag.comment_id, flag.reason, flag.note) == (
        comment.pk,
        ReportReason.PERSONAL_DATA,
        "Numer telefonu.",
    )
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Dziękujemy za zgłoszenie" in main_of(thanks)


def test_one_connection_counts_once(client, page, comment):
    url = flag_url(page, comment)
    for _again in range(3):
        assert client.post(url, {"reason": ReportReason.SPAM}).status_code == 303
    assert CommentFlag.objects.count() == 1
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED


def test_at_the_threshold_the_comment_is_hidden_and_the_reader_still_thanked(
    client, page, comment, settings
):
    settings.CONSULTATION_REPORTS_TO_HIDE = 2
    url = flag_url(page, comment)
    client.post(url, {"reason": ReportReason.OFFENSIVE}, REMOTE_ADDR="192.0.2.1")
    response = client.post(url, {"reason": ReportReason.OFFENSIVE}, REMOTE_ADDR="192.0.2.2")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN
    assert client.get(response["Location"]).status_code == 200
    # Hidden, it can no longer be reported.
    assert client.get(url).status_code == 404


def test_the_reason_is_required_and_the_note_kept(client, page, comment):
    response = client.post(flag_url(page, comment), {"reason": "", "note": "Zażółć " * 400})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Błąd:" in html
    summary = re.search(r'<div class="app-error-summary".*?</ul>', html, re.S)
    assert summary is not None
    assert re.findall(r'<a href="#([^"]+)">', summary.group(0)) == ["id_reason", "id_note"]
    assert "Wybierz, dlaczego zgłaszasz tę uwagę." in html
    assert "najwyżej 2000 znaków" in html
    assert ("Zażółć " * 400).strip() in html
    assert not CommentFlag.objects.exists()


@pytest.mark.parametrize(
    "status", [CommentStatus.PENDING, CommentStatus.REJECTED, CommentStatus.UNCONFIRMED]
)
def test_a_comment_that_is_not_published_is_not_found(client, page, status):
    comment = make_comment(page, status=status)
    assert client.get(flag_url(page, comment)).status_code == 404
    assert client.post(flag_url(page, comment), {"reason": "spam"}).status_code == 404
    assert client.get(f"{flag_url(page, comment)}?sent=1").status_code == 404


def test_a_comment_of_another_consultation_is_not_found(client, page, comment):
    other = make_consultation(page.get_parent().specific)
    assert client.get(flag_url(other, comment)).status_code == 404
    assert client.get(f"{page.url}zglos/{'0' * 32}/").status_code == 404


def test_reports_are_rate_limited(client, page, settings):
    settings.CONSULTATION_RATE_LIMITS = {"ip": 1, "contact": 1}
    first, second = (make_comment(page, status=CommentStatus.PUBLISHED) for _ in range(2))
    assert client.post(flag_url(page, first), {"reason": "spam"}).status_code == 303
    response = client.post(flag_url(page, second), {"reason": "spam"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "z tego połączenia wiele zgłoszeń" in main_of(response)
    assert CommentFlag.objects.count() == 1


def test_the_english_form_speaks_english(client, page, comment):
    english = page.get_translation(Locale.objects.get(language_code="en"))
    url = f"{english.url}flag/{comment.public_id.hex}/"
    html = main_of(client.get(url))
    assert "Report a comment" in html
    assert "It is advertising or spam" in html or "it is advertising or spam" in html
    # The comment was written on the Polish page: marked as Polish.
    assert f'lang="pl"><p>{TEXT}</p></blockquote>' in html
    assert client.get(f"{english.url}zglos/{comment.public_id.hex}/")["Location"] == url
    errors = client.post(url, {"reason": ""})
    assert "Choose why you report this comment." in errors.content.decode()


def test_the_report_pages_are_valid_html(client, page, comment, settings):
    from tests.htmlcheck import assert_valid_html

    url = flag_url(page, comment)
    pages = {
        "flag": client.get(url).content,
        "flag errors": client.post(url, {"reason": "x", "note": "n" * 2001}).content,
        "flag sent": client.post(url, {"reason": "spam"}, follow=True).content,
    }
    settings.CONSULTATION_RATE_LIMITS = {"ip": 0, "contact": 0}
    other = make_comment(page, status=CommentStatus.PUBLISHED)
    pages["flag 429"] = client.post(flag_url(page, other), {"reason": "spam"}).content
    assert_valid_html(pages)
