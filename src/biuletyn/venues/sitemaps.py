"""Venue pages in the sitemap, in every language, each naming its other-language versions.

A venue is one record shown at a Polish and an English address (the interface is translated,
the editor's text is Polish), so Django's i18n sitemap with alternates fits as it is."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from .models import Venue


class VenueSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self) -> QuerySet[Venue]:
        return Venue.objects.order_by("pk")

    def location(self, item: Venue) -> str:
        return item.get_absolute_url()
