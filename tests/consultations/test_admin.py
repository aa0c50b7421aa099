"""The organiser's side of consultations in the Wagtail admin (issue 11, "Moderation in the
admin", "The report"): the "Konsultacje" list with each consultation's status, period, comments
by state and whether its report is due or overdue; the dashboard's panel of reports due; one
consultation's comments by status, published or rejected with a reason (the hidden ones with
their readers' reports); comments entered on someone's behalf; the answers and the report, read
only once published; who may do it (the editorial groups, through the comment's change
permission); every page type valid HTML.

Personas: an editor of the bulletin (in the editors' group, which gets the permission after
every migrate) who moderates and writes the report; a signed-in user with admin access but no
consultation permission, who gets nothing."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from biuletyn.articles.services import ADMINISTRATORS, BULLETIN_EDITORS
from biuletyn.consultations import services
from biuletyn.consultations.apps import ensure_editor_permissions
from biuletyn.consultations.enums import Answer, Channel, CommentStatus, RejectReason
from biuletyn.consultations.models import Comment, CommentFlag
from tests.factories.consultations import (
    make_comment,
    make_consultation,
    make_consultation_index,
    section_key,
)
from tests.htmlcheck import assert_valid_html

pytestmark = pytest.mark.integration

PASSWORD = "haslo-testowe-123"


def make_editor(django_user_model, username: str = "redaktorka"):
    """An editor of the bulletin, as the editorial groups make them."""
    ensure_editor_permissions()
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=BULLETIN_EDITORS))
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


def admin_url(name: str, *args: object) -> str:
    return reverse(f"consultations_admin:{name}", args=args)


def text_of(response) -> str:
    """The page's text as a reader meets it: no tags, entities read, spaces collapsed."""
    without_tags = re.sub(r"<[^>]+>", " ", response.content.decode())
    unescaped = html.unescape(without_tags).replace("\u2060", "").replace("\u00ad", "")
    return " ".join(unescaped.split())


def admin_time(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M")


@pytest.fixture
def index(site_tree):
    return make_consultation_index(site_tree["pl"])


@pytest.fixture
def consultation(index):
    return make_consultation(index, title="Konsultacje programu współpracy")


@pytest.fixture
def editor(client, django_user_model):
    user = make_editor(django_user_model)
    client.force_login(user)
    return user


def closed(index, **fields):
    """A consultation that took comments until a week ago (to the whole minute, as the admin's
    fields give it)."""
    now = timezone.now().replace(second=0, microsecond=0)
    return make_consultation(
        index,
        opens_at=now - dt.timedelta(days=40),
        closes_at=now - dt.timedelta(days=7),
        **fields,
    )


def comment_closed_consultation(page, **fields):
    """A comment sent while ``page`` (now closed) was open."""
    return make_comment(page, now=page.opens_at + dt.timedelta(days=1), **fields)


# --- permissions ---------------------------------------------------------------------------------


def test_the_editorial_groups_may_moderate_comments(db):
    ensure_editor_permissions()
    ensure_editor_permissions()  # safe to run again
    for name in (ADMINISTRATORS, BULLETIN_EDITORS):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"view_comment", "change_comment"} <= codenames


def test_a_user_without_the_permission_gets_nothing(client, django_user_model, consultation):
    comment = make_comment(consultation)
    user = django_user_model.objects.create_user("gosc", "gosc@example.org", PASSWORD)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)

    pages = [
        admin_url("index"),
        admin_url("comments", consultation.pk),
        admin_url("on_behalf", consultation.pk),
        admin_url("report", consultation.pk),
        admin_url("reject", consultation.pk, comment.pk),
        admin_url("answer", consultation.pk, comment.pk),
    ]
    for page_url in pages:
        assert client.get(page_url).status_code in (302, 403), page_url
    for page_url in [
        admin_url("publish", consultation.pk, comment.pk),
        admin_url("reject", consultation.pk, comment.pk),
        admin_url("publish_report", consultation.pk),
    ]:
        assert client.post(page_url, {"reject-reason": RejectReason.SPAM}).status_code in (
            302,
            403,
        )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    home = client.get(reverse("wagtailadmin_home"))
    assert admin_url("index") not in home.content.decode()


def test_the_menu_and_the_page_editor_lead_to_the_comments(client, editor, consultation):
    home = client.get(reverse("wagtailadmin_home"))
    assert admin_url("index") in home.content.decode()

    client.force_login(
        type(editor).objects.create_superuser("admin", "admin@example.org", PASSWORD)
    )
    response = client.get(reverse("wagtailadmin_pages:edit", args=(consultation.pk,)))
    assert admin_url("comments", consultation.pk) in response.content.decode()
    assert "Uwagi i raport" in text_of(response)


# --- the list and the dashboard -----------------------------------------------------------------


def test_the_list_counts_comments_and_shows_the_report_due(client, editor, index, consultation):
    make_comment(consultation)
    make_comment(consultation, status=CommentStatus.PUBLISHED)
    make_comment(consultation, status=CommentStatus.HIDDEN)
    late = closed(
        index,
        title="Konsultacje zasad korzystania z lokali",
        report_due=timezone.localdate() - dt.timedelta(days=2),
    )
    comment_closed_consultation(late, status=CommentStatus.PUBLISHED)
    due_later = closed(
        index,
        title="Konsultacje centrum organizacji",
        report_due=timezone.localdate() + dt.timedelta(days=10),
    )

    response = client.get(admin_url("index"))

    text = text_of(response)
    assert response.status_code == 200
    assert "3 konsultacje" in text
    assert "otwarte na uwagi" in text
    rows = {
        row.split("</td>")[0]: row
        for row in response.content.decode().split('<td class="title">')[1:]
    }
    open_row = next(row for key, row in rows.items() if consultation.title in key)
    cells = [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in open_row.split("<td>")]
    assert cells[3:7] == ["1", "1", "1", "2"]  # waiting, published, hidden, without an answer
    late_row = next(row for key, row in rows.items() if late.title in key)
    assert "po terminie: miał być gotowy do" in html.unescape(late_row)
    assert 'href="#icon-warning"' in late_row
    later_row = next(row for key, row in rows.items() if due_later.title in key)
    assert "do przygotowania, termin:" in html.unescape(later_row)
    assert "po terminie" not in html.unescape(later_row)


def test_the_list_takes_as_many_queries_for_three_consultations_as_for_one(client, editor, index):
    first = make_consultation(index)
    make_comment(first)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(admin_url("index")).status_code == 200
        return len(captured)

    one = queries()
    for _ in range(2):
        page = make_consultation(index)
        make_comment(page, status=CommentStatus.PUBLISHED)
    assert queries() == one


def test_the_dashboard_lists_the_reports_due(client, editor, index, consultation):
    late = closed(
        index,
        title="Konsultacje zasad korzystania z lokali",
        report_due=timezone.localdate() - dt.timedelta(days=1),
    )
    comment_closed_consultation(late, status=CommentStatus.PUBLISHED)
    done = closed(index, title="Konsultacje z raportem")
    answered = comment_closed_consultation(done, status=CommentStatus.PUBLISHED)
    services.answer(comment=answered, staff=editor, answer=Answer.ACCEPTED, justification="")
    services.save_report(page=done, summary="Uwagi zmieniły paragraf drugi.")
    services.publish_report(page=done, staff=editor)

    response = client.get(reverse("wagtailadmin_home"))

    text = text_of(response)
    assert "Raporty z konsultacji do przygotowania" in text
    assert late.title in text
    assert "1 uwaga bez odpowiedzi" in text
    assert admin_url("report", late.pk) in response.content.decode()
    assert done.title not in text
    assert consultation.title not in text  # still open: its report is not due yet


def test_the_dashboard_panel_is_not_there_without_reports_due(client, editor, consultation):
    response = client.get(reverse("wagtailadmin_home"))
    assert "Raporty z konsultacji do przygotowania" not in text_of(response)


# --- moderation ---------------------------------------------------------------------------------


def test_the_comments_page_filters_by_status(client, editor, consultation):
    waiting = make_comment(consultation, text="Proszę o spotkanie wieczorem.")
    published = make_comment(
        consultation, status=CommentStatus.PUBLISHED, text="Popieram paragraf trzeci."
    )
    make_comment(consultation, status=CommentStatus.UNCONFIRMED, text="Nie potwierdzona.")

    default = text_of(client.get(admin_url("comments", consultation.pk)))
    shown = text_of(client.get(admin_url("comments", consultation.pk) + "?status=published"))
    everything = text_of(client.get(admin_url("comments", consultation.pk) + "?status=all"))
    odd = client.get(admin_url("comments", consultation.pk) + "?status=%00<b>")

    assert waiting.text in default
    assert published.text not in default
    assert "Czekają na moderację (1)" in default
    assert "1 uwaga wysłana przez internet czeka" in default
    assert published.text in shown
    assert waiting.text not in shown
    assert waiting.text in everything
    assert published.text in everything
    assert "Nie potwierdzona." not in everything
    assert odd.status_code == 200


def test_a_moderator_publishes_a_comment(client, editor, consultation):
    comment = make_comment(consultation)

    response = client.post(admin_url("publish", consultation.pk, comment.pk), {"back": "pending"})

    assert response.status_code == 302
    assert (
        response["Location"] == admin_url("comments", consultation.pk) + "?status=pending#comments"
    )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert comment.moderated_by == editor
    followed = client.get(response["Location"])
    assert f"Uwaga nr {comment.pk} jest opublikowana." in text_of(followed)


def test_publishing_needs_a_post_with_csrf(client, django_user_model, consultation):
    from django.test import Client

    comment = make_comment(consultation)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(make_editor(django_user_model))

    assert strict.get(admin_url("publish", consultation.pk, comment.pk)).status_code == 405
    assert strict.post(admin_url("publish", consultation.pk, comment.pk)).status_code == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_rejecting_needs_a_reason_and_other_needs_the_explanation(client, editor, consultation):
    comment = make_comment(consultation)
    prefix = f"reject-{comment.pk}"

    no_reason = client.post(
        admin_url("reject", consultation.pk, comment.pk), {f"{prefix}-note": ""}
    )
    other = client.post(
        admin_url("reject", consultation.pk, comment.pk),
        {f"{prefix}-reason": RejectReason.OTHER, f"{prefix}-note": "   "},
    )
    wrong = client.post(
        admin_url("reject", consultation.pk, comment.pk), {f"{prefix}-reason": "because"}
    )

    assert no_reason.status_code == 200
    assert "Wybierz, dlaczego uwaga jest odrzucana." in text_of(no_reason)
    assert other.status_code == 200
    assert "Wyjaśnij autorowi, dlaczego uwaga jest odrzucana." in text_of(other)
    assert "app-error-summary" in other.content.decode()
    assert wrong.status_code == 200
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert_valid_html({"reject refused": other.content})


def test_a_moderator_rejects_with_a_reason(client, editor, consultation):
    comment = make_comment(consultation)
    prefix = f"reject-{comment.pk}"

    response = client.post(
        admin_url("reject", consultation.pk, comment.pk),
        {
            f"{prefix}-reason": RejectReason.OTHER,
            f"{prefix}-note": "Uwaga dotyczy innego programu.",
            "back": "all",
        },
    )

    assert response.status_code == 302
    assert response["Location"].endswith("?status=all#comments")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED
    assert comment.reject_reason == RejectReason.OTHER
    assert comment.reject_note == "Uwaga dotyczy innego programu."
    assert f"Uwaga nr {comment.pk} jest odrzucona." in text_of(client.get(response["Location"]))


def test_a_hidden_comment_shows_its_reports_and_waits_for_a_decision(
    client, editor, consultation, settings
):
    settings.CONSULTATION_REPORTS_TO_HIDE = 2
    comment = make_comment(consultation, status=CommentStatus.PUBLISHED)
    services.flag(comment=comment, reason="offensive", note="Obraża sąsiadów.", reporter="1.1.1.1")
    services.flag(comment=comment, reason="spam", reporter="2.2.2.2")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN

    response = client.get(admin_url("comments", consultation.pk) + "?status=hidden")

    text = text_of(response)
    assert "Czytelnicy zgłosili ją 2 razy." in text
    assert "Obraża sąsiadów." in text
    assert "Opublikuj ponownie" in text
    client.post(admin_url("publish", consultation.pk, comment.pk), {"back": "hidden"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert not CommentFlag.objects.filter(comment=comment, resolved_at__isnull=True).exists()


def test_a_comment_of_another_consultation_is_not_found(client, editor, index, consultation):
    other = make_consultation(index)
    comment = make_comment(other)

    response = client.post(admin_url("publish", consultation.pk, comment.pk))

    assert response.status_code == 404
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


# --- on someone's behalf ------------------------------------------------------------------------


def on_behalf_form(page, **fields) -> dict[str, str]:
    data = {
        "channel": Channel.PHONE,
        "received_at": admin_time(timezone.now() - dt.timedelta(hours=1)),
        "section": section_key(page, 1),
        "text": "Pani Halina prosi o pętlę indukcyjną na spotkaniu.",
        "author_name": "Halina Telefoniczna",
        "organisation": "",
        "email": "",
        "consent": "no",
    }
    data.update(fields)
    return data


def test_staff_enter_a_comment_on_someones_behalf(client, editor, consultation):
    response = client.post(admin_url("on_behalf", consultation.pk), on_behalf_form(consultation))

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"?status=pending#comment-{comment.pk}")
    assert comment.channel == Channel.PHONE
    assert comment.entered_by == editor
    assert comment.consent_to_publish is False
    assert comment.section_key == section_key(consultation, 1)
    assert comment.status == CommentStatus.PENDING
    text = text_of(client.get(response["Location"]))
    assert f"Uwaga nr {comment.pk} jest zapisana." in text
    assert "wpisane przez: redaktorka" in text
    assert "Przyjmij do raportu (bez publikacji treści)" in text


def test_a_received_time_after_closing_is_refused_and_the_text_kept(client, editor, index):
    page = closed(index)
    typed = "Uwaga przyniesiona za późno, ale ważna."

    response = client.post(
        admin_url("on_behalf", page.pk),
        on_behalf_form(
            page, text=typed, received_at=admin_time(page.closes_at + dt.timedelta(minutes=1))
        ),
    )

    assert response.status_code == 200
    text = text_of(response)
    assert "poza tym czasem i nie można jej wpisać" in text
    assert admin_time(page.closes_at) in text
    assert typed in response.content.decode()
    assert not Comment.objects.exists()
    assert_valid_html({"on behalf refused": response.content})


def test_the_closing_minute_itself_is_refused(client, editor, index):
    page = closed(index)

    at_closing = client.post(
        admin_url("on_behalf", page.pk),
        on_behalf_form(page, received_at=admin_time(page.closes_at)),
    )
    just_before = client.post(
        admin_url("on_behalf", page.pk),
        on_behalf_form(page, received_at=admin_time(page.closes_at - dt.timedelta(minutes=1))),
    )

    assert at_closing.status_code == 200
    assert just_before.status_code == 302
    assert Comment.objects.count() == 1


def test_the_on_behalf_form_says_what_is_missing(client, editor, consultation):
    response = client.post(
        admin_url("on_behalf", consultation.pk),
        {"channel": Channel.ONLINE, "received_at": "jutro", "section": "nope", "text": "  "},
    )

    text = text_of(response)
    assert response.status_code == 200
    for error in (
        "Wybierz, jak wpłynęła uwaga.",
        "Wpisz datę i godzinę tak: 20.06.2024 14:30.",
        "Wybierz część projektu, której dotyczy uwaga.",
        "Wpisz uwagę tak, jak ją przekazano.",
        "Wybierz, czy osoba zgadza się na publikację treści.",
    ):
        assert error in text, error
    assert not Comment.objects.exists()


def test_a_time_in_the_future_and_a_time_the_clocks_skip_are_refused(client, editor, index):
    page = make_consultation(
        index,
        opens_at=timezone.now() - dt.timedelta(days=400),
        closes_at=timezone.now() + dt.timedelta(days=400),
    )
    future = client.post(
        admin_url("on_behalf", page.pk),
        on_behalf_form(page, received_at=admin_time(timezone.now() + dt.timedelta(days=2))),
    )
    march = (
        timezone.localdate().year
        if timezone.localdate().month > 3
        else timezone.localdate().year - 1
    )
    last_sunday = max(
        dt.date(march, 3, day) for day in range(25, 32) if dt.date(march, 3, day).weekday() == 6
    )
    skipped = client.post(
        admin_url("on_behalf", page.pk),
        on_behalf_form(page, received_at=last_sunday.strftime("%d.%m.%Y") + " 02:30"),
    )

    assert "nie może być w przyszłości" in text_of(future)
    assert "tej nocy zmienia się czas" in text_of(skipped)
    assert not Comment.objects.exists()


# --- answers and the report ---------------------------------------------------------------------


def test_an_answer_needs_a_justification_unless_accepted(client, editor, consultation):
    comment = make_comment(consultation, status=CommentStatus.PUBLISHED)
    prefix = f"answer-{comment.pk}"

    refused = client.post(
        admin_url("answer", consultation.pk, comment.pk),
        {f"{prefix}-answer": Answer.NOT_ACCEPTED, f"{prefix}-justification": " "},
    )
    no_answer = client.post(admin_url("answer", consultation.pk, comment.pk), {})
    accepted = client.post(
        admin_url("answer", consultation.pk, comment.pk),
        {
            f"{prefix}-answer": Answer.ACCEPTED,
            f"{prefix}-justification": "",
            f"{prefix}-changed_section": section_key(consultation, 2),
        },
    )

    assert refused.status_code == 200
    assert "Napisz uzasadnienie" in text_of(refused)
    assert no_answer.status_code == 200
    assert "Wybierz odpowiedź na uwagę." in text_of(no_answer)
    assert accepted.status_code == 302
    comment.refresh_from_db()
    assert comment.answer == Answer.ACCEPTED
    assert comment.changed_section_key == section_key(consultation, 2)
    assert comment.answered_by == editor
    assert_valid_html({"answer refused": refused.content})


def test_publishing_an_unready_report_lists_what_is_missing(client, editor, index):
    page = closed(index)
    comment_closed_consultation(page, status=CommentStatus.PUBLISHED)
    comment_closed_consultation(page)

    response = client.post(admin_url("publish_report", page.pk))

    text = text_of(response)
    assert response.status_code == 200
    assert "Raportu nie można jeszcze opublikować" in text
    assert "app-error-summary" in response.content.decode()
    for problem in services.report_problems(page):
        assert html.unescape(problem) in text
    assert page.report is None or page.report.published_at is None
    assert_valid_html({"report refused": response.content})


def test_a_mistyped_address_in_the_report_is_refused_and_the_summary_kept(client, editor, index):
    page = closed(index)

    response = client.post(
        admin_url("report", page.pk),
        {
            "report-summary": "Uwagi zmieniły zadania priorytetowe.",
            "report-easy_read_url": "to nie jest adres",
        },
    )

    assert response.status_code == 200
    assert "Wpisz cały adres" in text_of(response)
    assert "Uwagi zmieniły zadania priorytetowe." in response.content.decode()
    assert page.report is None


def test_the_organiser_answers_and_publishes_the_report(client, editor, index):
    page = closed(index)
    online = comment_closed_consultation(page, status=CommentStatus.PUBLISHED)
    kept = services.enter_on_behalf(
        page=page,
        staff=editor,
        channel=Channel.LETTER,
        received_at=page.opens_at + dt.timedelta(days=2),
        text="List od stowarzyszenia.",
        consent_to_publish=False,
    )
    services.publish(comment=kept, moderator=editor)
    for comment, answer in ((online, Answer.ACCEPTED), (kept, Answer.PARTLY)):
        prefix = f"answer-{comment.pk}"
        response = client.post(
            admin_url("answer", page.pk, comment.pk),
            {f"{prefix}-answer": answer, f"{prefix}-justification": "Dopisaliśmy to do § 2."},
        )
        assert response.status_code == 302
    saved = client.post(
        admin_url("report", page.pk),
        {
            "report-summary": "Uwagi zmieniły zadania priorytetowe.",
            "report-summary_en": "",
            "report-easy_read_url": "https://example.pl/raport-etr",
            "report-sign_language_url": "",
        },
    )
    assert saved.status_code == 302
    before = client.get(admin_url("report", page.pk))
    assert "Wszystko gotowe." in text_of(before)

    published = client.post(admin_url("publish_report", page.pk))

    assert published.status_code == 302
    page.__dict__.pop("report", None)  # the cached property, read again
    report = page.report
    assert report is not None
    assert report.published_at is not None
    assert report.published_by == editor
    assert report.easy_read_url == "https://example.pl/raport-etr"
    after = client.get(admin_url("report", page.pk))
    after_html = after.content.decode()
    assert "Raport opublikowano" in text_of(after)
    assert f'name="answer-{online.pk}-answer"' not in after_html
    assert "uwzględniona częściowo" in text_of(after)
    # After publication the answers are read-only, here and on the answer's own page.
    late = client.post(
        admin_url("answer", page.pk, online.pk),
        {
            f"answer-{online.pk}-answer": Answer.NOT_ACCEPTED,
            f"answer-{online.pk}-justification": "x",
        },
    )
    assert late.status_code == 302
    online.refresh_from_db()
    assert online.answer == Answer.ACCEPTED
    answer_page = client.get(admin_url("answer", page.pk, online.pk))
    assert "nie można już zmieniać" in text_of(answer_page)
    assert_valid_html({"report published": after.content, "answer read-only": answer_page.content})


# --- valid HTML of every page type ---------------------------------------------------------------


def test_every_admin_page_type_is_valid_html(client, editor, index, consultation, settings):
    settings.CONSULTATION_REPORTS_TO_HIDE = 1
    waiting = make_comment(consultation, text="Linia pierwsza.\nLinia druga.")
    flagged = make_comment(consultation, status=CommentStatus.PUBLISHED, section=None)
    services.flag(comment=flagged, reason="other", note="Nie pasuje.", reporter="3.3.3.3")
    published = make_comment(consultation, status=CommentStatus.PUBLISHED, section=2)
    closed(index, title="Zamknięte", report_due=timezone.localdate() - dt.timedelta(days=1))

    pages = {
        "list": client.get(admin_url("index")),
        "dashboard": client.get(reverse("wagtailadmin_home")),
        "comments": client.get(admin_url("comments", consultation.pk)),
        "comments hidden": client.get(admin_url("comments", consultation.pk) + "?status=hidden"),
        "comments all": client.get(admin_url("comments", consultation.pk) + "?status=all"),
        "reject": client.get(admin_url("reject", consultation.pk, waiting.pk)),
        "on behalf": client.get(admin_url("on_behalf", consultation.pk)),
        "on behalf errors": client.post(admin_url("on_behalf", consultation.pk), {}),
        "report": client.get(admin_url("report", consultation.pk)),
        "answer": client.get(admin_url("answer", consultation.pk, published.pk)),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
    assert_valid_html({name: response.content for name, response in pages.items()})
