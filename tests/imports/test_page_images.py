"""Images in an imported WordPress page (a standard page, whose body is rich text): shown as the
figure component, so the alt text is the image's description as it is now, not as it was at the
import, and the page follows the image rules once an editor publishes it (issue 12)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, rich_text

from biuletyn.pages.models import StandardPage
from tests.htmlcheck import assert_valid_html
from tests.imports.conftest import EXPORT, page_of, post_xml, run_import, with_items

pytestmark = pytest.mark.integration

POSTER = (
    '<!-- wp:image {"id":101,"sizeSlug":"large","linkDestination":"none"} -->\n'
    '<figure class="wp-block-image size-large"><img src="https://rada-lublin.example.org/'
    'wp-content/uploads/2024/05/plakat-dzien-otwarty-724x1024.jpg" alt="" '
    'class="wp-image-101"/></figure>\n<!-- /wp:image -->\n'
    "<!-- wp:paragraph -->\n<p>Dyżury biura w czasie wakacji.</p>\n<!-- /wp:paragraph -->"
)


@pytest.fixture
def page(site_tree: Any, tmp_path: Path) -> StandardPage:
    export = tmp_path / "export.xml"
    export.write_text(
        with_items(
            EXPORT.read_text(encoding="utf-8"),
            post_xml(
                40,
                title="Biuro w wakacje",
                slug="biuro-w-wakacje",
                local="2024-06-21 10:00:00",
                gmt="2024-06-21 08:00:00",
                content=POSTER,
                post_type="page",
            ),
        ),
        encoding="utf-8",
    )
    run_import(export)
    return page_of(40)


def test_the_page_is_published_as_it_was_with_its_image(client, page):
    assert page.live
    assert 'embedtype="image"' in page.body
    html = client.get(page.url).content.decode()
    assert 'class="app-figure"' in html
    assert "Dyżury biura w czasie wakacji." in html


def test_the_alt_text_is_the_image_description_as_an_editor_mends_it(client, page):
    from wagtail.images import get_image_model

    image = get_image_model().objects.get(file__contains="plakat-dzien-otwarty")
    image.description = "Plakat: słońce nad budynkiem biura i godziny dyżurów"
    image.is_poster = True
    image.text_version = "Biuro czynne w lipcu i sierpniu od 9:00 do 13:00."
    image.save()

    with translation.override("pl"):
        html = client.get(page.url).content.decode()
    assert 'alt="Plakat: słońce nad budynkiem biura i godziny dyżurów"' in html
    assert "Biuro czynne w lipcu i sierpniu od 9:00 do 13:00." in html
    assert "Tekst plakatu" in html
    # The figure and the poster's text, inside the page's rich text, are valid HTML.
    assert_valid_html({"imported page with a poster": html})


def test_publishing_the_page_with_its_undescribed_image_is_refused(page):
    page.body += "<p>Zdanie dopisane przez redaktorkę.</p>"
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert "body" in refused.value.message_dict


def test_in_the_editor_a_draft_is_kept_and_publishing_is_refused(client, page, django_user_model):
    user = django_user_model.objects.create_superuser("redaktorka", "r@example.org", "hasło-123")
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    revisions = page.revisions.count()
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "lead": "Kiedy biuro jest czynne latem.",
            "body": rich_text(page.body),
            "comments": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0"},
            "seo_title": "",
            "search_description": "",
        }
    )

    refused = client.post(url, {**data, "action-publish": "action-publish"})
    assert refused.status_code == 200
    assert "body" in refused.context["form"].errors
    assert page.revisions.count() == revisions

    saved = client.post(url, data)
    assert saved.status_code == 302, saved.context["form"].errors
    assert page.revisions.count() == revisions + 1
    draft = StandardPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.lead == "Kiedy biuro jest czynne latem."
    # The image survives the editor: the rich text still embeds it.
    assert 'embedtype="image"' in draft.body
