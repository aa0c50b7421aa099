"""Fetching a source's address on the server (issue 12; a command's work, never a reader's
page: ADR 0005 is about browsers).

One GET with urllib: our user agent, redirects followed (to http or https only), a timeout for
each network wait (``SOURCES_TIMEOUT``, 15 s) and for the whole download, and a size cap
(``SOURCES_MAX_BYTES``, 5 MB). Only http and https addresses are fetched: tests serve their
files from a local HTTP server, so no ``file://`` switch exists to be left on by mistake.

Every failure is a ``FetchError`` whose ``message`` says what happened in the user's language
(refused, no answer in time, the server's error, too large...), for the source's outcome.
"""

from __future__ import annotations

import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urlsplit

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import formats
from django.utils.translation import gettext as _

DEFAULT_TIMEOUT = 15.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_USER_AGENT = "Biuletyn/1.0 (republishing announcements; +https://biuletyn.lublin.pl/)"
_SCHEMES = {"http", "https"}
_CHUNK = 64 * 1024


class FetchError(Exception):
    """The address could not be fetched; ``message`` says why, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    charset: str | None
    body: bytes


def timeout() -> float:
    return float(getattr(settings, "SOURCES_TIMEOUT", DEFAULT_TIMEOUT))


def max_bytes() -> int:
    return int(getattr(settings, "SOURCES_MAX_BYTES", DEFAULT_MAX_BYTES))


def user_agent() -> str:
    return str(getattr(settings, "SOURCES_USER_AGENT", DEFAULT_USER_AGENT))


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http and https addresses only (urllib would also follow ftp)."""

    max_redirections = 5

    def redirect_request(
        self, req: Any, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage, newurl: str
    ) -> Any:
        if urlsplit(newurl).scheme.lower() not in _SCHEMES:
            fp.close()
            raise FetchError(
                _("The address redirects to %(url)s, which is not a web address.")
                % {"url": newurl[:200]}
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_RedirectHandler())


def _seconds(value: float) -> str:
    return str(formats.number_format(round(value, 1) if value % 1 else int(value)))


def _reason(error: BaseException, wait: float) -> str:
    """A network failure in words."""
    if isinstance(error, urllib.error.URLError) and isinstance(error.reason, BaseException):
        error = error.reason
    if isinstance(error, TimeoutError | socket.timeout):
        return _("The server did not answer in the time allowed (%(seconds)s s).") % {
            "seconds": _seconds(wait)
        }
    if isinstance(error, ConnectionRefusedError):
        return _("The server refused the connection.")
    if isinstance(error, socket.gaierror):
        return _("The server's name could not be found. Check the address.")
    if isinstance(error, ssl.SSLError | ssl.CertificateError):
        return _("A secure connection to the server could not be made.")
    if isinstance(error, ConnectionError):
        return _("The connection to the server broke off.")
    return _("The address could not be fetched: %(reason)s") % {"reason": error}


def _read(response: Any, *, limit: int, deadline: float, wait: float) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise FetchError(_too_large(limit))
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(
                _("The server did not send everything in the time allowed (%(seconds)s s).")
                % {"seconds": _seconds(wait)}
            )
        chunk = response.read(_CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            raise FetchError(_too_large(limit))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> str:
    return _("The answer is larger than %(size)s; it was not read.") % {
        "size": filesizeformat(limit)
    }


def fetch(url: str) -> Fetched:
    """GET ``url``; its body, final address and content type, or a ``FetchError``."""
    if urlsplit(url).scheme.lower() not in _SCHEMES:
        raise FetchError(_("Only web addresses (http:// or https://) can be fetched."))
    wait = timeout()
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
        url,
        headers={
            "User-Agent": user_agent(),
            "Accept": "application/rss+xml, application/atom+xml, application/xml, "
            "text/xml, text/html;q=0.9, */*;q=0.5",
            "Accept-Encoding": "identity",
        },
    )
    # Twice the wait for the whole download: a server dripping bytes cannot keep us forever.
    deadline = time.monotonic() + 2 * wait
    try:
        with _opener().open(request, timeout=wait) as response:
            body = _read(response, limit=max_bytes(), deadline=deadline, wait=wait)
            headers = response.headers
            final = response.geturl()
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        error.close()
        raise FetchError(
            _("The server answered with error %(code)s (%(reason)s).")
            % {"code": error.code, "reason": error.reason or _("no reason given")}
        ) from error
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise FetchError(_reason(error, wait)) from error
    except Exception as error:  # http.client's odd replies (bad status line, ...)
        raise FetchError(
            _("The server's answer could not be read: %(reason)s") % {"reason": error}
        ) from error
    return Fetched(
        url=final,
        content_type=headers.get_content_type(),
        charset=headers.get_content_charset(),
        body=body,
    )
