"""Personal data never reaches a log (issue 10, "Privacy and durability"): a registration that
fails with a server error leaves the name, e-mail, phone and needs out of every log line, out of
every handler's output, out of the error e-mail to the admins (sensitive_post_parameters) and
out of the 500 page.

Persona: a person whose data must not end up in an administrator's inbox or a log file."""

from __future__ import annotations

import io
import logging
import uuid

import pytest
from django.core import mail
from django.test import Client

from biuletyn.registrations import services

pytestmark = pytest.mark.integration

MARKERS = {
    "name": "Markerowa Imiesława",
    "email": "marker.7731@example.org",
    "phone": "612 987 345",
    "diet_details": "Markerdieta bezglutenowa",
    "other_details": "Markerpotrzeba pętli",
}
LOGGERS = ("", "django", "django.request", "django.server", "biuletyn", "wagtail")


@pytest.fixture
def every_log_line():
    """A handler on every logger that matters, at every level, formatted with the traceback."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    loggers = [logging.getLogger(name) for name in LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    yield stream
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_a_forced_500_keeps_personal_data_out_of_every_log(
    setup, event, settings, monkeypatch, caplog, capfd, every_log_line
):
    settings.ADMINS = [("Administrator", "admin@example.org")]
    settings.DEBUG = False

    def broken(**kwargs):
        raise RuntimeError("forced failure in a test")

    monkeypatch.setattr(services, "register", broken)
    caplog.set_level(logging.DEBUG)
    client = Client(raise_request_exception=False)
    response = client.post(
        f"{event.url}zapisy/",
        {
            **MARKERS,
            "contact_preference": "email",
            "seats": "1",
            "needs": ["diet", "other", "pjm"],
            "health_consent": "on",
            "idempotency_key": uuid.uuid4().hex,
            "fax": "",
        },
    )
    assert response.status_code == 500

    # The failure was reported, so there was something to leak.
    assert any(record.levelno == logging.ERROR for record in caplog.records)
    assert len(mail.outbox) == 1
    report = mail.outbox[0]
    assert "forced failure in a test" in report.body
    # sensitive_post_parameters hid the form's values.
    assert "name = '********************'" in report.body

    out, err = capfd.readouterr()
    captured = {
        "caplog": caplog.text + "\n".join(str(record.__dict__) for record in caplog.records),
        "handlers": every_log_line.getvalue(),
        "stdout and stderr": out + err,
        "error e-mail": report.subject
        + report.body
        + "".join(str(content) for content, _type in getattr(report, "alternatives", [])),
        "500 page": response.content.decode(),
    }
    assert "forced failure" in captured["handlers"]
    # Each marker whole, its first word (a name's first half), and the phone's digits alone.
    needles = {field: [marker, marker.split()[0]] for field, marker in MARKERS.items()}
    needles["phone"] = [MARKERS["phone"], MARKERS["phone"].replace(" ", "")]
    for where, text in captured.items():
        for field, markers in needles.items():
            for marker in markers:
                assert marker not in text, f"{field} ({marker!r}) reached {where}"
