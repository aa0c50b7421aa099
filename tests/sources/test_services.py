"""The fetch of republishing sources (issue 12): feeds and pages from a local server become draft
articles with their attribution, never published; each source's failure (timeout, refused
connection, 404, 500, a broken feed, no section) is its own outcome in words and stops no
other source; what was seen is never brought twice, by address or by content.

Personas: the bulletin's editor, who reviews what the timer fetched overnight."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page

from biuletyn.articles.models import ArticlePage
from biuletyn.sources import services
from biuletyn.sources.models import ItemState, SourceItem, SourceKind
from tests.factories.bulletin import make_category

pytestmark = pytest.mark.integration


def test_a_feed_item_becomes_a_draft_with_its_attribution(local_server, make_source, bulletin):
    category = make_category("Komunikacja", "komunikacja")
    source = make_source(local_server.url("miasto.rss"), categories=[category])

    outcome = services.fetch_source(source=source)

    assert outcome.ok
    assert (outcome.new, outcome.known) == (2, 0)
    assert str(outcome) == "lublin.eu: 2 nowe, 0 już znanych"
    item = SourceItem.objects.get(guid="miasto-1001")
    assert item.url == "http://example.test/aktualnosci/winda-raclawickie"
    assert item.state == ItemState.TO_REVIEW
    assert item.images == 1
    page = item.page
    assert page is not None
    assert page.get_parent().pk == bulletin.pk
    assert page.live is False
    assert page.first_published_at is None
    assert page.has_unpublished_changes is True
    assert page.title == "Nowa winda na przystanku przy Alejach Racławickich"
    assert page.source_name == "lublin.eu"
    assert page.source_url == "http://example.test/aktualnosci/winda-raclawickie"
    assert page.publication_date == dt.datetime(2026, 11, 3, 8, 30, tzinfo=dt.UTC)
    assert page.lead.startswith("Przy przystanku w Alejach Racławickich działa już nowa winda.")
    assert "<" not in page.lead
    assert list(page.categories.all()) == [category]
    blocks = [
        (
            block.block_type,
            str(block.value.source if hasattr(block.value, "source") else block.value),
        )
        for block in page.body
    ]
    assert blocks[0] == (
        "paragraph",
        "<p>Przy przystanku w Alejach Racławickich działa już <b>nowa winda</b>. Z windy mogą "
        "korzystać osoby na wózkach i rodzice z wózkami dziecięcymi.</p>",
    )
    assert ("subheading", "Jak zgłosić awarię") in blocks
    assert (
        "paragraph",
        "<ul><li>telefon do dyżurnego miasta</li><li>formularz na stronie</li></ul>",
    ) in blocks
    assert not any("alert" in value or "img" in value for _kind, value in blocks)
    # A revision exists, so the editor opens the draft as the fetch left it.
    assert page.latest_revision is not None
    source.refresh_from_db()
    assert source.last_ok is True
    assert (source.last_new, source.last_known) == (2, 0)
    assert local_server.requests[0]["user_agent"].startswith("Biuletyn/")


def test_the_draft_is_not_public_and_has_an_alias_in_english(local_server, make_source, client):
    make_source(local_server.url("miasto.rss"))
    services.fetch_all()
    page = ArticlePage.objects.get(source_url__endswith="/dyzur-pjm", locale__language_code="pl")
    alias = Page.objects.get(alias_of=page)
    assert alias.locale == Locale.objects.get(language_code="en")
    assert alias.live is False
    assert client.get(page.url or f"/biuletyn/{page.slug}/").status_code == 404
    assert not ArticlePage.objects.live().filter(source_name="lublin.eu").exists()


def test_an_atom_feed_and_a_redirect(local_server, make_source):
    source = make_source(local_server.redirect("organizacja.atom"), attribution="razem.example")
    outcome = services.fetch_source(source=source)
    assert outcome.ok
    assert outcome.new == 1
    page = SourceItem.objects.get().page
    assert page.title == "Warsztaty z audiodeskrypcji dla wolontariuszy"
    assert page.lead == (
        "Zapraszamy wolontariuszy na dwa spotkania o tym, jak opisywać obrazy i przedstawienia "
        "osobom niewidomym."
    )
    assert 'href="mailto:biuro@example.test"' in page.body[1].value.source


def test_a_refetch_brings_nothing_new(local_server, make_source):
    source = make_source(local_server.url("miasto.rss"))
    services.fetch_source(source=source)
    again = services.fetch_source(source=source)
    assert (again.new, again.known) == (0, 2)
    assert str(again) == "lublin.eu: 0 nowych, 2 już znane"
    assert SourceItem.objects.count() == 2
    assert (
        ArticlePage.objects.filter(locale__language_code="pl", source_name="lublin.eu").count() == 2
    )


def test_dedupe_by_address_and_by_content_across_sources(local_server, make_source):
    make_source(local_server.url("miasto.rss"))
    services.fetch_all()
    portal = make_source(
        local_server.url("przedruk.rss"), name="Portal", attribution="portal.example"
    )

    outcome = services.fetch_source(source=portal)

    # One is the city's text under another address, the other a known address (other case,
    # tracking parameters): neither is new.
    assert (outcome.new, outcome.known) == (0, 2)
    assert not SourceItem.objects.filter(source=portal).exists()


def test_a_watched_page_brings_one_item_per_version(local_server, make_source):
    url = local_server.watch("rzecznik", "komunikat.html")
    source = make_source(url, kind=SourceKind.PAGE, attribution="rzecznik.example")

    first = services.fetch_source(source=source)
    assert (first.new, first.known) == (1, 0)
    page = SourceItem.objects.get().page
    assert page.title == "Bezpłatne konsultacje prawne dla osób z niepełnosprawnościami"
    assert page.publication_date == dt.datetime(2026, 11, 2, 7, 15, tzinfo=dt.UTC)
    text = " ".join(
        str(block.value.source if hasattr(block.value, "source") else block.value)
        for block in page.body
    )
    assert "bezpłatnych porad" in text
    assert "Jak się umówić" in text
    for noise in ("ciasteczek", "O nas", "Udostępnij", "zastrzeżone", "Polecamy", "tracker"):
        assert noise not in text
    assert "Wejście do biura jest bez progów." in text  # the caption stays, the image does not
    assert SourceItem.objects.get().images == 1

    same = services.fetch_source(source=source)
    assert (same.new, same.known) == (0, 1)

    local_server.watched["rzecznik"] = "komunikat-zmieniony.html"
    changed = services.fetch_source(source=source)
    assert (changed.new, changed.known) == (1, 0)
    assert SourceItem.objects.filter(source=source).count() == 2
    assert len({item.page.slug for item in SourceItem.objects.all()}) == 2


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("silent", "Serwer nie odpowiedział w wyznaczonym czasie (0,5 s)."),
        ("closed", "Serwer odmówił połączenia."),
        ("404", "Serwer odpowiedział błędem 404 (Not Found)."),
        ("500", "Serwer odpowiedział błędem 500 (Internal Server Error)."),
        ("broken", "To nie jest czytelny kanał RSS ani Atom"),
        ("html", "Pod tym adresem jest strona internetowa, a nie kanał."),
    ],
)
def test_each_failure_is_reported_in_words(
    where, expected, local_server, silent_url, closed_url, make_source
):
    url = {
        "silent": silent_url,
        "closed": closed_url,
        "404": local_server.status(404),
        "500": local_server.status(500),
        "broken": local_server.url("zepsuty.rss"),
        "html": local_server.url("komunikat.html"),
    }[where]
    source = make_source(url)
    outcome = services.fetch_source(source=source)
    assert outcome.ok is False
    assert expected in outcome.error
    source.refresh_from_db()
    assert source.last_ok is False
    assert expected in source.last_error
    assert source.last_fetched_at is not None
    assert not SourceItem.objects.exists()


def test_one_source_failing_does_not_stop_the_others(local_server, closed_url, make_source):
    broken = make_source(closed_url, name="Zepsute", attribution="zepsute.example")
    good = make_source(
        local_server.url("organizacja.atom"), name="Razem", attribution="razem.example"
    )
    make_source(local_server.url("miasto.rss"), name="Wyłączone", active=False)

    outcomes = {outcome.source_id: outcome for outcome in services.fetch_all()}

    assert set(outcomes) == {broken.pk, good.pk}
    assert outcomes[broken.pk].ok is False
    assert outcomes[good.pk].ok is True
    assert outcomes[good.pk].new == 1


def test_a_source_without_a_section_is_reported(local_server, make_source):
    source = make_source(local_server.url("miasto.rss"), section=None)
    outcome = services.fetch_source(source=source)
    assert outcome.ok is False
    assert "nie ma działu" in outcome.error
    assert local_server.requests == []


def test_an_empty_feed_is_a_success_with_nothing_new(local_server, make_source):
    outcome = services.fetch_source(source=make_source(local_server.url("pusty.rss")))
    assert outcome.ok
    assert (outcome.new, outcome.known) == (0, 0)


def test_an_answer_over_the_size_cap_is_refused(local_server, make_source, settings):
    settings.SOURCES_MAX_BYTES = 100_000
    source = make_source(f"{local_server.base}/big", kind=SourceKind.PAGE)
    outcome = services.fetch_source(source=source)
    assert outcome.ok is False
    assert "większa niż" in outcome.error


def test_publishing_the_draft_takes_it_out_of_the_queue(local_server, make_source):
    make_source(local_server.url("organizacja.atom"))
    services.fetch_all()
    item = SourceItem.objects.get()
    item.page.save_revision().publish()
    item.refresh_from_db()
    assert item.state == ItemState.PUBLISHED
    assert item.decided_at is not None


def test_rejecting_deletes_the_draft_and_a_refetch_does_not_bring_it_back(
    local_server, make_source, django_user_model
):
    editor = django_user_model.objects.create_user("redaktor", "r@example.org", "x")
    source = make_source(local_server.url("organizacja.atom"))
    services.fetch_source(source=source)
    item = SourceItem.objects.get()
    page_pk = item.page_id

    services.reject(item=item, user=editor, now=timezone.now())

    item.refresh_from_db()
    assert item.state == ItemState.REJECTED
    assert item.decided_by == editor
    assert item.page is None
    assert not Page.objects.filter(pk=page_pk).exists()
    assert not Page.objects.filter(alias_of_id=page_pk).exists()
    with pytest.raises(services.SourceError):
        services.reject(item=item, user=editor)
    again = services.fetch_source(source=source)
    assert (again.new, again.known) == (0, 1)


def test_a_published_draft_cannot_be_rejected(local_server, make_source, django_user_model):
    editor = django_user_model.objects.create_user("redaktor", "r@example.org", "x")
    make_source(local_server.url("organizacja.atom"))
    services.fetch_all()
    item = SourceItem.objects.get()
    item.page.save_revision().publish()
    item.refresh_from_db()
    with pytest.raises(services.SourceError):
        services.reject(item=item, user=editor)
    assert ArticlePage.objects.filter(pk=item.page_id, live=True).exists()
