"""The published report on a consultation (issue 11): nothing until it is published (a 404 in
both languages, for the page and the CSV); then an HTML page with the summary in the reader's
language (marked when it falls back to Polish), counts per section and per channel in tables
with captions and header cells, and one entry per comment in the report: its number, section,
author (never contact data), the channel marked for comments staff entered on someone's behalf,
the text (or a sentence that its author did not agree to publish it), the answer, the
justification and the section changed; a private consultation's report asks to sign in. The CSV
has the same rows, UTF-8 with a byte order mark, semicolons, and every cell that a spreadsheet
would run as a formula escaped (hypothesis).

Personas: a resident checking what happened to their comment; an NGO analysing the answers in
Excel; a hostile commenter who writes a formula."""

from __future__ import annotations

import csv
import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from biuletyn.consultations import public_views
from biuletyn.consultations.enums import Channel, CommentStatus
from biuletyn.consultations.models import Comment, ConsultationReport
from tests.consultations.test_pages import (
    body,
    closed_consultation,
    during,
    english,
    index,  # noqa: F401
    main,
    on_behalf,
    publish_report,
    text_of,
)
from tests.factories.consultations import make_comment
from tests.strategies import TEXT

pytestmark = pytest.mark.integration

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def consultation(index):  # noqa: F811
    page = closed_consultation(index)
    make_comment(
        page,
        status=CommentStatus.PUBLISHED,
        section=0,
        now=during(page),
        organisation="Stowarzyszenie Razem",
        text="Dopiszcie tłumacza PJM.",
    )
    make_comment(
        page,
        status=CommentStatus.PUBLISHED,
        section=None,
        now=during(page),
        author_name="Jan Kowalski",
        email="jan@example.org",
        text="Ogólnie dobrze.",
    )
    on_behalf(page, channel=Channel.PHONE, text="Proszę o spotkanie bez schodów.")
    on_behalf(page, channel=Channel.LETTER, consent=False, text="Tekst tylko do raportu.")
    return page


def test_nothing_before_the_report_is_published(client, consultation):
    for url in (
        f"{consultation.url}raport/",
        f"{consultation.url}raport.csv",
        f"{english(consultation).url}report/",
        f"{english(consultation).url}report.csv",
    ):
        assert client.get(url).status_code == 404, url


def test_the_report_page(client, consultation):
    publish_report(consultation)
    html = body(client.get(f"{consultation.url}raport/"))
    page = main(html)
    words = text_of(page)
    assert "<title>Raport: " in html
    assert "Uwagi zmieniły § 2." in page
    # The figures: accessible tables.
    assert page.count("<caption") == 3
    assert '<th scope="col">' in page
    # The two comments staff entered were on the draft as a whole.
    assert '<th scope="row">Cały projekt</th><td>3</td>' in page
    assert '<th scope="row">§ 1. Cel programu</th><td>1</td>' in page
    assert '<th scope="row">Telefon</th><td>1</td>' in page
    assert '<th scope="row">Formularz na stronie</th><td>2</td>' in page
    # One entry per comment, numbered in the order received.
    assert [int(n) for n in re.findall(r"Uwaga nr (\d+)", words)] == [1, 2, 3, 4]
    assert "Stowarzyszenie Razem" in page
    assert "Jan Kowalski" in page
    assert "jan@example.org" not in html
    assert "anna.nowak@example.org" not in html
    assert "Przyjęta przez organizatora: telefon" in words
    assert "Przyjęta przez organizatora: list" in words
    # Without consent its text stays out, and the page says why.
    assert "Tekst tylko do raportu." not in html
    assert "Osoba zgłaszająca nie zgodziła się na publikację treści tej uwagi." in words
    entries = text_of(page[page.index('id="report-comments"') :])
    assert entries.count("Odpowiedź Uwzględniona częściowo") == 4
    assert entries.count("Uzasadnienie Dopisaliśmy tłumacza PJM do dwóch spotkań.") == 4
    assert entries.count("Zmieniona część projektu § 2. Zadania priorytetowe") == 4
    assert f'href="{consultation.url}raport.csv"' in page


def test_the_english_report(client, consultation):
    publish_report(consultation)
    alias = english(consultation)
    page = main(body(client.get(f"{alias.url}report/")))
    assert "The comments changed § 2." in page
    assert "entered by staff: phone" in text_of(page).lower()
    assert f'href="{alias.url}report.csv"' in page


def test_the_language_switch_leads_to_the_report_in_the_other_language(client, consultation):
    publish_report(consultation)
    alias = english(consultation)
    polish = body(client.get(f"{consultation.url}raport/"))
    assert f'href="{alias.url}report/"' in polish
    english_page = body(client.get(f"{alias.url}report/"))
    assert f'href="{consultation.url}raport/"' in english_page


def test_a_polish_summary_on_the_english_page_is_marked_polish(client, consultation):
    publish_report(consultation)
    report = consultation.report
    report.summary_en = ""
    report.save()
    page = main(body(client.get(f"{english(consultation).url}report/")))
    assert '<div class="app-prose" lang="pl"><p>Uwagi zmieniły § 2.</p></div>' in page


def test_a_private_consultations_report_asks_to_sign_in(client, consultation, index):  # noqa: F811
    publish_report(consultation)
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    for url in (
        f"{consultation.url}raport/",
        f"{consultation.url}raport.csv",
        f"{english(consultation).url}report/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"]


def rows_of(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_the_csv_has_the_same_rows(client, consultation):
    publish_report(consultation)
    rows = rows_of(client.get(f"{consultation.url}raport.csv"))
    assert rows[0] == [
        "Nr",
        "Część projektu",
        "Autor",
        "Sposób zgłoszenia",
        "Treść uwagi",
        "Odpowiedź",
        "Uzasadnienie",
        "Zmieniona część projektu",
    ]
    assert [row[0] for row in rows[1:]] == ["1", "2", "3", "4"]
    assert rows[1][1:3] == ["§ 1. Cel programu", "Stowarzyszenie Razem"]
    assert rows[2][1:3] == ["cały projekt", "Jan Kowalski"]
    assert rows[3][3] == "przyjęta przez organizatora: telefon"
    assert "Tekst tylko do raportu." not in str(rows)
    assert "jan@example.org" not in str(rows)
    english_rows = rows_of(client.get(f"{english(consultation).url}report.csv"))
    assert english_rows[0][0] == "No."
    assert english_rows[3][3] == "entered by staff: phone"


def test_formula_cells_are_escaped(client, consultation):
    comment = Comment.objects.for_consultation(consultation).published().first()
    comment.text = '=HYPERLINK("http://example.com","kliknij")'
    comment.organisation = "@SUM(1+1)"
    comment.save()
    publish_report(consultation)
    rows = rows_of(client.get(f"{consultation.url}raport.csv"))
    assert rows[1][2] == "'@SUM(1+1)"
    assert rows[1][4] == '\'=HYPERLINK("http://example.com","kliknij")'


DANGEROUS = st.sampled_from(FORMULA_STARTS).flatmap(
    lambda start: TEXT.map(lambda rest: start + rest)
)


@given(value=DANGEROUS | TEXT)
def test_safe_cell_never_starts_like_a_formula(value):
    cell = public_views.safe_cell(value)
    assert not cell.startswith(FORMULA_STARTS)
    # Nothing else changes: the apostrophe is the only addition, and only where needed.
    assert cell == value or cell == "'" + value
    assert (cell != value) == value.startswith(FORMULA_STARTS)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=DANGEROUS | TEXT, author=DANGEROUS | TEXT)
def test_no_cell_of_the_csv_runs_as_a_formula(consultation, text, author):
    """Whatever a commenter writes, in the text or the name, the CSV a spreadsheet opens holds
    it as text: no cell starts like a formula, and the text reads back whole."""
    text = text.replace("\x00", "").strip() or "x"
    comment = Comment.objects.for_consultation(consultation).published().first()
    # The organisation as the form keeps it: no longer than its column.
    organisation = author.replace("\x00", "")[: Comment._meta.get_field("organisation").max_length]
    Comment.objects.filter(pk=comment.pk).update(text=text, organisation=organisation)
    if not ConsultationReport.objects.filter(
        consultation_key=consultation.translation_key, published_at__isnull=False
    ).exists():
        publish_report(consultation)
    rows = list(
        csv.reader(
            io.StringIO(public_views.report_csv_text(consultation), newline=""), delimiter=";"
        )
    )
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS)
    assert rows[1][4] == public_views.safe_cell(text)
