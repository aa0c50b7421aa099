"""The comment form of a consultation (issue 11, "Taking part"): its own uncached page, the
section preselected from the link, the typed text kept on every error, "check your e-mail"
after sending; a comment is taken only while the consultation is open, decided on the server
when it arrives: one second before the closing minute it is kept, one second after it is
refused with its text shown back (also on both DST-change days in Warsaw); one comment however
often the form is sent; a honeypot hit looks the same and stores nothing; the rate limits answer
429 and store nothing; the consultation's privacy applies; both languages.

Personas: a resident who writes a long comment and sends it just too late; an NGO commenting
as an organisation; someone who clicks "send" twice; a robot."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from biuletyn.consultations.enums import CommentStatus
from biuletyn.consultations.models import Comment
from tests.factories.bulletin import make_organisation
from tests.factories.consultations import (
    make_consultation,
    make_consultation_index,
    section_key,
    sections,
)

pytestmark = pytest.mark.integration

WARSAW = ZoneInfo("Europe/Warsaw")
TEXT = "Proszę dodać do § 2 wsparcie tłumaczy PJM dla organizacji głuchych."


@pytest.fixture
def index(site_tree):
    return make_consultation_index(site_tree["pl"])


@pytest.fixture
def page(index):
    organiser = make_organisation(name="Urząd Miasta Przykładowo")
    return make_consultation(
        index,
        organiser=organiser,
        other_ways="Listownie na adres urzędu albo osobiście w punkcie obsługi.",
    )


def fields(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "section": "general",
        "text": TEXT,
        "author_name": "Maria Zielińska",
        "organisation": "",
        "email": "maria@example.org",
        "idempotency_key": uuid.uuid4().hex,
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def text_of(response) -> str:
    return response.content.decode()


def main_of(response) -> str:
    return text_of(response).split("<main", 1)[1]


def errors_in_summary(html: str) -> list[str]:
    summary = re.search(r'<div class="app-error-summary".*?</ul>', html, re.S)
    assert summary is not None, "no error summary"
    return re.findall(r'<a href="#([^"]+)">', summary.group(0))


def at(monkeypatch, moment: dt.datetime) -> None:
    """The clock of the view and of the service (both read django.utils.timezone.now)."""
    monkeypatch.setattr(timezone, "now", lambda: moment)


# --- the page --------------------------------------------------------------------------------


def test_the_form_is_its_own_uncached_page_with_the_section_chosen(client, page):
    key = section_key(page, 1)
    response = client.get(page.subpage_url("comment_section", key=key))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    html = main_of(response)
    assert "novalidate" in html
    assert f'value="{key}" id="id_section_1" checked' in html
    assert 'value="general" id="id_section_3"' in html
    assert "Uwaga ogólna do całego projektu" in html
    # Every field with its label; the optional ones say so; no maxlength cuts a pasted text.
    assert 'for="id_text">Twoja uwaga</label>' in html
    assert 'Imię i nazwisko <span class="app-field__optional">(opcjonalne)</span>' in html
    assert 'Organizacja <span class="app-field__optional">(opcjonalne)</span>' in html
    assert "organizacji pozarządowej" in html
    assert "maxlength" not in html
    # The privacy note names the controller and what is published, before the e-mail field.
    assert html.index("Urząd Miasta Przykładowo") < html.index('for="id_email"')
    assert "Nigdy nie publikujemy Twojego adresu e-mail" in html
    assert "30 dni po opublikowaniu raportu" in html
    # The honeypot is hidden from assistive technology and out of the tab order.
    honeypot = re.search(
        r'<div class="app-registration-form__extra" aria-hidden="true">.*?</div>', html, re.S
    )
    assert honeypot is not None
    assert 'tabindex="-1"' in honeypot.group(0)
    assert "Uwagi przyjmujemy do <time" in html


def test_the_general_link_chooses_the_whole_draft(client, page):
    html = main_of(client.get(page.subpage_url("comment")))
    assert 'value="general" id="id_section_3" checked' in html
    assert html.count(" checked") == 1


def test_an_unknown_or_closed_section_is_not_found(client, index):
    page = make_consultation(index, sections=sections(("§ 1. Wstęp", "Tekst."), commentable=False))
    assert client.get(page.subpage_url("comment_section", key=str(uuid.uuid4()))).status_code == 404
    assert client.get(page.subpage_url("comment_section", key=section_key(page))).status_code == 404
    # Nothing to choose: the comment is on the draft as a whole.
    html = main_of(client.get(page.subpage_url("comment")))
    assert 'name="section"' not in html
    assert client.post(page.subpage_url("comment"), fields(section=None)).status_code == 303
    assert Comment.objects.get().section_key == ""


def test_the_english_form_speaks_english_and_the_polish_word_redirects(client, page):
    english = page.get_translation(Locale.objects.get(language_code="en"))
    url = f"{english.url}comment/"
    response = client.get(url)
    assert response.status_code == 200
    html = main_of(response)
    assert "General comment on the whole draft" in html
    assert "We take comments until" in html
    # The sections' headings are the Polish page's: marked as Polish.
    assert 'lang="pl">§ 1. Cel programu</label>' in html
    redirect = client.get(f"{english.url}uwagi/")
    assert redirect.status_code == 301
    assert redirect["Location"] == url
    errors = client.post(url, fields(email="nope"))
    assert "Write the e-mail address in the form name@example.pl." in text_of(errors)
    sent = client.post(url, fields(), follow=True)
    assert "Check your e-mail" in text_of(sent)
    assert Comment.objects.get().language == "en"


def test_the_consultations_privacy_applies_to_the_form(client, page):
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert client.get(page.subpage_url("comment")).status_code == 302
    assert client.post(page.subpage_url("comment"), fields()).status_code == 302
    assert not Comment.objects.exists()


def test_before_it_opens_the_page_says_when_and_shows_no_form(client, index):
    opens = timezone.now() + dt.timedelta(days=3)
    page = make_consultation(index, opens_at=opens, closes_at=opens + dt.timedelta(days=30))
    response = client.get(page.subpage_url("comment"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = main_of(response)
    assert "<form" not in html
    assert "Uwagi przyjmujemy od <time" in html
    assert "Wróć wtedy – formularz będzie na tej stronie." in html


def test_after_it_closes_the_page_says_so_with_the_other_ways(client, index):
    contact = make_organisation(name="Biuro Konsultacji")
    page = make_consultation(
        index,
        opens_at=timezone.now() - dt.timedelta(days=30),
        closes_at=timezone.now() - dt.timedelta(days=1),
        report_due=timezone.localdate() + dt.timedelta(days=20),
        contact=contact,
        other_ways="Telefonicznie w godzinach pracy urzędu.",
    )
    html = main_of(client.get(page.subpage_url("comment_section", key=section_key(page))))
    assert "<form" not in html
    assert "Przyjmowanie uwag zakończyło się <time" in html
    assert "Raport będzie gotowy do <time" in html
    assert "Inne sposoby zgłaszania uwag" in html
    assert "Telefonicznie w godzinach pracy urzędu." in html
    assert "Biuro Konsultacji" in html


# --- sending ---------------------------------------------------------------------------------


def test_a_comment_waits_for_its_confirmation_and_the_page_says_check_your_email(client, page):
    key = section_key(page, 2)
    response = client.post(
        page.subpage_url("comment_section", key=key),
        fields(section=key, organisation="Fundacja Migowe Okno"),
    )
    assert response.status_code == 303
    assert "no-store" in response["Cache-Control"]
    assert response["Location"] == page.subpage_url("comment_sent")
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.UNCONFIRMED
    assert (comment.section_key, comment.section_heading) == (key, "§ 3. Tryb konsultacji")
    assert comment.text == TEXT
    assert comment.public_author() == "Fundacja Migowe Okno"
    assert comment.email == "maria@example.org"
    sent = client.get(response["Location"])
    assert sent.status_code == 200
    assert "no-store" in sent["Cache-Control"]
    html = main_of(sent)
    assert "Sprawdź pocztę" in html
    assert "w ciągu 7 dni" in html
    assert "maria@example.org" not in html


def test_a_double_submit_makes_one_comment(client, page):
    data = fields()
    first = client.post(page.subpage_url("comment"), data)
    second = client.post(page.subpage_url("comment"), data)
    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"]
    assert Comment.objects.count() == 1


def test_a_filled_honeypot_looks_the_same_and_stores_nothing(client, page):
    robot = client.post(page.subpage_url("comment"), fields(website="http://spam.example"))
    person = client.post(page.subpage_url("comment"), fields())
    assert robot.status_code == person.status_code == 303
    assert robot["Location"] == person["Location"]
    assert Comment.objects.count() == 1


# --- errors ----------------------------------------------------------------------------------


def test_errors_are_explained_and_everything_typed_is_kept(client, page):
    key = section_key(page, 0)
    response = client.post(
        page.subpage_url("comment"),
        fields(
            section=key,
            text="   ",
            author_name="Łucja Ćwik",
            organisation="Stowarzyszenie",
            email="maria@",
        ),
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = text_of(response)
    assert "<title>Błąd:" in html
    assert errors_in_summary(html) == ["id_text", "id_email"]
    assert html.count("Napisz swoją uwagę.") == 2  # summary and field
    assert "nazwa@example.pl" in html
    assert 'value="Łucja Ćwik"' in html
    assert 'value="Stowarzyszenie"' in html
    assert 'value="maria@"' in html
    assert f'value="{key}" id="id_section" checked' in html
    assert 'aria-describedby="id_text_helptext id_text_error"' in html
    assert not Comment.objects.exists()


def test_a_missing_email_and_section_say_why_they_are_needed(client, page):
    html = text_of(client.post(page.subpage_url("comment"), fields(section=None, email="")))
    assert errors_in_summary(html) == ["id_section", "id_email"]
    assert "Wybierz część projektu, której dotyczy uwaga." in html
    assert "wyślemy na niego link do potwierdzenia" in html
    assert 'aria-describedby="id_section_error"' in html


def test_a_too_long_comment_is_kept_whole_with_a_clear_message(client, page):
    long_text = "Zdanie uwagi. " * 1500  # 21 000 characters
    html = text_of(client.post(page.subpage_url("comment"), fields(text=long_text)))
    assert "dłuższa niż 20 000 znaków" in html
    assert ">\n" + long_text.strip() + "</textarea>" in html or long_text in html
    assert not Comment.objects.exists()


def test_a_null_character_is_explained_in_plain_words(client, page):
    html = text_of(client.post(page.subpage_url("comment"), fields(text="Uwaga\x00 z błędem")))
    assert errors_in_summary(html) == ["id_text"]
    assert "niewidoczny znak sterujący (NUL)" in html
    assert not Comment.objects.exists()


def test_a_section_closed_while_the_form_was_open_is_explained(client, page):
    key = section_key(page, 0)
    form = client.get(page.subpage_url("comment_section", key=key))
    assert form.status_code == 200
    page.sections = sections(("§ 9. Inny", "Nowy tekst."))
    page.save_revision().publish()
    response = client.post(page.subpage_url("comment"), fields(section=key))
    html = text_of(response)
    assert errors_in_summary(html) == ["id_section"]
    assert "Tej części projektu nie można już komentować." in html
    assert TEXT in html
    assert not Comment.objects.exists()


# --- rate limits -----------------------------------------------------------------------------


def test_the_rate_limits_answer_429_and_store_nothing(client, page, settings):
    settings.CONSULTATION_RATE_LIMITS = {"ip": 2, "contact": 1}
    assert (
        client.post(page.subpage_url("comment"), fields(email="a@example.org")).status_code == 303
    )
    # The same e-mail address again.
    again = client.post(page.subpage_url("comment"), fields(email="A@example.org "))
    assert again.status_code == 429
    assert int(again["Retry-After"]) > 0
    assert "no-store" in again["Cache-Control"]
    html = main_of(again)
    assert "Za dużo naraz" in html
    assert "Spróbuj ponownie za" in html
    assert "Inne sposoby zgłaszania uwag" in html
    # Another address from the same connection, past the connection's limit.
    assert (
        client.post(page.subpage_url("comment"), fields(email="b@example.org")).status_code == 429
    )
    assert Comment.objects.count() == 1


def test_a_form_with_errors_costs_nothing_against_the_limits(client, page, settings):
    settings.CONSULTATION_RATE_LIMITS = {"ip": 1, "contact": 1}
    for _attempt in range(3):
        assert client.post(page.subpage_url("comment"), fields(text="")).status_code == 200
    assert client.post(page.subpage_url("comment"), fields()).status_code == 303


def test_the_limits_of_comments_are_their_own(client, page, settings):
    from django.test import RequestFactory

    from biuletyn.registrations import ratelimit

    settings.REGISTRATION_RATE_LIMITS = {"ip": 0, "contact": 0}
    settings.CONSULTATION_RATE_LIMITS = {"ip": 5, "contact": 5}
    request = RequestFactory().post("/", REMOTE_ADDR="127.0.0.1")
    assert ratelimit.hit(request, []) is not None  # registrations: over their limit
    assert client.post(page.subpage_url("comment"), fields()).status_code == 303


# --- the closing minute ----------------------------------------------------------------------


def closing_cases() -> list[tuple[str, dt.datetime]]:
    return [
        ("an ordinary day", dt.datetime(2027, 9, 8, 23, 59, tzinfo=WARSAW)),
        # The clock goes back at 3:00 to 2:00: 2:30 comes twice; this is the second one (CET).
        ("the night the clock goes back", dt.datetime(2027, 10, 31, 2, 30, fold=1, tzinfo=WARSAW)),
        # The clock jumps from 2:00 to 3:00: the second before 3:00 CEST is 1:59:59 CET.
        ("the night the clock goes forward", dt.datetime(2027, 3, 28, 3, 0, tzinfo=WARSAW)),
    ]


@pytest.mark.parametrize(("day", "closes"), closing_cases(), ids=[c[0] for c in closing_cases()])
def test_one_second_before_closing_is_kept_one_second_after_is_refused_with_its_text(
    client, index, monkeypatch, day, closes
):
    # Arithmetic on instants, in UTC: Python's arithmetic on a Warsaw time is wall-clock time
    # and would step over (or into) the hour the clock changes.
    closes = closes.astimezone(dt.UTC)
    page = make_consultation(index, opens_at=closes - dt.timedelta(days=40), closes_at=closes)
    url = page.subpage_url("comment_section", key=section_key(page, 1))
    at(monkeypatch, closes - dt.timedelta(seconds=1))
    form = client.get(url)
    assert "<form" in main_of(form)
    kept = client.post(url, fields(text="Zdążyłam: uwaga wysłana sekundę przed końcem."))
    assert kept.status_code == 303
    comment = Comment.objects.get()
    assert comment.received_at == closes - dt.timedelta(seconds=1)

    # The form was opened in time; the next comment arrives a second after the closing minute.
    at(monkeypatch, closes + dt.timedelta(seconds=1))
    late_text = "Spóźniona uwaga:\nproszę wydłużyć termin o tydzień."
    refused = client.post(url, fields(text=late_text, section=section_key(page, 1)))
    assert refused.status_code == 200
    assert "no-store" in refused["Cache-Control"]
    html = text_of(refused)
    assert "<title>Błąd:" in html
    assert errors_in_summary(html) == ["id_kept_text"]
    assert "Przyjmowanie uwag zakończyło się" in html
    assert "dlatego jej nie zapisaliśmy" in html
    # Nothing is lost: the text as sent, and in a read-only box to copy.
    assert "Spóźniona uwaga:<br>proszę wydłużyć termin o tydzień." in html
    assert re.search(
        r"<textarea id=\"id_kept_text\"[^>]*readonly[^>]*>&#10;"
        + re.escape(late_text)
        + "</textarea>",
        html,
    )
    assert "§ 2. Zadania priorytetowe" in html
    assert "<form" not in html.split("<main", 1)[1]
    assert Comment.objects.count() == 1


def test_the_closing_time_shown_is_warsaw_time_on_the_night_the_clock_goes_back(
    client, index, monkeypatch
):
    closes = dt.datetime(2027, 10, 31, 2, 30, fold=1, tzinfo=WARSAW).astimezone(dt.UTC)
    page = make_consultation(index, opens_at=closes - dt.timedelta(days=40), closes_at=closes)
    # The first 2:30 of that night (CEST) is an hour before the closing: still open.
    at(monkeypatch, dt.datetime(2027, 10, 31, 2, 30, fold=0, tzinfo=WARSAW).astimezone(dt.UTC))
    assert client.post(page.subpage_url("comment"), fields()).status_code == 303
    at(monkeypatch, closes + dt.timedelta(minutes=5))
    html = text_of(client.post(page.subpage_url("comment"), fields()))
    assert "31\xa0października\xa02027\xa0r., godz.\xa02:30" in html
    assert 'datetime="2027-10-31T02:30:00+01:00"' in html
    assert Comment.objects.count() == 1


def test_a_comment_with_errors_after_closing_is_shown_back_too(client, index, monkeypatch):
    closes = timezone.now() + dt.timedelta(hours=1)
    page = make_consultation(index, closes_at=closes)
    at(monkeypatch, closes + dt.timedelta(seconds=1))
    html = text_of(client.post(page.subpage_url("comment"), fields(email="")))
    assert errors_in_summary(html) == ["id_kept_text"]
    assert TEXT in html
    assert not Comment.objects.exists()


def test_a_double_submit_across_the_closing_minute_is_still_one_comment(client, index, monkeypatch):
    closes = timezone.now() + dt.timedelta(hours=1)
    page = make_consultation(index, closes_at=closes)
    data = fields()
    at(monkeypatch, closes - dt.timedelta(seconds=1))
    first = client.post(page.subpage_url("comment"), data)
    at(monkeypatch, closes + dt.timedelta(seconds=1))
    second = client.post(page.subpage_url("comment"), data)
    assert first.status_code == second.status_code == 303
    assert Comment.objects.count() == 1


# --- valid HTML ------------------------------------------------------------------------------


def test_the_form_its_errors_and_its_other_pages_are_valid_html(
    client, index, page, settings, monkeypatch
):
    from tests.htmlcheck import assert_valid_html

    url = page.subpage_url("comment")
    english = page.get_translation(Locale.objects.get(language_code="en"))
    pages = {
        "form": client.get(url).content,
        "form in English": client.get(f"{english.url}comment/").content,
        "errors": client.post(url, fields(section=None, text="", email="x")).content,
        "sent": client.post(url, fields(), follow=True).content,
        "upcoming": client.get(
            make_consultation(
                index,
                opens_at=timezone.now() + dt.timedelta(days=2),
                closes_at=timezone.now() + dt.timedelta(days=9),
            ).subpage_url("comment")
        ).content,
    }
    closed = make_consultation(
        index,
        opens_at=timezone.now() - dt.timedelta(days=9),
        closes_at=timezone.now() - dt.timedelta(days=2),
        report_due=timezone.localdate() + dt.timedelta(days=9),
        other_ways="Listownie.",
        contact=make_organisation(name="Biuro"),
    )
    pages["closed"] = client.get(closed.subpage_url("comment")).content
    pages["refused"] = client.post(closed.subpage_url("comment"), fields()).content
    settings.CONSULTATION_RATE_LIMITS = {"ip": 0, "contact": 0}
    pages["429"] = client.post(url, fields()).content
    assert_valid_html(pages)
