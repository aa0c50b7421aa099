"""The sign-in and password pages of restricted pages, as a reader meets them in a browser.

axe, one h1, the page's language and reflow at 320 px (``check_page_types``), then a member who
mistypes the password: the error summary is announced, links to the field, the username stays,
and the second try brings them to the page.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from biuletyn.pages.models import HomePage
from tests.browser.helpers import NARROW_320, assert_no_axe_violations, check_page_types, visit
from tests.factories.pages import make_standard_page

pytestmark = pytest.mark.browser


@pytest.fixture
def restricted(live_site):
    home = HomePage.objects.get(locale__language_code="pl")
    members = make_standard_page(
        home, title="Dla członków", slug="dla-czlonkow", body="<p>Sprawy wewnętrzne.</p>"
    )
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    board = make_standard_page(
        home, title="Dla zarządu", slug="dla-zarzadu", body="<p>Protokoły.</p>"
    )
    PageViewRestriction.objects.create(
        page=board, restriction_type=PageViewRestriction.PASSWORD, password="haslo-zarzadu"
    )
    get_user_model().objects.create_user("czlonek", password="dobre-haslo-2026")


@pytest.mark.parametrize(("language", "prefix"), [("pl", ""), ("en", "/en")])
def test_sign_in_and_password_pages_pass_the_page_type_checks(
    new_context, restricted, language, prefix
):
    check_page_types(
        new_context,
        {
            "sign in": f"{prefix}/_util/login/?next={prefix}/dla-czlonkow/",
            "password": f"{prefix}/dla-zarzadu/",
        },
        language,
    )


def test_a_member_who_mistypes_the_password_is_told_and_gets_in_on_the_second_try(
    new_context, restricted
):
    page = new_context(**NARROW_320).new_page()
    page.goto("/dla-czlonkow/")
    page.wait_for_url("**/_util/login/**")
    assert_no_axe_violations(page)
    page.get_by_label("Nazwa użytkownika").fill("czlonek")
    page.get_by_label("Hasło", exact=True).fill("zle-haslo")
    page.get_by_role("button", name="Zaloguj się").click()

    summary = page.get_by_role("alert")
    assert "Nie rozpoznajemy tej pary" in summary.inner_text()
    assert page.title().startswith("Błąd:")
    assert page.get_by_label("Nazwa użytkownika").input_value() == "czlonek"
    assert_no_axe_violations(page)
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_username"

    page.get_by_label("Hasło", exact=True).fill("dobre-haslo-2026")
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url("**/dla-czlonkow/")
    assert "Sprawy wewnętrzne." in page.locator("main").inner_text()
    assert_no_axe_violations(page)


def test_a_wrong_page_password_is_named_and_the_right_one_opens_the_page(new_context, restricted):
    page = new_context(**NARROW_320).new_page()
    visit(page, "/dla-zarzadu/")
    page.get_by_label("Hasło", exact=True).fill("zgaduje")
    page.get_by_role("button", name="Otwórz stronę").click()

    assert "Hasło jest niepoprawne" in page.get_by_role("alert").inner_text()
    assert_no_axe_violations(page)
    page.get_by_label("Hasło", exact=True).fill("haslo-zarzadu")
    page.get_by_role("button", name="Otwórz stronę").click()
    page.wait_for_url("**/dla-zarzadu/")
    assert "Protokoły." in page.locator("main").inner_text()
    assert_no_axe_violations(page)
