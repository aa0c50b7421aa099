"""The Wagtail shell: the home page of each language tree."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from biuletyn.core.editorial_rules import DraftAwarePageForm, check_images, images_in_rich_text
from biuletyn.core.visibility import InheritedPrivacyMixin, visible

# Rich text in the shell is limited to what keeps a clean document outline.
SIMPLE_RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HomePage(InheritedPrivacyMixin, Page):
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
    latest_count = 6
    upcoming_count = 3

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from biuletyn.articles.models import ArticleIndexPage
        from biuletyn.articles.queries import articles_in

        context = super().get_context(request, *args, **kwargs)
        bulletin = visible(ArticleIndexPage.objects.child_of(self)).first()
        context["bulletin"] = bulletin
        context["latest_articles"] = (
            list(articles_in(bulletin)[: self.latest_count]) if bulletin else []
        )
        context.update(_upcoming_events(self))
        return context


def _upcoming_events(home: HomePage) -> dict[str, Any]:
    from biuletyn.events.models import EventIndexPage
    from biuletyn.events.queries import upcoming_on_home_page

    calendar = visible(EventIndexPage.objects.child_of(home)).first()
    if calendar is None:
        return {"calendar": None, "upcoming_events": []}
    upcoming = upcoming_on_home_page(calendar, home.upcoming_count)
    return {"calendar": calendar, "upcoming_events": upcoming}


class StandardPage(InheritedPrivacyMixin, Page):
    """A plain page of text: privacy policy, about us, contact; an imported WordPress page.
    Its images are shown as the figure component (images.image_formats) and follow the same
    rules as an article's."""

    base_form_class = DraftAwarePageForm
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("One or two sentences shown under the title.")
    )
    body = RichTextField(
        _("body"), features=[*SIMPLE_RICH_TEXT_FEATURES, "h2", "h3", "image"], blank=True
    )

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def clean(self) -> None:
        super().clean()
        check_images(self, images_in_rich_text(self.body))


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Who publishes the site and how to reach them: shown in every page's footer."""

    publisher = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("publisher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation that runs the bulletin; its contact is in the footer."),
    )
    facebook_url = models.URLField(_("Facebook profile"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    instagram_url = models.URLField(_("Instagram profile"), blank=True)
    privacy_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_statement_url = models.CharField(
        _("accessibility statement address"),
        max_length=300,
        blank=True,
        help_text=_("Required by Polish law on every public body's site."),
    )

    panels = [
        FieldPanel("publisher"),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("youtube_url"), FieldPanel("instagram_url")],
            heading=_("Social profiles (plain links, no embeds)"),
        ),
        FieldPanel("privacy_policy_page"),
        FieldPanel("accessibility_statement_url"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        return [
            (name, url)
            for name, url in (
                ("Facebook", self.facebook_url),
                ("YouTube", self.youtube_url),
                ("Instagram", self.instagram_url),
            )
            if url
        ]
