"""Texts of Django and Wagtail that our catalogue translates in their place.

`make messages` keeps only the msgids it finds in our sources, so each text of another project
that we translate (missing from its Polish catalogue, or translated wrongly there) is listed here
with ``gettext_noop``, exactly as that project spells it. Our catalogue comes first in
LOCALE_PATHS, so these translations win; each is meant to be offered upstream.

Nothing imports this module: it exists for `makemessages`.
"""

from django.utils.translation import gettext_noop

# django.contrib.auth.forms.AuthenticationForm: Django's Polish says "wprowadź poprawne
# wartości pól nazwa użytkownika oraz hasło", which is not Polish grammar.
gettext_noop(
    "Please enter a correct %(username)s and password. Note that both fields may be case-sensitive."
)
