"""The organiser's consultation admin in a real browser (issue 11): in Polish only, axe 0 on
every page state, nothing from other hosts.

Personas: an editor of the bulletin who makes mistakes. From the dashboard (its panel of reports
due) through the "Konsultacje" menu to the list and an open consultation's comments: rejects one
first without a reason (the error page, its summary taking focus), then with "another reason"
explained; publishes another; reads a comment hidden after readers' reports; enters a letter on
someone's behalf, first with a received time before the opening (refused, the text kept),
then right. In a closed consultation: answers a comment first without the justification it needs,
tries to publish the report too early (the list of what is missing takes focus), then answers,
writes the summary and publishes it; the answers are then read-only. The list is read at 320 px.
On every state the texts an editor meets (tests/browser/english.py) hold no English interface
word; what people and editors wrote (titles, comments) is content and not checked.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import Page

from biuletyn.articles.services import BULLETIN_EDITORS
from biuletyn.consultations import services
from biuletyn.consultations.apps import ensure_editor_permissions
from biuletyn.consultations.enums import Answer, CommentStatus
from biuletyn.consultations.models import Comment
from tests.browser.english import PolishWalk
from tests.browser.helpers import (
    assert_no_horizontal_overflow,
    horizontal_overflow,
    log_in_to_admin,
)
from tests.factories.consultations import make_comment, make_consultation, make_consultation_index

pytestmark = pytest.mark.browser

PASSWORD = "Haslo-testowe-2024!"
LETTER = "Prosimy o dodatkowe spotkanie w sobotę dla osób pracujących."


def make_user(django_user_model, username: str) -> None:
    ensure_editor_permissions()
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=BULLETIN_EDITORS))
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )


@pytest.fixture
def consultations(live_site, settings):
    from tests.factories.site import ensure_site_tree

    settings.CONSULTATION_REPORTS_TO_HIDE = 1
    home = ensure_site_tree(
        hostname=live_site.url.removeprefix("http://").split(":")[0],
        port=int(live_site.url.rsplit(":", 1)[1]),
    )["pl"]
    index = make_consultation_index(home)
    now = timezone.now().replace(second=0, microsecond=0)
    open_one = make_consultation(index, title="Konsultacje programu współpracy na 2027 rok")
    make_comment(open_one, text="Proszę o tłumacza PJM na spotkaniu.")
    make_comment(open_one, text="Kup tanie zegarki!!!", section=None)
    flagged = make_comment(open_one, status=CommentStatus.PUBLISHED, text="Sąsiad jest głupi.")
    services.flag(comment=flagged, reason="offensive", note="Obraża.", reporter="9.9.9.9")
    closed = make_consultation(
        index,
        title="Konsultacje zasad korzystania z lokali",
        opens_at=now - dt.timedelta(days=40),
        closes_at=now - dt.timedelta(days=5),
        report_due=timezone.localdate() - dt.timedelta(days=1),
    )
    make_comment(
        closed,
        status=CommentStatus.PUBLISHED,
        text="Lokale powinny mieć pętle indukcyjne.",
        now=closed.opens_at + dt.timedelta(days=1),
    )
    return {"open": open_one, "closed": closed}


class Walk(PolishWalk):
    def content(self) -> list[str]:
        return [*super().content(), *Comment.objects.values_list("text", flat=True), LETTER]

    def submit(self, name: str, where: str, *, scope=None) -> None:
        (scope or self.page).get_by_role("button", name=name, exact=True).click()
        self.page.wait_for_load_state("networkidle")
        self.check(where)


def focused_class(page: Page) -> str:
    return str(page.evaluate("document.activeElement.className"))


def test_an_editor_moderates_and_enters_a_comment(
    page, page_guards, consultations, django_user_model
):
    make_user(django_user_model, "redaktorka")
    log_in_to_admin(page, "redaktorka", PASSWORD)
    walk = Walk(page)
    walk.check("the dashboard")
    panel = page.locator("#consultation-reports-due-section")
    assert panel.get_by_text("Konsultacje zasad korzystania z lokali").count() == 1
    assert panel.get_by_text("po terminie", exact=False).count() == 1

    page.get_by_role("link", name="Konsultacje", exact=True).first.click()
    page.wait_for_load_state("networkidle")
    walk.check("the list")
    page.get_by_role("link", name="Konsultacje programu współpracy na 2027 rok").click()
    page.wait_for_load_state("networkidle")
    walk.check("the comments waiting")
    spam = Comment.objects.get(text="Kup tanie zegarki!!!")
    article = page.locator(f"#comment-{spam.pk}")

    # Rejected without a reason: its own page with the error, the summary taking focus.
    article.locator("summary").click()
    walk.check("the rejection opened")
    walk.submit(f"Odrzuć uwagę – uwaga nr {spam.pk}", "a rejection refused", scope=article)
    assert focused_class(page) == "app-error-summary"
    page.get_by_label("Dlaczego uwaga jest odrzucana?").select_option("other")
    walk.submit("Odrzuć uwagę", "another reason without the explanation")
    assert page.get_by_text("Wyjaśnij autorowi, dlaczego uwaga jest odrzucana.").count() >= 1
    page.get_by_label("Wyjaśnienie dla autora").fill("To reklama, nie uwaga do programu.")
    walk.submit("Odrzuć uwagę", "a comment rejected")
    assert page.get_by_text(f"Uwaga nr {spam.pk} jest odrzucona.", exact=False).count() == 1
    spam.refresh_from_db()
    assert spam.status == CommentStatus.REJECTED

    good = Comment.objects.get(text="Proszę o tłumacza PJM na spotkaniu.")
    walk.submit(f"Opublikuj – uwaga nr {good.pk}", "a comment published")
    assert page.get_by_text("Nie ma tu żadnych uwag.").count() == 1

    page.get_by_role("link", name="Ukryte po zgłoszeniach (1)").click()
    page.wait_for_load_state("networkidle")
    walk.check("the hidden comments")
    assert page.get_by_text("Czytelnicy zgłosili ją 1 raz.", exact=False).count() == 1

    # A letter: first with a date before the opening (a typo in the month), then the right one.
    page.get_by_role("link", name="Wpisz uwagę w czyimś imieniu").click()
    page.wait_for_load_state("networkidle")
    walk.check("the on-behalf form")
    walk.submit("Zapisz uwagę", "the on-behalf form empty")
    assert focused_class(page) == "app-error-summary"
    page.get_by_label("list", exact=True).check()
    late = timezone.localtime(consultations["open"].opens_at - dt.timedelta(days=1))
    page.get_by_label("Kiedy ją otrzymano?").fill(late.strftime("%d.%m.%Y %H:%M"))
    page.get_by_label("Treść uwagi").fill(LETTER)
    page.get_by_label("Nie – uwaga zostanie tylko policzona i omówiona w raporcie").check()
    walk.submit("Zapisz uwagę", "the on-behalf form, a time out of the period")
    assert page.get_by_label("Treść uwagi").input_value() == LETTER
    assert page.get_by_text("nie można jej wpisać", exact=False).count() >= 1
    yesterday = timezone.localtime(timezone.now() - dt.timedelta(days=1))
    page.get_by_label("Kiedy ją otrzymano?").fill(yesterday.strftime("%d.%m.%Y %H:%M"))
    walk.submit("Zapisz uwagę", "a comment entered on someone's behalf")
    letter = Comment.objects.get(text=LETTER)
    assert letter.channel == "letter"
    assert letter.consent_to_publish is False
    assert page.locator(f"#comment-{letter.pk}").count() == 1

    walk.assert_polish()
    (guard,) = page_guards
    guard.assert_clean()


def test_an_editor_answers_and_publishes_the_report(
    page, page_guards, consultations, django_user_model
):
    make_user(django_user_model, "redaktor")
    log_in_to_admin(page, "redaktor", PASSWORD)
    walk = Walk(page)
    closed = consultations["closed"]
    comment = Comment.objects.get(consultation_key=closed.translation_key)

    walk.visit(f"/admin/consultations/{closed.pk}/report/")
    # Too early: the list of what is missing, first and focused.
    walk.submit("Opublikuj raport", "a report refused")
    assert focused_class(page) == "app-error-summary"
    assert page.get_by_text("Napisz podsumowanie raportu.", exact=False).count() >= 1

    article = page.locator(f"#comment-{comment.pk}")
    article.get_by_label("Odpowiedź", exact=True).select_option(Answer.NOT_ACCEPTED)
    walk.submit(f"Zapisz odpowiedź – uwaga nr {comment.pk}", "an answer refused", scope=article)
    assert focused_class(page) == "app-error-summary"
    assert page.get_by_label("Odpowiedź", exact=True).input_value() == Answer.NOT_ACCEPTED
    page.get_by_label("Uzasadnienie").fill("Budynki są zabytkowe; pętle będą przenośne.")
    walk.submit(f"Zapisz odpowiedź – uwaga nr {comment.pk}", "an answer saved")

    page.get_by_label("Podsumowanie raportu").fill("Dodaliśmy przenośne pętle indukcyjne.")
    page.get_by_label("Adres wersji raportu w tekście łatwym do czytania (ETR)").fill("nie wiem")
    walk.submit("Zapisz teksty", "the report's address refused")
    assert page.get_by_label("Podsumowanie raportu").input_value().startswith("Dodaliśmy")
    page.get_by_label("Adres wersji raportu w tekście łatwym do czytania (ETR)").fill("")
    walk.submit("Zapisz teksty", "the report's texts saved")
    walk.submit("Opublikuj raport", "the report published")
    assert page.get_by_text("Raport opublikowano", exact=False).count() == 1
    assert page.get_by_role("button", name=f"Zapisz odpowiedź – uwaga nr {comment.pk}").count() == 0

    # At 320 px the list's table scrolls inside its own focusable region (a data table, which
    # WCAG 1.4.10 lets scroll); the page itself never scrolls sideways. The report page reflows.
    page.set_viewport_size({"width": 320, "height": 640})
    walk.visit("/admin/consultations/")
    assert horizontal_overflow(page)["scrollWidth"] <= 320
    region = page.get_by_role("region", name="2 konsultacje")
    assert region.evaluate("box => box.scrollWidth > box.clientWidth")
    walk.visit(f"/admin/consultations/{closed.pk}/report/")
    assert_no_horizontal_overflow(page)

    walk.assert_polish()
    (guard,) = page_guards
    guard.assert_clean()
