"""Republishing sources (issue 12): the feeds and web pages the bulletin republishes from, and
what each fetch brought (``SourceItem``), which is also the review queue.

Neither shows on public pages (core/publicity.py: neutral): a source's items become draft
articles, and a draft shows only once an editor publishes it, as a page.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel

from .forms import SourceForm
from .panels import LastFetchPanel


class SourceKind(models.TextChoices):
    FEED = "feed", _("RSS or Atom feed")
    PAGE = "page", _("single web page")


class ItemState(models.TextChoices):
    TO_REVIEW = "to_review", pgettext_lazy("source item", "to review")
    PUBLISHED = "published", pgettext_lazy("source item", "published")
    REJECTED = "rejected", pgettext_lazy("source item", "rejected")


class Source(models.Model):
    """A feed or a web page whose news the bulletin republishes, with attribution."""

    name = models.CharField(
        _("name"), max_length=200, help_text=_("For editors, e.g. “Lublin City Hall: news”.")
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=SourceKind.choices, default=SourceKind.FEED
    )
    url = models.URLField(
        _("address"),
        max_length=1000,
        help_text=_("The feed's address, or the address of the page to watch."),
    )
    attribution = models.CharField(
        _("attribution"),
        max_length=100,
        help_text=_("Shown under every republished article as “Source: …”, e.g. lublin.eu."),
    )
    section = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=pgettext_lazy("bulletin", "section"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The bulletin, or a member organisation's section, where the drafts go."),
    )
    categories = models.ManyToManyField(
        "articles.Category",
        verbose_name=_("default categories"),
        blank=True,
        related_name="+",
        help_text=_("Every draft from this source starts with these categories."),
    )
    active = models.BooleanField(
        _("fetch this source"),
        default=True,
        help_text=_("Untick to stop fetching without losing what was fetched."),
    )
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_ok = models.BooleanField(_("last fetch succeeded"), null=True, blank=True)
    last_error = models.TextField(_("last fetch's error"), blank=True)
    last_new = models.PositiveIntegerField(_("new items in the last fetch"), default=0)
    last_known = models.PositiveIntegerField(_("items already known in the last fetch"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("url"),
        FieldPanel("attribution"),
        FieldPanel("section"),
        FieldPanel("categories"),
        FieldPanel("active"),
        LastFetchPanel(heading=_("Last fetch")),
    ]

    base_form_class = SourceForm

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("republishing source")
        verbose_name_plural = _("republishing sources")

    def __str__(self) -> str:
        return self.name

    @admin.display(description=_("last fetch"))
    def last_outcome(self) -> str:
        """The last fetch in words, for the list of sources."""
        from .services import describe_counts

        if self.last_fetched_at is None:
            return str(_("not fetched yet"))
        when = formats.date_format(
            timezone.localtime(self.last_fetched_at), "SHORT_DATETIME_FORMAT"
        )
        if self.last_ok:
            return f"{when}: {describe_counts(self.last_new, self.last_known)}"
        return f"{when}: {self.last_error}"


class SourceItem(models.Model):
    """One item a fetch brought: a feed's entry, or one version of a watched page's content.

    It remembers what was seen (normalised address, guid, fingerprint of the text), so a
    re-fetch brings nothing twice, even after its draft is rejected and deleted.
    """

    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.CASCADE, related_name="items"
    )
    url = models.URLField(_("address"), max_length=1000, db_index=True)
    guid = models.CharField(_("identifier in the feed"), max_length=500, blank=True)
    fingerprint = models.CharField(_("content fingerprint"), max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=255)
    fetched_at = models.DateTimeField(_("fetched"))
    images = models.PositiveIntegerField(
        _("images in the original"),
        default=0,
        help_text=_("Images are not fetched: add them yourself if the article needs them."),
    )
    page = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("draft article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_items",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=ItemState.choices, default=ItemState.TO_REVIEW
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-fetched_at", "-pk"]
        verbose_name = _("fetched item")
        verbose_name_plural = _("fetched items")
        indexes = [models.Index(fields=["state", "-fetched_at"])]

    def __str__(self) -> str:
        return self.title
