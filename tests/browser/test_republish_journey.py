"""From a partner's feed to the calendar, in a real browser (issue 12, "Done when": a feed item
becomes a reviewed article and, from it, an event).

Persona: an editor of the bulletin on a Monday morning. The timer has fetched a member
organisation's feed (served by a local HTTP server in this test: nothing reaches the internet);
the new announcement waits in the review queue as a draft carrying its source. The editor opens
it, clears the lead taken from the feed and publishes too soon (refused, the text kept), writes
her own lead and publishes; the public article says where it came from. From the article's header
menu: "Utwórz wydarzenie z tego artykułu"; the proposal shows what it read and where, the editor
first sends it without choosing a venue (refused, the typed title kept), then chooses the venue
and writes a draft event, which is not public until someone publishes it. axe on every state;
the queue and the proposal are also read at 320 px.
"""

from __future__ import annotations

import functools
import io
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from playwright.sync_api import Page, expect

from biuletyn.articles.models import ArticlePage
from biuletyn.articles.services import BULLETIN_EDITORS, ensure_editorial_groups
from biuletyn.events.models import EventPage
from biuletyn.sources.models import ItemState, Source, SourceItem
from tests.browser.helpers import (
    NARROW_320,
    assert_no_axe_violations,
    assert_no_horizontal_overflow,
    log_in_to_admin,
    visit,
)

pytestmark = pytest.mark.browser

PASSWORD = "Haslo-redakcji-2027!"
TITLE = "Warsztaty dla opiekunów osób niewidomych w Centrum Spotkań"
LEAD = "Dwa dni ćwiczeń z orientacji w przestrzeni dla rodzin i opiekunów."
FEED = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Stowarzyszenie Razem: komunikaty</title>
    <link>http://127.0.0.1/komunikaty/</link>
    <description>Komunikaty stowarzyszenia</description>
    <item>
      <title>{TITLE}</title>
      <link>http://127.0.0.1/komunikaty/warsztaty-opiekunowie</link>
      <guid isPermaLink="false">razem-204</guid>
      <pubDate>Mon, 01 Mar 2027 08:15:00 +0100</pubDate>
      <description><![CDATA[<p>Stowarzyszenie zaprasza opiekunów i rodziny osób niewidomych
      na warsztaty z orientacji w przestrzeni. Zajęcia odbędą się w dniach 12-13 kwietnia
      2027 r. od godz. 10:00 do 14:00 w Centrum Spotkań Razem, ul. Lipowa 14, w Lublinie.</p>
      <p>Warsztaty są bezpłatne. Na miejscu będzie tłumacz PJM, a sala nie ma progów.</p>
      <p>Zgłoszenia do 6 kwietnia telefonicznie pod numerem 81 555 01 02.</p>]]></description>
    </item>
  </channel>
</rss>
"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def feed_url(tmp_path: Path) -> Iterator[str]:
    """The organisation's feed, from a local HTTP server in a thread."""
    (tmp_path / "kanal.rss").write_text(FEED, encoding="utf-8")
    handler = functools.partial(_Quiet, directory=str(tmp_path))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/kanal.rss"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture
def newsroom(live_site, django_user_model, feed_url):
    from biuletyn.consultations.apps import ensure_editor_permissions
    from tests.factories.bulletin import make_bulletin, make_category
    from tests.factories.events import make_calendar
    from tests.factories.site import ensure_site_tree
    from tests.factories.venues import make_venue

    home = ensure_site_tree(
        hostname=live_site.url.removeprefix("http://").split(":")[0],
        port=int(live_site.url.rsplit(":", 1)[1]),
    )["pl"]
    bulletin = make_bulletin(home)
    make_calendar(home)
    category = make_category("Warsztaty", "warsztaty")
    make_venue(name="Centrum Spotkań Razem", street_address="ul. Lipowa 14", city="Lublin")
    make_venue(name="Dom Kultury Pod Akacjami", street_address="ul. Akacjowa 3", city="Lublin")
    source = Source.objects.create(
        name="Stowarzyszenie Razem: komunikaty",
        url=feed_url,
        attribution="razem.example.org",
        section=bulletin,
    )
    source.categories.set([category])
    ensure_editorial_groups(bulletin=bulletin)
    ensure_editor_permissions()
    user = django_user_model.objects.create_user("redaktorka", "r@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=BULLETIN_EDITORS))
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    # The timer's work: one fetch of every active source.
    call_command("fetch_sources", stdout=io.StringIO())
    return {"source": source, "bulletin": bulletin}


def publish(page: Page) -> None:
    """Wagtail's footer: the "more actions" toggle, then "Opublikuj"."""
    page.locator("footer").get_by_role("button", name="Więcej akcji").click()
    with page.expect_navigation(wait_until="networkidle"):
        page.get_by_role("button", name="Opublikuj", exact=True).click()


def test_a_feed_item_becomes_a_reviewed_article_and_then_an_event(
    page: Page, page_guards, newsroom, new_context
) -> None:
    item = SourceItem.objects.get()
    assert item.state == ItemState.TO_REVIEW
    assert not item.page.live

    log_in_to_admin(page, "redaktorka", PASSWORD)
    visit(page, "/admin/sources/")
    row = page.locator(f"#item-{item.pk}")
    expect(row).to_contain_text(TITLE)
    expect(row).to_contain_text("Stowarzyszenie Razem: komunikaty")

    # The draft in the editor. The editor clears the lead taken from the feed to write her own
    # and publishes too soon: refused, the title kept.
    with page.expect_navigation(wait_until="networkidle"):
        row.get_by_role("link", name=TITLE).click()
    assert_no_axe_violations(page)
    expect(page.locator("#id_lead")).not_to_have_value("")
    page.locator("#id_lead").fill("")
    publish(page)
    assert_no_axe_violations(page)
    assert not ArticlePage.objects.get(pk=item.page_id).live
    expect(page.locator(".messages")).to_contain_text("Nie można zapisać")
    expect(page.locator("#id_title")).to_have_value(TITLE)

    page.locator("#id_lead").fill(LEAD)
    publish(page)
    assert_no_axe_violations(page)
    article = ArticlePage.objects.get(pk=item.page_id)
    assert article.live
    assert article.lead == LEAD
    item.refresh_from_db()
    assert item.state == ItemState.PUBLISHED
    visit(page, "/admin/sources/")
    expect(page.locator(f"#item-{item.pk}")).to_have_count(0)

    # What readers see: the article, with its source named and linked.
    visit(page, article.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    source_link = page.get_by_role("link", name="razem.example.org")
    expect(source_link).to_have_attribute(
        "href", "http://127.0.0.1/komunikaty/warsztaty-opiekunowie"
    )

    # From the article to the calendar.
    page.goto(f"/admin/pages/{article.pk}/edit/", wait_until="networkidle")
    assert_no_axe_violations(page)
    page.locator("header").get_by_role("button", name="Akcje").click()
    with page.expect_navigation(wait_until="networkidle"):
        page.get_by_role("link", name="Utwórz wydarzenie z tego artykułu").click()
    assert_no_axe_violations(page)
    proposal_url = page.url
    expect(page.locator("#id_title")).to_have_value(TITLE)
    expect(page.locator("#id_start_date")).to_have_value("12.04.2027")
    expect(page.locator("#id_end_date")).to_have_value("13.04.2027")
    expect(page.locator("#id_start_time")).to_have_value("10:00")
    expect(page.locator("#id_end_time")).to_have_value("14:00")
    # Beside the date, the words it was read from.
    expect(page.locator("main")).to_contain_text("12-13 kwietnia")

    # The editor clears the venue by mistake and sends the form.
    page.locator("#id_venue").select_option("")
    page.locator("#id_title").fill(TITLE + " (dwa dni)")
    with page.expect_navigation(wait_until="networkidle"):
        page.get_by_role("button", name="Zapisz jako szkic wydarzenia").click()
    assert_no_axe_violations(page)
    assert not EventPage.objects.exists()
    expect(page.locator("#id_title")).to_have_value(TITLE + " (dwa dni)")
    expect(page.locator("main")).to_contain_text("miejsce")

    page.locator("#id_venue").select_option(label="Centrum Spotkań Razem")
    with page.expect_navigation(wait_until="networkidle"):
        page.get_by_role("button", name="Zapisz jako szkic wydarzenia").click()
    assert_no_axe_violations(page)
    event = EventPage.objects.get(locale__language_code="pl")
    assert not event.live
    # Its English alias follows it, and neither is public.
    assert not EventPage.objects.filter(live=True).exists()
    assert event.title == TITLE + " (dwa dni)"
    assert "/admin/pages/" in page.url
    assert f"/{event.pk}/edit/" in page.url
    expect(page.locator("#id_title")).to_have_value(TITLE + " (dwa dni)")

    # The same screens on a small phone.
    narrow = new_context(**NARROW_320).new_page()
    log_in_to_admin(narrow, "redaktorka", PASSWORD)
    for path in ("/admin/sources/", urlsplit(proposal_url).path):
        visit(narrow, path)
        assert_no_horizontal_overflow(narrow)
