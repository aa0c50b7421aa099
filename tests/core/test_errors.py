"""Accessible 404 and 500 pages in both languages (issue 2). A forced 500 comes from
tests/urls_error.py; the page renders from templates alone."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/nie-ma-takiej-strony/", "pl", "Nie znaleziono strony"),
        ("/en/no-such-page/", "en", "Page not found"),
    ],
)
def test_not_found_page_speaks_the_language_of_its_url(client, site_tree, path, lang, heading):
    response = client.get(path)

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert f'<h1 class="app-heading-xl">{heading}</h1>' in html
    assert html.count("<h1") == 1


@pytest.mark.urls("tests.urls_error")
@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/blad-testowy/", "pl", "Przepraszamy, wystąpił problem z serwisem"),
        ("/en/blad-testowy/", "en", "Sorry, there is a problem with the service"),
    ],
)
def test_server_error_page_speaks_the_language_of_its_url(site_tree, path, lang, heading):
    client = Client(raise_request_exception=False)

    response = client.get(path)

    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert f'<h1 class="app-heading-xl">{heading}</h1>' in html
    assert "Traceback" not in html


def test_server_error_page_reads_nothing_from_the_database(site_tree, django_assert_num_queries):
    """A broken database must still get a page: the 500 page renders from templates alone."""
    from django.test import RequestFactory

    from biuletyn.core.views import server_error

    request = RequestFactory().get("/blad-testowy/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    assert b"app-navigation" not in response.content
