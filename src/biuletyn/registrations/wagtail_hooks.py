"""Registrations in the Wagtail admin (ADR 0011)."""

from __future__ import annotations

from wagtail import hooks

from . import audit

hooks.register("register_log_actions", audit.register_actions)
