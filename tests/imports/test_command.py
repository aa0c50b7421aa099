"""``manage.py import_wordpress`` (issue 12): the report an editor reads at the end (what needs
an editor's eye: images without alt text, posters without a text version, broken links to old
media, pages an editor changed since the last import), the progress bar kept off stdout, and a
sentence, in Polish, an exit code and no traceback for a wrong path.

Personas: the bulletin's editor or the person who moves the old site for them, at a terminal.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import translation

from biuletyn.imports.models import ImportedItem
from tests.imports.conftest import DATA, EXPORT, UPLOADS, changed_export, page_of

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as an editor's is."""

    def isatty(self) -> bool:
        return True


def run(*args: str, stderr: io.StringIO | None = None) -> str:
    out = io.StringIO()
    call_command("import_wordpress", *args, stdout=out, stderr=stderr or io.StringIO())
    return out.getvalue()


def section(report: str, heading: str) -> list[str]:
    """The lines under ``heading`` up to the next blank line."""
    lines = report.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    block = []
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        block.append(line.strip())
    return block


def test_the_report_says_what_needs_an_editor(site_tree):
    report = run(str(EXPORT), "--media-dir", str(UPLOADS))

    assert report.startswith("Import z WordPressa zakończony.\n")
    assert "Zaimportowano 10 stron" in report
    assert "Nie udało się zaimportować 0 elementów" in report
    assert "Do sprawdzenia przez redakcję:" in report
    stops, garden, open_day = page_of(12), page_of(13), page_of(10)
    assert section(report, "Obraz nie ma tekstu alternatywnego. (2)") == sorted(
        [
            f"- {garden.title}: http://127.0.0.1:8000/admin/pages/{garden.pk}/edit/",
            f"- {stops.title}: http://127.0.0.1:8000/admin/pages/{stops.pk}/edit/",
        ],
        key=lambda line: report.index(line),
    )
    assert section(report, "Tekst alternatywny obrazu mówi tylko") == [
        f"- {stops.title}: http://127.0.0.1:8000/admin/pages/{stops.pk}/edit/"
    ]
    assert section(report, "Plakat nie ma wersji tekstowej. (1)") == [
        f"- {open_day.title}: http://127.0.0.1:8000/admin/pages/{open_day.pk}/edit/"
    ]
    broken = section(report, "Link lub obraz prowadzi do pliku ze starej strony")
    assert (
        "https://rada-lublin.example.org/wp-content/uploads/2022/01/regulamin-ankiety.pdf"
    ) in broken
    assert section(report, "Pliki starej strony, których nie ma w folderze") == [
        "- 2022/01/regulamin-ankiety.pdf",
        "- 2023/10/ogrod-sciezka.jpg",
    ]


def test_the_report_names_the_pages_an_editor_changed(site_tree, tmp_path):
    run(str(EXPORT), "--media-dir", str(UPLOADS))
    page = page_of(22)
    editor = get_user_model().objects.create_user("redaktorka", "redaktorka@example.org", "x")
    page.lead = "Redakcja dopisała, kto przygotował pierwszy numer."
    page.save_revision(user=editor).publish()

    report = run(str(changed_export(tmp_path)), "--media-dir", str(UPLOADS))

    heading = "Zmienione przez redakcję od ostatniego importu, pozostawione bez zmian (1):"
    assert section(report, heading) == [
        f"- Pierwsze wydanie biuletynu: http://127.0.0.1:8000/admin/pages/{page.pk}/edit/"
    ]
    assert "Zaimportowano 1 stronę" in report
    assert "Zaktualizowano 1 stronę" in report


def test_the_progress_bar_goes_to_the_terminal_and_never_into_the_report(site_tree):
    terminal = Terminal()
    report = run(str(EXPORT), "--media-dir", str(UPLOADS), stderr=terminal)

    # tqdm draws at the start and then at most every 0.1 s: the first drawing is certain.
    assert "0/30 [" in terminal.getvalue()
    assert "pozycje/s" in terminal.getvalue()
    assert "\r" not in report
    assert "pozycje/s" not in report
    assert report.startswith("Import z WordPressa zakończony.\n")


def test_no_progress_bar_when_asked_or_when_stderr_is_not_a_terminal(site_tree):
    terminal = Terminal()
    run(str(EXPORT), "--media-dir", str(UPLOADS), "--no-progress", stderr=terminal)
    assert terminal.getvalue() == ""
    piped = io.StringIO()
    run(str(EXPORT), "--media-dir", str(UPLOADS), stderr=piped)
    assert piped.getvalue() == ""


def test_a_wrong_media_dir_is_a_sentence_and_imports_nothing(site_tree, tmp_path):
    missing = tmp_path / "wp-content" / "uploads"
    with pytest.raises(CommandError) as error:
        run(str(EXPORT), "--media-dir", str(missing))
    assert str(error.value) == (
        f"Nie ma folderu {missing}. Podaj kopię folderu wp-content/uploads starej strony albo "
        "pomiń --media-dir."
    )
    assert not ImportedItem.objects.exists()


def test_a_media_dir_that_is_a_file_is_refused_too(site_tree):
    with pytest.raises(CommandError, match=r"^Nie ma folderu "):
        run(str(EXPORT), "--media-dir", str(EXPORT))


def test_the_messages_are_polish_whatever_language_is_active(site_tree, tmp_path):
    missing = tmp_path / "eksport.xml"
    with translation.override("en"), pytest.raises(CommandError) as error:
        run(str(missing))
    assert str(error.value) == (
        f"Nie ma pliku {missing}. Podaj ścieżkę do eksportu z WordPressa (.xml)."
    )
    with translation.override("en"), pytest.raises(CommandError) as error:
        run(str(DATA / "not_wxr.xml"))
    assert str(error.value).startswith("Ten plik to kanał RSS, a nie eksport z WordPressa")


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("eksport.xml", "Nie ma pliku "),
        ("not_wxr.xml", "Ten plik to kanał RSS, a nie eksport z WordPressa"),
        ("cp1250.xml", "Plik nie jest zapisany w kodowaniu, które deklaruje (wiersz 11)"),
    ],
)
def test_in_a_terminal_a_bad_file_exits_non_zero_without_a_traceback(tmp_path, name, sentence):
    path = DATA / name if (DATA / name).exists() else tmp_path / name
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"} | {
        "DJANGO_SETTINGS_MODULE": "biuletyn.settings.test",
        "BIULETYN_VAR_DIR": str(tmp_path),
    }
    done = subprocess.run(  # noqa: S603 - our own interpreter and command
        [sys.executable, "manage.py", "import_wordpress", str(path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=environment,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("CommandError: " + sentence)
