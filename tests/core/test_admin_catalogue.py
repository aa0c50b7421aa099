"""The admin in Polish (issue 9): the project's catalogues translate the texts of Wagtail (and
django-taggit) that editors meet, exactly as those projects spell them, so the translations win
over theirs and can be offered upstream."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import polib
import pytest
import wagtail
from django.utils import translation

from biuletyn.core import upstream_admin_strings

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
WAGTAIL = Path(wagtail.__file__).parent
JS_CATALOGUE = ROOT / "locale/pl/LC_MESSAGES/djangojs.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def _upstream_msgids(domain: str) -> set[str]:
    paths = WAGTAIL.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")
    return {entry.msgid for path in paths for entry in polib.pofile(str(path))}


def _listed() -> list[tuple[str, str | None]]:
    """(singular, plural) of every text upstream_admin_strings lists, read as makemessages does."""
    tree = ast.parse(Path(upstream_admin_strings.__file__).read_text(encoding="utf-8"))
    texts: list[tuple[str, str | None]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            args = [arg.value for arg in node.args if isinstance(arg, ast.Constant)]
            if node.func.id == "gettext_noop":
                texts.append((args[0], None))
            elif node.func.id == "ngettext_lazy":
                texts.append((args[0], args[1]))
    assert len(texts) == len(upstream_admin_strings.SINGULAR) + len(upstream_admin_strings.PLURAL)
    return texts


def test_every_listed_text_is_wagtails_or_taggits_own():
    known = _upstream_msgids("django") | {
        "A comma-separated list of tags.",
        "Please provide a comma-separated list of tags.",
    }
    assert [text for text, _ in _listed() if text not in known] == []


def test_every_listed_text_has_polish_that_keeps_its_placeholders():
    catalogue = polib.pofile(str(ROOT / "locale/pl/LC_MESSAGES/django.po"))
    for text, plural in _listed():
        entry = next(e for e in catalogue if e.msgid == text and not e.msgctxt)
        forms = list(entry.msgstr_plural.values()) if plural else [entry.msgstr]
        assert len(forms) == (4 if plural else 1), text
        for form in forms:
            assert form, text
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(text)), text


@pytest.mark.parametrize(
    ("count", "images", "documents"),
    [(1, "1 obraz", "1 dokument"), (2, "2 dokumenty", "2 dokumenty"), (7, "7 obrazów", None)],
)
def test_the_dashboards_summary_counts_in_polish(count, images, documents):
    with translation.override("pl"):
        text = translation.ngettext(
            '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
            count,
        ) % {"total": count, "site_name": "Biuletyn"}
        docs = translation.ngettext(
            '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
            count,
        ) % {"total": count, "site_name": "Biuletyn"}
    if count != 2:
        assert text.startswith(images + " <span")
    if documents:
        assert docs.startswith(documents + " <span")
    assert text.endswith('<span class="w-sr-only">w serwisie Biuletyn</span>')


@pytest.mark.parametrize(
    ("msgid", "wrong"),
    [
        ("Drag and drop images into this area to upload immediately.", "upusć"),
        (
            'Multi-word tags with spaces will automatically be enclosed in double quotes (").',
            "cudzysłowia",
        ),
        ("The page title as you'd like it to be seen by the public", "jaki chcesz"),
        ("Search all pages…", "wszytkich"),
        ("Add %(label)s", "Dodaj %(label)s"),
    ],
)
def test_wagtails_wrong_polish_is_replaced(msgid, wrong):
    with translation.override("pl"):
        assert wrong not in translation.gettext(msgid)


def test_the_js_catalogue_overrides_only_wagtails_own_texts_with_four_polish_plurals():
    catalogue = polib.pofile(str(JS_CATALOGUE))
    upstream = _upstream_msgids("djangojs")

    assert "nplurals=4;" in catalogue.metadata["Plural-Forms"]
    assert [e.msgid for e in catalogue if e.msgid not in upstream] == []
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    for entry in catalogue:
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == 4, entry.msgid


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("7 Images", True),
        ("The page could not be saved due to validation errors.", True),
        ("Autosave is paused", True),
        ("Breadcrumb", True),
        ("Search", True),
        ("7 obrazów", False),
        (
            "Gdzie oglądać lub dołączyć. Zostaw puste, jeśli adres jest wysyłany po zapisaniu się.",
            False,
        ),
        (
            "To pole jest wymagane, a link do tego menu – online.",
            False,
        ),
    ],
)
def test_the_walks_english_detector_tells_english_interface_text_from_polish(text, english):
    from tests.browser.english import english_words

    assert bool(english_words(text)) is english, english_words(text)


def test_the_translations_we_add_hold_no_english_interface_word():
    from tests.browser.english import english_words

    catalogue = polib.pofile(str(ROOT / "locale/pl/LC_MESSAGES/django.po"))
    listed = {text for text, _ in _listed()}
    polish = [
        form
        for entry in catalogue
        if entry.msgid in listed
        for form in ([entry.msgstr] if not entry.msgid_plural else entry.msgstr_plural.values())
    ]
    assert [
        text for text in polish if english_words(re.sub(r"<[^>]+>", "", PLACEHOLDER.sub("", text)))
    ] == []
