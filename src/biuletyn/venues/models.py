"""Venues: where events happen, how to get there, and what a disabled visitor will find."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from biuletyn.organisations.models import postcode_validator

from .enums import FEATURES, Availability, Feature


def _feature_field(label: Any) -> models.CharField:
    return models.CharField(
        label, max_length=7, choices=Availability.choices, default=Availability.UNKNOWN
    )


class Venue(index.Indexed, ClusterableModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=False)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=6, blank=True, validators=[postcode_validator]
    )
    city = models.CharField(
        _("city"),
        max_length=100,
        help_text=_("Required: readers filter the list of venues by city."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
        help_text=_("Optional, in decimal degrees, for example 51.248200."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
        help_text=_("Optional, in decimal degrees, for example 22.568400."),
    )
    directions_public_transport = models.TextField(_("by public transport"), blank=True)
    directions_parking = models.TextField(_("parking"), blank=True)

    step_free_entrance = _feature_field(FEATURES[0].label)
    lift = _feature_field(FEATURES[1].label)
    accessible_toilet = _feature_field(FEATURES[2].label)
    disabled_parking = _feature_field(FEATURES[3].label)
    assistance_dog = _feature_field(FEATURES[4].label)
    hearing_loop = _feature_field(FEATURES[5].label)
    wayfinding = _feature_field(FEATURES[6].label)
    quiet_room = _feature_field(FEATURES[7].label)
    evacuation_information = _feature_field(FEATURES[8].label)
    accessibility_notes = models.TextField(
        _("accessibility notes"),
        blank=True,
        help_text=_(
            "Anything a visitor should know: door widths, steps, opening hours of the lift."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("latitude"),
                FieldPanel("longitude"),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [FieldPanel("directions_public_transport"), FieldPanel("directions_parking")],
            heading=_("Directions"),
        ),
        MultiFieldPanel(
            [FieldPanel(feature.field) for feature in FEATURES]
            + [FieldPanel("accessibility_notes")],
            heading=_("Accessibility profile"),
        ),
        InlinePanel("photos", heading=_("Photos"), label=_("photo")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("city"),
    ]

    class Meta:
        ordering = ["city", "name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("venues:detail", kwargs={"slug": self.slug})

    @property
    def address_line(self) -> str:
        """The address on one line: "ul. Peowiaków 12, 20-007 Lublin"."""
        town = f"{self.postcode} {self.city}".strip()
        return ", ".join(part for part in (self.street_address, town) if part)

    @property
    def name_and_city(self) -> str:
        """The venue with its city for a card, the city said once: "Biblioteka „Pod Lipami”,
        Lublin", but "Centrum Kultury w Lublinie" alone. A name says the city when one of its
        words starts like the city's first word without the last letters, which change with
        the case ("w Lublinie", "w Świdniku")."""
        name, city = self.name.strip(), self.city.strip()
        if not city:
            return name
        first = city.split()[0].casefold()
        stem = first[: max(4, len(first) - 2)]
        if any(word.startswith(stem) for word in re.findall(r"\w+", name.casefold())):
            return name
        return f"{name}, {city}"

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def accessibility_profile(self) -> list[tuple[Feature, str]]:
        """Each feature with its value: yes, no or unknown."""
        return [(feature, getattr(self, feature.field)) for feature in FEATURES]

    @property
    def confirmed_features(self) -> list[Feature]:
        return [
            feature for feature, value in self.accessibility_profile if value == Availability.YES
        ]


class VenuePhoto(Orderable):
    venue = ParentalKey(Venue, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("image"),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("venue photo")
        verbose_name_plural = _("venue photos")
