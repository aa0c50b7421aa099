"""The bulletin: an index page, member organisations' sections and articles."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from biuletyn.core.visibility import InheritedPrivacyMixin
from biuletyn.pages.blocks import body_blocks

from . import queries, structured_data


class Category(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name


register_snippet(Category)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticleIndexPage(RoutablePageMixin, InheritedPrivacyMixin, Page):
    """The bulletin: latest articles first, with category, tag and month views."""

    intro = models.TextField(_("introduction"), blank=True)
    page_size = 10

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["articles.ArticlePage", "articles.ArticleSectionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")

    def _listing(self, request: HttpRequest, articles: Any, **context: Any) -> HttpResponse:
        page_obj = queries.paginate(articles, request.GET.get("strona"), self.page_size)
        return self.render(
            request,
            context_overrides={"page_obj": page_obj, "articles": page_obj.object_list, **context},
            template="articles/article_index_page.html",
        )

    @path("")
    def latest(self, request: HttpRequest) -> HttpResponse:
        return self._listing(request, queries.articles_in(self))

    @path("kategoria/<slug:slug>/", name="category")
    def by_category(self, request: HttpRequest, slug: str) -> HttpResponse:
        category = queries.category_for(slug, self.locale)
        if category is None:
            raise Http404
        # Untranslated articles (aliases) keep the Polish categories: match every translation.
        articles = queries.articles_in(self).filter(
            categories__translation_key=category.translation_key
        )
        return self._listing(request, articles, category=category)

    # taggit keeps Polish letters in slugs ("świadczenia-rodzinne"): \w, not <slug:>.
    @re_path(r"^tag/(?P<slug>[-\w]+)/$", name="tag")
    def by_tag(self, request: HttpRequest, slug: str) -> HttpResponse:
        tag = queries.tag_by_slug(slug)
        if tag is None:
            raise Http404
        return self._listing(request, queries.articles_in(self).filter(tags=tag), tag=tag)

    @re_path(r"^archiwum/(?P<year>\d{4})/(?P<month>\d{2})/$", name="month")
    def by_month(self, request: HttpRequest, year: str, month: str) -> HttpResponse:
        first_day = queries.month_start(int(year), int(month))
        if first_day is None:
            raise Http404
        return self._listing(
            request,
            queries.articles_in(self).filter(
                publication_date__year=first_day.year, publication_date__month=first_day.month
            ),
            month=first_day,
        )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["categories"] = Category.objects.filter(locale=self.locale)
        context["months"] = queries.archive_months(self)
        return context


class ArticleSectionPage(InheritedPrivacyMixin, Page):
    """A member organisation's own section of the bulletin. Its group may write here and submit
    articles for moderation; the bulletin's editors approve them."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("organisation"), FieldPanel("intro")]
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = ["articles.ArticlePage"]

    class Meta:
        verbose_name = _("member organisation's section")
        verbose_name_plural = _("member organisations' sections")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        page_obj = queries.paginate(queries.articles_in(self), request.GET.get("strona"), 10)
        context.update(page_obj=page_obj, articles=page_obj.object_list)
        return context


class ArticlePage(InheritedPrivacyMixin, Page):
    publication_date = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        help_text=_("Shown on the article and used for the archive."),
    )
    lead = models.TextField(
        _("lead"), help_text=_("Two or three sentences that say what happened and why it matters.")
    )
    body = StreamField(body_blocks(), verbose_name=_("body"), blank=True)
    categories = ParentalManyToManyField(
        "articles.Category", verbose_name=_("categories"), related_name="articles"
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("tags"))
    source_name = models.CharField(
        _("source"),
        max_length=100,
        blank=True,
        help_text=_("Where the news first appeared, e.g. lublin.eu. Shown as “Source: …”."),
    )
    source_url = models.URLField(_("source address"), blank=True)
    contact = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who readers can ask about this article."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("publication_date"),
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("source_name"), FieldPanel("source_url")], heading=_("Source")),
        FieldPanel("contact"),
        InlinePanel("related_links", label=_("Related articles")),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("categories"), FieldPanel("tags")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
    ]
    parent_page_types = ["articles.ArticleIndexPage", "articles.ArticleSectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def clean(self) -> None:
        super().clean()
        if self.source_url and not self.source_name:
            raise ValidationError(
                {
                    "source_name": _(
                        "Name the source, e.g. lublin.eu, so readers know who wrote it first."
                    )
                }
            )
        if self.live:
            problems = [
                str(problem)
                for block in self.body
                if block.block_type == "image" and block.value.get("image") is not None
                for problem in block.value["image"].accessibility_errors().values()
            ]
            if problems:
                raise ValidationError(
                    {
                        "body": _("An image in the body cannot be published yet: %(p)s")
                        % {"p": " ".join(problems)}
                    }
                )

    @property
    def images(self) -> list[Any]:
        return [b.value["image"] for b in self.body if b.block_type == "image"]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(_article_context(self, request))
        return context


class ArticleRelatedLink(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey(
        ArticlePage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]


def _article_context(page: ArticlePage, request: HttpRequest) -> dict[str, Any]:
    bulletin = ArticleIndexPage.objects.ancestor_of(page).filter(locale=page.locale).first()
    related = queries.related_articles(page)
    # Read once: the page shows them and the JSON-LD names them.
    categories = list(page.categories.all())
    tags = list(page.tags.all())
    return {
        "bulletin": bulletin,
        "related": related,
        "categories": categories,
        "tags": tags,
        "structured_data": structured_data.news_article(
            page, request, categories=categories, tags=tags
        ),
    }
