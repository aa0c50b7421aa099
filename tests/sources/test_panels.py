"""The source form's "Last fetch" panel (issue 12): one sentence in the reader's language and in
Warsaw time, never "None": not fetched yet, the counts of a fetch that worked, or the error of
one that failed. The sentences are read in English (their msgids), the form in Polish."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import translation

from biuletyn.sources import services
from biuletyn.sources.models import Source
from biuletyn.sources.panels import last_fetch_sentence

pytestmark = pytest.mark.integration

# 14:02 in Warsaw (winter time, UTC+1).
FETCHED = dt.datetime(2026, 12, 5, 13, 2, tzinfo=dt.UTC)


def test_a_new_source_is_not_fetched_yet():
    with translation.override("en"):
        assert last_fetch_sentence(Source()) == "Not fetched yet."
    with translation.override("pl"):
        assert last_fetch_sentence(Source()) == "Jeszcze nie pobrano."


def test_a_fetch_that_worked_in_warsaw_time(settings):
    settings.TIME_ZONE = "UTC"  # the sentence keeps Warsaw time whatever the active zone
    source = Source(last_fetched_at=FETCHED, last_ok=True, last_new=3, last_known=1)
    with translation.override("en"):
        sentence = last_fetch_sentence(source)
    assert sentence == "Last fetched 5\u00a0December\u00a02026, 14:02: 3 new, 1 already known."


def test_a_fetch_that_failed_gives_its_error():
    source = Source(
        last_fetched_at=FETCHED, last_ok=False, last_error="The server refused the connection."
    )
    with translation.override("en"):
        sentence = last_fetch_sentence(source)
    assert sentence == (
        "The fetch of 5\u00a0December\u00a02026, 14:02 failed: The server refused the connection."
    )


def test_the_form_shows_one_sentence_and_no_none(admin_client, local_server, make_source, db):
    add = admin_client.get(reverse("wagtailsnippets_sources_source:add")).content.decode()
    assert '<p class="biuletyn-last-fetch" data-last-fetch>Jeszcze nie pobrano.</p>' in add
    assert "w-field__textoutput" not in add  # no read-only pseudo-fields that read "None"
    assert not re.search(r">\s*None\s*<", add)

    source = make_source(local_server.url("miasto.rss"))
    services.fetch_source(source=source)
    url = reverse("wagtailsnippets_sources_source:edit", args=(source.pk,))
    edit = admin_client.get(url).content.decode()
    source.refresh_from_db()
    with translation.override("pl"):
        expected = last_fetch_sentence(source)
    assert f"data-last-fetch>{expected}</p>" in edit
    assert "2 nowe, 0 już znanych" in expected
