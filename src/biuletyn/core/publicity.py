"""What shows on public pages: the one declaration the page cache's clearing follows. ADR 0001.

House rule: every model declares whether its changes show on public pages. The system check
in ``checks`` fails when a model of a ``biuletyn.*`` app is in none of the lists below (or in
more than one), so a new model must choose.

* Every Wagtail page model is public by rule, with the page rules of ``receivers``: draft-only
  saves, and saves of pages that are not and were not live, change nothing public.
* ``PUBLIC_MODELS``: any save or delete shows.
* ``PAGE_PARTS``: inline rows of a page (related links, tags); they show while their page is
  live. The value names the foreign key to the page.
* ``NEUTRAL_MODELS``: never shows. Models outside our apps that are not listed here are neutral
  too (revisions, django-tasks rows, sessions, users, logs, embeds, Wagtail's renditions).
"""

from __future__ import annotations

from typing import Literal

from django.db.models import Model
from wagtail.models import Page
from wagtail.models.pages import COMMENTS_RELATION_NAME

Kind = Literal["page", "public", "part", "neutral"]

PUBLIC_MODELS = frozenset(
    {
        # Our snippets and settings.
        "pages.sitesettings",
        "articles.category",
        "organisations.organisation",
        "venues.venue",
        "venues.venuephoto",
        # Whether registration is open, and the link to its form, show on the event page.
        "registrations.registrationsetup",
        # A consultation's report, and comments (published ones show under their sections).
        "consultations.consultationreport",
        "consultations.comment",
        # Images and documents (not their renditions).
        "images.biuletynimage",
        "wagtailimages.image",
        "wagtaildocs.document",
        # Redirects, privacy, sites and languages.
        "wagtailredirects.redirect",
        "wagtailcore.pageviewrestriction",
        "wagtailcore.collectionviewrestriction",
        "wagtailcore.site",
        "wagtailcore.locale",
    }
)

PAGE_PARTS: dict[str, str] = {
    "articles.articletag": "content_object",
    "articles.articlerelatedlink": "page",
    "events.eventrelatedarticle": "page",
    "consultations.consultationdocument": "page",
    "consultations.consultationmeeting": "page",
}

NEUTRAL_MODELS = frozenset(
    {
        "images.biuletynrendition",  # made while pages render; the page already shows it
        # What people submit: live figures are on uncached pages and the JSON (ADR 0011).
        "registrations.registration",
        "registrations.accommodationrequest",
        "registrations.outboxmessage",
        "registrations.purgerecord",
        # A reader's report of a comment: what shows is the comment's status.
        "consultations.commentflag",
        # --- imports (issue 12): what the WordPress import remembers of each item.
        "imports.importeditem",
        # --- sources (issue 12): republishing sources and what each fetch brought.
        "sources.source",  # the drafts it brings are pages, public once published
        "sources.sourceitem",  # the review queue; a draft is not public
    }
)

# Page fields that only editors see: drafts (save_revision), locks and admin comments.
PAGE_DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
        COMMENTS_RELATION_NAME,
    }
)

# Image and document fields Wagtail fills in on its own while serving (get_file_size, hashes).
FILE_BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


def kind(model: type[Model]) -> Kind:
    """How a model's changes relate to public pages."""
    if issubclass(model, Page):
        return "page"
    label = model._meta.label_lower
    if label in PUBLIC_MODELS:
        return "public"
    if label in PAGE_PARTS:
        return "part"
    return "neutral"
