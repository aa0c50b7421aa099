"""Admin panels of the event editor: the last day to ask for a PJM interpreter, on the
Accessibility tab, counted by the server from the dates on the Content tab."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.panels import HelpPanel

from .enums import SignLanguageOffer
from .templatetags.biuletyn_events import day_heading

if TYPE_CHECKING:
    from .models import EventPage


def deadline_message(page: EventPage) -> tuple[dt.date | None, str]:
    """The last day to ask for an interpreter on request for ``page``'s dates (whatever its
    offer is now), and a sentence that says it to the editor."""
    if page.start_date is None:
        return None, _(
            "Give the start date on the Content tab: the last day to ask is counted from it."
        )
    if page.date_to_be_announced:
        return None, _(
            "The event is postponed and has no new date yet: the last day to ask will be "
            "counted from the new date."
        )
    probe = type(page)(
        start_date=page.schedule.start_date, sign_language=SignLanguageOffer.ON_REQUEST
    )
    deadline = probe.interpreter_deadline
    assert deadline is not None
    return deadline, _("Last day to ask for an interpreter for these dates: %(day)s") % {
        "day": day_heading(deadline)
    }


class InterpreterDeadlinePanel(HelpPanel):
    """The rule in plain words and the last day to ask for the saved dates; the script
    events/interpreter-deadline.js asks the server again while the editor types new ones."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("template", "events/admin/interpreter_deadline.html")
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context: dict[str, Any] = super().get_context_data(parent_context)
            context["deadline"], context["message"] = deadline_message(self.instance)
            context["url"] = reverse("events_admin:interpreter_deadline")
            return context
