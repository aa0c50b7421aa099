"""Snippet choosers whose buttons are whole sentences that Polish can inflect.

Wagtail labels a snippet's chooser "Choose %(object)s" filled with the model's verbose name, so
Polish gets the nominative where the accusative belongs: "Wybierz organizacja" instead of
"Wybierz organizację". A viewset made by ``chooser_viewset`` gives the button, the modal's
title, "Choose another …" and "Edit this …" texts of their own, which translators can write
as whole sentences.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.widgets import AdminSnippetChooser


class LabelledSnippetChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser whose widget uses the viewset's own texts, not "Choose %(object)s"."""

    @property
    def widget_class(self) -> Any:  # Wagtail uses a widget instance here, not a class.
        return AdminSnippetChooser(
            model=self.model,
            icon=self.icon,
            choose_one_text=self.choose_one_text,
            choose_another_text=self.choose_another_text,
            link_to_chosen_text=self.edit_item_text,
        )


def chooser_viewset(
    *, choose_one: Promise, choose_another: Promise, edit: Promise
) -> type[LabelledSnippetChooserViewSet]:
    """A chooser viewset class with these three texts (pass lazy translations)."""
    return type(
        "LabelledChooserViewSet",
        (LabelledSnippetChooserViewSet,),
        {
            "choose_one_text": choose_one,
            "page_title": choose_one,
            "choose_another_text": choose_another,
            "edit_item_text": edit,
        },
    )
