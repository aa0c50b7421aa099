"""schema.org Place for each venue, with its address, position and accessibility facts."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .enums import Availability
from .models import Venue


def place(venue: Venue, request: HttpRequest) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": venue.name,
        "url": request.build_absolute_uri(venue.get_absolute_url()),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.street_address,
            "postalCode": venue.postcode,
            "addressLocality": venue.city,
            "addressCountry": "PL",
        },
    }
    if venue.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(venue.latitude),  # type: ignore[arg-type]
            "longitude": float(venue.longitude),  # type: ignore[arg-type]
        }
    # Unknown is left out: saying false would claim a fact nobody has checked.
    features = [
        {
            "@type": "LocationFeatureSpecification",
            "name": str(feature.public_label),
            "value": value == Availability.YES,
        }
        for feature, value in venue.accessibility_profile
        if value != Availability.UNKNOWN
    ]
    if features:
        data["amenityFeature"] = features
    photos = [
        request.build_absolute_uri(photo.image.get_rendition("width-1200").url)
        for photo in venue.photos.all()
        if not photo.image.is_decorative
    ]
    if photos:
        data["photo"] = photos
    return data
