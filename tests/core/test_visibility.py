"""The one visibility rule (``core.visibility``, issue 8 "Exact and private").

A private Polish article with an English alias, and pages inside private sections, must not be
listed, linked, put in the sitemap or a calendar feed, or read, on any surface in either
language. Every surface that lists or links pages is fetched here as an anonymous reader.

Personas: an anonymous reader (must never see private pages); an editor signed in (may read
them).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from wagtail.models import Page, PageViewRestriction

from biuletyn.articles.models import ArticleRelatedLink, ArticleSectionPage
from biuletyn.core import visibility
from biuletyn.events.models import EventRelatedArticle
from biuletyn.pages.models import StandardPage
from biuletyn.pages.services import publish_new_page, translate_alias
from tests.factories.bulletin import (
    make_article,
    make_bulletin,
    make_category,
    make_organisation,
)
from tests.factories.events import days, make_calendar, make_event
from tests.factories.venues import make_venue

pytestmark = pytest.mark.integration

# Every private page's title carries this word; no anonymous response may contain it.
SECRET = "Poufne"


def _restrict(page: Page, kind: str = PageViewRestriction.LOGIN) -> PageViewRestriction:
    return PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="tajne-haslo" if kind == "password" else ""
    )


def _english(page: Page) -> Page:
    from wagtail.models import Locale

    return page.get_translation(Locale.objects.get(language_code="en")).specific


def _republish(page: Page) -> None:
    page.save_revision().publish()  # aliases follow their source on publish


@pytest.fixture
def world(site_tree):
    """Public and private pages of every kind, published the way editors publish them."""
    home = site_tree["pl"]
    bulletin = make_bulletin(home)
    calendar = make_calendar(home)
    category = make_category()
    organisation = make_organisation()
    venue = make_venue()
    when = timezone.now() - dt.timedelta(days=2)

    public = make_article(
        bulletin, title="Jawny artykuł", categories=[category], tags=["dostępność"], when=when
    )
    private = make_article(
        bulletin, title=f"{SECRET} artykuł", categories=[category], tags=["dostępność"], when=when
    )
    _restrict(private)

    section = publish_new_page(
        parent=bulletin,
        page=ArticleSectionPage(
            title=f"{SECRET} sekcja członkowska", slug="sekcja", organisation=organisation
        ),
    )
    _restrict(section, PageViewRestriction.PASSWORD)
    in_section = make_article(
        section, title=f"{SECRET} artykuł w sekcji", categories=[category], when=when
    )

    # A private section in the main navigation, with a page inside.
    menu_section = publish_new_page(
        parent=home,
        page=StandardPage(title=f"{SECRET} dział", slug="dzial", show_in_menus=True),
    )
    _restrict(menu_section)
    in_menu_section = publish_new_page(
        parent=menu_section, page=StandardPage(title=f"{SECRET} strona w dziale", slug="strona")
    )

    # A public article linking every other article; an event linking them too.
    for number, target in enumerate([private, in_section, public]):
        ArticleRelatedLink.objects.create(page=public, article=target, sort_order=number)
    _republish(public)

    public_event = make_event(calendar, title="Jawne spotkanie", venue=venue, start_date=days(10))
    private_event = make_event(
        calendar, title=f"{SECRET} spotkanie", venue=venue, start_date=days(12)
    )
    _restrict(private_event)
    past_private = make_event(
        calendar, title=f"{SECRET} dawne spotkanie", venue=venue, start_date=days(-20)
    )
    _restrict(past_private)
    public_event.continues = private_event
    public_event.save()
    for number, target in enumerate([private, in_section, public]):
        EventRelatedArticle.objects.create(page=public_event, article=target, sort_order=number)
    _republish(public_event)
    follow_up = make_event(calendar, title=f"{SECRET} ciąg dalszy", start_date=days(14))
    follow_up.continues = public_event
    follow_up.save()
    _restrict(follow_up)
    _republish(follow_up)

    return {
        "home": home,
        "when": when,
        "bulletin": bulletin,
        "calendar": calendar,
        "category": category,
        "venue": venue,
        "public": public,
        "private": private,
        "section": section,
        "in_section": in_section,
        "menu_section": menu_section,
        "in_menu_section": in_menu_section,
        "public_event": public_event,
        "private_event": private_event,
        "past_private": past_private,
        "follow_up": follow_up,
        "private_pages": [
            private,
            section,
            in_section,
            menu_section,
            in_menu_section,
            private_event,
            past_private,
            follow_up,
        ],
    }


def _surfaces(world) -> list[str]:
    """Every address that lists or links pages, in Polish and English."""
    bulletin, calendar = world["bulletin"], world["calendar"]
    urls: list[str] = ["/sitemap.xml"]
    for language in ("pl", "en"):
        with override(language):
            b = bulletin if language == "pl" else _english(bulletin)
            c = calendar if language == "pl" else _english(calendar)
            article = world["public"] if language == "pl" else _english(world["public"])
            event = world["public_event"] if language == "pl" else _english(world["public_event"])
            month = days(12).strftime("%Y-%m")
            written = timezone.localtime(world["when"])
            urls += [
                "/" if language == "pl" else "/en/",
                b.url,
                b.url + b.reverse_subpage("category", kwargs={"slug": "wydarzenia"}),
                b.url + b.reverse_subpage("tag", kwargs={"slug": "dostępność"}),
                b.url
                + b.reverse_subpage(
                    "month",
                    # the month the articles are in, in Warsaw (not this month: on the 1st
                    # it would have none, and the check would prove nothing)
                    kwargs={"year": f"{written:%Y}", "month": f"{written:%m}"},
                ),
                article.url,
                c.url,
                c.url + c.reverse_subpage("month", kwargs={"month": month}),
                c.url + c.reverse_subpage("archive"),
                event.url,
                reverse("events:feed"),
                reverse("venues:detail", kwargs={"slug": world["venue"].slug}),
                reverse("venues:list"),
            ]
    return urls


def test_no_surface_lists_or_links_a_private_page(client, world):
    private_urls = set()
    for page in world["private_pages"]:
        private_urls.add(page.url)
        private_urls.add(_english(page).url)
    for url in _surfaces(world):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert SECRET not in body, url
        for private_url in private_urls:
            assert f'"{private_url}"' not in body, (url, private_url)
            assert f">{private_url}<" not in body, (url, private_url)  # sitemap <loc>


def test_the_surfaces_do_show_the_public_pages(client, world):
    """The same surfaces are not empty: the test above would pass on a blank page."""
    with override("pl"):
        assert "Jawny artykuł" in client.get("/").content.decode()
        assert "Jawny artykuł" in client.get(world["bulletin"].url).content.decode()
        written = timezone.localtime(world["when"])
        month = world["bulletin"].url + world["bulletin"].reverse_subpage(
            "month", kwargs={"year": f"{written:%Y}", "month": f"{written:%m}"}
        )
        assert "Jawny artykuł" in client.get(month).content.decode()
        article = client.get(world["public"].url).content.decode()
        assert article.count("Jawny artykuł") >= 2  # its own title, and the link to itself
        event_page = client.get(world["public_event"].url).content.decode()
        assert "Jawny artykuł" in event_page
        assert "Jawne spotkanie" in client.get(world["calendar"].url).content.decode()
        assert "Jawne spotkanie" in client.get(reverse("events:feed")).content.decode()
    assert "Jawne spotkanie" in client.get("/en/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert world["public"].full_url in sitemap


def test_private_pages_and_their_aliases_cannot_be_read(client, world):
    for page in world["private_pages"]:
        for version in (page, _english(page)):
            response = client.get(version.url)
            assert response.status_code in (200, 302), version.url
            assert SECRET not in response.content.decode(), version.url
            if response.status_code == 200:  # the password form of a password-protected page
                assert b'name="password"' in response.content, version.url
            assert (
                "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
            ), version.url


def test_private_events_have_no_calendar_file(client, world):
    for event in (world["private_event"], world["follow_up"]):
        for version in (event, _english(event)):
            response = client.get(reverse("events:ics", kwargs={"pk": version.pk}))
            assert response.status_code == 404


def test_a_signed_in_editor_may_read_private_pages(admin_client, world):
    response = admin_client.get(_english(world["private"]).url)
    assert response.status_code == 200
    assert SECRET in response.content.decode()


def test_english_alias_in_a_translated_section_inherits_the_polish_sections_privacy(
    client, site_tree
):
    """Wagtail's own check follows an alias to its source, but not to the source's ancestors."""
    bulletin = make_bulletin(site_tree["pl"])
    section = publish_new_page(
        parent=bulletin,
        page=ArticleSectionPage(title="Sekcja", slug="sekcja-2", organisation=make_organisation()),
    )
    # The English section is translated: a real page, not an alias, and not restricted.
    english_bulletin = translate_alias(_english(bulletin), title="Bulletin")
    english_section = translate_alias(_english(section), title="Section")
    article = make_article(section, title=f"{SECRET} w sekcji")
    _restrict(section)
    english_article = _english(article)
    assert english_article.alias_of_id == article.pk
    assert english_article.get_parent().pk == english_section.pk
    assert not english_section.get_view_restrictions().exists()

    # Wagtail's public() alone would list it:
    assert type(english_article).objects.filter(pk=english_article.pk).live().public().exists()
    assert not visibility.visible(Page.objects.filter(pk=english_article.pk)).exists()
    assert not visibility.is_visible(english_article)
    assert visibility.is_visible(english_section)
    response = client.get(english_article.url)
    assert response.status_code == 302
    assert SECRET not in client.get(english_bulletin.url).content.decode()


def test_private_roots_cost_one_query_when_nothing_is_private(site_tree):
    with CaptureQueriesContext(connection) as queries:
        assert visibility.private_roots() == []
    assert len(queries) == 1


def test_a_root_inside_another_root_is_not_repeated(world):
    roots = visibility.private_roots()
    assert len(roots) == len(set(roots))
    assert not any(other != root and other.startswith(root) for root in roots for other in roots)
    # The page inside the private section is covered by the section's root.
    assert world["in_section"].path not in roots
    assert any(world["in_section"].path.startswith(root) for root in roots)


def test_language_switch_leaves_out_a_private_translation(client, site_tree):
    bulletin = make_bulletin(site_tree["pl"])
    article = make_article(bulletin, title="Artykuł przetłumaczony")
    english = translate_alias(_english(article), title="Translated article")
    _restrict(english)
    body = client.get(article.url).content.decode()
    assert english.url not in body
    assert '<link rel="alternate" hreflang="en"' not in body


def _related_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("kind", ["article", "event"])
def test_related_articles_cost_the_same_queries_for_one_and_many(client, site_tree, kind):
    bulletin = make_bulletin(site_tree["pl"])
    calendar = make_calendar(site_tree["pl"])
    category = make_category()
    targets = [make_article(bulletin, categories=[category]) for _ in range(6)]

    def page_with(links: list) -> Page:
        if kind == "article":
            page = make_article(bulletin)
            model = ArticleRelatedLink
        else:
            page = make_event(calendar)
            model = EventRelatedArticle
        for number, target in enumerate(links):
            model.objects.create(page=page, article=target, sort_order=number)
        _republish(page)
        return page

    one, many = page_with(targets[:1]), page_with(targets)
    for page in (one, many):  # warm up renditions and per-process caches
        client.get(page.url)
    assert _related_queries(client, one.url) == _related_queries(client, many.url)
    body = client.get(many.url).content.decode()
    # In the order the editor gave.
    positions = [body.index(f">{target.title}<") for target in targets]
    assert positions == sorted(positions)
    english = client.get(_english(many).url).content.decode()
    assert all(f">{target.title}<" in english for target in targets)


@pytest.mark.unit
def test_no_read_of_pages_bypasses_the_rule():
    """Wagtail's ``live()`` / ``public()`` / ``not_public()`` are the traps this rule replaces:
    outside ``core/visibility.py`` only the demo loader's counts (what it loaded, printed for
    the person running ``make run``) and the page-cache receivers (whether a change was live)
    may use them."""
    import re
    from pathlib import Path

    src = Path(visibility.__file__).resolve().parent.parent
    allowed = {"core/visibility.py", "demo/loader.py", "core/receivers.py"}
    pattern = re.compile(r"\.(live|public|not_public|private)\(\)")
    offenders = [
        f"{path.relative_to(src)}:{number}"
        for path in src.rglob("*.py")
        if "migrations" not in path.parts and str(path.relative_to(src)) not in allowed
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert not offenders, offenders


def test_footer_leaves_out_a_private_privacy_policy(client, site_tree):
    from wagtail.models import Site

    from biuletyn.pages.models import SiteSettings

    policy = publish_new_page(
        parent=site_tree["pl"], page=StandardPage(title="Polityka prywatności", slug="prywatnosc")
    )
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_policy_page = policy
    site_settings.save()
    assert "Polityka prywatności" in client.get("/en/").content.decode()
    _restrict(policy)
    for url in ("/", "/en/"):
        assert "Polityka prywatności" not in client.get(url).content.decode(), url


@pytest.mark.unit
def test_every_page_model_of_ours_takes_the_whole_rule_when_served():
    """Wagtail's serve check calls ``get_view_restrictions``: each of our page models must
    answer with ``restrictions_for`` (``InheritedPrivacyMixin``)."""
    from django.apps import apps

    ours = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model.__module__.startswith("biuletyn.")
    ]
    assert ours
    missing = [m.__name__ for m in ours if not issubclass(m, visibility.InheritedPrivacyMixin)]
    assert not missing, missing
