"""The venue directory, a filtered list, a list with a filter error and a venue's page are
valid HTML (Nu HTML Checker, 0 errors), in pl and en. One checker run for the lot."""

from __future__ import annotations

import pytest

from biuletyn.venues.models import VenuePhoto
from tests.factories.bulletin import make_image
from tests.factories.venues import make_venue
from tests.htmlcheck import assert_valid_html

pytestmark = pytest.mark.integration

PATHS = {
    "pl": {
        "list": "/miejsca/",
        "filtered": "/miejsca/?city=Lublin&feature=lift",
        "error": "/miejsca/?city=Atlantyda&feature=jetpack",
        "detail": "/miejsca/biblioteka/",
    },
    "en": {
        "list": "/en/venues/",
        "filtered": "/en/venues/?city=Lublin&feature=lift",
        "error": "/en/venues/?city=Atlantyda&feature=jetpack",
        "detail": "/en/venues/biblioteka/",
    },
}


def test_venue_pages_are_valid_html(site_tree, client):
    venue = make_venue(slug="biblioteka")
    VenuePhoto.objects.create(venue=venue, image=make_image(), caption="Wejście od ulicy")
    make_venue(city="Zamość", latitude=None, longitude=None)
    pages = {}
    for language, paths in PATHS.items():
        for kind, path in paths.items():
            response = client.get(path)
            assert response.status_code == 200, f"{path}: {response.status_code}"
            pages[f"{language}-{kind}"] = response.content.decode("utf-8")

    assert_valid_html(pages)
