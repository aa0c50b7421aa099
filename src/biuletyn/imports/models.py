"""What the WordPress import remembers of each item it brought in (issue 12).

One row per WordPress post, page or attachment of one exported site (and per file of its
uploads that a post uses without an attachment): which page (or image) it
became, a hash of what was imported, and the revision the import published. A re-import finds
the row by (site, post id) or by GUID; when the page's latest revision is no longer the one the
import made, an editor has changed it since and the import leaves it alone.

``needs_editor`` lists, as codes, what in the imported content breaks our editorial rules; the
admin's "Imported, needs an editor" list shows it in words. It is recomputed whenever the page
is published, so a page leaves the list once an editor has fixed it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# Codes of ``needs_editor`` and the sentence an editor reads for each.
REASONS = {
    "image_without_alt": _("An image has no alternative text."),
    "generic_alt": _("An image's alternative text only says what kind of image it is."),
    "poster_without_text": _("A poster has no text version."),
    "broken_media_link": _(
        "A link or image points at a file of the old site that was not found: it will stop "
        "working when the old site closes."
    ),
    "long_alt": _("An image's alternative text is too long: its text belongs in a text version."),
}


class ImportedItem(models.Model):
    site_url = models.CharField(_("site address"), max_length=300)
    # None for a file of wp-content/uploads that no attachment names: found by its path (guid).
    post_id = models.PositiveBigIntegerField(_("WordPress id"), null=True, blank=True)
    guid = models.CharField(_("GUID"), max_length=500, blank=True, db_index=True)
    post_type = models.CharField(_("WordPress type"), max_length=40)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "images.BiuletynImage",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision the import made"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("last imported"))
    needs_editor = models.JSONField(_("needs an editor"), default=list, blank=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [
            models.UniqueConstraint(fields=["site_url", "post_id"], name="imports_one_per_post")
        ]

    def __str__(self) -> str:
        return f"{self.site_url} #{self.post_id} ({self.post_type})"

    @property
    def reasons(self) -> list[str]:
        """``needs_editor`` in words, in the active language."""
        return [str(REASONS.get(code, code)) for code in self.needs_editor]
