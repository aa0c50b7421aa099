"""The registration form's rate limits count a sliding hour: a burst across the turn of the hour
is counted whole, and an hour later the count has run out."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from biuletyn.registrations import ratelimit

HOUR = ratelimit.WINDOW
TURN = 1_800_000_000 // HOUR * HOUR  # some turn of the hour


@pytest.fixture(autouse=True)
def limits(settings):
    settings.REGISTRATION_RATE_LIMITS = {"ip": 3, "contact": 2}
    cache.clear()
    yield
    cache.clear()


def attempt(now: float, *, ip: str = "192.0.2.10", email: str = "") -> int | None:
    request = RequestFactory().post("/", REMOTE_ADDR=ip)
    return ratelimit.hit(request, ratelimit.contact_keys(email=email), now=now)


@pytest.mark.parametrize("before", [0, 1, 2, 3])
def test_a_burst_across_the_turn_of_the_hour_is_counted_whole(before):
    moments = [TURN - 2 + 0.5 * i for i in range(before)] + [
        TURN + 1 + i for i in range(3 - before)
    ]
    assert [attempt(moment) for moment in moments] == [None, None, None]
    assert attempt(TURN + 5) is not None


def test_an_hour_later_the_count_has_run_out():
    for i in range(3):
        assert attempt(TURN + 10 + i) is None
    assert attempt(TURN + 20) is not None
    # Half of the old hour (four attempts, the refused one too) still counts: 2 + 1 is within 3.
    assert attempt(TURN + HOUR + HOUR // 2) is None
    assert attempt(TURN + HOUR + HOUR // 2 + 1) is not None
    assert attempt(TURN + 2 * HOUR + 30) is None


def test_the_limits_are_per_address_and_per_contact():
    assert attempt(TURN, email="anna@example.org") is None
    assert attempt(TURN + 1, ip="192.0.2.11", email="ANNA@example.org ") is None
    assert attempt(TURN + 2, ip="192.0.2.12", email="anna@example.org") is not None
    assert attempt(TURN + 3, ip="192.0.2.13") is None


def test_retry_after_names_the_seconds_until_the_hour_turns():
    for i in range(3):
        attempt(TURN + 100 + i)
    assert attempt(TURN + 600) == HOUR - 600


def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    def seen(forwarded: str) -> str:
        request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
        return ratelimit.client_ip(request)

    assert seen("198.51.100.7") == "198.51.100.7"
    assert seen("203.0.113.99, 198.51.100.7") == "198.51.100.7"  # the left one is the client's word
    assert seen("") == "10.0.0.1"


def test_without_a_proxy_a_forwarded_header_is_ignored():
    request = RequestFactory().post(
        "/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="203.0.113.5"
    )
    assert ratelimit.client_ip(request) == "192.0.2.1"
