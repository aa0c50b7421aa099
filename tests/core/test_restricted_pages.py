"""What a reader meets on a page for signed-in readers only, or behind a password.

Wagtail's own templates for these are bare HTML pages without the site's shell, in whatever
language; ours are the site's pages in the page's language, with the form error summary, and
never stored in the page cache (each has its own CSRF token).

Personas: a member of an organisation who has an account (signs in, mistypes the password
first); a reader who was given a password for a page; a reader with neither.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from tests.factories.pages import make_standard_page
from tests.htmlcheck import assert_valid_html

pytestmark = pytest.mark.integration

PASSWORD = "haslo-dla-czlonkow"


@pytest.fixture
def restricted(site_tree) -> dict[str, Page]:
    members = make_standard_page(
        site_tree["pl"],
        title="Dla członków federacji",
        slug="dla-czlonkow",
        body="<p>Sprawy wewnętrzne.</p>",
    )
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    board = make_standard_page(
        site_tree["pl"],
        title="Materiały zarządu",
        slug="materialy-zarzadu",
        body="<p>Protokoły.</p>",
    )
    PageViewRestriction.objects.create(
        page=board, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    get_user_model().objects.create_user("czlonek", password="dobre-haslo-2026")
    return {"members": members, "board": board}


def _login_path(client, page_path: str) -> str:
    response = client.get(page_path)
    assert response.status_code == 302
    return response["Location"]


@pytest.mark.parametrize(
    ("prefix", "heading", "language"),
    [
        ("", "Zaloguj się, aby przeczytać tę stronę", "pl"),
        ("/en", "Sign in to read this page", "en"),
    ],
)
def test_a_page_for_signed_in_readers_sends_them_to_our_sign_in_page_in_its_language(
    client, restricted, prefix, heading, language
):
    location = _login_path(client, f"{prefix}/dla-czlonkow/")
    assert location.startswith(f"{prefix}/_util/login/?next=")

    response = client.get(location)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    assert f'<h1 class="app-heading-xl">{heading}</h1>' in html
    assert 'class="app-header"' in html
    assert 'class="app-footer"' in html
    assert 'autocomplete="current-password"' in html


def test_a_mistyped_password_is_named_in_polish_and_the_username_kept(client, restricted):
    location = _login_path(client, "/dla-czlonkow/")

    response = client.post(
        location, {"username": "czlonek", "password": "zle-haslo", "next": "/dla-czlonkow/"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Błąd: Zaloguj się" in html
    assert 'class="app-error-summary" role="alert"' in html
    assert "Nie udało się zalogować" in html
    assert "Nie rozpoznajemy tej pary: nazwa użytkownika i hasło." in html
    assert 'href="#id_username"' in html
    assert 'value="czlonek"' in html
    assert "zle-haslo" not in html


def test_signing_in_brings_the_reader_back_to_the_page(client, restricted):
    location = _login_path(client, "/dla-czlonkow/")

    response = client.post(
        location,
        {"username": "czlonek", "password": "dobre-haslo-2026", "next": "/dla-czlonkow/"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == "/dla-czlonkow/"
    assert "Sprawy wewnętrzne." in response.content.decode()


@pytest.mark.parametrize(
    ("prefix", "heading"), [("", "Ta strona wymaga hasła"), ("/en", "This page needs a password")]
)
def test_a_page_behind_a_password_asks_for_it_in_the_site_shell(
    client, restricted, prefix, heading
):
    response = client.get(f"{prefix}/materialy-zarzadu/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 class="app-heading-xl">{heading}</h1>' in html
    assert 'class="app-header"' in html
    assert "Protokoły." not in html


def test_a_wrong_password_says_so_in_polish_and_the_right_one_opens_the_page(client, restricted):
    page = restricted["board"]
    restriction = PageViewRestriction.objects.get(page=page)
    action = f"/_util/authenticate_with_password/{restriction.id}/{page.id}/"

    wrong = client.post(action, {"password": "zgaduje", "return_url": "/materialy-zarzadu/"})
    right = client.post(
        action, {"password": PASSWORD, "return_url": "/materialy-zarzadu/"}, follow=True
    )

    html = wrong.content.decode()
    assert wrong.status_code == 200
    assert "<title>Błąd: Ta strona wymaga hasła" in html
    assert "Hasło jest niepoprawne" in html
    assert 'href="#id_password"' in html
    assert "Protokoły." in right.content.decode()


def test_sign_in_and_password_pages_are_never_stored_in_the_page_cache(page_cache, restricted):
    Client().get("/")  # a public page is stored: the cache is on
    assert len(page_cache) == 1
    location = _login_path(Client(), "/dla-czlonkow/")

    for path in (location, location, "/materialy-zarzadu/", "/materialy-zarzadu/"):
        assert Client().get(path).status_code == 200

    assert len(page_cache) == 1


def test_sign_in_and_password_pages_are_valid_html(client, restricted):
    location = _login_path(client, "/dla-czlonkow/")
    restriction = PageViewRestriction.objects.get(page=restricted["board"])
    action = f"/_util/authenticate_with_password/{restriction.id}/{restricted['board'].id}/"
    assert_valid_html(
        {
            "sign in pl": client.get(location).content,
            "sign in en": client.get(_login_path(client, "/en/dla-czlonkow/")).content,
            "sign in error": client.post(location, {"username": "x", "password": "y"}).content,
            "password pl": client.get("/materialy-zarzadu/").content,
            "password error": client.post(action, {"password": "z", "return_url": "/"}).content,
        }
    )
