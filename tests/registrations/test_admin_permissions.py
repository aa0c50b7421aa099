"""Who sees what in the organiser's admin (issue 10): accommodation requests are health data.

Personas: an editor of the bulletin (runs registrations: the list, the people, exports, staff
registration, cancelling and checking in) who learns only *how many* accommodation requests
there are; an accessibility coordinator (the "Koordynatorzy dostępności" group) who sees and
answers them; a signed-in user with admin access but no registration permission, who gets
nothing. The editorial groups get their permissions after every migrate
(services.ensure_editor_permissions); no editorial group gets the accommodation permission."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission

from biuletyn.articles.services import ADMINISTRATORS, BULLETIN_EDITORS
from biuletyn.registrations import services
from biuletyn.registrations.enums import CaseStatus, Need
from biuletyn.registrations.models import AccommodationRequest
from biuletyn.registrations.services import NeedAnswer
from tests.factories.registrations import register
from tests.registrations.test_admin import admin_url, make_editor, text_of

pytestmark = pytest.mark.integration

DIET = "bez glutenu i bez laktozy"


@pytest.fixture
def people(setup):
    register(
        setup,
        name="Ewa Głucha",
        needs=[NeedAnswer(Need.PJM), NeedAnswer(Need.DIET, DIET)],
        health_consent=True,
    )
    register(setup, name="Adam Na Wózku", needs=[NeedAnswer(Need.WHEELCHAIR)], health_consent=True)
    return setup


def test_the_editorial_groups_run_registrations_but_never_see_health_data(db):
    services.ensure_editor_permissions()
    services.ensure_editor_permissions()  # safe to run again
    for name in (ADMINISTRATORS, BULLETIN_EDITORS):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"view_registration", "change_registration", "add_registration"} <= codenames
        assert {"add_registrationsetup", "change_registrationsetup"} <= codenames
        assert not any("accommodationrequest" in codename for codename in codenames)
    coordinators = Group.objects.get(name=services.COORDINATOR_GROUP)
    assert coordinators.permissions.filter(codename="view_accommodationrequest").exists()


def test_an_editor_sees_the_people_but_only_how_many_requests(client, django_user_model, people):
    client.force_login(make_editor(django_user_model, "redaktor"))

    response = client.get(admin_url("dashboard", people.pk))

    text = text_of(response)
    assert response.status_code == 200
    assert "Ewa Głucha" in text
    assert "3 prośby o dostosowanie – widzi je koordynator dostępności" in text
    for health in ("PJM", DIET, "miejsce na wózek", "Dostosowania"):
        assert health not in text
    assert 'id="cases"' not in response.content.decode()


def test_a_coordinator_sees_and_answers_the_requests(client, django_user_model, people):
    client.force_login(make_editor(django_user_model, "koordynator", coordinator=True))

    text = text_of(client.get(admin_url("dashboard", people.pk)))

    assert "1 × PJM, 1 × miejsce na wózek, 1 × dieta" in text
    assert DIET in text
    assert "Zapisz odpowiedź" in text


def test_an_editor_cannot_answer_a_case(client, django_user_model, people):
    client.force_login(make_editor(django_user_model, "redaktor"))
    case = AccommodationRequest.objects.filter(need=Need.PJM).get()
    prefix = f"case-{case.pk}"

    shown = client.get(admin_url("answer", people.pk, case.pk))
    sent = client.post(
        admin_url("answer", people.pk, case.pk),
        {f"{prefix}-status": CaseStatus.CONFIRMED, f"{prefix}-answer": ""},
    )

    # Wagtail turns a refusal into a redirect to the dashboard with its message.
    assert shown.status_code in (302, 403)
    assert sent.status_code in (302, 403)
    case.refresh_from_db()
    assert case.status == CaseStatus.REQUESTED


def test_the_editors_exports_leave_out_the_accommodation_columns(client, django_user_model, people):
    client.force_login(make_editor(django_user_model, "redaktor"))

    csv_text = client.get(admin_url("export_csv", people.pk)).content.decode("utf-8-sig")
    check_in = text_of(client.get(admin_url("check_in_list", people.pk)))

    assert "Ewa Głucha" in csv_text
    for health in ("Prośby o dostosowanie", "Miejsce na wózek", "PJM", DIET):
        assert health not in csv_text
    assert "Adam Na Wózku" in check_in
    assert "Miejsce na wózek" not in check_in


def test_the_coordinators_exports_have_them(client, django_user_model, people):
    client.force_login(make_editor(django_user_model, "koordynator", coordinator=True))

    csv_text = client.get(admin_url("export_csv", people.pk)).content.decode("utf-8-sig")
    check_in = text_of(client.get(admin_url("check_in_list", people.pk)))

    assert "Prośby o dostosowanie" in csv_text
    assert "PJM: zgłoszona, czeka na odpowiedź" in csv_text
    assert DIET in csv_text
    assert "Miejsce na wózek" in check_in


def test_without_registration_permissions_there_is_nothing(client, django_user_model, people):
    user = django_user_model.objects.create_user("gosc", "g@example.org", "haslo-123")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)

    for name in ("index", "dashboard", "export_csv", "check_in_list", "register"):
        args = () if name == "index" else (people.pk,)
        assert client.get(admin_url(name, *args)).status_code in (302, 403), name
    assert admin_url("index") not in client.get("/admin/").content.decode()


def test_an_editor_finds_registrations_in_the_menu(client, django_user_model, people):
    client.force_login(make_editor(django_user_model, "redaktor"))

    home = client.get("/admin/").content.decode()

    assert admin_url("index") in home
    assert "Zapisy" in home
