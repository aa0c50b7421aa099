"""Admin hooks of the core app: names for inputs Wagtail's scripts leave unlabelled; the
styles every admin page gets (core/admin.css)."""

from __future__ import annotations

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def label_unlabelled_admin_inputs() -> SafeString:
    return format_html('<script src="{}"></script>', static("core/admin-labels.js"))


@hooks.register("insert_global_admin_css")
def admin_styles() -> SafeString:
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))
