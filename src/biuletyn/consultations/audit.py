"""The audit log of consultations: staff entries, moderation, answers and the report, without
the comments' text or their authors' data (issue 11). Same log as registrations (Wagtail's)."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log as wagtail_log

ACTIONS = {
    "biuletyn.comment.on_behalf": (_("Enter comment on behalf"), _("Comment entered on behalf")),
    "biuletyn.comment.publish": (_("Publish comment"), _("Comment published")),
    "biuletyn.comment.reject": (_("Reject comment"), _("Comment rejected")),
    "biuletyn.comment.hide": (_("Hide comment after reports"), _("Comment hidden after reports")),
    "biuletyn.comment.answer": (_("Answer comment"), _("Comment answered")),
    "biuletyn.consultation.report": (_("Publish report"), _("Consultation report published")),
    "biuletyn.consultation.erase": (
        _("Erase commenters' contact data"),
        _("Commenters' contact data erased"),
    ),
}


def register_actions(actions: Any) -> None:
    """For Wagtail's ``register_log_actions`` hook."""
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


def log(instance: Model, action: str, *, user: Any = None, **data: Any) -> None:
    """Record ``action``; ``data`` holds ids, counts and statuses only."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    wagtail_log(instance, action, user=user, data=data)
