"""Security headers on public pages and the admin (issue 2, base template)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def test_public_page_has_security_headers(client, site_tree):
    response = client.get("/")

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "camera=()" in response["Permissions-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_https_redirect_and_hsts_follow_the_environment(client, site_tree, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000

    redirect = client.get("/")
    secure = client.get("/", secure=True)

    assert redirect.status_code == 301
    assert redirect["Location"].startswith("https://")
    assert secure["Strict-Transport-Security"] == "max-age=31536000"
