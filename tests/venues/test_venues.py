"""Venues (issue 4): the directory filtered by city and accessibility feature, a venue's page
with its accessibility profile, and schema.org Place. Persona: an anonymous reader; editors
only meet the model's validation."""

from __future__ import annotations

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biuletyn.venues.enums import FEATURES
from biuletyn.venues.models import Venue, VenuePhoto
from tests.factories.bulletin import make_image
from tests.factories.venues import make_venue

pytestmark = pytest.mark.integration

# Site, site settings, the main navigation (home page, its sections), the cities for the filter,
# the venues.
QUERIES_ON_LIST = 6
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _names(html: str) -> list[str]:
    return re.findall(
        r'<h3 class="app-venue-card__title[^"]*"[^>]*><a href="[^"]*">([^<]*)</a>', html
    )


def test_venue_without_a_city_is_refused_with_a_message_on_city(db):
    venue = Venue(name="Sala bez adresu", slug="sala")

    with pytest.raises(ValidationError) as error:
        venue.full_clean()

    assert list(error.value.message_dict) == ["city"]


@pytest.mark.parametrize(
    ("field", "value"), [("postcode", "20007"), ("latitude", 91), ("longitude", -181)]
)
def test_bad_address_details_are_refused(db, field, value):
    venue = make_venue()
    setattr(venue, field, value)

    with pytest.raises(ValidationError) as error:
        venue.full_clean()

    assert field in error.value.message_dict


def test_list_shows_every_venue_without_filters(client, site_tree):
    make_venue(name="Teatr Stary", city="Lublin")
    make_venue(name="Filharmonia", city="Zamość")

    response = client.get("/miejsca/")

    assert response.status_code == 200
    assert _names(response.content.decode()) == ["Teatr Stary", "Filharmonia"]


def test_list_filters_by_city(client, site_tree):
    make_venue(name="Teatr Stary", city="Lublin")
    make_venue(name="Filharmonia", city="Zamość")

    response = client.get("/miejsca/", {"city": "Zamość", "feature": ""})

    assert response.status_code == 200
    assert _names(response.content.decode()) == ["Filharmonia"]


def test_list_filters_by_confirmed_feature_only(client, site_tree):
    make_venue(name="Z pętlą", hearing_loop="yes")
    make_venue(name="Bez pętli", hearing_loop="no")
    make_venue(name="Nie wiadomo", hearing_loop="unknown")

    response = client.get("/en/venues/", {"city": "", "feature": "hearing_loop"})

    assert response.status_code == 200
    assert _names(response.content.decode()) == ["Z pętlą"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"city": "Atlantyda"}, "Nie mamy miejsc w tej miejscowości."),
        ({"feature": "jetpack"}, "Nie ma takiego udogodnienia."),
    ],
)
def test_unknown_filter_value_shows_a_message_and_no_list(client, site_tree, query, message):
    make_venue(name="Teatr Stary")

    response = client.get("/miejsca/", query)
    html = response.content.decode()

    assert response.status_code == 200
    assert message in html
    assert 'class="app-error-summary"' in html
    assert _names(html) == []


def test_unknown_filter_value_message_is_in_english_on_english_pages(client, site_tree):
    response = client.get("/en/venues/", {"feature": "jetpack"})

    assert response.status_code == 200
    assert "There is no such feature." in response.content.decode()


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(city=st.text(), feature=st.text())
def test_any_query_string_is_answered_without_a_server_error(site_tree, city, feature):
    client = Client(raise_request_exception=False)

    response = client.get("/miejsca/", {"city": city, "feature": feature})

    assert response.status_code == 200


def test_detail_page_says_unknown_as_unknown(client, site_tree):
    make_venue(slug="biblioteka", step_free_entrance="yes", accessible_toilet="no")

    html = client.get("/miejsca/biblioteka/").content.decode()

    assert html.count("<h1") == 1
    assert re.search(r"Wejście bez progów i schodów</dt>\s*<dd[^>]*>Tak</dd>", html)
    assert re.search(r"Toaleta dostępna[^<]*</dt>\s*<dd[^>]*>Nie</dd>", html)
    assert re.search(r"Cichy pokój</dt>\s*<dd[^>]*>Brak informacji</dd>", html)
    assert html.count(">Brak informacji</dd>") == 6
    assert '<address class="app-venue__address">' in html


def test_detail_page_shows_photos_with_their_alt_text(client, site_tree):
    venue = make_venue(slug="biblioteka")
    VenuePhoto.objects.create(venue=venue, image=make_image(), caption="Wejście od ulicy")

    html = client.get("/miejsca/biblioteka/").content.decode()

    assert 'alt="Rampa z poręczami przy wejściu do biblioteki"' in html
    assert "<figcaption" in html


def test_structured_data_is_a_place_without_unknown_features(client, site_tree):
    make_venue(name="Centrum Spotkania Kultur", slug="csk")

    html = client.get("/en/venues/csk/").content.decode()
    data = json.loads(JSON_LD.search(html).group(1))

    assert data["@type"] == "Place"
    assert data["name"] == "Centrum Spotkania Kultur"
    assert data["url"] == "http://testserver/en/venues/csk/"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "ul. Peowiaków 12",
        "postalCode": "20-007",
        "addressLocality": "Lublin",
        "addressCountry": "PL",
    }
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 51.2482, "longitude": 22.5684}
    assert data["amenityFeature"] == [
        {"@type": "LocationFeatureSpecification", "name": "Step-free entrance", "value": True},
        {"@type": "LocationFeatureSpecification", "name": "Lift", "value": True},
        {"@type": "LocationFeatureSpecification", "name": "Accessible toilet", "value": False},
    ]


def test_structured_data_has_no_geo_without_coordinates(client, site_tree):
    make_venue(slug="bez-gps", latitude=None, longitude=None)

    html = client.get("/miejsca/bez-gps/").content.decode()
    data = json.loads(JSON_LD.search(html).group(1))

    assert "geo" not in data


@pytest.mark.parametrize("count", [1, 20])
def test_list_query_count_does_not_grow_with_venues(
    client, site_tree, count, django_assert_num_queries
):
    for _ in range(count):
        venue = make_venue()
        VenuePhoto.objects.create(venue=venue, image=make_image())
    client.get("/miejsca/")  # warm caches (site, settings) outside the count

    with django_assert_num_queries(QUERIES_ON_LIST):
        response = client.get("/miejsca/", {"city": "Lublin", "feature": "lift"})

    assert len(_names(response.content.decode())) == count


def test_unknown_venue_is_a_404(client, site_tree):
    assert client.get("/miejsca/nie-ma/").status_code == 404
    assert client.get("/en/venues/nie-ma/").status_code == 404
    assert client.get("/en/miejsca/nie-ma/").status_code == 404


def test_editor_is_told_that_a_venue_needs_a_city(client, site_tree, django_user_model):
    # Persona: an editor with every permission; the admin speaks Polish by default.
    editor = django_user_model.objects.create_superuser("redaktor", "r@example.org", "hasło-123")
    client.force_login(editor)
    form = {
        "name": "Sala bez adresu",
        "slug": "sala",
        "city": "",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
    }
    form.update({field.field: "unknown" for field in FEATURES})

    response = client.post("/admin/snippets/venues/venue/add/", form)

    assert response.status_code == 200
    assert response.context["form"].errors["city"] == ["To pole jest wymagane."]
    assert not Venue.objects.exists()


def test_english_pages_mark_the_polish_content_as_polish(client, site_tree):
    make_venue(name="Teatr Stary", slug="teatr")

    english = client.get("/en/venues/teatr/").content.decode()
    polish = client.get("/miejsca/teatr/").content.decode()

    assert '<h1 class="app-heading-xl" lang="pl">Teatr Stary</h1>' in english
    assert '<h1 class="app-heading-xl">Teatr Stary</h1>' in polish


def test_sitemap_lists_every_venue_in_both_languages(site_tree, client):
    make_venue(slug="biblioteka")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/miejsca/biblioteka/</loc>" in sitemap
    assert "<loc>http://testserver/en/venues/biblioteka/</loc>" in sitemap
    assert 'hreflang="en" href="http://testserver/en/venues/biblioteka/"' in sitemap
