"""Body blocks shared by articles and events. Each block renders through a component template.

Headings are two fixed blocks (h2, h3), never a free choice of level, so that an editor cannot
break the page outline. Images take their alt text, decorative flag and poster text version
from the image itself: described once in the library, right everywhere it is used.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    @cached_property
    def field(self) -> Any:
        # Wagtail builds block editors in the browser without a <label>; the editor takes
        # its accessible name from the widget (biuletyn.core.widgets). The field is built
        # lazily, as in RichTextBlock, because the editor needs the app registry.
        field = blocks.RichTextBlock.field.real_func(self)  # type: ignore[attr-defined]
        field.widget.aria_label = self.label
        return field

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "components/blocks/paragraph.html"
        description = _("Text with bold, italic, links and lists.")


class _LabelledCharBlock(blocks.CharBlock):
    """A text block whose input is named by the block's label: Wagtail's StreamField script
    renders single-field blocks without a <label>."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.field.widget.attrs["aria-label"] = self.label  # lazy: the editor's language


class HeadingBlock(_LabelledCharBlock):
    class Meta:
        icon = "h2"
        label = _("Heading")
        template = "components/blocks/heading.html"
        description = _("A section heading (level 2).")
        form_classname = "title"


class SubheadingBlock(_LabelledCharBlock):
    class Meta:
        icon = "h3"
        label = _("Subheading")
        template = "components/blocks/subheading.html"
        description = _("A heading inside a section (level 3).")


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(
        label=_("caption"),
        required=False,
        help_text=_("Shown under the image to every reader: credit, place, date."),
    )

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        image = value.get("image")
        if image is not None and not getattr(self, "is_deferred_validation", False):
            errors = image.accessibility_errors()
            if errors:
                reasons = " ".join(errors.values())
                raise StructBlockValidationError(
                    block_errors={
                        "image": ValidationError(
                            _(
                                "This image cannot be published yet: %(reasons)s Edit the "
                                "image in the image library to fix it."
                            ),
                            params={"reasons": reasons},
                        )
                    }
                )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/figure.html"
        description = _("An image with its description; a poster shows its text version.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("who said it"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote.html"
        description = _("Someone's words, with their name.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"),
        required=False,
        help_text=_(
            "What the document is, e.g. “Consultation form”. The document's title if empty."
        ),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "components/blocks/document_link.html"
        description = _("A link to a file, with its type and size.")


class ContactBlock(blocks.StructBlock):
    organisation = SnippetChooserBlock("organisations.Organisation", label=_("organisation"))
    heading = blocks.CharBlock(
        label=_("heading"), required=False, help_text=_("“Contact” if empty.")
    )

    class Meta:
        icon = "mail"
        label = _("Contact")
        template = "components/blocks/contact.html"
        description = _("An organisation's address, phone, SMS, e-mail and opening hours.")


class TableBlock(TypedTableBlock):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            [
                ("text", blocks.CharBlock(label=_("text"))),
                ("number", blocks.DecimalBlock(label=_("number"))),
            ],
            **kwargs,
        )

    class Meta:
        icon = "table"
        label = _("Table")
        template = "components/blocks/table.html"
        description = _("A table with column headings and a caption.")


def body_blocks() -> list[tuple[str, blocks.Block]]:
    """The blocks of an article or event body, in the order the editor's menu shows them."""
    return [
        ("paragraph", ParagraphBlock()),
        ("heading", HeadingBlock()),
        ("subheading", SubheadingBlock()),
        ("image", FigureBlock()),
        ("quote", QuoteBlock()),
        ("document", DocumentLinkBlock()),
        ("contact", ContactBlock()),
        ("table", TableBlock()),
    ]
