"""The organiser's exports (issue 10): the CSV opens in Excel with Polish letters (UTF-8 with a
byte order mark) and never runs a formula a registrant typed (a cell beginning with =, +, -, @,
a tab or a carriage return gets a leading apostrophe); the printable check-in list lists the
confirmed people by surname (in the order of the Polish alphabet) with their seats and a box to
tick, and is valid HTML.

The property test draws any text after each dangerous first character and checks the cell a
spreadsheet reads back; the integration tests go through the admin view as a coordinator."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from biuletyn.registrations import exports
from biuletyn.registrations.enums import Need
from biuletyn.registrations.services import NeedAnswer
from tests.factories.registrations import register
from tests.htmlcheck import assert_valid_html
from tests.registrations.test_admin import admin_url, make_editor, text_of

DANGEROUS = ["=", "+", "-", "@", "\t", "\r"]


@pytest.fixture
def coordinator(client, django_user_model):
    user = make_editor(django_user_model, "koordynatorka", coordinator=True)
    client.force_login(user)
    return user


def read_back(text: str) -> list[list[str]]:
    assert text.startswith(exports.BOM)
    return list(csv.reader(io.StringIO(text.removeprefix(exports.BOM), newline="")))


@pytest.mark.unit
@given(first=st.sampled_from(DANGEROUS), rest=st.text())
def test_a_cell_that_would_start_a_formula_is_kept_as_text(first, rest):
    value = first + rest

    escaped = exports.escape_cell(value)

    assert escaped == "'" + value
    assert read_back(exports.write_csv([[escaped]])) == [[escaped]]


@pytest.mark.unit
@given(st.text().filter(lambda text: not text.startswith(tuple(DANGEROUS))))
def test_any_other_cell_is_left_as_it_is(value):
    assert exports.escape_cell(value) == value


@pytest.mark.unit
def test_empty_and_numbers_are_plain_cells():
    assert exports.escape_cell(None) == ""
    assert exports.escape_cell(3) == "3"
    assert exports.escape_cell("") == ""


@pytest.mark.integration
def test_the_csv_escapes_what_registrants_typed_and_keeps_polish_letters(
    client, setup, coordinator
):
    register(setup, name='=HYPERLINK("http://zlo.example";"Kliknij")', email="a@example.org")
    register(setup, name="Łucja Źdźbło-Żółć", phone="+48 601 202 303", email="")
    register(
        setup,
        name="@Grzegorz",
        needs=[NeedAnswer(Need.OTHER, "-2 stopnie przy wejściu")],
        health_consent=True,
    )

    response = client.get(admin_url("export_csv", setup.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = read_back(response.content.decode("utf-8"))
    header, *people = rows
    assert header[:3] == ["Nr", "Kod zgłoszenia", "Imię i nazwisko"]
    names = [row[2] for row in people]
    assert names == [
        '\'=HYPERLINK("http://zlo.example";"Kliknij")',
        "Łucja Źdźbło-Żółć",
        "'@Grzegorz",
    ]
    assert people[1][4] == "'+48 601 202 303"
    assert people[2][-1] == "inne: -2 stopnie przy wejściu"
    for row in people:
        assert not any(cell.startswith(tuple(DANGEROUS)) for cell in row)


@pytest.mark.integration
def test_the_check_in_list_is_the_confirmed_people_by_surname(client, setup, coordinator):
    """Staff at the door look people up by surname: the last word of the name."""
    register(setup, name="Anna Żak", seats=2)
    register(setup, name="Zenon Adamski", needs=[NeedAnswer(Need.WHEELCHAIR)], health_consent=True)
    register(setup, name="Spam Spamowski", suspicious=True)

    response = client.get(admin_url("check_in_list", setup.pk))

    text = text_of(response)
    assert response.status_code == 200
    assert text.index("Zenon Adamski") < text.index("Anna Żak")
    assert "Spam Spamowski" not in text
    assert "2 zgłoszenia, razem miejsc: 3" in text
    assert "Miejsce na wózek" in text
    assert "no-store" in response["Cache-Control"]
    assert_valid_html({"check-in list": response.content})


@pytest.mark.integration
def test_the_check_in_list_follows_the_polish_alphabet(client, setup, coordinator):
    """Ł after L, Ś after S, Ż after Z, small letters among capitals; the same surname goes by
    the whole name; a double surname by its whole last word."""
    names = [
        "Ewa Lis",
        "Łucja Lis",
        "Adam Łuczak",
        "Piotr Nowak",
        "Anna Nowak-Kowalska",
        "Olga Nowakowska",
        "Jan sowa",
        "Maria Śliwa",
        "Emil Zola",
        "Marek Żak",
    ]
    for name in reversed(names):
        register(setup, name=name)

    text = text_of(client.get(admin_url("check_in_list", setup.pk)))

    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)


@pytest.mark.unit
def test_the_polish_sort_key_orders_letters_as_the_alphabet_does():
    words = ["ćma", "Cebula", "ąbc", "abc", "Żaba", "źdźbło", "zebra", "ósemka", "Ozga", "Éclair"]

    ordered = sorted(words, key=exports.polish_sort_key)

    assert ordered == [
        "abc",
        "ąbc",
        "Cebula",
        "ćma",
        "Éclair",
        "Ozga",
        "ósemka",
        "zebra",
        "źdźbło",
        "Żaba",
    ]
    assert exports.surname_key("  ") == ((), ())


@pytest.mark.integration
def test_the_check_in_list_says_who_brings_an_assistant_only_to_coordinators(
    client, django_user_model, setup, coordinator
):
    """An assistant needs no seat, so the seats do not show them; who brings one is an
    accommodation need: coordinators see it per person, everyone else reads the general rule."""
    register(
        setup, name="Olga Z Asystentką", needs=[NeedAnswer(Need.ASSISTANT)], health_consent=True
    )
    register(setup, name="Piotr Sam")
    rule = "Asystenci osób z niepełnosprawnościami wchodzą bezpłatnie i nie potrzebują miejsca."

    coordinators = client.get(admin_url("check_in_list", setup.pk))
    text = text_of(coordinators)
    assert "Osoba towarzysząca bez miejsca" in text
    assert "Obecność" in text
    assert "Przyszła" not in text
    assert "Nr (kod zgłoszenia)" in text
    assert "Olga Z Asystentką 1 nie tak" in text  # seats, wheelchair space, assistant
    assert "Piotr Sam 1 nie nie" in text
    assert rule in text
    assert_valid_html({"check-in list for a coordinator": coordinators.content})

    client.force_login(make_editor(django_user_model, "redaktor"))
    text = text_of(client.get(admin_url("check_in_list", setup.pk)))
    assert rule in text
    assert "Osoba towarzysząca" not in text
    assert "tak" not in text


@pytest.mark.integration
def test_the_csv_names_its_columns_as_the_admin_does(client, setup, coordinator):
    register(setup)

    header = read_back(client.get(admin_url("export_csv", setup.pk)).content.decode("utf-8"))[0]

    assert "Kod zgłoszenia" in header
    assert "Sposób zgłoszenia" in header
    assert "Stan" in header
    assert "Miejsce na wózek" in header
