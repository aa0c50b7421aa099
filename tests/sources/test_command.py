"""``manage.py fetch_sources`` (issue 12): a line per source in Polish, a failing source reported
without stopping the others, exit code 1 only when every source failed."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from biuletyn.sources.models import SourceItem

pytestmark = pytest.mark.integration


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("fetch_sources", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_line_per_source_and_errors_reported(local_server, closed_url, make_source):
    make_source(local_server.url("miasto.rss"))
    make_source(closed_url, name="Zepsute", attribution="zepsute.example")
    out, err = run()
    assert "lublin.eu: 2 nowe, 0 już znanych" in out
    assert "zepsute.example: Serwer odmówił połączenia." in err
    out, err = run()
    assert "lublin.eu: 0 nowych, 2 już znane" in out


def test_one_source_by_its_id(local_server, make_source):
    make_source(local_server.url("miasto.rss"))
    atom = make_source(local_server.url("organizacja.atom"), attribution="razem.example")
    out, _err = run("--source", str(atom.pk))
    assert out.strip() == "razem.example: 1 nowa, 0 już znanych"
    assert SourceItem.objects.count() == 1


def test_every_source_failing_is_exit_code_1(closed_url, make_source):
    make_source(closed_url)
    with pytest.raises(CommandError) as raised:
        run()
    assert raised.value.returncode == 1
    assert "Nie udało się pobrać żadnego źródła." in str(raised.value)


def test_no_sources_is_said(db):
    out, _err = run()
    assert out.strip() == "Nie ma aktywnych źródeł do pobrania."


def test_an_unknown_source(db):
    with pytest.raises(CommandError):
        run("--source", "999")
