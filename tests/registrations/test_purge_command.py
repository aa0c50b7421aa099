"""The ``purge_personal_data`` command (issue 10, ADR 0011): the operator's way to run the
scheduled purge by hand. A dry run only says what would go; a real run purges, says what went
(the kind of data and how many rows, never the content) and leaves the records."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from biuletyn.events.models import EventPage
from biuletyn.registrations.enums import Need
from biuletyn.registrations.models import AccommodationRequest, PurgeRecord, Registration
from biuletyn.registrations.services import NeedAnswer
from tests.factories.registrations import register

pytestmark = pytest.mark.integration


@pytest.fixture
def ended_long_ago(setup, monkeypatch):
    """A registration with needs, and the clock 200 days after the event ended."""
    register(
        setup,
        name="Barbara Przykładowa",
        email="barbara.przykladowa@example.org",
        needs=[NeedAnswer(Need.PJM)],
        health_consent=True,
    )
    over_at = EventPage.objects.get(pk=setup.event_id).schedule.over_at
    moment = over_at + dt.timedelta(days=200)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return moment


def run(*args: str) -> str:
    """The command's output, in Polish: the site's language, the operator's."""
    out = StringIO()
    with translation.override("pl"):
        call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


def test_a_dry_run_says_what_would_go_and_changes_nothing(setup, ended_long_ago):
    before = list(Registration.objects.values())
    output = run("--dry-run")
    title = setup.event.title
    assert output.splitlines() == [
        f"Do usunięcia – {title}: odpowiedzi o dostosowaniach (dane o zdrowiu), liczba wierszy: 1",
        f"Do usunięcia – {title}: zanonimizowane zgłoszenia, liczba wierszy: 1",
        # The confirmation goes with the person it was for.
        f"Do usunięcia – {title}: wysłane wiadomości, liczba wierszy: 1",
        "Tryb próbny – niczego nie zmieniono. Liczba wierszy do usunięcia: 3.",
    ]
    assert list(Registration.objects.values()) == before
    assert AccommodationRequest.objects.count() == 1
    assert not PurgeRecord.objects.exists()


def test_a_run_purges_and_prints_one_line_per_record(setup, ended_long_ago):
    foreseen = [line.removeprefix("Do usunięcia – ") for line in run("--dry-run").splitlines()]
    output = run()
    records = list(PurgeRecord.objects.all())
    # The dry run foresaw exactly what the run did.
    done = [line.removeprefix("Usunięto – ") for line in output.splitlines()]
    assert foreseen[:-1] == done[:-1]
    assert records
    assert {record.trigger for record in records} == {PurgeRecord.Trigger.COMMAND}
    assert {record.ran_at for record in records} == {ended_long_ago}
    lines = [line for line in output.splitlines() if line.startswith("Usunięto – ")]
    assert len(lines) == len(records)
    with translation.override("pl"):
        for record in records:
            line = f"{record.get_data_kind_display()}, liczba wierszy: {record.rows}"
            assert line in output
    assert not AccommodationRequest.objects.exists()
    assert Registration.objects.get().anonymised_at == ended_long_ago
    for personal in ("Barbara", "przykladowa", "pjm"):
        assert personal not in output.lower()

    # Nothing is left to do the second time.
    again = run()
    assert "Usunięto" not in again
    assert "Usunięte wiersze: 0," in again
    assert PurgeRecord.objects.count() == len(records)


def test_with_nothing_due_nothing_is_printed_but_the_total(setup):
    register(setup)
    assert run("--dry-run").splitlines() == [
        "Tryb próbny – niczego nie zmieniono. Liczba wierszy do usunięcia: 0."
    ]
    assert "Gotowe. Usunięte wiersze: 0, zapisy o usunięciu: 0." in run()
