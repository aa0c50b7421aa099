"""The consultations in Wagtail's admin (issue 11): log actions; moderation, answers and the
report come with the admin work."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from . import audit


@hooks.register("register_log_actions")
def register_log_actions(actions: Any) -> None:
    audit.register_actions(actions)
