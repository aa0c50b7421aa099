"""Reads of the bulletin: what a listing shows, with a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db.models import Count, Prefetch, QuerySet
from django.db.models.functions import TruncMonth
from django.http import Http404
from taggit.models import Tag
from wagtail.models import Page

from biuletyn.core.visibility import visible


def articles_in(parent: Page) -> QuerySet[Any]:
    """Live, public articles under ``parent``, newest first, with what a card shows."""
    return articles_in_locale(parent.locale).descendant_of(parent)


def articles_in_locale(locale: Any) -> Any:
    """Visible articles in ``locale`` (the one visibility rule), newest first, with what a card
    shows."""
    from .models import ArticlePage, Category

    return (
        visible(ArticlePage.objects.all(), locale)
        .order_by("-publication_date", "-pk")
        .select_related("locale", "alias_of__locale")
        .prefetch_related(Prefetch("categories", queryset=Category.objects.order_by("name")))
    )


def articles_by_keys(keys: list[Any], locale: Any) -> list[Any]:
    """The visible articles in ``locale`` with these translation keys, in the order given.

    Related links name an article in one language; the page that shows them may be in another
    (an untranslated twin keeps its Polish links), so links are followed by translation key to
    the version in the page's language. A fixed number of queries however many there are."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return []
    found = {
        a.translation_key: a for a in articles_in_locale(locale).filter(translation_key__in=keys)
    }
    return [found[key] for key in keys if key in found]


def related_articles(page: Any) -> list[Any]:
    """The visible articles an article's editor linked, in the article's language and order."""
    keys = page.related_links.order_by("sort_order").values_list(
        "article__translation_key", flat=True
    )
    return articles_by_keys(list(keys), page.locale)


def paginate(queryset: QuerySet[Any], number: str | None, per_page: int) -> PaginatorPage:
    """A page of results; anything but an existing page number is a 404."""
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    try:
        return paginator.page(number or 1)
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404 from exc


def category_for(slug: str, locale: Any) -> Any:
    """The category with this slug, in ``locale`` if it has a translation there.

    An untranslated English article links to its Polish category's slug under /en/; that
    address shows the English category when there is one."""
    from .models import Category

    category = (
        Category.objects.filter(slug=slug, locale=locale).first()
        or Category.objects.filter(slug=slug).first()
    )
    if category is not None and category.locale_id != locale.pk:
        category = category.get_translation_or_none(locale) or category
    return category


def tag_by_slug(slug: str) -> Tag | None:
    return Tag.objects.filter(slug=slug).first()


def month_start(year: int, month: int) -> dt.date | None:
    try:
        return dt.date(year, month, 1)
    except ValueError:
        return None


def archive_months(parent: Page) -> list[dict[str, Any]]:
    """Months that have articles, newest first, with how many."""
    return list(
        articles_in(parent)
        .order_by()
        .annotate(month=TruncMonth("publication_date"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("-month")
    )
