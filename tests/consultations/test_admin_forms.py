"""The admin's consultation forms on their own and under whatever is posted (issue 11): a
comment entered on someone's behalf (its channel never "online", its received time in Warsaw
and within the period, the consent an explicit yes or no), the reason for rejecting, the answer
(a justification unless accepted) and the report's addresses. Property: whatever reaches the
on-behalf form's POST, the answer is never a 500 and never a half-written row: the form comes
back with its errors and nothing is stored, or exactly one comment is, whole, waiting for
moderation, with the staff member recorded.

Persona: an editor of the bulletin who types dates, names and comments as people give them, and
makes mistakes."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biuletyn.consultations.admin_forms import (
    GENERAL,
    AnswerForm,
    OnBehalfForm,
    RejectForm,
    ReportForm,
)
from biuletyn.consultations.enums import Answer, Channel, CommentStatus, RejectReason
from biuletyn.consultations.models import Comment
from tests.consultations.test_admin import make_editor
from tests.factories.consultations import make_consultation, make_consultation_index, section_key
from tests.strategies import EMAIL, TEXT

pytestmark = pytest.mark.integration

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def consultation(site_tree):
    return make_consultation(make_consultation_index(site_tree["pl"]))


def form_data(page, **fields) -> dict[str, str]:
    data = {
        "channel": Channel.LETTER,
        "received_at": timezone.localtime(timezone.now() - dt.timedelta(days=1)).strftime(
            "%d.%m.%Y %H:%M"
        ),
        "section": GENERAL,
        "text": "Proszę o dłuższe dyżury w punkcie konsultacyjnym.",
        "author_name": "",
        "organisation": "Stowarzyszenie Razem",
        "email": "",
        "consent": "yes",
    }
    data.update(fields)
    return data


def test_a_good_form_reads_the_time_in_warsaw(consultation):
    form = OnBehalfForm(form_data(consultation, received_at="01.01.2000 10:00"), page=consultation)
    consultation.opens_at = dt.datetime(1999, 12, 1, tzinfo=dt.UTC)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["received_at"] == dt.datetime(2000, 1, 1, 10, 0, tzinfo=WARSAW)
    assert form.section_key is None
    assert form.consent_to_publish is True


def test_online_is_not_a_channel_staff_choose(consultation):
    form = OnBehalfForm(form_data(consultation, channel=Channel.ONLINE), page=consultation)

    assert not form.is_valid()
    assert list(form.errors) == ["channel"]
    assert Channel.ONLINE not in [value for value, _label in form.fields["channel"].choices]


def test_consent_is_an_explicit_choice(consultation):
    for consent in ("", "maybe"):
        form = OnBehalfForm(form_data(consultation, consent=consent), page=consultation)
        assert not form.is_valid()
        assert list(form.errors) == ["consent"]
    no = OnBehalfForm(form_data(consultation, consent="no"), page=consultation)
    assert no.is_valid()
    assert no.consent_to_publish is False


def test_a_time_before_opening_is_refused(consultation):
    before = timezone.localtime(consultation.opens_at - dt.timedelta(minutes=1))
    form = OnBehalfForm(
        form_data(consultation, received_at=before.strftime("%d.%m.%Y %H:%M")), page=consultation
    )

    assert not form.is_valid()
    assert form.errors["received_at"][0].startswith("Te konsultacje przyjmowały uwagi od")


def test_only_commentable_sections_are_offered(site_tree):
    from tests.factories.consultations import sections

    page = make_consultation(
        make_consultation_index(site_tree["pl"]),
        sections=[
            *sections(("§ 1. Cel", "Tekst.")),
            *sections(("Uzasadnienie", "Nie do komentowania."), commentable=False),
        ],
    )
    form = OnBehalfForm(page=page)

    offered = [value for value, _label in form.fields["section"].choices]
    assert offered == [GENERAL, section_key(page, 0)]
    answer = AnswerForm(page=page)
    changed = [value for value, _label in answer.fields["changed_section"].choices]
    assert changed == ["", section_key(page, 0), section_key(page, 1)]


def test_rejecting_for_another_reason_needs_the_explanation():
    assert not RejectForm({"reason": RejectReason.OTHER, "note": " "}).is_valid()
    assert not RejectForm({"reason": ""}).is_valid()
    assert RejectForm({"reason": RejectReason.OTHER, "note": "Nie na temat."}).is_valid()
    assert RejectForm({"reason": RejectReason.SPAM}).is_valid()


def test_an_answer_needs_a_justification_unless_accepted(consultation):
    def valid(**data) -> bool:
        return AnswerForm(data, page=consultation).is_valid()

    assert valid(answer=Answer.ACCEPTED, justification="")
    for answer in (Answer.PARTLY, Answer.NOT_ACCEPTED, Answer.EXPLAINED):
        assert not valid(answer=answer, justification="  ")
        assert valid(answer=answer, justification="Bo budżet jest zamknięty.")
    assert not valid(answer=Answer.ACCEPTED, changed_section="nie-ma-takiej")
    assert not valid(answer="")


def test_the_report_takes_whole_addresses_only():
    assert ReportForm({"easy_read_url": "example.pl/etr"}).is_valid()  # https:// assumed
    assert not ReportForm({"easy_read_url": "to nie adres"}).is_valid()
    assert not ReportForm({"sign_language_url": "javascript:alert(1)"}).is_valid()


# --- the property ---------------------------------------------------------------------------------

TIMES = (
    st.sampled_from(
        [
            "",
            "jutro",
            "31.02.2026 10:00",
            "01.01.0001 00:00",
            "31.12.9999 23:59",
            "29.03.2026 02:30",
        ]
    )
    | st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)).map(
        lambda moment: moment.strftime("%d.%m.%Y %H:%M")
    )
    | TEXT
)
CHANNELS = st.sampled_from([*Channel.values, "", "fax"]) | TEXT


@EXAMPLES
@given(
    channel=CHANNELS,
    received=TIMES,
    section=st.sampled_from([GENERAL, "", "x" * 40]) | TEXT,
    text=TEXT,
    name=TEXT,
    organisation=TEXT,
    email=EMAIL,
    consent=st.sampled_from(["yes", "no", ""]) | TEXT,
)
def test_never_a_500_and_never_a_half_written_row(
    client,
    django_user_model,
    consultation,
    channel,
    received,
    section,
    text,
    name,
    organisation,
    email,
    consent,
):
    with transaction.atomic():
        editor = make_editor(django_user_model, "redaktor-wlasciwosci")
        client.force_login(editor)
        response = client.post(
            reverse("consultations_admin:on_behalf", args=(consultation.pk,)),
            {
                "channel": channel,
                "received_at": received,
                "section": section,
                "text": text,
                "author_name": name,
                "organisation": organisation,
                "email": email,
                "consent": consent,
            },
        )
        assert response.status_code in (200, 302), response.status_code
        comments = list(Comment.objects.all())
        if response.status_code == 200:
            assert "app-error-summary" in response.content.decode()
            assert comments == []
        else:
            assert len(comments) == 1
            comment = comments[0]
            assert comment.status == CommentStatus.PENDING
            assert comment.entered_by == editor
            assert comment.channel == channel
            assert comment.text == text.strip()
            assert comment.consent_to_publish is (consent == "yes")
            assert consultation.opens_at <= comment.received_at < consultation.closes_at
        transaction.set_rollback(True)
