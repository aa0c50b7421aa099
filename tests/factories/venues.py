"""Venues for tests: a complete one by default, any field overridable."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

from biuletyn.venues.models import Venue

_numbers = itertools.count(1)


def make_venue(**fields: Any) -> Venue:
    number = next(_numbers)
    defaults: dict[str, Any] = {
        "name": f"Dom Kultury {number}",
        "slug": f"dom-kultury-{number}",
        "street_address": "ul. Peowiaków 12",
        "postcode": "20-007",
        "city": "Lublin",
        "latitude": Decimal("51.248200"),
        "longitude": Decimal("22.568400"),
        "directions_public_transport": "Autobusy 5, 18 i 57, przystanek Peowiaków.",
        "directions_parking": "Dwa miejsca dla osób z niepełnosprawnościami od podwórza.",
        "step_free_entrance": "yes",
        "lift": "yes",
        "accessible_toilet": "no",
        "accessibility_notes": "Drzwi wejściowe mają 90 cm szerokości.",
    }
    return Venue.objects.create(**{**defaults, **fields})
