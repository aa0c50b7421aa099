"""Organisations: city departments and NGOs, with every way a reader may contact them."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

postcode_validator = RegexValidator(
    r"^\d{2}-\d{3}$", _("Enter a Polish postcode in the form 00-000, for example 20-068.")
)
phone_validator = RegexValidator(
    r"^\+?[\d ()-]{7,20}$",
    _("Enter a phone number using digits, spaces and an optional + at the start."),
)


def _shown_address(url: str) -> str:
    """A web address as readers see it written: no scheme, no trailing slash."""
    return url.removeprefix("https://").removeprefix("http://").rstrip("/")


@dataclass(frozen=True)
class RequestChannel:
    """One way to reach an organisation with a request, as a reader acts on it: ``verb`` goes
    in a sentence ("napisz e-mail"), ``label`` names the line, ``value`` is written out as the
    text of the link to ``href``."""

    kind: str
    verb: Promise
    label: Promise
    value: str
    href: str
    # False for a voice call: a Deaf reader may not be able to use it.
    without_voice: bool = True


class Organisation(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=False)
    short_description = models.CharField(
        _("short description"),
        max_length=300,
        blank=True,
        help_text=_("One sentence: what the organisation does."),
    )
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=6, blank=True, validators=[postcode_validator]
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[phone_validator])
    sms = models.CharField(
        _("SMS number"),
        max_length=20,
        blank=True,
        validators=[phone_validator],
        help_text=_("For people who cannot use the phone: Deaf people, people with aphasia."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    video_call_url = models.URLField(
        _("video call for Polish Sign Language users"),
        blank=True,
        help_text=_(
            "A link to a video call with a PJM interpreter, if the organisation offers one."
        ),
    )
    video_call_hours = models.CharField(_("video call hours"), max_length=200, blank=True)
    opening_hours = models.TextField(
        _("opening hours"), blank=True, help_text=_("One line per day or group of days.")
    )
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("short_description"),
        MultiFieldPanel(
            [FieldPanel("street_address"), FieldPanel("postcode"), FieldPanel("city")],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("sms"),
                FieldPanel("email"),
                FieldPanel("video_call_url"),
                FieldPanel("video_call_hours"),
                FieldPanel("website"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("opening_hours"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("city"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    @property
    def opening_hours_lines(self) -> list[str]:
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]

    @property
    def request_channels(self) -> list[RequestChannel]:
        """The channels this organisation really has, the ones that need no voice call first:
        e-mail, text message, PJM video call, then phone."""
        channels: list[RequestChannel] = []
        if self.email:
            channels.append(
                RequestChannel(
                    "email",
                    pgettext_lazy("a way to ask", "write an e-mail"),
                    _("E-mail"),
                    self.email,
                    f"mailto:{self.email}",
                )
            )
        if self.sms:
            channels.append(
                RequestChannel(
                    "sms",
                    pgettext_lazy("a way to ask", "send a text message"),
                    _("Text message (SMS)"),
                    self.sms,
                    f"sms:{self.dial_string(self.sms)}",
                )
            )
        if self.video_call_url:
            channels.append(
                RequestChannel(
                    "video_call",
                    pgettext_lazy("a way to ask", "make a video call in PJM"),
                    _("Video call in PJM"),
                    _shown_address(self.video_call_url),
                    self.video_call_url,
                )
            )
        if self.phone:
            channels.append(
                RequestChannel(
                    "phone",
                    pgettext_lazy("a way to ask", "call"),
                    _("Phone"),
                    self.phone,
                    f"tel:{self.dial_string(self.phone)}",
                    without_voice=False,
                )
            )
        return channels

    @staticmethod
    def dial_string(number: str) -> str:
        """A number as tel:/sms: links want it: digits and a leading +."""
        digits = "".join(ch for ch in number if ch.isdigit())
        if number.strip().startswith("+"):
            return "+" + digits
        return "+48" + digits if len(digits) == 9 else digits
