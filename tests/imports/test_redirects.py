"""Every old WordPress address redirects for good to the imported page (issue 12): the
permalink, /?p=ID, /?page_id=ID, old slugs and non-Latin slugs, through the test client
(Wagtail's RedirectMiddleware, and our before_serve_page hook for the home page's queries);
and the imported bulletin is browsable."""

from __future__ import annotations

import pytest

from tests.imports.conftest import page_of

pytestmark = pytest.mark.integration


def assert_redirects(client, old: str, page) -> None:
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == page.url
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("old", "post_id"),
    [
        ("/2024/05/14/dzien-otwarty-w-centrum-integracji/", 10),
        ("/?p=11", 11),
        ("/?page_id=32", 32),
        ("/?p=30", 30),
        ("/2024/06/03/spotkanie-z-koordynatorka/", 14),
        ("/2024/06/03/spotkanie-z-koordynatorka-dostepnosci/", 14),
        ("/2024/06/03/zaproszenie-na-spotkanie-z-%c5%82%c4%85czniczk%c4%85/", 14),
        (
            "/2024/06/10/%d0%ba%d0%be%d0%bd%d1%81%d1%83%d0%bb%d1%8c%d1%82%d0%b0%d1%86%d1%96"
            "%d1%97-%d0%b4%d0%bb%d1%8f-%d0%b1%d1%96%d0%b6%d0%b5%d0%bd%d1%86%d1%96%d0%b2/",
            15,
        ),
        ("/2019/02/01/pierwsze-wydanie-biuletynu/", 22),
    ],
)
def test_old_addresses_redirect_to_the_new_page(imported, client, old, post_id):
    assert_redirects(client, old, page_of(post_id))


def test_unpublished_items_get_no_redirect(imported, client):
    assert client.get("/2024/04/22/notatka-z-zebrania-zarzadu/").status_code == 404
    assert client.get("/?p=18").status_code == 200  # the home page, not the private post


def test_the_imported_bulletin_is_browsable(imported, client):
    bulletin = page_of(10).get_parent().specific
    assert client.get(bulletin.url).status_code == 200
    assert client.get(page_of(10).url).status_code == 200
    assert client.get(page_of(30).url).status_code == 200
    # The parent category's page lists its child's article (13 is in "warsztaty").
    response = client.get(bulletin.url + "kategoria/wydarzenia/")
    assert response.status_code == 200
    assert page_of(13).title in response.content.decode()
