"""The admin login form (biuletyn.core.admin_forms): its texts in Polish, and in English."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from biuletyn.core.admin_forms import LoginForm

pytestmark = pytest.mark.integration


def label_text(html: str, field_id: str) -> str:
    """The text of the <label for="field_id">, without the required mark."""
    match = re.search(rf'<label [^>]*for="{field_id}"[^>]*>\s*([^<]*?)\s*<', html)
    assert match, f"no label for {field_id}"
    return match.group(1)


def placeholder(html: str, field_id: str) -> str:
    match = re.search(rf'<input [^>]*placeholder="([^"]*)"[^>]*id="{field_id}"', html)
    assert match, f"no placeholder on {field_id}"
    return match.group(1)


def test_polish_login_page_labels_the_password_and_asks_for_the_username_correctly(client, db):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Hasło" in html
    assert "Wpisz nazwę użytkownika" in html
    assert label_text(html, "id_password") == "Hasło"
    assert label_text(html, "id_username") == "Nazwa użytkownika"
    assert placeholder(html, "id_username") == "Wpisz nazwę użytkownika"
    assert placeholder(html, "id_password") == "Wpisz hasło"
    assert "Password" not in html
    assert "Wpisz nazwa użytkownika" not in html


def test_form_texts_in_english():
    with translation.override("en"):
        form = LoginForm()
        assert str(form.fields["password"].label) == "Password"
        assert str(form.fields["username"].widget.attrs["placeholder"]) == "Enter your username"
