"""Reads of venues for the public directory."""

from __future__ import annotations

from django.db.models import QuerySet

from .enums import FEATURES_BY_FIELD, Availability
from .models import Venue


def venue_cities() -> list[str]:
    """Every city that has at least one venue, in alphabetical order."""
    return list(Venue.objects.order_by("city").values_list("city", flat=True).distinct())


def venues_filtered(city: str = "", feature: str = "") -> QuerySet[Venue]:
    """Venues in ``city`` (any city if empty) where ``feature`` is confirmed present.

    A feature whose value is unknown does not count as present: the filter promises a fact.
    """
    venues = Venue.objects.all()
    if city:
        venues = venues.filter(city=city)
    if feature:
        if feature not in FEATURES_BY_FIELD:
            raise ValueError(f"unknown feature {feature!r}")
        venues = venues.filter(**{feature: Availability.YES})
    return venues.order_by("city", "name")
