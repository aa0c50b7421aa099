"""The admin login form: Wagtail's, with its two texts that Polish cannot translate well.

Wagtail 7.4 declares the password field without a label, so Django shows the field's name,
"Password", untranslated on the Polish page; the form now labels it with the msgid "Password"
("Hasło"). Wagtail's username placeholder is "Enter your %(username_field_name)s" filled with
the field's verbose name, which in Polish gives "Wpisz nazwa użytkownika" (the noun must be in
the accusative: "nazwę"); the form now uses a whole sentence, "Enter your username", that
translators can inflect. This assumes Django's user model, whose username field is "username".

Set as ``WAGTAILADMIN_USER_LOGIN_FORM`` in the settings.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["placeholder"] = _("Enter your username")
        self.fields["password"].label = _("Password")
