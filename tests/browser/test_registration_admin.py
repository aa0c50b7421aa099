"""The organiser's registration admin in a real browser (issue 10): in Polish only, axe 0 on
every page state, nothing from other hosts.

Personas: an accessibility coordinator goes from the "Zapisy" menu to the list, the event's
dashboard, answers an accommodation request (first leaving out the message a refusal needs, so
the error state is checked too, its summary taking focus), finds a person by their registration
code, registers someone who phoned (opening the information clause to read them; first ticking
a need without the person's consent, so the form stops once with a warning that takes focus),
and opens the check-in list and the CSV; a plain editor walks the same list and dashboard and
sees only how many requests there are; an editor who makes mistakes changes the registration
settings (fewer seats than are taken, no waiting list while people wait, a closing time after
the event, a mistyped number) and reads the list at 320 px. On every state the texts an editor
meets (tests/browser/english.py) hold no English interface word; what people and editors wrote
(names, titles) is content and not checked.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import Page

from biuletyn.articles.services import BULLETIN_EDITORS
from biuletyn.registrations import services
from biuletyn.registrations.enums import CaseStatus, Need
from biuletyn.registrations.models import AccommodationRequest, Registration
from biuletyn.registrations.services import NeedAnswer
from tests.browser.english import PolishWalk
from tests.browser.helpers import log_in_to_admin
from tests.factories.events import make_calendar, make_event
from tests.factories.registrations import make_setup, register

pytestmark = pytest.mark.browser

PASSWORD = "Haslo-testowe-2024!"
PEOPLE = ["Ewa Głucha", "Adam Na Wózku", "Zofia Czekająca", "Halina Telefoniczna"]


def make_user(django_user_model, username: str, *, coordinator: bool) -> None:
    services.ensure_editor_permissions()
    services.ensure_coordinator_group()
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=BULLETIN_EDITORS))
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    if coordinator:
        user.groups.add(Group.objects.get(name=services.COORDINATOR_GROUP))


@pytest.fixture
def meeting(live_site):
    from tests.factories.site import ensure_site_tree

    home = ensure_site_tree(
        hostname=live_site.url.removeprefix("http://").split(":")[0],
        port=int(live_site.url.rsplit(":", 1)[1]),
    )["pl"]
    event = make_event(make_calendar(home), title="Spotkanie z urzędem miasta")
    setup = make_setup(event, capacity=2, wheelchair_spaces=1)
    register(
        setup,
        name=PEOPLE[0],
        needs=[NeedAnswer(Need.PJM), NeedAnswer(Need.DIET, "bez glutenu")],
        health_consent=True,
    )
    register(setup, name=PEOPLE[1], needs=[NeedAnswer(Need.WHEELCHAIR)], health_consent=True)
    register(setup, name="Jan Pełny", seats=1)
    register(setup, name=PEOPLE[2], seats=2)
    return setup


class Walk(PolishWalk):
    def content(self) -> list[str]:
        # Registrations made during the walk, and every registration's code (random letters
        # and digits, which may spell an English word): content, not interface text.
        return [
            *super().content(),
            *Registration.objects.values_list("name", flat=True),
            *(registration.reference for registration in Registration.objects.all()),
            *PEOPLE,
            "bez glutenu",
        ]


def test_a_coordinator_runs_the_event(page, page_guards, meeting, django_user_model):
    make_user(django_user_model, "koordynatorka", coordinator=True)
    log_in_to_admin(page, "koordynatorka", PASSWORD)
    walk = Walk(page)

    page.get_by_role("link", name="Zapisy").first.click()
    page.wait_for_load_state("networkidle")
    walk.check("the list")
    assert page.get_by_role("link", name="Spotkanie z urzędem miasta").count() >= 1

    page.get_by_role("link", name="Spotkanie z urzędem miasta").first.click()
    page.wait_for_load_state("networkidle")
    walk.check("the dashboard")
    assert page.get_by_text("1 × PJM, 1 × miejsce na wózek, 1 × dieta").count() == 1

    # A refusal without a message is refused, the choice kept; then the real answer.
    case = AccommodationRequest.objects.get(need=Need.PJM)
    article = page.locator(f"#case-{case.pk}")
    article.get_by_label("Odpowiedź", exact=True).select_option(CaseStatus.DECLINED)
    article.get_by_role("button", name="Zapisz odpowiedź").click()
    page.wait_for_load_state("networkidle")
    page.get_by_text("Napisz osobie, co proponujesz w zamian", exact=False).first.wait_for()
    walk.check("an answer refused")
    assert focused_class(page) == "app-error-summary"
    assert page.get_by_text("(opcjonalne)").count() == 0
    page.get_by_role("link", name="Napisz osobie, co proponujesz w zamian", exact=False).click()
    assert page.evaluate("document.activeElement.name") == f"case-{case.pk}-answer"
    page.get_by_label("Wiadomość do osoby").fill("Tłumaczka PJM będzie na całym spotkaniu.")
    assert page.get_by_label("Odpowiedź", exact=True).input_value() == CaseStatus.DECLINED
    page.get_by_label("Odpowiedź", exact=True).select_option(CaseStatus.CONFIRMED)
    page.get_by_role("button", name="Zapisz odpowiedź").click()
    page.wait_for_load_state("networkidle")
    walk.check("the answer saved")
    case.refresh_from_db()
    assert case.status == CaseStatus.CONFIRMED

    # A caller gives their registration code: the search finds them.
    ewa = Registration.objects.get(name=PEOPLE[0])
    page.get_by_role(
        "searchbox", name="Znajdź osobę po imieniu i nazwisku lub kodzie zgłoszenia"
    ).fill(ewa.reference)
    page.get_by_role("button", name="Szukaj").click()
    page.wait_for_load_state("networkidle")
    walk.check("the dashboard, searched by code")
    people = page.locator("section[aria-labelledby='people'] table")
    assert people.get_by_text(PEOPLE[0]).count() == 1
    assert people.get_by_text(PEOPLE[2]).count() == 0

    # Someone phoned: registered by staff, onto the waiting list.
    page.get_by_role("link", name="Zapisz osobę").click()
    page.wait_for_load_state("networkidle")
    walk.check("the staff form")
    page.get_by_text("Klauzula informacyjna do przeczytania tej osobie").click()
    walk.check("the staff form, the clause open")
    assert page.get_by_text("Fundacja Równe Szanse", exact=False).first.is_visible()
    page.get_by_role("button", name="Zapisz osobę").click()
    page.wait_for_load_state("networkidle")
    walk.check("the staff form with errors")
    assert focused_class(page) == "app-error-summary"
    page.get_by_label("telefonicznie").check()
    page.get_by_label("Imię i nazwisko").fill(PEOPLE[3])
    page.get_by_label("Numer telefonu").fill("601 202 303")
    page.get_by_label("Napisy na żywo").check()
    page.get_by_role("button", name="Zapisz osobę").click()
    page.wait_for_load_state("networkidle")
    # A need without the person's consent: the form stops once, nothing registered yet.
    walk.check("the staff form, warned about consent")
    assert focused_class(page) == "biuletyn-warning"
    assert page.get_by_label("Napisy na żywo").is_checked()
    assert not Registration.objects.filter(name=PEOPLE[3]).exists()
    page.get_by_role("button", name="Zapisz osobę").click()
    page.wait_for_load_state("networkidle")
    walk.check("a person registered by staff")
    registered = Registration.objects.get(name=PEOPLE[3], channel="phone")
    assert registered.needs_dropped
    assert page.get_by_text("Potrzeby nie zostały zapisane", exact=False).first.is_visible()

    page.get_by_role("link", name="Lista obecności do druku").click()
    page.wait_for_load_state("networkidle")
    walk.check("the check-in list")
    page.emulate_media(media="print")
    walk.check("the check-in list, printed")
    page.emulate_media(media="screen")
    page.go_back(wait_until="networkidle")

    with page.expect_download() as download:
        page.get_by_role("link", name="Pobierz listę (CSV)").click()
    assert download.value.suggested_filename.endswith(".csv")

    walk.assert_polish()
    (guard,) = page_guards
    guard.assert_clean()


def focused_class(page: Page) -> str:
    return str(page.evaluate("document.activeElement.className"))


def test_an_editor_who_makes_mistakes_changes_the_settings(
    page, page_guards, meeting, django_user_model
):
    """Two seats are taken and two people wait: the settings refuse fewer seats, no waiting
    list, a closing time after the event and a mistyped number, each at its field; the dates
    show as their hint writes them; the list keeps its titles' words whole at 320 px."""
    make_user(django_user_model, "redaktor", coordinator=False)
    log_in_to_admin(page, "redaktor", PASSWORD)
    walk = Walk(page)
    after_the_event = meeting.event.schedule.first_instant + dt.timedelta(days=40)

    walk.visit(f"/admin/registrations/edit/{meeting.pk}/")
    page.locator("#id_capacity").fill("1")
    page.locator("#id_waiting_list").uncheck()
    page.locator("#id_closes_at").fill(
        timezone.localtime(after_the_event).strftime("%d.%m.%Y %H:%M")
    )
    page.locator("#id_max_seats_per_registration").fill("3e")
    page.get_by_role("button", name="Zapisz", exact=True).click()
    page.wait_for_load_state("networkidle")
    walk.check("the settings refused")
    for error in (
        "Na to wydarzenie potwierdzono już 2 miejsca. Wpisz co najmniej 2",
        "Na liście rezerwowej czeka 1 zgłoszenie, więc nie można jej wyłączyć.",
        "Zapisy muszą się zamknąć najpóźniej w chwili rozpoczęcia wydarzenia.",
        "Wpisz, ile miejsc może objąć jedno zgłoszenie – od 1 do 20.",
    ):
        assert page.get_by_text(error, exact=False).first.is_visible(), error
    assert page.locator("#id_max_seats_per_registration").input_value() == "3e"
    meeting.refresh_from_db()
    assert meeting.capacity == 2
    assert meeting.waiting_list

    page.locator("#id_capacity").fill("4")
    page.locator("#id_waiting_list").check()
    page.locator("#id_closes_at").fill("")
    page.locator("#id_max_seats_per_registration").fill("3")
    page.get_by_role("button", name="Zapisz", exact=True).click()
    page.wait_for_load_state("networkidle")
    walk.check("the settings saved")
    meeting.refresh_from_db()
    assert meeting.capacity == 4

    page.set_viewport_size({"width": 320, "height": 640})
    walk.visit("/admin/registrations/")
    title = page.locator("table.listing td.title a").first
    assert title.evaluate("link => getComputedStyle(link).wordBreak") == "normal"
    assert title.evaluate("link => getComputedStyle(link).hyphens") == "manual"
    assert page.get_by_text("1 wydarzenie z zapisami").count() == 1

    walk.assert_polish()
    (guard,) = page_guards
    guard.assert_clean()


def test_an_editor_sees_the_people_but_not_their_needs(
    page, page_guards, meeting, django_user_model
):
    make_user(django_user_model, "redaktor", coordinator=False)
    log_in_to_admin(page, "redaktor", PASSWORD)
    walk = Walk(page)

    walk.visit("/admin/registrations/")
    page.get_by_role("link", name="Spotkanie z urzędem miasta").first.click()
    page.wait_for_load_state("networkidle")
    walk.check("the dashboard, as an editor")
    assert (
        page.get_by_text("3 prośby o dostosowanie – widzi je koordynator dostępności").count() == 1
    )
    assert page.get_by_text("bez glutenu").count() == 0
    assert page.get_by_role("heading", name="Prośby o dostosowanie").count() == 0

    page.get_by_role("link", name="Anuluj – zgłoszenie nr", exact=False).last.click()
    page.wait_for_load_state("networkidle")
    walk.check("cancelling asks first")
    page.get_by_role("button", name="Tak, anuluj zgłoszenie").click()
    page.wait_for_load_state("networkidle")
    walk.check("a registration cancelled")

    walk.assert_polish()
    (guard,) = page_guards
    guard.assert_clean()
