"""The public pages of a consultation (issue 11): the page in each state of the clock (upcoming,
open, closed, report published) in both languages, each saying one thing (no comment link
outside the period, no "reading your comments" while open); the facts first; a comment link
per commentable section announced with its heading; published comments under their sections
with their "report" link; documents with format, size and alternative; meetings that are
visible only; the JSON and calendar links in the head; the list of consultations in three
parts, through the visibility rule, with a fixed number of queries; the period in words the
same in summer and in winter time.

Personas: a resident who reads the draft on a phone; a screen-reader user who lists the links;
an NGO that takes part as an organisation; a reader of the English site."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.documents import get_document_model
from wagtail.models import Locale, PageViewRestriction

from biuletyn.consultations import public_views, services
from biuletyn.consultations.enums import Answer, Channel, CommentStatus
from biuletyn.consultations.models import ConsultationDocument, ConsultationMeeting
from tests.factories.consultations import (
    make_comment,
    make_consultation,
    make_consultation_index,
    section_key,
)
from tests.factories.events import make_calendar, make_event

pytestmark = pytest.mark.integration

WARSAW = ZoneInfo("Europe/Warsaw")


# --- helpers other modules of these tests use -------------------------------------------------


def english(page: Any) -> Any:
    return page.get_translation(Locale.objects.get(language_code="en")).specific


def closed_consultation(index: Any, **fields: Any) -> Any:
    now = timezone.now().replace(microsecond=0)
    return make_consultation(
        index,
        **{
            "opens_at": now - dt.timedelta(days=40),
            "closes_at": now - dt.timedelta(days=10),
            "report_due": (now + dt.timedelta(days=20)).date(),
            **fields,
        },
    )


def during(page: Any) -> dt.datetime:
    return page.opens_at + dt.timedelta(days=1)


def publish_report(page: Any, staff: Any = None, summary: str = "Uwagi zmieniły § 2.") -> Any:
    """Answer every comment in the report and publish it (the consultation must be closed)."""
    for comment in services.Comment.objects.for_consultation(page).in_report():  # type: ignore[attr-defined]
        services.answer(
            comment=comment,
            staff=staff,
            answer=Answer.PARTLY,
            justification="Dopisaliśmy tłumacza PJM do dwóch spotkań.",
            changed_section_key=section_key(page, 1),
        )
    services.save_report(page=page, summary=summary, summary_en="The comments changed § 2.")
    return services.publish_report(page=page, staff=staff)


def on_behalf(page: Any, *, consent: bool = True, channel: str = Channel.PHONE, **fields: Any):
    comment = services.enter_on_behalf(
        page=page,
        staff=None,
        channel=channel,
        received_at=during(page),
        text=fields.pop("text", "Proszę o spotkanie w budynku bez schodów."),
        consent_to_publish=consent,
        **fields,
    )
    return services.publish(comment=comment, moderator=None)


def republish(page: Any) -> Any:
    """Publish the page as an editor does after changing it: its English alias follows."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def index(site_tree):
    return make_consultation_index(site_tree["pl"])


def body(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def text_of(html: str) -> str:
    """The visible words, tags gone and spaces collapsed (non-breaking ones included)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " ").split())


# --- the states -------------------------------------------------------------------------------


def test_an_open_consultation_leads_to_the_form_and_each_section(client, index):
    page = make_consultation(index, other_ways="Listownie: ul. Długa 5, 00-001 Warszawa.")
    html = main(body(client.get(page.url)))
    assert f'href="{page.url}uwagi/"' in html
    for number, heading in enumerate(["§ 1. Cel programu", "§ 2. Zadania priorytetowe"]):
        key = section_key(page, number)
        # The link's name is its visible text with the section's heading after it.
        assert re.search(
            rf'<a class="[^"]*" href="{page.url}uwagi/{key}/">Zgłoś uwagę do tej części'
            rf'<span class="app-visually-hidden">: <span>{re.escape(heading)}</span></span></a>',
            html,
        ), heading
    assert "Listownie: ul. Długa 5" in html
    assert "czytamy" not in text_of(html).lower()
    # The facts come before the long text.
    assert html.index("consultation-status") < html.index("consultation-take-part")
    assert html.index("consultation-take-part") < html.index("consultation-about")


def test_an_upcoming_consultation_says_when_it_opens_and_has_no_comment_links(client, index):
    opens = timezone.now().replace(microsecond=0) + dt.timedelta(days=5)
    page = make_consultation(index, opens_at=opens, closes_at=opens + dt.timedelta(days=30))
    html = main(body(client.get(page.url)))
    assert "/uwagi/" not in html
    words = text_of(html)
    with translation.override("pl"):
        opening = public_views.long_datetime(opens).replace("\u00a0", " ")
    assert f"Zbieranie uwag zacznie się {opening}" in words
    assert f"Formularz uwag otworzy się {opening}" in words
    assert "konsultacja.ics" in html


def test_a_closed_consultation_is_being_read_with_the_report_due(client, index):
    page = closed_consultation(index, other_ways="Telefonicznie: 22 123 45 67.")
    make_comment(page, status=CommentStatus.PUBLISHED, now=during(page))
    html = main(body(client.get(page.url)))
    words = text_of(html)
    assert "/uwagi/" not in html
    assert "czytamy wasze uwagi" in words.lower()
    with translation.override("pl"):
        assert public_views.long_date(page.report_due).replace("\u00a0", " ") in words
    # The other ways to comment are over too.
    assert "Telefonicznie" not in html
    # Published comments stay, with their report link.
    assert "Zgłoś do moderatora" in html


def test_a_consultation_with_its_report_leads_to_it(client, index):
    page = closed_consultation(index)
    make_comment(page, status=CommentStatus.PUBLISHED, now=during(page))
    report = publish_report(page)
    report.easy_read_url = "https://example.org/raport-etr"
    report.sign_language_url = "https://example.org/raport-pjm"
    report.save()
    html = main(body(client.get(page.url)))
    assert f'href="{page.url}raport/"' in html
    assert 'href="https://example.org/raport-etr">Raport w tekście łatwym do czytania' in html
    assert 'href="https://example.org/raport-pjm">Raport w polskim języku migowym' in html
    report_html = main(body(client.get(f"{page.url}raport/")))
    assert 'href="https://example.org/raport-etr"' in report_html
    assert "/uwagi/" not in html
    assert "czytamy" not in text_of(html).lower()
    assert "Raport z konsultacji jest opublikowany" in text_of(html)


@pytest.mark.parametrize("state", ["upcoming", "open", "closed", "report"])
def test_every_state_in_english(client, index, state):
    now = timezone.now().replace(microsecond=0)
    if state == "upcoming":
        page = make_consultation(
            index, opens_at=now + dt.timedelta(days=3), closes_at=now + dt.timedelta(days=9)
        )
    elif state == "open":
        page = make_consultation(index)
    else:
        page = closed_consultation(index)
        make_comment(page, status=CommentStatus.PUBLISHED, now=during(page))
        if state == "report":
            publish_report(page)
    alias = english(page)
    html = body(client.get(alias.url))
    assert '<html lang="en"' in html
    words = text_of(main(html))
    headline = {
        "upcoming": "Comments open on",
        "open": "Open for comments until",
        "closed": "we are reading your comments",
        "report": "The report on the comments is published",
    }[state]
    assert headline in words
    assert ("/comment/" in html) == (state == "open")
    # The untranslated page marks the Polish text as Polish.
    assert '<h1 class="app-heading-xl" lang="pl">' in html
    if state == "open":
        assert f'href="{alias.url}comment/{section_key(page)}/"' in html
    if state == "report":
        assert f'href="{alias.url}report/"' in html


def test_the_json_and_calendar_are_linked_in_the_head(client, index):
    page = make_consultation(index)
    html = body(client.get(page.url))
    head = html[: html.index("</head>")]
    assert (
        f'<link rel="alternate" type="application/json" href="/api/consultations/{page.pk}.json">'
        in head
    )
    assert f'href="{page.url}konsultacja.ics"' in html


def test_published_comments_stand_under_their_sections_and_general_ones_apart(client, index):
    page = make_consultation(index)
    on_section = make_comment(page, status=CommentStatus.PUBLISHED, section=1, text="O § 2.")
    general = make_comment(page, status=CommentStatus.PUBLISHED, section=None, text="Ogólnie.")
    pending = make_comment(page, status=CommentStatus.PENDING, section=1, text="Czeka na decyzję.")
    rejected = make_comment(page, status=CommentStatus.REJECTED, section=1, text="Odrzucona.")
    html = main(body(client.get(page.url)))
    section = html[html.index(f'id="section-{section_key(page, 1)}"') :]
    section = section[: section.index("</section>")]
    assert "O § 2." in section
    assert "1 opublikowana uwaga do tej części" in text_of(section)
    general_part = html[html.index('id="consultation-comments"') :]
    assert "Ogólnie." in general_part
    assert pending.text not in html
    assert rejected.text not in html
    for comment in (on_section, general):
        assert f'href="{page.url}zglos/{comment.public_id.hex}/"' in html
    # Never contact data.
    assert "anna.nowak@example.org" not in html
    assert "<strong>Mieszkaniec</strong>" in html


def test_the_author_is_the_organisation_or_the_name(client, index):
    page = make_consultation(index)
    make_comment(page, status=CommentStatus.PUBLISHED, organisation="Fundacja Migowe Okno")
    make_comment(page, status=CommentStatus.PUBLISHED, author_name="Jan Kowalski", section=1)
    html = main(body(client.get(page.url)))
    assert "<strong>Fundacja Migowe Okno</strong>" in html
    assert "<strong>Jan Kowalski</strong>" in html


def test_a_hidden_comment_leaves_the_page(client, index):
    page = make_consultation(index)
    comment = make_comment(page, status=CommentStatus.HIDDEN, text="Zgłoszona przez czytelników.")
    assert comment.text not in body(client.get(page.url))


def test_a_section_not_open_to_comments_has_no_link(client, index):
    from tests.factories.consultations import sections

    page = make_consultation(
        index, sections=sections(("§ 9. Przepisy końcowe", "Wchodzi w życie."), commentable=False)
    )
    html = main(body(client.get(page.url)))
    assert f"uwagi/{section_key(page)}/" not in html
    assert f'href="{page.url}uwagi/"' in html


def test_documents_show_format_size_and_alternative(client, index):
    Document = get_document_model()
    draft = Document(title="Projekt programu")
    draft.file.save("projekt-programu.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 2048), save=False)
    draft.save()
    page = make_consultation(index)
    page.documents = [
        ConsultationDocument(
            document=draft,
            alternative_url="https://example.org/projekt-etr",
            alternative_kind=ConsultationDocument.AlternativeKind.EASY_READ,
        )
    ]
    page = republish(page)
    html = main(body(client.get(page.url)))
    assert "Projekt programu</a>" in html
    assert "(PDF, 2,0\u00a0KB)" in html or "(PDF, 2,0 KB)" in html
    assert 'href="https://example.org/projekt-etr"' in html
    html_en = main(body(client.get(english(page).url)))
    assert "(PDF, 2.0\u00a0KB)" in html_en or "(PDF, 2.0 KB)" in html_en


def test_only_visible_meetings_are_listed(client, index, site_tree):
    calendar = make_calendar(site_tree["pl"])
    shown = make_event(calendar, title="Spotkanie konsultacyjne w ratuszu")
    private = make_event(calendar, title="Spotkanie zespołu roboczego")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    page = make_consultation(index)
    page.meetings = [ConsultationMeeting(event=shown), ConsultationMeeting(event=private)]
    page = republish(page)
    html = main(body(client.get(page.url)))
    assert "Spotkanie konsultacyjne w ratuszu" in text_of(html)
    assert "Spotkanie zespołu roboczego" not in text_of(html)
    # The English page lists the English version (here the alias) of the meeting.
    html_en = main(body(client.get(english(page).url)))
    assert f'href="{english(shown).url}"' in html_en


def test_the_page_is_cached_only_until_the_status_changes(client, index):
    page = make_consultation(index)
    before = timezone.now()
    response = client.get(page.url)
    after = timezone.now()
    seconds = int(re.search(r"max-age=(\d+)", response["Cache-Control"])[1])
    # The server read its clock between ``before`` and ``after``: the page may be kept until the
    # closing minute, not a second longer, and not much less either.
    assert (page.closes_at - after).total_seconds() - 1 <= seconds
    assert seconds <= (page.closes_at - before).total_seconds()


# --- the period in words ----------------------------------------------------------------------


def test_the_period_in_warsaw_time_in_summer_and_in_winter():
    """The same wall-clock hour whatever the offset: 23:59 in summer (UTC+2) and in winter
    (UTC+1); a closing on the night the clocks go back keeps its hour."""
    from types import SimpleNamespace as ConsultationPage  # the two instants are all it reads

    summer = ConsultationPage(
        opens_at=dt.datetime(2024, 6, 10, 0, 0, tzinfo=WARSAW),
        closes_at=dt.datetime(2024, 9, 8, 23, 59, tzinfo=WARSAW),
    )
    winter = ConsultationPage(
        opens_at=dt.datetime(2024, 12, 2, 0, 0, tzinfo=WARSAW),
        closes_at=dt.datetime(2025, 1, 31, 23, 59, tzinfo=WARSAW),
    )
    change = ConsultationPage(
        opens_at=dt.datetime(2024, 10, 1, 0, 0, tzinfo=WARSAW),
        closes_at=dt.datetime(2024, 10, 27, 23, 59, tzinfo=WARSAW),
    )
    nb = "\u00a0"
    with timezone.override(WARSAW), translation.override("pl"):
        assert public_views.period_in_words(summer) == (
            f"od 10{nb}czerwca{nb}2024{nb}r., godz.{nb}0:00 do 8{nb}września{nb}2024{nb}r., "
            f"godz.{nb}23:59"
        )
        assert public_views.period_in_words(winter).endswith(
            f"31{nb}stycznia{nb}2025{nb}r., godz.{nb}23:59"
        )
        assert public_views.period_in_words(change).endswith(f"godz.{nb}23:59")
    with timezone.override(WARSAW), translation.override("en"):
        assert public_views.period_in_words(summer) == (
            f"from 10{nb}June{nb}2024, 00:00 to 8{nb}September{nb}2024, 23:59"
        )


# --- the list ---------------------------------------------------------------------------------


def test_the_list_has_open_upcoming_and_closed(client, index):
    now = timezone.now().replace(microsecond=0)
    soon = make_consultation(
        index,
        title="Konsultacje wkrótce",
        opens_at=now + dt.timedelta(days=2),
        closes_at=now + dt.timedelta(days=30),
    )
    open_one = make_consultation(index, title="Konsultacje otwarte")
    older = closed_consultation(
        index,
        title="Konsultacje dawne",
        closes_at=now - dt.timedelta(days=30),
        opens_at=now - dt.timedelta(days=60),
        report_due=None,
    )
    newer = closed_consultation(index, title="Konsultacje niedawne")
    make_comment(newer, status=CommentStatus.PUBLISHED, now=during(newer))
    publish_report(newer)
    html = main(body(client.get(index.url)))
    parts = {
        name: html[html.index(f'id="consultations-{name}"') :]
        for name in ("open", "upcoming", "closed")
    }
    assert open_one.title in parts["open"][: parts["open"].index("consultations-upcoming")]
    assert soon.title in parts["upcoming"][: parts["upcoming"].index("consultations-closed")]
    closed_part = parts["closed"]
    # The latest closed first, each with its status.
    assert closed_part.index(newer.title) < closed_part.index(older.title)
    assert "Raport opublikowany" in text_of(closed_part)
    assert "Zakończone, czytamy uwagi" in text_of(closed_part)
    assert 'href="/konsultacje/konsultacje.ics"' in html


def test_the_list_leaves_out_private_consultations_and_their_aliases(client, index):
    shown = make_consultation(index, title="Konsultacje jawne")
    hidden = make_consultation(index, title="Konsultacje zamknięte dla gości")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    html = body(client.get(index.url))
    assert shown.title in html
    assert hidden.title not in html
    english_index = english(index)
    html_en = body(client.get(english_index.url))
    assert f'href="{english(shown).url}"' in html_en
    assert hidden.title not in html_en
    # The English list lists the English versions, marked as Polish while untranslated.
    assert f'href="{shown.url}"' not in html_en
    assert 'lang="pl">Konsultacje jawne' in html_en


def test_the_list_takes_the_same_queries_for_one_or_three(client, index):
    def measure() -> int:
        client.get(index.url)  # Wagtail's site caches warm
        with CaptureQueriesContext(connection) as queries:
            body(client.get(index.url))
        return len(queries)

    def one_of_each() -> None:
        make_comment(make_consultation(index), status=CommentStatus.PUBLISHED)
        now = timezone.now().replace(microsecond=0)
        make_consultation(
            index, opens_at=now + dt.timedelta(days=2), closes_at=now + dt.timedelta(days=9)
        )
        closed = closed_consultation(index)
        make_comment(closed, status=CommentStatus.PUBLISHED, now=during(closed))
        publish_report(closed)

    one_of_each()
    one = measure()
    one_of_each()
    one_of_each()
    assert measure() == one


def test_the_page_takes_the_same_queries_for_one_or_three_comments(client, index):
    page = make_consultation(index)
    make_comment(page, status=CommentStatus.PUBLISHED)
    client.get(page.url)
    with CaptureQueriesContext(connection) as one:
        body(client.get(page.url))
    make_comment(page, status=CommentStatus.PUBLISHED, section=1)
    make_comment(page, status=CommentStatus.PUBLISHED, section=None)
    with CaptureQueriesContext(connection) as three:
        body(client.get(page.url))
    assert len(one) == len(three)


@pytest.fixture
def page_cache(settings, tmp_path):
    """The page cache turned on, with a store of its own for this test (ADR 0001)."""
    from biuletyn.core import pagecache

    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_DIR = tmp_path / "pages"
    return pagecache.store()


def test_the_cached_page_shows_a_comment_once_published(
    client, index, page_cache, django_capture_on_commit_callbacks
):
    page = make_consultation(index)
    with django_capture_on_commit_callbacks(execute=True):
        waiting = make_comment(page, text="Uwaga, która czeka na moderatora.")
    assert waiting.text not in body(client.get(page.url))
    # Stored: the same page again comes from the cache.
    assert waiting.text not in body(client.get(page.url))
    with django_capture_on_commit_callbacks(execute=True):
        services.publish(comment=waiting, moderator=None)
    assert waiting.text in body(client.get(page.url))


def test_the_cached_page_leads_to_the_report_once_published(
    client, index, page_cache, django_capture_on_commit_callbacks
):
    page = closed_consultation(index)
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(page, status=CommentStatus.PUBLISHED, now=during(page))
    assert "raport/" not in main(body(client.get(page.url)))
    with django_capture_on_commit_callbacks(execute=True):
        publish_report(page)
    assert f'href="{page.url}raport/"' in main(body(client.get(page.url)))
