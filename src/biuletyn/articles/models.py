"""The bulletin: an index page, member organisations' sections and articles."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
)
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from biuletyn.core import paging
from biuletyn.core.editorial_rules import check_images
from biuletyn.core.slugs import fold, spellings
from biuletyn.core.visibility import InheritedPrivacyMixin
from biuletyn.pages.blocks import body_blocks

from . import queries, structured_data
from .forms import PageInOneLanguageForm


class Category(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("The wider category this one belongs to. Its page lists this one's too."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("parent"),
        FieldPanel("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.parent_id is None:
            return
        parent = self.parent
        if parent is not None and parent.locale_id != self.locale_id:
            raise ValidationError(
                {"parent": _("Choose a wider category in the same language as this one.")}
            )
        seen = {self.pk}
        while parent is not None:
            if parent.pk in seen:
                raise ValidationError(
                    {"parent": _("A category cannot belong to itself or to its own subcategory.")}
                )
            seen.add(parent.pk)
            parent = parent.parent


register_snippet(Category)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


# The English names of the bulletin's routes whose address differs by language; "tag" does not.
_ENGLISH_ROUTES = {"category": "category_en", "month": "month_en"}


def _find_category(typed: str, locale: Any) -> Category | None:
    """The category an address names, however the reader wrote its slug."""
    for slug in [typed, *spellings(typed)]:
        if (category := queries.category_for(slug, locale)) is not None:
            return category  # type: ignore[no-any-return]
    return None


def _find_tag(typed: str) -> Tag | None:
    """The tag an address names, however the reader wrote its slug: as typed, as a slug, or
    without Polish letters when the tag's slug has them ("swiadczenia" for "świadczenia")."""
    if (tag := queries.tag_by_slug(typed)) is not None:
        return tag
    candidates = spellings(typed)
    found = {t.slug: t for t in Tag.objects.filter(slug__in=candidates)}
    if tag := next((found[c] for c in candidates if c in found), None):
        return tag
    if not candidates:
        return None
    # Only here, on the way to a 404, read the bulletin's tags and compare them folded.
    folded = candidates[-1]
    used = Tag.objects.filter(pk__in=ArticleTag.objects.values("tag_id")).only("pk", "slug")
    return next((t for t in used if slugify(fold(t.slug)) == folded), None)


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
        page_obj = paging.page_of(articles, request.GET.get(paging.PAGE_PARAM), self.page_size)
        if redirect := paging.redirect_to_shown_page(request, page_obj):
            return redirect
        return self.render(
            request,
            context_overrides={"page_obj": page_obj, "articles": page_obj.object_list, **context},
            template="articles/article_index_page.html",
        )

    # Routes have a name for each language of their address; templates and code use the
    # Polish name, and reverse_subpage gives the address in the page's language. An address
    # in the other language, or a slug written another way, redirects for good (ADR 0010).

    def reverse_subpage(
        self, name: str, args: Any = None, kwargs: dict[str, Any] | None = None
    ) -> str:
        return super().reverse_subpage(self._route_name(name), args, kwargs)

    def _route_name(self, name: str) -> str:
        if self.locale.language_code == "en":
            return _ENGLISH_ROUTES.get(name, name)
        return name

    def _redirect_unless(
        self, request: HttpRequest, name: str, **kwargs: Any
    ) -> HttpResponsePermanentRedirect | None:
        """A permanent redirect to route ``name`` with ``kwargs`` unless the request used that
        route (in the page's language) with those values."""
        match = getattr(request, "routable_resolver_match", None)
        if match is None or (
            match.url_name == self._route_name(name)
            and all(str(match.kwargs.get(k)) == str(v) for k, v in kwargs.items())
        ):
            return None
        url = (self.get_url(request) or "") + self.reverse_subpage(name, kwargs=kwargs)
        query = request.GET.urlencode()
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

    @path("")
    def latest(self, request: HttpRequest) -> HttpResponse:
        return self._listing(request, queries.articles_in(self))

    # [^/]+, not <slug:>: a reader may type Polish letters, capitals or spaces.
    @re_path(r"^kategoria/(?P<slug>[^/]+)/$", name="category")
    @re_path(r"^category/(?P<slug>[^/]+)/$", name="category_en")
    def by_category(self, request: HttpRequest, slug: str) -> HttpResponse:
        category = _find_category(slug, self.locale)
        if category is None:
            raise Http404
        if redirect := self._redirect_unless(request, "category", slug=category.slug):
            return redirect
        # Untranslated articles (aliases) keep the Polish categories: match every translation.
        # A category's page lists its subcategories' articles too.
        articles = (
            queries.articles_in(self)
            .filter(categories__translation_key__in=queries.category_family_keys(category))
            .distinct()
        )
        return self._listing(request, articles, category=category)

    # taggit keeps Polish letters in editors' slugs ("świadczenia-rodzinne").
    @re_path(r"^tag/(?P<slug>[^/]+)/$", name="tag")
    def by_tag(self, request: HttpRequest, slug: str) -> HttpResponse:
        tag = _find_tag(slug)
        if tag is None:
            raise Http404
        if redirect := self._redirect_unless(request, "tag", slug=tag.slug):
            return redirect
        return self._listing(request, queries.articles_in(self).filter(tags=tag), tag=tag)

    @re_path(r"^archiwum/(?P<year>\d{4})/(?P<month>\d{1,2})/$", name="month")
    @re_path(r"^archive/(?P<year>\d{4})/(?P<month>\d{1,2})/$", name="month_en")
    def by_month(self, request: HttpRequest, year: str, month: str) -> HttpResponse:
        first_day = queries.month_start(int(year), int(month))
        if first_day is None:
            raise Http404
        if redirect := self._redirect_unless(
            request, "month", year=f"{first_day:%Y}", month=f"{first_day:%m}"
        ):
            return redirect
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

    page_size = 10

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().serve(request, *args, **kwargs)
        page_obj = getattr(response, "context_data", {}).get("page_obj")
        if page_obj is not None and (redirect := paging.redirect_to_shown_page(request, page_obj)):
            return redirect
        return response

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        page_obj = paging.page_of(
            queries.articles_in(self), request.GET.get(paging.PAGE_PARAM), self.page_size
        )
        context.update(page_obj=page_obj, articles=page_obj.object_list)
        return context


class ArticlePage(InheritedPrivacyMixin, Page):
    base_form_class = PageInOneLanguageForm
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
    author = models.CharField(
        _("author"),
        max_length=200,
        blank=True,
        help_text=_("Who wrote the article, as the byline shows it. Optional."),
    )
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
        # Required: on the first tab, where an editor meets it before saving.
        FieldPanel("categories"),
        FieldPanel("author"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("source_name"), FieldPanel("source_url")], heading=_("Source")),
        FieldPanel("contact"),
        InlinePanel("related_links", label=_("Related articles")),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("tags")]
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
        check_images(self, self.images)

    @property
    def images(self) -> list[Any]:
        return [
            b.value["image"]
            for b in self.body
            if b.block_type == "image" and b.value.get("image") is not None
        ]

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
