"""The Wagtail shell: the home page of each language tree."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

# Rich text in the shell is limited to what keeps a clean document outline.
SIMPLE_RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HomePage(Page):
    intro = RichTextField(
        _("introduction"),
        features=SIMPLE_RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("One or two short paragraphs that say what this bulletin is and for whom."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(Page):
    """A plain page of text: privacy policy, about us, contact."""

    lead = models.TextField(
        _("lead"), blank=True, help_text=_("One or two sentences shown under the title.")
    )
    body = RichTextField(_("body"), features=[*SIMPLE_RICH_TEXT_FEATURES, "h2", "h3"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
