"""The sitemap: every visible page (``core.visibility``) of every language tree, real
translations only. ADR 0004.

Wagtail's own sitemap lists the default site's tree, which is the Polish one. Ours adds the
other languages' trees, leaves out aliases (untranslated twins that carry Polish text under an
English URL) and names each page's real translations as `xhtml:link` alternates, computed from
the listed pages themselves so the sitemap costs the same few queries however large it grows.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from biuletyn.core.visibility import visible


class TranslatedSitemap(Sitemap):
    def items(self) -> Any:
        root = self.get_wagtail_site().root_page
        trees = Page.objects.none()
        for home in root.get_translations(inclusive=True):
            trees = trees | Page.objects.descendant_of(home, inclusive=True)
        return (
            visible(trees)
            .filter(alias_of__isnull=True)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page: int, protocol: str, domain: str) -> list[dict[str, Any]]:
        pages = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        urls: list[dict[str, Any]] = []
        by_key: dict[Any, list[dict[str, str]]] = defaultdict(list)
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                url_info["alternates"] = by_key[item.translation_key]
                by_key[item.translation_key].append(
                    {"lang_code": languages[item.locale_id], "location": url_info["location"]}
                )
                urls.append(url_info)
        for url_info in urls:
            if len(url_info["alternates"]) < 2:
                url_info["alternates"] = []
        last_mods = [url_info.get("lastmod") for url_info in urls]
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(m for m in last_mods if m is not None)
        return urls
