"""The image form in the Wagtail admin: the accessibility rules, with messages that say why."""

from __future__ import annotations

from typing import Any

from wagtail.images.forms import BaseImageForm


class AccessibleImageForm(BaseImageForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        image = self.instance
        for name in ("description", "is_decorative", "is_poster", "text_version"):
            if name in cleaned:
                setattr(image, name, cleaned[name])
        if {"description", "is_decorative"} <= set(self.fields):
            for field, message in image.accessibility_errors().items():
                if field in self.fields:
                    self.add_error(field, message)
        return cleaned
