"""Image rules (issue 3): alt text that says something, or an explicit decorative flag; a poster
needs its text version before anything showing it can be published."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from wagtail.images.forms import get_image_form

from tests.factories.bulletin import make_article, make_bulletin, make_image

pytestmark = pytest.mark.integration


def _png() -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (20, 20), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def _form(data: dict):
    from wagtail.images import get_image_model

    form_class = get_image_form(get_image_model())
    return form_class(
        data={"title": "Obraz", "collection": 1, **data},
        files={"file": SimpleUploadedFile("obraz.png", _png(), content_type="image/png")},
        user=None,
    )


@pytest.mark.parametrize(
    ("data", "field", "fragment"),
    [
        ({"description": "zdjęcie"}, "description", "mówi tylko, jakiego rodzaju jest obraz"),
        ({"description": "IMG_2041.jpg"}, "description", "nazwę pliku"),
        ({"description": ""}, "description", "oznacz go jako dekoracyjny"),
        (
            {"description": "Plakat: koncert w parku 5 lipca", "is_poster": "on"},
            "text_version",
            "Plakat potrzebuje wersji tekstowej",
        ),
        (
            {"is_decorative": "on", "is_poster": "on", "text_version": "Tekst"},
            "is_decorative",
            "nie może być dekoracyjny",
        ),
    ],
)
def test_image_form_refuses_with_a_polish_reason(db, data, field, fragment):
    with translation.override("pl"):
        form = _form(data)
        valid = form.is_valid()

    assert valid is False
    assert fragment in " ".join(form.errors[field])
    assert form.data.get("description", "") == data.get("description", "")  # the typed text is kept


def test_image_form_accepts_a_good_description_or_a_decorative_image(db):
    assert _form({"description": "Rampa z poręczami przy wejściu do biblioteki"}).is_valid()
    assert _form({"description": "", "is_decorative": "on"}).is_valid()


def test_article_with_a_poster_lacking_its_text_version_cannot_be_published(site_tree):
    bulletin = make_bulletin(site_tree["pl"])
    poster = make_image(description="Plakat: festyn rodzinny na placu zamkowym", is_poster=True)

    with pytest.raises(ValidationError) as error:
        make_article(
            bulletin, body=[{"type": "image", "value": {"image": poster.pk, "caption": ""}}]
        )

    assert "body" in error.value.message_dict


def test_the_same_article_publishes_once_the_poster_has_its_text(site_tree):
    bulletin = make_bulletin(site_tree["pl"])
    poster = make_image(
        description="Plakat: festyn rodzinny na placu zamkowym",
        is_poster=True,
        text_version="Festyn rodzinny\nplac zamkowy, sobota 10:00",
    )

    article = make_article(
        bulletin, body=[{"type": "image", "value": {"image": poster.pk, "caption": ""}}]
    )

    assert article.live


def test_figure_block_refuses_a_poster_without_text_when_publishing(db):
    from wagtail.blocks.struct_block import StructBlockValidationError

    from biuletyn.pages.blocks import FigureBlock

    poster = make_image(description="Plakat: festyn rodzinny na placu zamkowym", is_poster=True)
    block = FigureBlock()

    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": poster.pk, "caption": ""}))
