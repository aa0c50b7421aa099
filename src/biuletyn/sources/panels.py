"""The source form's "Last fetch" panel (issue 12): one sentence, in the reader's language and
Warsaw time, instead of five read-only fields that say "None" on a new source."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin.panels import Panel

from biuletyn.core.templatetags.biuletyn_dates import long_datetime

WARSAW = ZoneInfo("Europe/Warsaw")


def last_fetch_sentence(source: Any) -> str:
    """ "Not fetched yet." / "Last fetched 5 December 2026, 14:02: 3 new, 0 already known." /
    "The fetch of 5 December 2026, 14:02 failed: <the error>"."""
    from .services import describe_counts

    if source is None or source.last_fetched_at is None:
        return capfirst(_("not fetched yet")) + "."
    with timezone.override(WARSAW):  # the bulletin's time, whatever the editor's own zone
        when = long_datetime(source.last_fetched_at)
    if source.last_ok:
        return _("Last fetched %(when)s: %(counts)s.") % {
            "when": when,
            "counts": describe_counts(source.last_new, source.last_known),
        }
    return _("The fetch of %(when)s failed: %(error)s") % {
        "when": when,
        "error": source.last_error,
    }


class LastFetchPanel(Panel):
    """Read-only: what the last fetch of the source did, as a sentence."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "sources/admin/last_fetch_panel.html"

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            context["sentence"] = last_fetch_sentence(self.instance)
            return context
