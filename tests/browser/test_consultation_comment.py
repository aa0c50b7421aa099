"""The comment journey in a real browser (issue 11, "Tests"): by keyboard alone, from the
consultation page Tab to a section's own comment link (its accessible name includes the section's
heading), the form with that section chosen, send it without an e-mail address, land on the error
summary, follow its link to the field, mend it, arrive on "check your e-mail", then confirm with
the button the link opens; the same without JavaScript; axe 0 on every page type and error state
(the form, its errors, before opening, after closing, a comment refused after the closing minute,
too many at once, "check your e-mail", the confirmation and its thank-you, a link that does not
work, the reader's report, its errors and its thank-you) at 320 and 1280 px in both languages,
nothing scrolling sideways at 320 px.

Personas: a blind resident with a screen reader and keyboard; a reader whose browser runs no
JavaScript; a reader on a small phone; an NGO writing as an organisation."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from biuletyn.consultations import tokens
from biuletyn.consultations.enums import CommentStatus
from biuletyn.consultations.models import Comment, ConsultationPage
from tests.browser.helpers import (
    PAGE_TYPE_VIEWPORTS,
    assert_no_axe_violations,
    assert_no_horizontal_overflow,
    check_page_types,
    describe_focus,
    press_enter_and_wait,
    tab_to,
    visit,
)
from tests.factories.bulletin import make_organisation
from tests.factories.consultations import (
    make_comment,
    make_consultation,
    make_consultation_index,
    section_key,
)

pytestmark = pytest.mark.browser

TEXT = "Prosimy, by w § 2 znalazło się też wsparcie tłumaczy PJM dla organizacji głuchych."
EMAIL = "fundacja@example.org"


@pytest.fixture
def home(live_site):
    from tests.factories.site import ensure_site_tree

    host, port = live_site.url.removeprefix("http://").split(":")
    return ensure_site_tree(hostname=host, port=int(port))


@pytest.fixture
def consultation(home) -> ConsultationPage:
    return make_consultation(
        make_consultation_index(home["pl"]),
        title="Konsultacje programu współpracy",
        organiser=make_organisation(name="Urząd Miasta Przykładowo"),
        other_ways="Listownie na adres urzędu albo osobiście w punkcie obsługi.",
    )


def english(page: ConsultationPage) -> ConsultationPage:
    from wagtail.models import Locale

    return page.get_translation(Locale.objects.get(language_code="en")).specific


def confirm_path(comment: Comment, language: str = "pl") -> str:
    with translation.override(language):
        return reverse("consultations:confirm", kwargs={"token": tokens.make(comment.public_id)})


def walk(page: Page, consultation: ConsultationPage, *, javascript: bool) -> None:
    """The journey by keyboard alone; with JavaScript every state is checked by axe."""

    def check() -> None:
        if javascript:
            assert_no_axe_violations(page)

    response = page.goto(consultation.url)
    assert response is not None
    assert response.status == 200
    check()

    key = section_key(consultation, 1)
    link = consultation.subpage_url("comment_section", key=key)
    tab_to(page, tag="a", href=link)
    # The link is named with its section, so a list of links tells them apart.
    expect(page.locator(":focus")).to_have_accessible_name(
        re.compile(r"Zgłoś uwagę do tej części.*§ 2\. Zadania priorytetowe")
    )
    press_enter_and_wait(page)
    assert page.locator("h1").inner_text().startswith("Zgłoś uwagę")
    assert page.locator("#id_section_1").is_checked()
    check()

    # The comment and an organisation, no e-mail address, then send.
    tab_to(page, tag="textarea", id="id_text")
    page.keyboard.type(TEXT)
    tab_to(page, tag="input", id="id_organisation")
    page.keyboard.type("Fundacja Migowe Okno")
    tab_to(page, tag="button", text="Wyślij uwagę")
    press_enter_and_wait(page)

    summary = page.locator(".app-error-summary")
    assert summary.is_visible()
    assert "Podaj adres e-mail" in summary.inner_text()
    assert page.title().startswith("Błąd:")
    assert page.locator("#id_text").input_value() == TEXT
    assert page.locator("#id_organisation").input_value() == "Fundacja Migowe Okno"
    assert page.locator("#id_section_1").is_checked()
    check()
    if javascript:
        # The summary takes focus; its link takes the keyboard to the field.
        assert "app-error-summary" in describe_focus(page)["classes"].split()
        page.keyboard.press("Tab")
        assert describe_focus(page)["href"] == "#id_email"
    else:
        tab_to(page, tag="a", href="#id_email")
    page.keyboard.press("Enter")
    assert describe_focus(page)["id"] == "id_email"
    page.keyboard.type(EMAIL)
    tab_to(page, tag="button", text="Wyślij uwagę")
    press_enter_and_wait(page)

    assert page.locator("h1").inner_text() == "Sprawdź pocztę e-mail"
    check()
    comment = Comment.objects.get(email=EMAIL)
    assert comment.status == CommentStatus.UNCONFIRMED
    assert (comment.section_key, comment.text) == (key, TEXT)
    assert comment.public_author() == "Fundacja Migowe Okno"

    # The link from the e-mail: opening it changes nothing; the button confirms.
    page.goto(confirm_path(comment))
    check()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.UNCONFIRMED
    tab_to(page, tag="button", text="Potwierdź uwagę")
    press_enter_and_wait(page)
    assert page.locator("h1").inner_text() == "Dziękujemy, Twoja uwaga jest potwierdzona"
    check()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_keyboard_only_journey(new_context, consultation):
    walk(new_context().new_page(), consultation, javascript=True)


def test_the_same_without_javascript(new_context, consultation):
    """axe needs JavaScript, so the form is loaded in both contexts and compared: the page runs
    no script that changes it (moving focus to the error summary is all JavaScript adds), so
    axe's checks of the JavaScript journey cover this one."""
    no_js = new_context(java_script_enabled=False).new_page()
    with_js = new_context().new_page()
    form = consultation.subpage_url("comment")
    no_js.goto(form)
    visit(with_js, form)
    main = "() => document.querySelector('main').outerHTML"
    key = "() => document.querySelector('[name=idempotency_key]').value"
    csrf = "() => document.querySelector('[name=csrfmiddlewaretoken]').value"

    def stable(page: Page) -> str:
        return page.evaluate(main).replace(page.evaluate(key), "").replace(page.evaluate(csrf), "")

    assert stable(no_js) == stable(with_js)
    walk(no_js, consultation, javascript=False)


# --- every page type and error state, both languages, 320 and 1280 px -------------------------


def page_types(consultation: ConsultationPage, home: Any, language: str) -> dict[str, str]:
    """The pages a GET reaches, in ``language``."""
    index = make_consultation_index(home["pl"])
    now = timezone.now()
    upcoming = make_consultation(
        index, opens_at=now + dt.timedelta(days=3), closes_at=now + dt.timedelta(days=30)
    )
    closed = make_consultation(
        index,
        opens_at=now - dt.timedelta(days=30),
        closes_at=now - dt.timedelta(days=1),
        report_due=timezone.localdate() + dt.timedelta(days=14),
        other_ways="Telefonicznie w godzinach pracy urzędu.",
        contact=make_organisation(name="Biuro Konsultacji"),
    )
    unconfirmed = make_comment(consultation, status=CommentStatus.UNCONFIRMED)
    confirmed = make_comment(consultation, status=CommentStatus.PENDING)
    published = make_comment(
        consultation, status=CommentStatus.PUBLISHED, organisation="Koło Seniorów"
    )
    pages = [consultation, upcoming, closed]
    if language == "en":
        pages = [english(p) for p in pages]
    consultation, upcoming, closed = pages
    flag = consultation.subpage_url("flag", comment_id=published.public_id.hex)
    return {
        "form": consultation.subpage_url("comment_section", key=section_key(consultation, 0)),
        "upcoming": upcoming.subpage_url("comment"),
        "closed": closed.subpage_url("comment"),
        "sent": consultation.subpage_url("comment_sent"),
        "confirm": confirm_path(unconfirmed, language),
        "confirmed": confirm_path(confirmed, language),
        "flag": flag,
        "flag sent": f"{flag}?sent=1",
    }


@pytest.mark.parametrize("language", ["pl", "en"])
def test_every_page_type_at_320_and_1280_px(new_context, consultation, home, language):
    check_page_types(new_context, page_types(consultation, home, language), language)
    # A link that does not work: status 404, with the page that says why.
    with translation.override(language):
        bad = reverse("consultations:confirm", kwargs={"token": "nie-ten-link"})
    for size in PAGE_TYPE_VIEWPORTS.values():
        page = new_context(**size).new_page()
        visit(page, bad, status=404)
        assert page.locator("html").get_attribute("lang") == language
        assert page.get_by_role("heading", level=1).count() == 1
        assert_no_horizontal_overflow(page)


def submit(page: Page) -> None:
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()


@pytest.mark.parametrize("language", ["pl", "en"])
def test_every_error_state_at_320_and_1280_px(new_context, consultation, settings, language):
    """The form's errors, a comment refused after the closing minute (its text shown back), a
    report's errors and too many at once: axe 0, the language, one h1, nothing sideways."""
    target = consultation if language == "pl" else english(consultation)
    published = make_comment(consultation, status=CommentStatus.PUBLISHED)
    flag = target.subpage_url("flag", comment_id=published.public_id.hex)
    form = target.subpage_url("comment")
    problems = []
    for viewport, size in PAGE_TYPE_VIEWPORTS.items():
        page = new_context(**size).new_page()

        def check(kind: str, page: Page = page, viewport: str = viewport) -> None:
            try:
                assert_no_axe_violations(page)
                assert page.locator("html").get_attribute("lang") == language
                assert page.get_by_role("heading", level=1).count() == 1
                assert page.locator(".app-error-summary").is_visible()
                if viewport == "320px":
                    assert_no_horizontal_overflow(page)
            except AssertionError as error:
                problems.append(f"--- {kind} at {viewport}:\n{error}")

        visit(page, form)
        page.locator("#id_text").fill("")
        page.locator("#id_email").fill("nie-adres")
        submit(page)
        check("form errors")
        assert page.title().startswith("Błąd:" if language == "pl" else "Error:")

        visit(page, flag)
        page.locator("#id_note").fill("n" * 2001)
        submit(page)
        check("report errors")

        # The form opened in time; the comments close before it is sent.
        visit(page, form)
        page.locator("#id_text").fill(TEXT + "\nDruga linia uwagi.")
        page.locator("#id_email").fill(EMAIL)
        keys = {consultation.translation_key}
        ConsultationPage.objects.filter(translation_key__in=keys).update(
            closes_at=timezone.now() - dt.timedelta(seconds=1)
        )
        submit(page)
        check("refused after closing")
        assert page.locator("#id_kept_text").input_value() == TEXT + "\nDruga linia uwagi."
        # The summary's link moves focus to the text to copy.
        page.locator(".app-error-summary a").click()
        assert describe_focus(page)["id"] == "id_kept_text"
        ConsultationPage.objects.filter(translation_key__in=keys).update(
            closes_at=timezone.now() + dt.timedelta(days=20)
        )

        settings.CONSULTATION_RATE_LIMITS = {"ip": 0, "contact": 0}
        visit(page, form)
        page.locator("#id_text").fill(TEXT)
        page.locator("#id_email").fill(EMAIL)
        submit(page)
        settings.CONSULTATION_RATE_LIMITS = {"ip": 20, "contact": 10}
        try:
            assert_no_axe_violations(page)
            assert page.get_by_role("heading", level=1).count() == 1
            if viewport == "320px":
                assert_no_horizontal_overflow(page)
        except AssertionError as error:
            problems.append(f"--- too many at {viewport}:\n{error}")
    assert not problems, "\n\n".join(problems)
    assert not Comment.objects.filter(text__startswith=TEXT).exists()
