"""Organisations (issue 3): a contact page with <address>, tel:, sms: and mailto: links, and a
vCard a phone can import. Persona: an anonymous reader."""

from __future__ import annotations

import pytest
import vobject
from django.core.exceptions import ValidationError

from tests.factories.bulletin import make_organisation

pytestmark = pytest.mark.integration


def test_contact_page_has_every_channel(client, site_tree):
    organisation = make_organisation(
        name="Fundacja Słyszę Cię",
        slug="fundacja-slysze-cie",
        video_call_url="https://wideo.example.org/pjm",
        video_call_hours="wtorek 10:00–14:00",
    )

    response = client.get("/organizacje/fundacja-slysze-cie/")
    html = response.content.decode()

    assert response.status_code == 200
    assert '<address class="app-contact">' in html
    assert 'href="tel:+48811234567"' in html
    assert 'href="sms:+48600100200"' in html
    assert f'href="mailto:{organisation.email}"' in html
    assert 'href="https://wideo.example.org/pjm"' in html
    assert "<li>sobota 9:00–12:00</li>" in html
    assert 'href="/organizacje/fundacja-slysze-cie.vcf"' in html


def test_english_contact_page_has_an_english_address(client, site_tree):
    make_organisation(slug="biuro")

    assert client.get("/en/organisations/biuro/").status_code == 200
    assert client.get("/en/organizacje/biuro/").status_code == 404


def test_vcard_can_be_read_back(client, site_tree):
    organisation = make_organisation(name="Wydział Spraw Społecznych", slug="wydzial")

    response = client.get("/organizacje/wydzial.vcf")
    card = vobject.readOne(response.content.decode())

    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert card.fn.value == "Wydział Spraw Społecznych"
    assert sorted(tel.value for tel in card.contents["tel"]) == ["+48600100200", "+48811234567"]
    assert card.email.value == organisation.email
    assert card.adr.value.code == "20-001"
    assert card.adr.value.city == "Lublin"


def test_unknown_organisation_is_a_404(client, site_tree):
    assert client.get("/organizacje/nie-ma/").status_code == 404
    assert client.get("/organizacje/nie-ma.vcf").status_code == 404


@pytest.mark.parametrize(
    ("field", "value"),
    [("postcode", "20068"), ("postcode", "2-0068"), ("phone", "zadzwoń"), ("sms", "12")],
)
def test_bad_contact_details_are_refused_with_a_message(db, field, value):
    organisation = make_organisation()
    setattr(organisation, field, value)

    with pytest.raises(ValidationError) as error:
        organisation.full_clean()

    assert field in error.value.message_dict
