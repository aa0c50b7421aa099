"""An editor adds a republishing source in the admin and reviews what it brought (issue 12), in a
real browser: axe 0 on every page state, nothing from other hosts, Polish only.

Persona: an editor of the bulletin who makes a mistake. She adds the city's feed, first with
its address typed without "http://" (refused with a clear message, everything she typed kept),
then right. The timer's fetch runs (the service it calls, from a local server: never the
internet). In "Do przejrzenia" she sees each item with its source, rejects one with the keyboard
alone (the message says so, the draft is gone) and opens another in the page editor. The queue
is read again at 320 px.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission

from biuletyn.articles.services import BULLETIN_EDITORS, ensure_editorial_groups
from biuletyn.sources import services
from biuletyn.sources.apps import ensure_editor_permissions
from biuletyn.sources.models import ItemState, Source, SourceItem
from tests.browser.english import PolishWalk
from tests.browser.helpers import (
    describe_focus,
    horizontal_overflow,
    log_in_to_admin,
    press_enter_and_wait,
    tab_to,
)
from tests.sources.conftest import local_server  # noqa: F401 (the local feed server fixture)

pytestmark = pytest.mark.browser

USERNAME = "redaktorka"
PASSWORD = "Haslo-testowe-2024!"
NAME = "Urząd Miasta Lublin: aktualności"
ATTRIBUTION = "lublin.eu"


@pytest.fixture
def bulletin(live_site, django_user_model):
    from tests.factories.bulletin import make_bulletin
    from tests.factories.site import ensure_site_tree

    home = ensure_site_tree(
        hostname=live_site.url.removeprefix("http://").split(":")[0],
        port=int(live_site.url.rsplit(":", 1)[1]),
    )["pl"]
    bulletin = make_bulletin(home)
    ensure_editorial_groups(bulletin=bulletin)
    ensure_editor_permissions()
    user = django_user_model.objects.create_user(USERNAME, "r@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=BULLETIN_EDITORS))
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return bulletin


class Walk(PolishWalk):
    def content(self) -> list[str]:
        return [
            *super().content(),
            *SourceItem.objects.values_list("url", flat=True),
            NAME,
        ]


def test_an_editor_adds_a_source_and_reviews_what_it_brought(
    page,
    page_guards,
    bulletin,
    local_server,  # noqa: F811
):
    feed = local_server.url("miasto.rss")
    log_in_to_admin(page, USERNAME, PASSWORD)
    walk = Walk(page)

    # The form of a new source: the last fetch in words, no empty read-only fields.
    walk.visit("/admin/snippets/sources/source/add/")
    assert page.locator("[data-last-fetch]").text_content() == "Jeszcze nie pobrano."

    # A mistake: the address without "http://". Refused, with what she typed kept.
    mistyped = feed.removeprefix("http://").replace("/data/", " data ")
    page.locator("#id_name").fill(NAME)
    page.locator("#id_url").fill(mistyped)
    page.locator("#id_attribution").fill(ATTRIBUTION)
    page.locator("#id_section").select_option(label="Biuletyn (Polski)")
    page.get_by_role("button", name="Zapisz").click()
    page.wait_for_load_state("networkidle")
    page.get_by_text("Wpisz poprawny URL.").wait_for()
    walk.check("the source refused for its address")
    assert page.locator("#id_name").input_value() == NAME
    assert page.locator("#id_url").input_value() == mistyped
    assert page.locator("#id_attribution").input_value() == ATTRIBUTION
    assert not Source.objects.exists()

    page.locator("#id_url").fill(feed)
    page.get_by_role("button", name="Zapisz").click()
    page.wait_for_load_state("networkidle")
    walk.check("the source saved")
    source = Source.objects.get()
    assert (source.name, source.url, source.attribution) == (NAME, feed, ATTRIBUTION)
    assert source.section_id == bulletin.pk

    # The timer's fetch (the service its task calls).
    [outcome] = services.fetch_all()
    assert (outcome.ok, outcome.new) == (True, 2)
    rejected, kept = SourceItem.objects.order_by("pk")

    walk.visit("/admin/sources/")
    table = page.get_by_role("table")
    assert table.get_by_role("row").filter(has_text=rejected.title).get_by_text(NAME).count() == 1
    assert page.get_by_text(f"widoczne jako „Źródło: {ATTRIBUTION}”").count() == 2

    # Rejected with the keyboard alone: Tab to its button, Enter.
    tab_to(page, tag="button", text=f"Odrzuć – {rejected.title}")
    press_enter_and_wait(page)
    page.wait_for_load_state("networkidle")
    page.get_by_text(f"Odrzucono „{rejected.title}”", exact=False).wait_for()
    walk.check("an item rejected")
    assert describe_focus(page)["id"] in {"", "queue"}
    rejected.refresh_from_db()
    assert rejected.state == ItemState.REJECTED
    assert rejected.page is None
    assert page.get_by_role("link", name=rejected.title).count() == 0

    # The other one opens in the page editor.
    page.get_by_role("link", name=kept.title).click()
    page.wait_for_url(f"**/admin/pages/{kept.page_id}/edit/")
    page.wait_for_load_state("networkidle")
    walk.check("the kept item in the page editor")
    assert page.locator("#id_title").input_value() == kept.title

    # The source's form says what the fetch did.
    walk.visit(f"/admin/snippets/sources/source/edit/{source.pk}/")
    assert "2 nowe, 0 już znanych" in (page.locator("[data-last-fetch]").text_content() or "")

    # At 320 px the queue's table scrolls in its own focusable region (a data table, which WCAG
    # 1.4.10 lets scroll); the page never scrolls sideways.
    page.set_viewport_size({"width": 320, "height": 640})
    walk.visit("/admin/sources/")
    assert horizontal_overflow(page)["scrollWidth"] <= 320
    region = page.get_by_role("region", name="1 artykuł do przejrzenia")
    assert region.evaluate("box => box.scrollWidth > box.clientWidth")

    walk.assert_polish()
    (guard,) = page_guards
    guard.assert_clean()
