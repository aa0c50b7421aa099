"""When the editorial rules on images refuse a page (issues 3 and 12).

An image without its description, or a poster without its text version, cannot be published.
Two moments are exempt, each marked by a context variable:

- an import publishing an archive as it was (``publishing_imported_archive``): what was public
  stays public, and the import lists the page for an editor instead;
- a draft save in the page editor (``saving_draft``, set by ``DraftAwarePageForm`` when Wagtail
  defers validation): an editor may save half-mended work on a live page; "Publish" checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

_IMAGE_EMBED = re.compile(r"""<embed[^>]*embedtype=["']image["'][^>]*>""")
_EMBED_ID = re.compile(r"""\bid=["'](\d+)["']""")

_archive_import: ContextVar[bool] = ContextVar("archive_import", default=False)
_saving_draft: ContextVar[bool] = ContextVar("saving_draft", default=False)


@contextmanager
def publishing_imported_archive() -> Iterator[None]:
    """Inside, pages do not refuse images that break the editorial rules; the import records
    them for an editor instead. Only the importer uses it."""
    token = _archive_import.set(True)
    try:
        yield
    finally:
        _archive_import.reset(token)


def image_rules_apply(page: Any) -> bool:
    """A live page is checked, except while an import or a draft save is under way."""
    return bool(page.live) and not _archive_import.get() and not _saving_draft.get()


def images_in_rich_text(html: str) -> list[Any]:
    """The images a rich text embeds (Wagtail's ``<embed embedtype="image" id="…">``)."""
    from wagtail.images import get_image_model

    ids = [int(m.group(1)) for e in _IMAGE_EMBED.findall(html) if (m := _EMBED_ID.search(e))]
    return list(get_image_model().objects.filter(pk__in=ids)) if ids else []


def check_images(page: Any, images: Iterable[Any], *, field: str = "body") -> None:
    """Refuse the page, on ``field``, while any of its images breaks the rules."""
    if not image_rules_apply(page):
        return
    problems = [
        str(problem) for image in images for problem in image.accessibility_errors().values()
    ]
    if problems:
        raise ValidationError(
            {
                field: _("An image in the body cannot be published yet: %(p)s")
                % {"p": " ".join(problems)}
            }
        )


class DraftAwarePageForm(WagtailAdminPageForm):
    """The page form that tells the model's clean() when it validates a draft save."""

    def _post_clean(self) -> None:
        # The model's clean() runs in here (instance.full_clean).
        token = _saving_draft.set(self.is_deferred_validation)
        try:
            super()._post_clean()
        finally:
            _saving_draft.reset(token)
