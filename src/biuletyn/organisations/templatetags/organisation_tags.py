from django import template

from biuletyn.organisations.models import Organisation

register = template.Library()


@register.filter
def dial(number: str) -> str:
    """A phone number for tel: and sms: links (+48 and digits only)."""
    return Organisation.dial_string(number or "")
