"""The image rule in the page editor (issues 3 and 12): an image without its description
cannot be published, but an editor may save a draft of a live page that still has one — an
imported archive page, say — so half-mended work is never lost. Through Wagtail's own edit
view, with the form as the browser posts it."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from biuletyn.articles.models import ArticlePage
from biuletyn.core.editorial_rules import publishing_imported_archive
from tests.factories.bulletin import make_article, make_bulletin, make_category, make_image

pytestmark = pytest.mark.integration


@pytest.fixture
def imported(site_tree, client, django_user_model):
    """A live article as an import left it: its image has no description."""
    bulletin = make_bulletin(site_tree["pl"])
    category = make_category()
    image = make_image(description="")
    with publishing_imported_archive():
        article = make_article(
            bulletin,
            title="Spotkanie organizacji z miastem",
            categories=[category],
            body=[{"type": "image", "value": {"image": image.pk, "caption": ""}}],
        )
    user = django_user_model.objects.create_superuser("redaktorka", "r@example.org", "hasło-123")
    client.force_login(user)
    return {"article": article, "category": category, "image": image}


def edit_form(imported, **extra: str) -> dict[str, object]:
    article = imported["article"]
    data: dict[str, object] = {
        "title": article.title,
        "slug": article.slug,
        "publication_date": timezone.localtime(article.publication_date).strftime("%Y-%m-%d %H:%M"),
        "lead": "Nowa zajawka, którą redaktorka pisze, zanim opisze plakat.",
        "author": "",
        "body": streamfield(
            [
                ("image", {"image": str(imported["image"].pk), "caption": ""}),
                ("paragraph", rich_text("<p>Akapit dopisany przez redakcję.</p>")),
            ]
        ),
        "source_name": "",
        "source_url": "",
        "contact": "",
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "tags": "",
        **extra,
    }
    return {**nested_form_data(data), "categories": [str(imported["category"].pk)]}


def test_a_draft_of_a_live_page_with_an_undescribed_image_is_saved(client, imported):
    article = imported["article"]
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    revisions = article.revisions.count()

    response = client.post(url, edit_form(imported))

    assert response.status_code == 302, response.context["form"].errors
    article.refresh_from_db()
    assert article.revisions.count() == revisions + 1
    assert article.has_unpublished_changes
    draft = article.get_latest_revision_as_object()
    assert draft.lead.startswith("Nowa zajawka")
    # The public page is still the imported one.
    assert ArticlePage.objects.get(pk=article.pk).lead != draft.lead


def test_publishing_it_is_refused_on_the_image_and_nothing_is_written(client, imported):
    article = imported["article"]
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    revisions = article.revisions.count()

    response = client.post(url, edit_form(imported, **{"action-publish": "action-publish"}))

    assert response.status_code == 200
    form = response.context["form"]
    assert "body" in form.errors
    messages = " ".join(str(error) for error in form.errors["body"].as_data())
    assert "nie można jeszcze opublikować" in messages
    assert article.revisions.count() == revisions
    # The editor's text is kept in the form.
    assert form["lead"].value().startswith("Nowa zajawka")


def test_once_described_the_image_lets_the_page_be_published(client, imported):
    image = imported["image"]
    image.description = "Plakat spotkania: dwie osoby przy stole, w tle ratusz"
    image.save()
    article = imported["article"]
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))

    response = client.post(url, edit_form(imported, **{"action-publish": "action-publish"}))

    assert response.status_code == 302, response.context["form"].errors
    article.refresh_from_db()
    assert article.lead.startswith("Nowa zajawka")
    assert not article.has_unpublished_changes
