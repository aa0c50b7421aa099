"""Moderation's properties over any sequence of actions (issue 11 "Tests", ADR 0012 "Moderation
without a CAPTCHA"), with hypothesis: readers report from any address, moderators publish and
reject, authors confirm, in any order. After every step:

* a rejected comment is never public: never in ``published()``, never counted in the figure the
  JSON shows (the published comments of the consultation);
* a hidden comment comes back to the page only by a moderator's publish: reports, confirmations
  and further reports never bring it back;
* reports from one address count once (until a moderator's decision resolves them);
* exactly ``CONSULTATION_REPORTS_TO_HIDE`` open reports from different addresses hide a
  published comment, fewer never do.

Persona: readers who report a comment (some of them repeatedly, from the same address), and a
moderator. Each example runs in a transaction rolled back at its end."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biuletyn.consultations import services
from biuletyn.consultations.enums import CommentStatus, RejectReason, ReportReason
from biuletyn.consultations.models import Comment
from tests.factories.consultations import make_comment, make_consultation, make_consultation_index

pytestmark = pytest.mark.integration

ADDRESSES = ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "2001:db8::1"]

actions = st.lists(
    st.one_of(
        st.tuples(st.just("flag"), st.integers(0, 2), st.sampled_from(ADDRESSES)),
        st.tuples(st.just("publish"), st.integers(0, 2), st.none()),
        st.tuples(st.just("reject"), st.integers(0, 2), st.sampled_from(list(RejectReason))),
        st.tuples(st.just("confirm"), st.integers(0, 2), st.none()),
    ),
    max_size=25,
)


@pytest.fixture
def consultation(site_tree):
    return make_consultation(make_consultation_index(site_tree["pl"]))


@pytest.fixture
def moderator(db):
    return get_user_model().objects.create_user("moderatorka", "mod@example.org", "x")


def published_count(page) -> int:
    """What the JSON calls ``comments_published``."""
    return Comment.objects.for_consultation(page).published().count()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(threshold=st.integers(1, 4), steps=actions)
def test_any_sequence_of_reports_and_decisions_keeps_the_moderation_rules(
    client, consultation, moderator, threshold, steps
):
    with transaction.atomic():
        with settings_override(threshold):
            comments = [
                make_comment(consultation, status=CommentStatus.PUBLISHED, text="Pierwsza."),
                make_comment(consultation, status=CommentStatus.PENDING, text="Druga."),
                make_comment(consultation, status=CommentStatus.UNCONFIRMED, text="Trzecia."),
            ]
            # Which addresses have an open report on each comment (our model of the rules).
            reporters: list[set[str]] = [set(), set(), set()]
            for action, number, argument in steps:
                comment = Comment.objects.get(pk=comments[number].pk)
                before = comment.status
                if action == "flag":
                    result = services.flag(
                        comment=comment, reason=ReportReason.OFFENSIVE, reporter=argument
                    )
                    fresh = argument not in reporters[number]
                    assert result.counted == (before == CommentStatus.PUBLISHED and fresh)
                    if result.counted:
                        reporters[number].add(argument)
                    hides = (
                        before == CommentStatus.PUBLISHED and len(reporters[number]) >= threshold
                    )
                    assert result.hidden == (hides or before == CommentStatus.HIDDEN)
                elif action in ("publish", "reject"):
                    if before == CommentStatus.UNCONFIRMED:
                        with pytest.raises(services.ConsultationError) as refused:
                            decide(action, comment, moderator, argument)
                        assert refused.value.code == "unconfirmed"
                    else:
                        decide(action, comment, moderator, argument)
                        reporters[number].clear()  # the decision resolves the reports
                else:
                    services.confirm(comment=comment)

                after = Comment.objects.get(pk=comment.pk).status
                if before == CommentStatus.HIDDEN and after == CommentStatus.PUBLISHED:
                    assert action == "publish", "only a moderator's publish brings it back"
                if after == CommentStatus.HIDDEN and before != CommentStatus.HIDDEN:
                    assert action == "flag"
                    assert len(reporters[number]) == threshold
                assert_nothing_rejected_or_hidden_is_public(consultation)
                for index, model in enumerate(comments):
                    open_digests = set(
                        Comment.objects.get(pk=model.pk)
                        .open_flags()
                        .values_list("reporter_digest", flat=True)
                    )
                    assert open_digests == {services.reporter_digest(a) for a in reporters[index]}
            # The figure readers' programs see.
            data = client.get(f"/api/consultations/{consultation.pk}.json").json()
            assert data["comments_published"] == published_count(consultation)
        transaction.set_rollback(True)


def decide(action: str, comment: Comment, moderator, reason: str | None) -> Comment:
    if action == "publish":
        return services.publish(comment=comment, moderator=moderator)
    return services.reject(comment=comment, moderator=moderator, reason=str(reason), note="Bo.")


def assert_nothing_rejected_or_hidden_is_public(page) -> None:
    public = set(Comment.objects.for_consultation(page).published().values_list("pk", flat=True))
    not_public = set(
        Comment.objects.for_consultation(page)
        .exclude(status=CommentStatus.PUBLISHED)
        .values_list("pk", flat=True)
    )
    assert public.isdisjoint(not_public)
    assert published_count(page) == len(public)
    statuses = set(
        Comment.objects.filter(pk__in=public).values_list("status", flat=True).distinct()
    )
    assert statuses <= {CommentStatus.PUBLISHED}


class settings_override:
    """CONSULTATION_REPORTS_TO_HIDE for one hypothesis example (pytest's ``settings`` fixture is
    per test, not per example)."""

    def __init__(self, threshold: int) -> None:
        from django.test import override_settings

        self._override = override_settings(CONSULTATION_REPORTS_TO_HIDE=threshold)

    def __enter__(self) -> None:
        self._override.enable()

    def __exit__(self, *exc: object) -> None:
        self._override.disable()


def test_a_rejected_comment_stays_off_the_page_whatever_readers_do(consultation, moderator):
    comment = make_comment(consultation, status=CommentStatus.PUBLISHED)
    services.reject(comment=comment, moderator=moderator, reason=RejectReason.OFFENSIVE)

    for address in ADDRESSES:
        services.flag(comment=comment, reason=ReportReason.SPAM, reporter=address)
    services.confirm(comment=comment)

    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED
    assert published_count(consultation) == 0
    assert not comment.flags.exists()
