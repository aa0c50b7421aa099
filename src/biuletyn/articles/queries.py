"""Reads of the bulletin: what a listing shows, with a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db.models import Count, F, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncMonth
from django.http import Http404
from taggit.models import Tag
from wagtail.models import Page

from biuletyn.core.visibility import visible


def articles_in(parent: Page) -> QuerySet[Any]:
    """Live, public articles under ``parent``, newest first, with what a card shows."""
    return articles_in_locale(parent.locale).descendant_of(parent)


def articles_in_locale(locale: Any) -> Any:
    """Visible articles in ``locale`` (the one visibility rule), newest first, with what a card
    shows: its categories carry ``shown_name``, their name in ``locale``."""
    from .models import ArticlePage, Category

    categories = Category.objects.annotate(shown_name=_shown_name(locale)).order_by("shown_name")
    return (
        visible(ArticlePage.objects.all(), locale)
        .order_by("-publication_date", "-pk")
        .select_related("locale", "alias_of__locale")
        .prefetch_related(Prefetch("categories", queryset=categories))
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


def category_family_keys(category: Any) -> list[Any]:
    """The translation keys of ``category`` and of every category below it (its children,
    their children...), for its page's listing. One query per level."""
    from .models import Category

    keys = [category.translation_key]
    level = [category.pk]
    seen = set(level)
    while level:
        below = list(
            Category.objects.filter(parent_id__in=level)
            .exclude(pk__in=seen)
            .values_list("pk", "translation_key")
        )
        level = [pk for pk, _key in below]
        seen.update(level)
        keys.extend(key for _pk, key in below)
    return list(dict.fromkeys(keys))


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


def _shown_name(locale: Any) -> Any:
    """A category's name in ``locale`` where it has a translation there, else its own: an
    untranslated article under /en/ keeps its Polish categories, the list names them in
    English."""
    from .models import Category

    translated = Category.objects.filter(translation_key=OuterRef("translation_key"), locale=locale)
    return Coalesce(Subquery(translated.values("name")[:1]), F("name"))


def categories_in_locale(categories: list[Any], locale: Any) -> list[Any]:
    """``categories`` as ``locale`` names them: each one's translation there where it exists,
    else the category itself (the page marks its language). One query."""
    from .models import Category

    wanted = [c for c in categories if c.locale_id != locale.pk]
    if not wanted:
        return list(categories)
    found = {
        c.translation_key: c
        for c in Category.objects.filter(
            locale=locale, translation_key__in=[c.translation_key for c in wanted]
        )
    }
    return [c if c.locale_id == locale.pk else found.get(c.translation_key, c) for c in categories]


def events_about(article: Any) -> list[Any]:
    """The visible events in the article's language that link to this article (in any
    language: an untranslated event keeps its Polish links), soonest first. The reverse of
    an event's related articles; a fixed number of queries however many there are."""
    from biuletyn.events.models import EventPage

    return list(
        visible(EventPage.objects.all(), article.locale)
        .filter(related_articles__article__translation_key=article.translation_key)
        .distinct()
        .select_related("alias_of__locale")
        .order_by("start_date", "start_time", "pk")
    )


def contact_in_body(article: Any) -> bool:
    """Whether the body already has a contact block for the article's contact, which the page
    then does not repeat."""
    if article.contact_id is None:
        return False
    return any(
        block.block_type == "contact"
        and getattr(block.value.get("organisation"), "pk", None) == article.contact_id
        for block in article.body
    )
