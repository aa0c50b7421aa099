"""The Wagtail admin in a real browser: Polish, nothing from other hosts, checked by axe.

Admin views are tested like public pages: axe runs on every admin page state with every rule,
nothing excluded, and any violation fails the test. Where Wagtail 7.4.4's own markup failed,
the project fixes it: the page status link (template override in
``biuletyn/core/templates/wagtailadmin/shared/page_status_tag_new.html``), the rich text
editor's name (``biuletyn.core.widgets``), the login form's texts
(``biuletyn.core.admin_forms``), and the tag field and multiple upload that Wagtail's scripts
build without a label (``biuletyn/core/static/core/admin-labels.js``).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page
from wagtail.models import Collection

from biuletyn.pages.models import HomePage
from tests.browser.helpers import assert_no_axe_violations, log_in_to_admin, visit
from tests.factories.bulletin import make_article, make_bulletin, make_image, make_organisation

pytestmark = pytest.mark.browser

USERNAME = "redaktorka"
PASSWORD = "Haslo-testowe-2024!"

DRAFTAIL_TEXTBOX = ".public-DraftEditor-content"


def log_in(page: Page, django_user_model) -> None:
    """Make a superuser and sign in through the login form (checked by axe on the way)."""
    django_user_model.objects.create_superuser(USERNAME, "redaktorka@example.org", PASSWORD)
    log_in_to_admin(page, USERNAME, PASSWORD)


def ensure_root_collection() -> None:
    """Wagtail's root collection, which the flush after a live-server test removes."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def visit_admin(page: Page, path: str, *, wait_for: str | None = None) -> None:
    """Open an admin page once its scripts are done (and ``wait_for`` is there), then axe."""
    response = page.goto(path, wait_until="networkidle")
    assert response is not None, path
    assert response.status == 200, f"{path}: status {response.status}"
    if wait_for is not None:
        page.locator(wait_for).first.wait_for()
    assert page.locator("html").get_attribute("lang") == "pl", path
    assert_no_axe_violations(page)


def test_admin_login_page_anonymous(page, page_guards, live_server):
    visit(page, "/admin/login/")
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.get_by_role("heading", level=1).count() == 1
    assert page.get_by_role("heading", name="Zaloguj się do Wagtaila").count() == 1
    username = page.get_by_label("Nazwa użytkownika")
    assert username.get_attribute("placeholder") == "Wpisz nazwę użytkownika"
    assert page.get_by_label("Hasło").get_attribute("type") == "password"
    (guard,) = page_guards
    assert guard.hosts == {live_server.url.removeprefix("http://")}


def test_admin_is_polish_and_loads_nothing_from_other_hosts(
    page, page_guards, live_server, django_user_model
):
    home = HomePage.objects.get(locale__language_code="pl")

    log_in(page, django_user_model)
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.get_by_text("Strony", exact=True).count() >= 1  # the sidebar's "Pages"

    visit_admin(page, "/admin/pages/")
    visit_admin(page, f"/admin/pages/{home.pk}/")
    # WCAG 2.5.3: the status link's name starts with what it shows.
    status = page.locator("a.page-status-tag:not(.w-hidden)")
    assert (status.text_content() or "").strip() == "Opublikowana"
    assert status.get_attribute("aria-label") == (
        "Opublikowana. Widoczna dla wszystkich. Odwiedź stronę online"
    )

    visit_admin(page, f"/admin/pages/{home.pk}/edit/", wait_for=DRAFTAIL_TEXTBOX)
    # WCAG 4.1.2: the intro's editor is named by the field's visible label.
    intro = page.locator(DRAFTAIL_TEXTBOX)
    assert intro.count() == 1
    assert intro.get_attribute("aria-labelledby") == "id_intro-label"
    assert page.get_by_role("textbox", name="Wprowadzenie", exact=True).count() == 1

    (guard,) = page_guards
    assert guard.hosts == {live_server.url.removeprefix("http://")}, sorted(guard.hosts)
    assert any(url.endswith(f"/admin/pages/{home.pk}/edit/") for url in guard.requests)
    guard.assert_clean()


def test_admin_article_editor_images_and_organisations(
    page, page_guards, live_server, django_user_model
):
    home = HomePage.objects.get(locale__language_code="pl")
    article = make_article(
        make_bulletin(home),
        title="Nowa winda w urzędzie",
        body=[
            {"type": "paragraph", "value": "<p>Winda działa od poniedziałku.</p>"},
            {"type": "heading", "value": "Gdzie jest winda"},
            {"type": "subheading", "value": "Wejście od ulicy"},
        ],
    )
    make_organisation(name="Stowarzyszenie Razem", slug="razem")
    ensure_root_collection()
    image = make_image()

    log_in(page, django_user_model)

    visit_admin(page, f"/admin/pages/{article.pk}/edit/", wait_for=DRAFTAIL_TEXTBOX)
    # The paragraph block's editor, rendered by Wagtail's JavaScript, has a name too.
    paragraph = page.locator(f"[data-contentpath='body'] {DRAFTAIL_TEXTBOX}")
    assert paragraph.count() == 1
    assert paragraph.inner_text().strip() == "Winda działa od poniedziałku."
    assert paragraph.get_attribute("aria-label") == "Akapit"
    assert page.get_by_role("textbox", name="Akapit", exact=True).count() == 1

    visit_admin(page, "/admin/images/")
    assert page.get_by_text(image.title, exact=True).count() >= 1
    # Wagtail's tag field and multiple upload get their names from biuletyn/core/static/core/
    # admin-labels.js (the scripts that build them leave them unlabelled).
    visit_admin(page, f"/admin/images/{image.pk}/", wait_for="ul.tagit input")
    assert page.get_by_role("textbox", name="Tagi").count() == 1
    visit_admin(page, "/admin/images/multiple/add/")
    assert page.get_by_label("Lub wybierz z komputera").count() == 1
    visit_admin(page, "/admin/snippets/organisations/organisation/")
    assert page.get_by_role("link", name="Stowarzyszenie Razem").count() >= 1
    visit_admin(page, "/admin/snippets/organisations/organisation/add/")

    (guard,) = page_guards
    assert guard.hosts == {live_server.url.removeprefix("http://")}, sorted(guard.hosts)
    guard.assert_clean()
