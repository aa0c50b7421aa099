"""The "Imported, needs an editor" list in a real browser (issue 12, ADR 0013 §3): in Polish,
axe 0 on every page state, nothing from other hosts.

Personas: an editor of the bulletin (the bulletin's editors' group, no superuser) after the old
WordPress site was imported. She opens "Poprawki importu" from the admin menu, reads
which pages need her and why, follows the open day's article to its editor, writes the text
version of its poster in the image library, publishes the article again, and the article has
left the list. The list is read at 320 px too: its table scrolls inside its own focusable region
(a data table, which WCAG 1.4.10 lets scroll); the page itself never scrolls sideways.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import Page

from biuletyn.articles.models import ArticleIndexPage
from biuletyn.articles.services import BULLETIN_EDITORS, ensure_editorial_groups
from biuletyn.imports.apps import ensure_editor_permissions
from biuletyn.imports.models import ImportedItem
from tests.browser.helpers import (
    NARROW_320,
    assert_no_axe_violations,
    horizontal_overflow,
    log_in_to_admin,
    visit,
)
from tests.imports.conftest import SITE, page_of, run_import

pytestmark = pytest.mark.browser

USERNAME = "redaktorka"
PASSWORD = "Haslo-testowe-2024!"
POSTER_TEXT = (
    "Dzień otwarty w Centrum Integracji, sobota 25 maja, od 10:00 do 16:00. Program: powitanie "
    "w holu, warsztaty z audiodeskrypcji, wspólny obiad. Budynek ma windę i pętlę indukcyjną."
)


@pytest.fixture
def imported_site(live_site, django_user_model):
    from tests.factories.site import ensure_site_tree

    ensure_site_tree(
        hostname=live_site.url.removeprefix("http://").split(":")[0],
        port=int(live_site.url.rsplit(":", 1)[1]),
    )
    report = run_import()
    ensure_editorial_groups(bulletin=ArticleIndexPage.objects.get(locale__language_code="pl"))
    ensure_editor_permissions()
    user = django_user_model.objects.create_user(USERNAME, "redaktorka@example.org", PASSWORD)
    editors = Group.objects.get(name=BULLETIN_EDITORS)
    user.groups.add(editors)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return report


def rows(page: Page) -> dict[str, list[str]]:
    """The list as the editor reads it: each page's title and its reasons."""
    found = {}
    for row in page.locator("table.listing tbody tr").all():
        title = row.locator("td.title a").inner_text().strip()
        found[title] = [li.inner_text().strip() for li in row.locator("li").all()]
    return found


def test_an_editor_fixes_an_imported_page_and_it_leaves_the_list(page, page_guards, imported_site):
    open_day, stops, garden = page_of(10), page_of(12), page_of(13)
    poster = ImportedItem.objects.get(site_url=SITE, post_id=101).image

    log_in_to_admin(page, USERNAME, PASSWORD)
    assert page.locator("html").get_attribute("lang") == "pl"
    page.get_by_role("link", name="Poprawki importu").click()
    page.wait_for_url("**/admin/imported/")
    page.wait_for_load_state("networkidle")
    assert_no_axe_violations(page)
    assert page.get_by_role("heading", level=1).inner_text().strip() == (
        "Zaimportowane – do poprawy"
    )
    assert page.get_by_role("region", name="3 zaimportowane strony wymagają poprawek").count() == 1
    listed = rows(page)
    assert set(listed) == {open_day.title, stops.title, garden.title}
    assert listed[open_day.title] == ["Plakat nie ma wersji tekstowej."]
    assert "Obraz nie ma tekstu alternatywnego." in listed[stops.title]
    assert (
        "Tekst alternatywny obrazu mówi tylko, jakiego rodzaju jest to obraz."
        in (listed[stops.title])
    )
    assert any(reason.startswith("Link lub obraz prowadzi") for reason in listed[garden.title])
    # The page's address on the site is a link to the live page.
    assert page.get_by_role("link", name=open_day.url).count() == 1

    # The title leads to the page's editor.
    page.get_by_role("link", name=open_day.title, exact=True).click()
    page.wait_for_url(f"**/admin/pages/{open_day.pk}/edit/")
    page.wait_for_load_state("networkidle")
    assert_no_axe_violations(page)

    # The poster's text version, in the image library.
    visit(page, f"/admin/images/{poster.pk}/")
    page.get_by_label("Wersja tekstowa").fill(POSTER_TEXT)
    page.get_by_role("button", name="Zapisz", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert_no_axe_violations(page)
    poster.refresh_from_db()
    assert poster.text_version == POSTER_TEXT

    # Published again from its editor: the article leaves the list.
    visit(page, f"/admin/pages/{open_day.pk}/edit/")
    page.locator("footer").get_by_role("button", name="Więcej akcji").click()
    page.get_by_role("button", name="Opublikuj", exact=True).click()
    page.wait_for_url(lambda url: f"/pages/{open_day.pk}/edit/" not in url)
    page.wait_for_load_state("networkidle")
    assert_no_axe_violations(page)
    assert ImportedItem.objects.get(site_url=SITE, post_id=10).needs_editor == []

    visit(page, "/admin/imported/")
    assert set(rows(page)) == {stops.title, garden.title}
    assert page.get_by_role("region", name="2 zaimportowane strony wymagają poprawek").count() == 1


def test_the_list_at_320_px(new_context, imported_site):
    page = new_context(**NARROW_320).new_page()
    log_in_to_admin(page, USERNAME, PASSWORD)
    visit(page, "/admin/imported/")
    assert horizontal_overflow(page)["scrollWidth"] <= 320
    region = page.get_by_role("region", name="3 zaimportowane strony wymagają poprawek")
    assert region.evaluate("box => box.scrollWidth > box.clientWidth")
    # The region takes focus from the keyboard, so its table can be scrolled without a mouse.
    assert region.get_attribute("tabindex") == "0"
