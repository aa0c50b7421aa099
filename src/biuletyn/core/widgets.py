"""The admin's rich text editor: Wagtail's Draftail, with an accessible name (WCAG 4.1.2).

Draftail's editable area is a ``role="textbox"`` element of its own; the field's ``<label>``
points at the hidden input Wagtail stores the value in, so Wagtail 7.4 leaves the textbox with no
name at all (axe: ``aria-input-field-name``). Draftail takes ``ariaLabelledBy`` and ``ariaLabel``
props, and Wagtail's client passes every editor option to Draftail as a prop, so the fix is an
option:

* Rendered on the server (a ``FieldPanel`` of a ``RichTextField``, also inside a
  ``MultiFieldPanel`` or an ``InlinePanel``): ``ariaLabelledBy`` points at the field's label,
  which Wagtail's panel and field templates give the id ``<input id>-label``. The editor's name
  is then exactly the visible label.
* Rendered in the browser (a ``RichTextBlock`` in a StreamField or StructBlock): Wagtail builds
  these editors from the widget's options alone, with ids made up in the browser and no label
  element of their own, and the widget does not know the block it belongs to. They get
  ``ariaLabel``: the widget's ``aria_label`` if set, otherwise "Rich text". The block's own
  heading (its type, e.g. "Paragraph") still names the section around the editor.

Registered as the default editor by ``WAGTAILADMIN_RICH_TEXT_EDITORS`` in the settings.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.admin.rich_text.editors.draftail import DraftailRichTextAreaAdapter
from wagtail.admin.telepath import register

DEFAULT_ARIA_LABEL = _("Rich text")


class LabelledDraftailRichTextArea(DraftailRichTextArea):
    """Draftail whose textbox is named by the field's label (or ``aria_label`` in blocks)."""

    # The name of an editor rendered in the browser; a block may set it to its own label.
    aria_label: str | None = None

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        element_id = widget_attrs.get("id")
        if element_id:
            options = {"ariaLabelledBy": f"{element_id}-label", **self.options}
            widget_attrs["data-w-init-detail-value"] = json.dumps(options, cls=DjangoJSONEncoder)
        return context

    def client_options(self) -> dict[str, Any]:
        """The options of an editor that Wagtail's JavaScript renders (StreamField blocks)."""
        return {"ariaLabel": str(self.aria_label or DEFAULT_ARIA_LABEL), **self.options}


class LabelledDraftailRichTextAreaAdapter(DraftailRichTextAreaAdapter):
    def js_args(self, widget: LabelledDraftailRichTextArea) -> list[Any]:  # type: ignore[override]
        return [widget.client_options()]


register(LabelledDraftailRichTextAreaAdapter(), LabelledDraftailRichTextArea)
