"""ADR 0002: a strict Content Security Policy on public pages, a separate one for the admin."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.integration


def _policy(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("path", ["/", "/en/", "/nie-ma/", "/en/nie-ma/"])
def test_public_policy_allows_nothing_inline_and_no_other_host(client, site_tree, path):
    policy = _policy(client.get(path))

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    every_source = [value for values in policy.values() for value in values]
    assert "'unsafe-inline'" not in every_source
    assert "'unsafe-eval'" not in every_source
    assert [v for v in every_source if v.startswith(("http:", "https:")) or "." in v] == []


def test_public_templates_have_no_inline_script_or_style(client, site_tree):
    html = client.get("/").content.decode()

    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None
    assert "<style" not in html
    assert re.search(r'\sstyle="', html) is None
    assert re.search(r"\son[a-z]+=", html) is None


def test_admin_gets_its_own_policy_still_without_other_hosts(admin_client, site_tree):
    response = admin_client.get("/admin/")
    policy = _policy(response)

    assert response.status_code == 200
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    every_source = [value for values in policy.values() for value in values]
    assert "'unsafe-eval'" not in every_source
    assert [v for v in every_source if v.startswith(("http:", "https:"))] == []
