"""The one visibility rule: which pages a reader who is not signed in may see. ADR 0004.

Every read of content for public pages goes through here: listings, home pages, the main
navigation, related articles and events, venue pages, the sitemap, ICS feeds, the language
switch, and later feeds, search and the API.

A page is visible when it is live and not private. It is private when it, or any of its
ancestors, has a view restriction (Wagtail's own rule, ``PageQuerySet.public()``), and also when
it, or any of its ancestors, is an *alias* of a private page: an untranslated English twin shows
the Polish page's text, so it inherits the Polish page's privacy, including privacy that the
Polish page takes from its own ancestors. Wagtail's ``public()`` looks at the alias's own path
only, and ``Page.get_view_restrictions()`` follows an alias to its source but not to the
source's ancestors; both miss a case here. Our page models take ``InheritedPrivacyMixin``, so
Wagtail's own check when it serves a page applies the whole rule.

The rule is computed as a short list of *private roots* (paths whose whole subtree is private):
the restricted pages, then every alias of a page under a root, until no new alias is found.
That costs one query when nothing is private, and usually two or three otherwise, whatever the
size of the listing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.db.models import Q, QuerySet
from wagtail.models import Locale, Page, PageViewRestriction

P = TypeVar("P", bound=QuerySet[Any])

# Aliases of aliases are rare (Wagtail points an alias at the original page); the loop stops
# at the first round that finds nothing new, and never runs away on a damaged tree.
_MAX_ROUNDS = 10


def _prefix_q(field: str, paths: Iterable[str]) -> Q:
    q = Q()
    for path in paths:
        q |= Q(**{f"{field}__startswith": path})
    return q


def private_roots() -> list[str]:
    """Tree paths whose pages (and everything below them) are private."""
    roots = set(PageViewRestriction.objects.values_list("page__path", flat=True))
    new = set(roots)
    for _round in range(_MAX_ROUNDS):
        if not new:
            break
        aliases = set(
            Page.objects.filter(_prefix_q("alias_of__path", new)).values_list("path", flat=True)
        )
        new = aliases - roots
        roots |= new
    # A root inside another root adds nothing.
    ordered = sorted(roots)
    return [
        path for i, path in enumerate(ordered) if not any(path.startswith(r) for r in ordered[:i])
    ]


def exclude_private(queryset: P, roots: list[str] | None = None) -> P:
    """``queryset`` (of pages) without the private ones."""
    roots = private_roots() if roots is None else roots
    if not roots:
        return queryset
    return queryset.exclude(_prefix_q("path", roots))


def visible(queryset: P, locale: Locale | None = None) -> P:
    """The live, non-private pages of ``queryset``, in ``locale`` when one is given (the
    reader's language is ``Locale.get_active()``)."""
    queryset = exclude_private(queryset.filter(live=True))
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset


def is_visible(page: Page) -> bool:
    """Whether ``page`` may be shown to anyone: live and not private."""
    return bool(page.live) and not any(page.path.startswith(root) for root in private_roots())


def restrictions_for(page: Page) -> QuerySet[PageViewRestriction]:
    """Every view restriction that applies to ``page``: its own and its ancestors', and those
    of the page each of them is an alias of, with that page's ancestors. The page's view
    requires all of them to accept the request."""
    paths = _prefixes(page.path)
    pending = list(
        Page.objects.filter(path__in=paths, alias_of__isnull=False).values_list(
            "alias_of__path", flat=True
        )
    )
    for _round in range(_MAX_ROUNDS):
        if not pending:
            break
        source_paths = {prefix for path in pending for prefix in _prefixes(path)} - paths
        paths |= source_paths
        pending = list(
            Page.objects.filter(path__in=source_paths, alias_of__isnull=False).values_list(
                "alias_of__path", flat=True
            )
        )
    return PageViewRestriction.objects.filter(page__path__in=paths).order_by("pk")


class InheritedPrivacyMixin:
    """For every page model of ours: ``get_view_restrictions`` is ``restrictions_for``, so
    Wagtail's own serve check (and the admin's privacy dialog) see the restrictions a page
    inherits through aliases and their sources' ancestors."""

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        assert isinstance(self, Page)
        return restrictions_for(self)


def _prefixes(path: str) -> set[str]:
    """The tree paths of a page and its ancestors (each level adds ``Page.steplen`` characters)."""
    step = Page.steplen
    return {path[:end] for end in range(step, len(path) + 1, step)}
