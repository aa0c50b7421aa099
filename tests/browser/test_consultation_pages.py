"""The public pages of consultations in a real browser (issue 11): the list, a consultation in
each state (upcoming, open with published comments, closed, with its report) and the report, in
Polish and English, at 320 px and 1280 px: axe finds nothing on any of them and nothing scrolls
sideways. Each section's comment link is announced with the section's heading and reached by
keyboard; the pages need no script.

Personas: a screen-reader user listing the links; a keyboard-only user; a reader with low vision
at 320 px; a reader whose browser runs no JavaScript."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from biuletyn.consultations.enums import Channel, CommentStatus
from biuletyn.organisations.models import Organisation
from tests.browser.helpers import (
    DESKTOP,
    NARROW_320,
    assert_no_horizontal_overflow,
    describe_focus,
    visit,
)
from tests.consultations.test_pages import (
    closed_consultation,
    during,
    english,
    on_behalf,
    publish_report,
)
from tests.factories.consultations import make_comment, make_consultation, make_consultation_index

pytestmark = pytest.mark.browser

MOST_TABS = 80


@pytest.fixture
def consultations(live_site) -> dict[str, str]:
    from tests.factories.site import ensure_site_tree

    host, port = live_site.url.removeprefix("http://").split(":")
    home = ensure_site_tree(hostname=host, port=int(port))["pl"]
    index = make_consultation_index(home)
    organiser = Organisation.objects.create(
        name="Wydział Współpracy z Organizacjami",
        slug="wydzial-wspolpracy",
        email="wspolpraca@example.org",
        phone="22 100 20 30",
    )
    now = timezone.now().replace(microsecond=0)
    upcoming = make_consultation(
        index,
        title="Konsultacje zasad najmu lokali",
        opens_at=now + dt.timedelta(days=4),
        closes_at=now + dt.timedelta(days=40),
        contact=organiser,
        other_ways="Listownie na adres wydziału albo telefonicznie w godzinach pracy urzędu.",
    )
    open_page = make_consultation(
        index,
        title="Konsultacje programu współpracy na 2027 rok",
        organiser=organiser,
        contact=organiser,
        other_ways="Na spotkaniu konsultacyjnym, także w polskim języku migowym.",
        easy_read_url="https://example.org/etr",
    )
    make_comment(
        open_page,
        status=CommentStatus.PUBLISHED,
        section=1,
        organisation="Stowarzyszenie Bez Barier",
        text="Prosimy o zapisanie w programie stałego dofinansowania tłumaczy PJM.",
    )
    make_comment(open_page, status=CommentStatus.PUBLISHED, section=None, text="Dobry projekt.")
    closed = closed_consultation(index, title="Konsultacje regulaminu centrum organizacji")
    make_comment(closed, status=CommentStatus.PUBLISHED, now=during(closed))
    reported = closed_consultation(
        index, title="Konsultacje programu na 2026 rok", contact=organiser
    )
    make_comment(
        reported, status=CommentStatus.PUBLISHED, now=during(reported), author_name="Ewa Nowak"
    )
    on_behalf(reported, channel=Channel.PJM, consent=False)
    publish_report(reported)
    paths = {
        "list": index.url,
        "upcoming": upcoming.url,
        "open": open_page.url,
        "closed": closed.url,
        "with report": reported.url,
    }
    english_paths = {
        f"{name} (en)": english(page).url
        for name, page in [
            ("list", index),
            ("upcoming", upcoming),
            ("open", open_page),
            ("closed", closed),
            ("with report", reported),
        ]
    }
    return {
        **paths,
        "report": f"{reported.url}raport/",
        **english_paths,
        "report (en)": f"{english(reported).url}report/",
    }


@pytest.mark.parametrize("viewport", [NARROW_320, DESKTOP], ids=["320px", "1280px"])
def test_every_page_state_passes_axe_and_reflows(new_context, consultations, viewport):
    page: Page = new_context(**viewport).new_page()
    for name, path in consultations.items():
        visit(page, path)
        assert_no_horizontal_overflow(page)
        # Nothing on these pages needs a script.
        assert page.locator("script").count() == 0, name


def test_each_section_link_is_announced_with_its_heading(new_context, consultations):
    page: Page = new_context(**DESKTOP).new_page()
    visit(page, consultations["open"])
    for heading in ("§ 1. Cel programu", "§ 2. Zadania priorytetowe", "§ 3. Tryb konsultacji"):
        # Chromium puts a space where the visually hidden part starts: "części : § 1…".
        name = re.compile(rf"^Zgłoś uwagę do tej części\s?: {re.escape(heading)}$")
        assert page.get_by_role("link", name=name).count() == 1, heading
    visit(page, consultations["open (en)"])
    name = re.compile(r"^Comment on this section\s?: § 2\. Zadania priorytetowe$")
    assert page.get_by_role("link", name=name).count() == 1


def test_a_section_link_is_reached_by_keyboard(new_context, consultations):
    page: Page = new_context(**DESKTOP).new_page()
    visit(page, consultations["open"])
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        focus = describe_focus(page)
        if re.search(r"/uwagi/[0-9a-f-]{36}/$", focus.get("href") or ""):
            assert focus["text"].startswith("Zgłoś uwagę do tej części")
            break
    else:
        raise AssertionError("Tab never reached a section's comment link")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/uwagi/[0-9a-f-]{36}/$", page.url)


def test_the_pages_work_without_javascript(new_context, consultations):
    page: Page = new_context(java_script_enabled=False, **NARROW_320).new_page()
    for path in (consultations["open"], consultations["report"], consultations["list"]):
        response = page.goto(path)
        assert response is not None
        assert response.status == 200
    assert page.get_by_role("heading", name="Wszystkie uwagi i odpowiedzi na nie").count() == 0
    page.goto(consultations["report"])
    assert page.get_by_role("heading", name="Wszystkie uwagi i odpowiedzi na nie").count() == 1
