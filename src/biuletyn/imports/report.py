"""What an import did, and what needs an editor's eye: the report the command prints.

The service fills an ``ImportReport`` as it goes; ``render`` writes it in the active language
(the command uses the site's default language, Polish), each page with its admin edit address.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from .models import REASONS


@dataclass
class PageNote:
    """A page the report names: its title, its admin edit address, and why it is named."""

    page_id: int
    title: str
    codes: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    @property
    def edit_url(self) -> str:
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        return base + reverse("wagtailadmin_pages:edit", args=[self.page_id])


@dataclass
class Failure:
    post_id: int
    title: str
    error: str


# The order in which the report lists what needs an editor, and its heading for each.
_SECTIONS = (
    "image_without_alt",
    "generic_alt",
    "long_alt",
    "poster_without_text",
    "broken_media_link",
)


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    images: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: list[Failure] = field(default_factory=list)
    needs_editor: list[PageNote] = field(default_factory=list)
    edited_since: list[PageNote] = field(default_factory=list)
    withdrawn: list[PageNote] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)
    stopped: str = ""

    def note_needs(self, page_id: int, title: str, codes: list[str], details: list[str]) -> None:
        self.needs_editor = [n for n in self.needs_editor if n.page_id != page_id]
        if codes:
            self.needs_editor.append(PageNote(page_id, title, list(codes), list(details)))

    def render(self) -> str:
        """The report as plain text, in the active language."""
        lines = [_("WordPress import finished."), ""]
        if self.stopped:
            lines = [_("WordPress import stopped: %(error)s") % {"error": self.stopped}, ""]
        lines += [
            ngettext("%(n)d page imported", "%(n)d pages imported", self.imported)
            % {"n": self.imported},
            ngettext("%(n)d page updated", "%(n)d pages updated", self.updated)
            % {"n": self.updated},
            ngettext("%(n)d page unchanged", "%(n)d pages unchanged", self.unchanged)
            % {"n": self.unchanged},
            ngettext("%(n)d image imported", "%(n)d images imported", self.images)
            % {"n": self.images},
        ]
        skipped = sum(self.skipped.values())
        line = ngettext(
            "%(n)d item not published (not public in WordPress)",
            "%(n)d items not published (not public in WordPress)",
            skipped,
        ) % {"n": skipped}
        if skipped:
            line += ": " + ", ".join(
                f"{_skip_label(kind)} {count}" for kind, count in sorted(self.skipped.items())
            )
        lines.append(line)
        lines.append(
            ngettext("%(n)d item failed", "%(n)d items failed", len(self.failed))
            % {"n": len(self.failed)}
        )
        for failure in self.failed:
            lines.append(
                "  - "
                + _("WordPress id %(id)d, “%(title)s”: %(error)s")
                % {"id": failure.post_id, "title": failure.title, "error": failure.error}
            )

        if self.withdrawn:
            lines += [
                "",
                _("No longer public in WordPress, so unpublished here too (%(n)d):")
                % {"n": len(self.withdrawn)},
            ]
            lines += [f"  - {n.title}: {n.edit_url}" for n in self.withdrawn]
        if self.needs_editor or self.edited_since or self.missing_files:
            lines += ["", _("Needs an editor's eye:")]
        for code in _SECTIONS:
            notes = [n for n in self.needs_editor if code in n.codes]
            if not notes:
                continue
            lines += ["", f"{REASONS[code]} ({len(notes)})"]
            for note in notes:
                lines.append(f"  - {note.title}: {note.edit_url}")
                if code == "broken_media_link":
                    lines += [f"      {detail}" for detail in note.details]
        if self.edited_since:
            lines += [
                "",
                _("Changed by an editor since the last import, left as they are (%(n)d):")
                % {"n": len(self.edited_since)},
            ]
            lines += [
                f"  - {n.title}: {n.edit_url if n.page_id else _('deleted in Biuletyn')}"
                for n in self.edited_since
            ]
        if self.missing_files:
            lines += [
                "",
                _("Files of the old site not found in the uploads folder (%(n)d):")
                % {"n": len(self.missing_files)},
            ]
            lines += [f"  - {name}" for name in self.missing_files]
        return "\n".join(lines) + "\n"


def _skip_label(kind: str) -> str:
    labels = {
        "draft": pgettext("not imported", "drafts"),
        "pending": pgettext("not imported", "pending review"),
        "private": pgettext("not imported", "private"),
        "password": pgettext("not imported", "password-protected"),
        "future": pgettext("not imported", "scheduled"),
        "trash": pgettext("not imported", "in the trash"),
        "auto-draft": pgettext("not imported", "automatic drafts"),
        "inherit": pgettext("not imported", "revisions"),
        "nav_menu_item": pgettext("not imported", "menu items"),
        "wp_block": pgettext("not imported", "reusable blocks"),
        "other": pgettext("not imported", "other types"),
    }
    return labels.get(kind, kind)
