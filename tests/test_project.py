"""Project-wide promises: migrations match the models, and the catalogues are complete."""

from __future__ import annotations

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
def test_polish_catalogue_declares_four_plural_forms():
    catalogue = polib.pofile(str(ROOT / "locale/pl/LC_MESSAGES/django.po"))

    assert catalogue.metadata["Plural-Forms"].startswith("nplurals=4;")


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
