"""Project-wide promises: migrations match the models, the catalogues are complete, the lock
files match pyproject.toml, and the runtime package imports nothing installed only for tests."""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
import tomllib
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(ROOT.glob("locale/*/LC_MESSAGES/django.po"))


@pytest.mark.integration
def test_models_and_migrations_agree(db):
    out = StringIO()

    call_command("makemigrations", "--check", "--dry-run", stdout=out)

    assert "No changes detected" in out.getvalue()


@pytest.mark.unit
def test_there_is_a_catalogue_for_every_language():
    assert sorted(p.parent.parent.name for p in CATALOGUES) == sorted(
        code for code, _ in settings.LANGUAGES
    )


@pytest.mark.unit
@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(path):
    catalogue = polib.pofile(str(path))

    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    assert [e.msgid for e in catalogue.obsolete_entries()] == []


@pytest.mark.unit
@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 artykuł"),
        (2, "2 artykuły"),
        (4, "4 artykuły"),
        (5, "5 artykułów"),
        (12, "12 artykułów"),
        (22, "22 artykuły"),
        (25, "25 artykułów"),
    ],
)
def test_polish_plurals_follow_polish_grammar(count, expected):
    """The compiled Polish catalogue picks the right form (1 / 2–4, 22–24 / 5–21, 25 …)."""
    from django.utils import translation

    with translation.override("pl"):
        text = translation.ngettext("%(counter)s article", "%(counter)s articles", count)
    assert text % {"counter": count} == expected


def _locked_versions(lock: Path) -> dict[str, str]:
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            name, version = line.split(" ")[0].split("==")
            pins[canonicalize_name(name.split("[")[0])] = version
    return pins


@pytest.mark.unit
@pytest.mark.parametrize(
    ("lock", "groups"),
    [("requirements/app.txt", []), ("requirements/test.txt", ["test", "lint", "bench"])],
)
def test_lock_files_pin_every_declared_dependency_within_its_range(lock, groups):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = list(project["project"]["dependencies"])
    for group in groups:
        declared += project["dependency-groups"][group]
    pins = _locked_versions(ROOT / lock)

    out_of_range = []
    for text in declared:
        requirement = Requirement(text)
        pinned = pins.get(canonicalize_name(requirement.name))
        if pinned is None or not requirement.specifier.contains(pinned, prereleases=True):
            out_of_range.append((text, pinned))

    assert out_of_range == [], "run `make lock` after changing pyproject.toml"


def _dev_only_import_names() -> set[str]:
    """Top-level import names of the distributions only the dependency groups bring in: those
    the groups declare plus what they pull in (the test lock less the app lock)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {
        canonicalize_name(Requirement(text).name)
        for group in project["dependency-groups"].values()
        for text in group
    }
    runtime = set(_locked_versions(ROOT / "requirements/app.txt"))
    dev_only = (declared | set(_locked_versions(ROOT / "requirements/test.txt"))) - runtime
    names = set()
    for top, dists in importlib.metadata.packages_distributions().items():
        # Only a name that nothing else provides: a shared namespace stays importable.
        if top.isidentifier() and {canonicalize_name(d) for d in dists} <= dev_only:
            names.add(top)
    return names


# Run in a fresh interpreter: a finder placed before every other one refuses the blocked names,
# then Django starts and every module of the package is imported, migrations included.
_IMPORT_EVERYTHING = """
import importlib, importlib.abc, importlib.util, json, pkgutil, sys

BLOCKED = frozenset(json.loads(sys.argv[1]))


class RefuseDevOnly(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"{name} is installed for tests and tools only", name=name)
        return None


sys.meta_path.insert(0, RefuseDevOnly())
# Imported at start-up (a .pth file, sitecustomize) the finder would never see them.
loaded = sorted(m for m in sys.modules if m.partition(".")[0] in BLOCKED)

import django

django.setup()
import biuletyn

imported, failures = [], {}


def broken_package(name):
    failures[name] = repr(sys.exc_info()[1])


for module in pkgutil.walk_packages(biuletyn.__path__, "biuletyn.", onerror=broken_package):
    try:
        importlib.import_module(module.name)
        imported.append(module.name)
    except Exception as exc:
        failures[module.name] = f"{type(exc).__name__}: {exc}"
print(json.dumps({"loaded_before_the_fence": loaded, "failures": failures, "imported": imported}))
"""


@pytest.mark.unit
def test_runtime_package_imports_nothing_installed_only_for_tests_and_tools(tmp_path):
    blocked = _dev_only_import_names()
    assert "pytest" in blocked, "the dependency groups should fence off at least pytest"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="biuletyn.settings.production",
        SECRET_KEY="import-check-not-secret",
        BIULETYN_VAR_DIR=str(tmp_path / "var"),
        PYTHONPATH=str(ROOT / "src"),
    )

    done = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", _IMPORT_EVERYTHING, json.dumps(sorted(blocked))],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )

    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["loaded_before_the_fence"] == []
    assert report["failures"] == {}
    assert "biuletyn.wsgi" in report["imported"]
    assert "biuletyn.pages.migrations.0001_home_page" in report["imported"]


_UNFILLED_CATALOGUE = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Events"
msgstr ""

#, fuzzy
msgid "Venues"
msgstr "Events"

msgid "Kept"
msgstr "Kept as written"

msgid "%(n)s event"
msgid_plural "%(n)s events"
msgstr[0] ""
msgstr[1] ""

#~ msgid "Gone"
#~ msgstr ""
"""


@pytest.mark.unit
def test_fill_source_catalogue_copies_msgids_into_empty_and_fuzzy_entries(tmp_path):
    path = tmp_path / "django.po"
    path.write_text(_UNFILLED_CATALOGUE, encoding="utf-8")

    done = subprocess.run(  # noqa: S603 - our own interpreter and a script of ours
        [sys.executable, str(ROOT / "tools/fill_source_catalogue.py"), str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )

    assert done.stdout == f"{path}: 3 entries filled.\n"
    catalogue = polib.pofile(str(path))
    assert {e.msgid: e.msgstr for e in catalogue if not e.msgid_plural and not e.obsolete} == {
        "Events": "Events",
        "Venues": "Venues",
        "Kept": "Kept as written",
    }
    plural = catalogue.find("%(n)s event")
    assert plural is not None
    assert plural.msgstr_plural == {0: "%(n)s event", 1: "%(n)s events"}
    assert catalogue.fuzzy_entries() == []
    assert [e.msgstr for e in catalogue.obsolete_entries()] == [""]
