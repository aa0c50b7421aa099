"""Guards the Polish event extractor (issue 12): date formats, the choice of the event's date
among decoys, year inference from the publication date, the command, and that any text is read
without an exception with valid dates and times out."""

from __future__ import annotations

import datetime
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from biuletyn.extraction.accessibility import ITEMS
from biuletyn.extraction.extract import FIELDS, extract_event
from biuletyn.extraction.kind import KINDS
from tests.strategies import TEXT

pytestmark = pytest.mark.unit
DEV = Path(__file__).parent / "data" / "dev.jsonl"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Koncert odbędzie się 20 czerwca 2024 r. o godz. 16:00.", "2024-06-20", None),
        ("Debata 3 grudnia 2019 (wtorek) od godz. 18:00 do 20:00.", "2019-12-03", None),
        ("Warsztaty odbędą się 26.11.2025 w sali 2.", "2025-11-26", None),
        ("Koncert 4. XII. 2018 r., godz. 17.", "2018-12-04", None),
        ("Festyn w dniach 5-7 maja 2025.", "2025-05-05", "2025-05-07"),
        ("Wystawa czynna od 10 czerwca do 8 września 2025.", "2025-06-10", "2025-09-08"),
        ("Zlot 12–14.09.2025 w Zamościu.", "2025-09-12", "2025-09-14"),
        ("Spotkanie piętnastego marca 2024 o siedemnastej.", "2024-03-15", None),
        ("Spotkanie w srode 15 pazdziernika 2025 o godz. 18.", "2025-10-15", None),
    ],
)
def test_date_formats(text, start, end):
    out = extract_event(text).as_json()
    assert (out["start_date"], out["end_date"]) == (start, end)


def test_the_event_date_wins_over_publication_deadline_and_office_hours():
    text = (
        "Opublikowano: 10.11.2025\nZapisy do 20.11.2025 telefonicznie: 81 532 10 10.\n"
        "Warsztaty odbędą się 26.11.2025 o godz. 10:00 w Klubie Seniora, ul. Zana 38 w Lublinie.\n"
        "Biuro czynne pon.-pt. 8:00-16:00, ul. Krakowskie Przedmieście 5."
    )
    out = extract_event(text).as_json()
    assert out["start_date"] == "2025-11-26"
    assert out["start_time"] == "10:00"
    assert out["registration_deadline"] == "2025-11-20"
    assert out["street_address"] == "ul. Zana 38"


def test_year_from_publication_date():
    text = "Spotkanie odbędzie się 15 stycznia o godz. 16:00 w Zamościu."
    assert (
        extract_event(text, published=datetime.date(2025, 11, 20)).as_json()["start_date"]
        == "2026-01-15"
    )
    assert extract_event(text).as_json()["start_date"] == "--01-15"
    report = "Piknik odbył się 15 grudnia w Lublinie. Dziękujemy!"
    assert (
        extract_event(report, published=datetime.date(2026, 1, 10)).as_json()["start_date"]
        == "2025-12-15"
    )


def test_offered_and_not_offered_accessibility():
    text = (
        "Spotkanie 4 marca 2025 w Krasnymstawie. Będzie pętla indukcyjna."
        " Niestety nie zapewniamy tłumacza PJM."
    )
    assert extract_event(text).accessibility == ["induction_loop"]


def test_not_an_event():
    out = extract_event(
        "Stanowisko Zarządu w sprawie ustawy. Lublin, 15 stycznia 2025 r."
    ).as_json()
    assert out["kind"] == "not_event"
    assert all(out[k] is None for k in FIELDS if k not in {"kind", "accessibility"})


def test_dev_set_stays_above_its_floor():
    sys.path.insert(0, str(Path(__file__).parents[2] / "tools"))
    import extraction_figures

    counts = extraction_figures.score(extraction_figures.load(DEV))
    for count in counts.values():
        assert (count.precision or 1) >= 0.9
        assert (count.recall or 1) >= 0.85


def test_command_prints_one_json_object():
    out = io.StringIO()
    call_command(
        "extract_event",
        "--published",
        "2025-05-12",
        stdin=io.StringIO("Koncert 20 czerwca o 16:00."),
        stdout=out,
    )
    assert json.loads(out.getvalue())["start_date"] == "2025-06-20"


def test_command_rejects_a_bad_date():
    with pytest.raises(CommandError) as error:
        call_command("extract_event", "--published", "2025-13-01", stdin=io.StringIO(""))
    assert error.value.returncode == 2


def test_command_in_a_subprocess_reads_bad_bytes():
    result = subprocess.run(
        [sys.executable, "manage.py", "extract_event"],
        input=b"Koncert 20 czerwca 2025 o 16:00." + b"\xff\xfe",
        capture_output=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 1
    assert set(json.loads(lines[0])) == set(FIELDS)


DATEISH = st.lists(
    st.sampled_from(
        [
            "29 lutego",
            "31.02",
            "XIII",
            "32 maja",
            "od 10 do 8 czerwca",
            "godz. 25:61",
            "12-14.13.2025",
            " o ",
            "wczoraj",
            "br.",
            "ul. ",
            "Zapisy do ",
            "0.0.0000",
            "2025-02-29",
            "24:00",
            "\n",
        ]
    )
    | TEXT,
    max_size=8,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(text=TEXT | DATEISH, published=st.none() | st.dates())
def test_any_text_gives_valid_output(text, published):
    out = extract_event(text, published=published).as_json()
    assert list(out) == list(FIELDS)
    assert out["kind"] in KINDS
    for key in ("start_date", "end_date", "registration_deadline"):
        if out[key]:
            value = out[key]
            if value.startswith("--"):
                datetime.date.fromisoformat("2000" + value[1:])
            else:
                datetime.date.fromisoformat(value)
    for key in ("start_time", "end_time"):
        if out[key]:
            datetime.time.fromisoformat(out[key])
    assert all(item in ITEMS or item.startswith("other:") for item in out["accessibility"])
