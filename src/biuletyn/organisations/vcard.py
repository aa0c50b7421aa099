"""vCard 3.0 for an organisation, so a reader can save its contacts on a phone in one step."""

from __future__ import annotations

import vobject

from .models import Organisation


def organisation_vcard(organisation: Organisation) -> str:
    card = vobject.vCard()
    card.add("fn").value = organisation.name
    card.add("n").value = vobject.vcard.Name(family=organisation.name)
    card.add("org").value = [organisation.name]
    if organisation.street_address or organisation.city:
        adr = card.add("adr")
        adr.value = vobject.vcard.Address(
            street=organisation.street_address,
            city=organisation.city,
            code=organisation.postcode,
            country="Polska",
        )
        adr.type_param = "WORK"
    if organisation.phone:
        tel = card.add("tel")
        tel.value = Organisation.dial_string(organisation.phone)
        tel.type_param = "WORK,VOICE"
    if organisation.sms:
        sms = card.add("tel")
        sms.value = Organisation.dial_string(organisation.sms)
        sms.type_param = "CELL,TEXT"
    if organisation.email:
        email = card.add("email")
        email.value = organisation.email
        email.type_param = "INTERNET"
    if organisation.website:
        card.add("url").value = organisation.website
    if organisation.opening_hours:
        card.add("note").value = organisation.opening_hours
    return str(card.serialize())
