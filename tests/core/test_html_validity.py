"""Every page type is valid HTML (Nu HTML Checker, 0 errors): home, 404 and 500, in pl and en.

Valid markup is what assistive technologies parse reliably (WCAG 4.1.1 in WCAG 2.0/2.1). The
pages come from Django's test client, so no browser is needed; one checker run for the lot.
"""

from __future__ import annotations

import pytest
from django.test import Client

from tests.htmlcheck import assert_valid_html

pytestmark = pytest.mark.integration

# Served by tests.urls_error: a view that raises, in both languages.
FAILING_PATHS = {"pl": "/blad-testowy/", "en": "/en/blad-testowy/"}


def _html(client: Client, path: str, status: int) -> str:
    response = client.get(path)
    assert response.status_code == status, f"{path}: {response.status_code}, expected {status}"
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode("utf-8")


@pytest.mark.urls("tests.urls_error")
def test_page_types_are_valid_html(site_tree, client, settings):
    settings.DEBUG = False
    failing_client = Client(raise_request_exception=False)
    pages = {
        "home pl": _html(client, "/", 200),
        "home en": _html(client, "/en/", 200),
        "404 pl": _html(client, "/nie-ma-takiej-strony/", 404),
        "404 en": _html(client, "/en/no-such-page/", 404),
        "500 pl": _html(failing_client, FAILING_PATHS["pl"], 500),
        "500 en": _html(failing_client, FAILING_PATHS["en"], 500),
    }
    assert 'lang="pl"' in pages["500 pl"]
    assert 'lang="en"' in pages["500 en"]
    assert_valid_html(pages)


def test_checker_fails_on_invalid_markup():
    """The checker is really run: a misnested document fails with the checker's own words."""
    broken = '<!DOCTYPE html><html lang="pl"><head><title>x</title></head><body><p><div>x</p>'
    with pytest.raises(AssertionError, match="Unclosed element"):
        assert_valid_html({"broken": broken})
