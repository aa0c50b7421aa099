"""Admin hooks of the calendar: the script and the JSON view behind the last day to ask for a
PJM interpreter in the event editor."""

from __future__ import annotations

from typing import Any

from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_event_admin_urls() -> list[Any]:
    # Under /admin/, so Wagtail lets only signed-in editors in and speaks their language.
    urls = [
        path("interpreter-deadline/", views.interpreter_deadline, name="interpreter_deadline"),
    ]
    return [path("events/", include((urls, "events_admin"), namespace="events_admin"))]


@hooks.register("insert_editor_js")
def interpreter_deadline_script() -> SafeString:
    return format_html('<script src="{}" defer></script>', static("events/interpreter-deadline.js"))
