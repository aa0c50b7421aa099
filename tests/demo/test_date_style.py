"""Every demo event, in both languages, as a page, an ICS file and its JSON-LD: never "r.." and
never a breaking space before "r." (issue 9, "Dates and typography"). The dates the site writes
(facts, cards, the last day to ask, ICS and JSON-LD text) keep "2027 r." together with a
non-breaking space. Editors' rich text (the body's paragraphs, in .app-prose) is their own
typing: there only "r.." is checked. The demo pages also link an article to its event and back."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from biuletyn.articles.models import ArticlePage
from biuletyn.core.templatetags.biuletyn_text import typeset
from biuletyn.demo.loader import load
from biuletyn.events.models import EventPage

pytestmark = pytest.mark.integration

BREAKING_SPACE_BEFORE_R = re.compile(r"\d[ \t\r\n]+r\.")


class _Text(HTMLParser):
    """The text of <main>, split into what the site writes and what editors wrote in rich text,
    and the JSON-LD blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.site: list[str] = []
        self.prose: list[str] = []
        self.json_ld: list[str] = []
        self._stack: list[tuple[str, bool]] = []
        self._in_main = False
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "main":
            self._in_main = True
        if tag == "script" and attributes.get("type") == "application/ld+json":
            self._in_json_ld = True
        if tag in {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}:
            return
        is_prose = "app-prose" in (attributes.get("class") or "").split()
        self._stack.append((tag, is_prose or any(prose for _tag, prose in self._stack)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self._in_main = False
        if tag == "script":
            self._in_json_ld = False
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(data)
        elif self._in_main:
            in_prose = bool(self._stack) and self._stack[-1][1]
            (self.prose if in_prose else self.site).append(data)


def _json_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _json_strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _json_strings(item)]
    return []


def _ics_texts(content: bytes) -> list[str]:
    [vevent] = Calendar.from_ical(content).walk("VEVENT")
    return [str(vevent[name]) for name in ("SUMMARY", "DESCRIPTION", "LOCATION") if name in vevent]


def _faults(where: str, texts: list[str], *, check_spaces: bool = True) -> list[str]:
    faults = []
    for text in texts:
        for match in re.finditer(r".{0,40}r\.\s*\.", text):
            faults.append(f"{where}: “r..” in {match[0]!r}")
        if check_spaces:
            for match in BREAKING_SPACE_BEFORE_R.finditer(text):
                start = max(match.start() - 30, 0)
                faults.append(
                    f"{where}: breaking space before “r.” in {text[start : match.end()]!r}"
                )
    return faults


@pytest.fixture
def demo(db):
    load(port=8000)


@pytest.mark.parametrize("language", ["pl", "en"])
def test_no_event_page_ics_or_json_ld_has_r_dot_dot_or_a_breaking_space_before_r(
    client, demo, language
):
    events = list(EventPage.objects.live().filter(locale__language_code=language))
    assert len(events) >= 10
    faults: list[str] = []

    for event in events:
        response = client.get(event.url)
        assert response.status_code == 200, event.url
        text = _Text()
        text.feed(response.content.decode())
        with translation.override(language):
            ics = client.get(reverse("events:ics", kwargs={"pk": event.pk}))
        assert ics.status_code == 200
        json_ld = [s for block in text.json_ld for s in _json_strings(json.loads(block))]

        faults += _faults(f"{event.url} page", [" ".join(text.site)])
        faults += _faults(f"{event.url} prose", [" ".join(text.prose)], check_spaces=False)
        faults += _faults(f"{event.url} JSON-LD", json_ld)
        faults += _faults(f"{event.url} ICS", _ics_texts(ics.content))

    assert faults == []


def test_an_article_links_to_the_event_that_links_to_it(client, demo):
    article = ArticlePage.objects.get(
        slug="spotkanie-organizacji-z-miastem-20-czerwca", locale__language_code="pl"
    )
    event = EventPage.objects.get(related_articles__article=article, locale__language_code="pl")

    html = client.get(article.url).content.decode()
    event_html = client.get(event.url).content.decode()

    assert f'href="{article.url}"' in event_html
    assert f'Wydarzenie: <a href="{event.url}">{typeset(event.title)}</a>' in html
    assert "czwartek, 20\u00a0czerwca\u00a02024\u00a0r., 16:00–\u206018:00" in html
