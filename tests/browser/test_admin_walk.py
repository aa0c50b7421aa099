"""An editor's walk through the Polish admin (issue 9): only Polish, and nothing lost on an error.

Signed in as an editor on the demo content (what `make run` shows), the test visits the main
screens an NGO editor uses, with the mistakes editors make: the dashboard, an article and an
event (every tab), a save refused for an empty required field, the image library's upload (an
alt text refused, then sent again without choosing the file again) and its multiple upload, the
image chooser's upload tab inside the article editor (the same mistake), an organisation, a
category and a venue. On every screen state axe runs (every rule) and the texts an editor meets
(visible text, text for screen readers, names, titles, placeholders; see tests/browser/english.py)
must hold no English interface word. Content from the database (titles, names) is not checked:
it is what editors wrote.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page
from wagtail.images import get_image_model
from wagtail.models import Page as WagtailPage

from biuletyn.articles.models import ArticlePage, Category
from biuletyn.demo.loader import load
from biuletyn.events.models import EventPage
from biuletyn.organisations.models import Organisation
from biuletyn.venues.models import Venue
from tests.browser.english import PolishWalk
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser

USERNAME = "redaktorka"
PASSWORD = "Haslo-testowe-2024!"
GOOD_ALT = "Rampa z poręczami przy wejściu do biblioteki"


def _content() -> list[str]:
    """What editors wrote (titles and names), which may be English on purpose."""
    texts = [*WagtailPage.objects.values_list("title", flat=True)]
    texts += Category.objects.values_list("name", flat=True)
    texts += Organisation.objects.values_list("name", flat=True)
    texts += Venue.objects.values_list("name", flat=True)
    texts += get_image_model().objects.values_list("title", flat=True)
    return [text for text in texts if text]


class Walk(PolishWalk):
    """Also each tab of a page's editor."""

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.editors_content = _content()

    def content(self) -> list[str]:
        return self.editors_content

    def visit(self, path: str, *, tabs: bool = True) -> None:
        super().visit(path)
        if tabs:
            self.each_tab(path)

    def each_tab(self, where: str) -> None:
        tabs = self.page.locator("[role=tablist] [role=tab]:visible")
        for index in range(tabs.count()):
            tab = tabs.nth(index)
            name = (tab.text_content() or "").strip()
            tab.click()
            self.page.locator("[role=tabpanel]:visible").first.wait_for()
            self.check(f"{where} (tab {name})")
        if tabs.count():
            tabs.first.click()


def _png_file(tmp_path: Path) -> Path:
    path = tmp_path / "rampa-przy-wejsciu.png"
    buffer = BytesIO()
    Image.new("RGB", (64, 48), (30, 90, 60)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def demo_editor(live_site, django_user_model, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    _host, port = live_site.url.removeprefix("http://").split(":")
    load(port=int(port))
    django_user_model.objects.create_superuser(USERNAME, "redaktorka@example.org", PASSWORD)
    return live_site


def test_an_editor_who_makes_mistakes_meets_only_polish_and_loses_nothing(
    page, page_guards, demo_editor, tmp_path
):
    article = ArticlePage.objects.filter(locale__language_code="pl", live=True).first()
    event = EventPage.objects.filter(locale__language_code="pl", live=True).first()
    category = Category.objects.filter(locale__language_code="pl").first()
    organisation = Organisation.objects.first()
    venue = Venue.objects.first()
    assert article is not None
    assert event is not None
    assert category is not None
    assert organisation is not None
    assert venue is not None
    images_before = get_image_model().objects.count()
    upload = _png_file(tmp_path)

    log_in_to_admin(page, USERNAME, PASSWORD)
    walk = Walk(page)

    walk.visit("/admin/")
    assert page.get_by_text(f"{images_before} obrazów", exact=False).count() >= 1
    walk.visit(f"/admin/pages/{event.pk}/edit/")
    walk.visit(f"/admin/pages/{article.pk}/edit/")

    # A failed save: the title (required) left empty.
    page.locator("#id_title").fill("")
    page.get_by_role("button", name="Zapisz szkic").click()
    page.wait_for_load_state("networkidle")
    page.get_by_text("Nie można zapisać strony: popraw błędy w zaznaczonych polach.").wait_for()
    page.get_by_role("button", name="Przejdź do pierwszego błędu").wait_for()
    walk.check("a save refused for an empty title")
    walk.each_tab("a save refused for an empty title")

    # The library's upload: the alt text refused, the file kept, sent again without choosing it.
    walk.visit("/admin/images/add/")
    page.get_by_label("Plik").set_input_files(upload)
    page.get_by_label("Tytuł").fill("Rampa przy wejściu")
    page.get_by_label("Tekst alternatywny").fill("zdjęcie")
    page.get_by_role("button", name="Prześlij").click()
    page.wait_for_load_state("networkidle")
    page.get_by_text("Plik „rampa-przy-wejsciu.png” jest zachowany", exact=False).wait_for()
    walk.check("an image refused for its alt text")
    page.get_by_label("Tekst alternatywny").fill(GOOD_ALT)
    page.get_by_role("button", name="Prześlij").click()
    page.wait_for_load_state("networkidle")
    assert get_image_model().objects.filter(description=GOOD_ALT).count() == 1
    walk.check("the image saved")

    walk.visit("/admin/images/multiple/add/")

    # The chooser's upload tab inside the article editor: the same mistake, the same rescue.
    walk.visit(f"/admin/pages/{article.pk}/edit/", tabs=False)
    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name="Dodaj blok").first.click()
    page.get_by_role("option", name="Obraz").first.click()
    page.locator("[data-contentpath='body'] .chooser__choose-button").last.click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Prześlij").click()
    modal.get_by_label("Plik").set_input_files(upload)
    modal.get_by_label("Tytuł").fill("Rampa przy wejściu, druga")
    modal.get_by_label("Tekst alternatywny").fill("IMG_2041.jpg")
    with page.expect_response(lambda response: "/admin/images/chooser/create/" in response.url):
        modal.get_by_role("button", name="Prześlij").click()
    modal.get_by_text("Plik „rampa-przy-wejsciu.png” jest zachowany", exact=False).wait_for()
    walk.check("the chooser's upload refused for its alt text")
    modal.get_by_label("Tekst alternatywny").fill(GOOD_ALT + " (druga)")
    with page.expect_response(lambda response: "/admin/images/chooser/create/" in response.url):
        modal.get_by_role("button", name="Prześlij").click()
    page.wait_for_load_state("networkidle")
    saved = get_image_model().objects.filter(description=GOOD_ALT + " (druga)")
    assert saved.count() == 1
    walk.check("the chooser's image uploaded")

    walk.visit(f"/admin/snippets/organisations/organisation/edit/{organisation.pk}/")
    walk.visit(f"/admin/snippets/articles/category/edit/{category.pk}/")
    walk.visit(f"/admin/snippets/venues/venue/edit/{venue.pk}/")

    # Issue 12: an event from the article, first without its title; the republishing sources,
    # their review queue and the imported pages that need an editor.
    walk.visit(f"/admin/articles/{article.pk}/event/")
    page.get_by_label("Tytuł wydarzenia").fill("")
    page.get_by_role("button", name="Zapisz jako szkic wydarzenia").click()
    page.wait_for_load_state("networkidle")
    walk.check("the proposed event, refused")
    walk.visit("/admin/snippets/sources/source/")
    walk.visit("/admin/snippets/sources/source/add/")
    walk.visit("/admin/sources/")
    walk.visit("/admin/imported/")

    walk.assert_polish()
    (guard,) = page_guards
    guard.assert_clean()
