"""Admin forms of the bulletin's pages."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from wagtail.admin.forms import WagtailAdminPageForm

# Set while the page editor validates a draft save ("Save draft", autosave): Wagtail defers
# the rules that only publishing needs (is_deferred_validation), and ArticlePage.clean defers
# its image rule with them, so an editor can save half-mended work on a live page.
saving_draft: ContextVar[bool] = ContextVar("saving_draft", default=False)


class PageInOneLanguageForm(WagtailAdminPageForm):
    """A page's editor offers the categories of the page's own language only: a Polish article
    lists "Wydarzenia i spotkania", never its English twin "Events and meetings" beside it
    (categories are translatable snippets, one row per language)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("categories")
        locale_id = getattr(self.instance, "locale_id", None)
        if field is not None and locale_id is not None:
            field.queryset = field.queryset.filter(locale_id=locale_id)  # type: ignore[attr-defined]

    def _post_clean(self) -> None:
        # The model's clean() runs in here (instance.full_clean).
        token = saving_draft.set(self.is_deferred_validation)
        try:
            super()._post_clean()
        finally:
            saving_draft.reset(token)
