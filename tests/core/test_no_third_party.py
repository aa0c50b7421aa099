"""ADR 0005: no page, the admin included, asks the reader's browser to contact another host.
The browser tests record real requests; these checks read the settings and the HTML."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.integration

# Attributes and CSS through which a page makes the browser fetch something.
_FETCHING = re.compile(
    r"""(?:src|srcset|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//([^/"'\s>]+)"""
    r"""|url\(\s*["']?(?:https?:)?//([^/"')]+)""",
    re.IGNORECASE,
)
# <a href> to another site is a plain link the reader chooses to follow, not a request.
_PLAIN_LINK = re.compile(r"<a\s[^>]*>", re.IGNORECASE)


def _foreign_fetches(html: str, host: str) -> list[str]:
    without_links = _PLAIN_LINK.sub("<a>", html)
    hosts = {m.group(1) or m.group(2) for m in _FETCHING.finditer(without_links)}
    return sorted(h for h in hosts if h and h.split(":")[0] not in {host, "www.w3.org"})


def test_wagtail_contacts_nobody_for_avatars_updates_or_embeds(admin_client, site_tree):
    """The admin names no avatar service or release feed its scripts would call, and an embed
    address finds no provider to ask (no request leaves the machine)."""
    from wagtail.embeds import embeds
    from wagtail.embeds.exceptions import EmbedException

    html = admin_client.get("/admin/").content.decode().lower()
    for host in ("gravatar", "releases.wagtail.io", "w-upgrade", "youtube", "vimeo"):
        assert host not in html, host
    with pytest.raises(EmbedException):
        embeds.get_embed("https://www.youtube.com/watch?v=dQw4w9WgXcQ")


@pytest.mark.parametrize("path", ["/", "/en/", "/nie-ma/"])
def test_public_pages_fetch_nothing_from_other_hosts(client, site_tree, path):
    html = client.get(path).content.decode()

    assert _foreign_fetches(html, "testserver") == []


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/images/", "/admin/account/"])
def test_admin_pages_fetch_nothing_from_other_hosts(admin_client, site_tree, path):
    response = admin_client.get(path)

    assert response.status_code == 200
    assert _foreign_fetches(response.content.decode(), "testserver") == []


def test_checker_finds_a_foreign_script():
    html = '<a href="https://facebook.com/x">FB</a><script src="https://cdn.example.net/a.js">'

    assert _foreign_fetches(html, "testserver") == ["cdn.example.net"]
