"""The confirmation link of a comment (issue 11): opening it (GET) changes nothing, because mail
scanners open links; the page's button (POST) confirms, and the comment waits for moderation;
the page then thanks and says an e-mail comes when it is published. A link that does not work
(tampered with, cut short, too old, its comment gone) gets a page that says why and what to do,
never a bare error. Both languages; never cached, the token never sent to another host.

Personas: a resident who confirms from their phone; a mail server's link scanner."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from biuletyn.consultations import tokens
from biuletyn.consultations.enums import CommentStatus
from tests.factories.consultations import make_comment, make_consultation, make_consultation_index

pytestmark = pytest.mark.integration


@pytest.fixture
def page(site_tree):
    return make_consultation(make_consultation_index(site_tree["pl"]))


def confirm_url(comment, language: str = "pl") -> str:
    with translation.override(language):
        return reverse("consultations:confirm", kwargs={"token": tokens.make(comment.public_id)})


def main_of(response) -> str:
    return response.content.decode().split("<main", 1)[1]


def test_opening_the_link_changes_nothing_and_shows_the_button(client, page):
    comment = make_comment(page, status=CommentStatus.UNCONFIRMED)
    url = confirm_url(comment)
    assert url.startswith("/konsultacje/potwierdz/")
    for _scanner in range(2):
        response = client.get(url)
        assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.status == CommentStatus.UNCONFIRMED
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"
    html = main_of(response)
    assert "Potwierdź swoją uwagę" in html
    assert f'<form method="post" action="{url}"' in html
    assert '<button class="app-button" type="submit">Potwierdź uwagę</button>' in html
    assert page.title in html


def test_the_button_confirms_and_the_page_thanks(client, page):
    comment = make_comment(page, status=CommentStatus.UNCONFIRMED)
    url = confirm_url(comment)
    response = client.post(url)
    assert response.status_code == 303
    assert response["Location"] == url
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert comment.confirmed_at is not None
    html = main_of(client.get(url))
    assert "Dziękujemy, Twoja uwaga jest potwierdzona" in html
    assert "czeka na moderację" in html
    assert "Gdy ją opublikujemy, wyślemy Ci wiadomość e-mail." in html
    assert "<form" not in html
    # Sent again (a second tap): nothing more happens.
    assert client.post(url).status_code == 303
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_a_published_comment_says_so(client, page):
    comment = make_comment(page, status=CommentStatus.PUBLISHED)
    html = main_of(client.get(confirm_url(comment)))
    assert "Moderator opublikował Twoją uwagę." in html


def test_a_comment_sent_in_time_is_confirmed_after_the_closing(client, page, monkeypatch):
    comment = make_comment(page, status=CommentStatus.UNCONFIRMED)
    later = page.closes_at + dt.timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert client.post(confirm_url(comment)).status_code == 303
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_the_english_link_speaks_english(client, page):
    comment = make_comment(page, status=CommentStatus.UNCONFIRMED)
    url = confirm_url(comment, "en")
    assert url.startswith("/en/consultations/confirm/")
    html = main_of(client.get(url))
    assert "Confirm your comment" in html
    english = page.get_translation(Locale.objects.get(language_code="en"))
    # The consultation's title is the Polish page's: marked as Polish.
    assert f'href="{english.url}" lang="pl">{page.title}</a>' in html
    client.post(url)
    assert "Your comment waits for moderation." in main_of(client.get(url))


@pytest.mark.parametrize("damage", ["tampered", "cut short", "too old", "gone"])
def test_a_link_that_does_not_work_says_why(client, page, monkeypatch, damage):
    comment = make_comment(page, status=CommentStatus.UNCONFIRMED)
    token = tokens.make(comment.public_id)
    if damage == "tampered":
        token = token[:-1] + ("A" if token[-1] != "A" else "B")
    elif damage == "cut short":
        token = token[: len(token) // 2]
    elif damage == "too old":
        # The signer's clock, a day past the link's life (CONSULTATION_CONFIRM_DAYS, 7).
        later = time.time() + 8 * 24 * 3600
        monkeypatch.setattr(signing.time, "time", lambda: later)
    else:
        comment.delete()
    with translation.override("pl"):
        url = reverse("consultations:confirm", kwargs={"token": token})
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 404
        assert "no-store" in response["Cache-Control"]
        html = main_of(response)
        assert "Ten link nie działa" in html
        assert "Adres może być niepełny" in html
        assert "Link przestaje też działać" in html
        assert "wyślij ją jeszcze raz" in html
    if damage != "gone":
        comment.refresh_from_db()
        assert comment.status == CommentStatus.UNCONFIRMED


def test_the_confirmation_pages_are_valid_html(client, page):
    from tests.htmlcheck import assert_valid_html

    comment = make_comment(page, status=CommentStatus.UNCONFIRMED)
    url = confirm_url(comment)
    pages = {
        "confirm": client.get(url).content,
        "confirm in English": client.get(confirm_url(comment, "en")).content,
    }
    client.post(url)
    pages["confirmed"] = client.get(url).content
    with translation.override("pl"):
        bad = reverse("consultations:confirm", kwargs={"token": "nie-ten-link"})
    pages["bad link"] = client.get(bad).content
    assert_valid_html(pages)
