"""Property: whatever reaches the comment form's POST (Polish diacritics, right-to-left text,
bidi overrides, 10 000 characters, emoji, markup, empty, whitespace, NUL characters, wrong
sections, a broken idempotency key, a filled honeypot), open or closed, the answer is never a 500
and never a half-written comment: either the page comes back with its error summary and nothing
is stored (the typed text kept), or the person goes to "check your e-mail" (303) and at most
one comment is stored, whole, waiting for its confirmation (issue 11, "Tests"). The reader's
report of a comment, the same. Each example runs in its own transaction, rolled back after it.

Persona: everyone who types something unexpected, and a robot."""

from __future__ import annotations

import datetime as dt
import html as html_module
import uuid

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biuletyn.consultations.enums import CommentStatus, ReportReason
from biuletyn.consultations.models import Comment, CommentFlag
from tests.factories.consultations import (
    make_comment,
    make_consultation,
    make_consultation_index,
    section_key,
)
from tests.strategies import EMAIL, ODD, TEXT

pytestmark = pytest.mark.integration

EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HONEYPOT = st.sampled_from(["", "", "", "http://spam.example", "\x00"])
KEY = st.sampled_from([None, "", "zz", "x" * 10_000]) | st.builds(lambda: uuid.uuid4().hex)
LONG = st.sampled_from(["Uwaga " * 3400, "ź" * 20_001])


@pytest.fixture
def page(site_tree):
    return make_consultation(make_consultation_index(site_tree["pl"]))


@pytest.fixture
def closed(site_tree):
    return make_consultation(
        make_consultation_index(site_tree["pl"]),
        opens_at=timezone.now() - dt.timedelta(days=20),
        closes_at=timezone.now() - dt.timedelta(minutes=1),
    )


def sections_of(page) -> st.SearchStrategy[str | None]:
    keys = [section_key(page, n) for n in range(3)]
    return st.sampled_from([None, "", "general", *keys, str(uuid.uuid4())]) | ODD


def check(client, url: str, data: dict[str, object]) -> None:
    data = {field: value for field, value in data.items() if value is not None}
    cache.clear()  # the rate limits: every example is a first attempt
    with transaction.atomic():
        response = client.post(url, data)
        assert response.status_code in (200, 303), response.status_code
        comments = list(Comment.objects.all())
        if response.status_code == 200:
            html = response.content.decode()
            assert "app-error-summary" in html
            assert comments == []
            text = str(data.get("text") or "").replace("\x00", "").strip()
            if text and "\x00" not in str(data.get("text")):
                # The typed text comes back (escaped) so nothing is lost.
                assert html_module.escape(text.splitlines()[0][:50]) in html
        else:
            assert len(comments) <= 1
            for comment in comments:
                assert comment.status == CommentStatus.UNCONFIRMED
                assert comment.text == str(data["text"]).strip()
                assert comment.email
        transaction.set_rollback(True)


@EXAMPLES
@given(
    data=st.data(),
    text=TEXT | LONG,
    name=TEXT,
    organisation=TEXT,
    email=EMAIL,
    key=KEY,
    website=HONEYPOT,
)
def test_the_comment_form_never_answers_500(
    client, page, data, text, name, organisation, email, key, website
):
    check(
        client,
        page.subpage_url("comment"),
        {
            "section": data.draw(sections_of(page)),
            "text": text,
            "author_name": name,
            "organisation": organisation,
            "email": email,
            "idempotency_key": key,
            "website": website,
        },
    )


@EXAMPLES
@given(text=TEXT, email=EMAIL)
def test_a_closed_consultation_never_answers_500_and_stores_nothing(client, closed, text, email):
    cache.clear()
    with transaction.atomic():
        response = client.post(
            closed.subpage_url("comment"), {"section": "general", "text": text, "email": email}
        )
        assert response.status_code == 200
        html = response.content.decode()
        if text.replace("\x00", "").strip():
            assert 'id="id_kept_text"' in html
        else:
            assert "app-error-summary" in html
        assert not Comment.objects.exists()
        transaction.set_rollback(True)


@EXAMPLES
@given(
    reason=st.sampled_from([*ReportReason.values, "", "nonsense"]) | ODD,
    note=TEXT | st.just("n" * 2001),
)
def test_the_report_of_a_comment_never_answers_500(client, page, reason, note):
    cache.clear()
    with transaction.atomic():
        comment = make_comment(page, status=CommentStatus.PUBLISHED)
        url = page.subpage_url("flag", comment_id=comment.public_id.hex)
        response = client.post(url, {"reason": reason, "note": note})
        assert response.status_code in (200, 303), response.status_code
        flags = list(CommentFlag.objects.all())
        if response.status_code == 200:
            assert "app-error-summary" in response.content.decode()
            assert flags == []
        else:
            assert len(flags) == 1
            assert flags[0].reason == reason
        transaction.set_rollback(True)
