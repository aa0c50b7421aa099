"""Rate limits of the registration form, without a CAPTCHA (issue 10): so many sign-ups per hour
from one IP address and for one e-mail address or phone (``settings.REGISTRATION_RATE_LIMITS``).

Counted in Django's cache per hour, as a sliding window: the count of this hour plus the share
of the previous hour's count that still falls within the last sixty minutes. So a burst across the
turn of the hour is counted whole (fixed windows would let twice the limit through, and would let a
test that crosses the hour pass where it should be refused). The keys are keyed hashes, so neither
an address nor a number ever sits in the cache. Only forms that would reach the service count (a
form sent back with an error stores nothing and costs nothing), so a person mending their typing
is never locked out, while a robot's flood, or "send my link again" sent over and over, is.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from . import services

WINDOW = 3600


def _digest(kind: str, value: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:40]


def client_ip(request: HttpRequest) -> str:
    """The address the request came from. Behind ``TRUSTED_PROXY_COUNT`` proxies it is the entry
    of X-Forwarded-For the outermost of them wrote; entries left of it are the client's word and
    are never trusted (a robot could name a fresh address each time)."""
    proxies: int = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def contact_keys(*, email: str = "", phone: str = "") -> list[str]:
    """The normalised e-mail and phone a form names, as ``services`` compares them."""
    keys = []
    if email.strip():
        keys.append("email:" + services.email_key(email))
    if phone.strip() and services.phone_key(phone):
        keys.append("phone:" + services.phone_key(phone))
    return keys


def hit(
    request: HttpRequest,
    contacts: Iterable[str],
    *,
    now: float | None = None,
    limits: dict[str, int] | None = None,
    prefix: str = "registration",
) -> int | None:
    """Count one attempt from this request for these contacts. None when it is within the
    limits; else the seconds until the window ends (for ``Retry-After``). ``limits`` (``{"ip",
    "contact"}``, by default ``REGISTRATION_RATE_LIMITS``) and ``prefix`` let another form keep
    counts of its own (the consultations' comment form and readers' reports)."""
    now = time.time() if now is None else now
    window = int(now // WINDOW)
    if limits is None:
        limits = settings.REGISTRATION_RATE_LIMITS
    counters = [("ip", _digest("ip", client_ip(request)), limits["ip"])]
    counters += [("contact", _digest("contact", key), limits["contact"]) for key in contacts]
    over = False
    previous_weight = 1 - (now % WINDOW) / WINDOW
    for kind, digest, limit in counters:
        key = f"biuletyn:{prefix}-limit:{kind}:{digest}"
        # add() then incr(): atomic on the cache backends that matter (locmem, Redis, files
        # within one process), and never resets a running count.
        current = f"{key}:{window}"
        cache.add(current, 0, timeout=2 * WINDOW + 60)
        try:
            count = cache.incr(current)
        except ValueError:  # expired between add() and incr()
            cache.add(current, 1, timeout=2 * WINDOW + 60)
            count = 1
        previous = cache.get(f"{key}:{window - 1}", 0)
        if count + previous * previous_weight > limit:
            over = True
    if not over:
        return None
    return max(int(WINDOW - now % WINDOW), 1)
