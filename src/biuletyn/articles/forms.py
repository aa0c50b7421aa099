"""Admin forms of the bulletin's pages."""

from __future__ import annotations

from typing import Any

from biuletyn.core.editorial_rules import DraftAwarePageForm


class PageInOneLanguageForm(DraftAwarePageForm):
    """A page's editor offers the categories of the page's own language only: a Polish article
    lists "Wydarzenia i spotkania", never its English twin "Events and meetings" beside it
    (categories are translatable snippets, one row per language)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("categories")
        locale_id = getattr(self.instance, "locale_id", None)
        if field is not None and locale_id is not None:
            field.queryset = field.queryset.filter(locale_id=locale_id)  # type: ignore[attr-defined]
