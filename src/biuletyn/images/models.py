"""Images with what a reader who cannot see them needs.

Wagtail's ``description`` is the image's alternative text. An image is either meaningful (its
description must pass ``check_alt_text``) or decorative (no alt text at all). A poster or flyer
carries text, so it also needs its full text version, shown to every reader under the image.

The rules are checked where an editor can act on them: the image form (forms.py), and the
image block of every page body, which refuses an image that breaks them. The library itself
accepts a bare upload, so that Wagtail's multiple upload keeps working.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from biuletyn.accessibility.alt_text import check_alt_text


class BiuletynImage(AbstractImage):
    is_decorative = models.BooleanField(
        _("decorative image"),
        default=False,
        help_text=_(
            "Tick only if the image tells nothing, for example an ornamental line or a "
            "background. Screen readers skip it, so it needs no alternative text. A photo of a "
            "person, a place or an event is never decorative."
        ),
    )
    is_poster = models.BooleanField(
        _("poster or flyer"),
        default=False,
        help_text=_(
            "Tick if there is text in the image: a poster, flyer, invitation, chart or "
            "screenshot. Then type all of that text in the text version below: people who "
            "cannot see the image read it there."
        ),
    )
    text_version = models.TextField(
        _("text version"),
        blank=True,
        help_text=_(
            "All the text on the poster, in reading order, with dates, places and contacts. "
            "Shown to every reader under the image."
        ),
    )

    admin_form_fields = (*Image.admin_form_fields, "is_decorative", "is_poster", "text_version")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def alt(self) -> str:
        """The alt attribute's value: empty for a decorative image."""
        return "" if self.is_decorative else self.description

    def accessibility_errors(self) -> dict[str, str]:
        """What stops this image from being shown to readers, by field."""
        errors: dict[str, str] = {}
        if self.is_decorative and self.is_poster:
            errors["is_decorative"] = str(
                _("A poster carries information, so it cannot be decorative.")
            )
        elif not self.is_decorative:
            problem = check_alt_text(self.description)
            if problem is not None:
                errors["description"] = problem.message
        if self.is_poster and not self.text_version.strip():
            errors["text_version"] = str(
                _(
                    "A poster needs its text version: type all of its text, so that people "
                    "who cannot see the image get the same information."
                )
            )
        return errors


class BiuletynRendition(AbstractRendition):
    image = models.ForeignKey(BiuletynImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
