"""How an image inside rich text (a standard page's body) is shown: as the figure component,
the same as an image block, so the alt text is the image's own description, kept up to date
when an editor mends it in the library, and a poster brings its text version (issue 12).

Wagtail found this module by its name (``image_formats``). Its three formats (full width, left,
right) become one: the embed's own alt attribute, fixed when the image was inserted, is ignored,
and floats make no sense at 320 px."""

from __future__ import annotations

import itertools
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.images.formats import Format, register_image_format, unregister_image_format

_embeds = itertools.count(1)


class FigureFormat(Format):
    def image_to_editor_html(self, image: Any, alt_text: str) -> str:
        # In the editor, Wagtail's own small preview.
        return super().image_to_html(image, alt_text, self.editor_attributes(image, alt_text))

    def image_to_html(
        self, image: Any, alt_text: str, extra_attributes: dict[str, Any] | None = None
    ) -> str:
        if extra_attributes is not None:
            return super().image_to_html(image, alt_text, extra_attributes)
        # A poster's text version is a region labelled by an id: unique on the page even when
        # the same poster appears twice.
        return render_to_string(
            "components/blocks/figure.html",
            {"value": {"image": image, "caption": ""}, "block_id": f"embed-{next(_embeds)}"},
        )


for _name in ("fullwidth", "left", "right"):
    unregister_image_format(_name)
register_image_format(FigureFormat("fullwidth", _("Full width"), "", "width-800"))
