"""Finding English interface text on a page that should be all Polish.

``interface_texts`` collects what an editor meets on the screen as it is now: every rendered
text node (text read aloud but visually hidden included, hidden tabs and closed menus not), the
options of rendered selects, the ``aria-label``, ``title``, ``placeholder`` and ``alt`` of
rendered elements, the value of input buttons and the document's title. What editors typed
themselves (text inputs, text areas, the rich text editor) is left out: it is content.

``english_in`` keeps the texts with a word from ``ENGLISH_WORDS``: common English words of
interfaces (and of sentences) that are not also Polish words. Words with Polish letters never
match, and words that are Polish too ("to", "on", "do", "no", "by", "we", "my", "go", "list",
"most", "data", "menu", "status", "link", "online", "tag", "tablet", "alt") are not in the list,
so a Polish text is never taken for English; an English sentence or button ("Save", "2
Documents", "Go to the first error") always has one of the words. Texts that are content from
the database (titles, names) are skipped by the caller, which knows them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from playwright.sync_api import Page

ENGLISH_WORDS = frozenset(
    """
    the and of for with without your you this that these those is are was were be been being has
    have had not or in at from into onto all any can cannot could will would should must may
    might please here there click tap when what which who how why where than then only also each
    every some such its our their them they if first last due off out up down over under above
    below more less new next previous back yes none other latest recent about after before again
    already save saved saving autosave paused choose chosen chooser select selected selection
    error errors page pages image images document documents add added delete deleted deleting
    edit edited editing cancel close search searching upload uploaded uploading file files title
    titles view preview publish published publishing unpublish unpublished draft drafts live
    settings help show hide item items user users account password change changes changed create
    created field fields required optional toggle sidebar collapse expand move copy history
    comment comments workflow workflows reports dashboard snippet snippets collection
    collections filter filters order language languages loading loaded name description heading
    paragraph block blocks insert drop drag browse computer validation actions action breadcrumb
    breadcrumbs checks footer header tags comma separated remove replace undo redo bold italic
    unknown missing invalid type results result found nothing empty focal point crop size
    width height success successfully failed warning details summary open opens tab tabs window
    minimap characters character words word count text caption choice choices site sites lock
    locked unlock owner revision revisions compare current scheduled schedule expired expiry
    privacy public private visible visibility previewing mobile accessibility alternative
    decorative flyer city translations translate translation locale explorer reorder sub parent
    child children
    """.split()  # noqa: SIM905 (a word list reads better as words)
)

_WORD = re.compile(r"[^\W\d_]+")

_COLLECT = r"""
() => {
  const texts = [];
  const shown = (el) => el.checkVisibility({ visibilityProperty: true });
  const typed = (el) => el.closest('[contenteditable="true"], textarea, [data-draftail-input]');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, template, noscript, option')) continue;
    if (typed(parent) || !shown(parent)) continue;
    texts.push(node.data);
  }
  for (const select of document.querySelectorAll('select')) {
    if (shown(select)) for (const option of select.options) texts.push(option.text);
  }
  const attributes = ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'];
  for (const el of document.body.querySelectorAll(attributes.map((a) => `[${a}]`).join(','))) {
    if (!shown(el) || typed(el)) continue;
    for (const name of attributes) if (el.hasAttribute(name)) texts.push(el.getAttribute(name));
  }
  for (const el of document.querySelectorAll('input[type=submit], input[type=button]')) {
    if (shown(el)) texts.push(el.value);
  }
  texts.push(document.title);
  return texts;
}
"""


def interface_texts(page: Page) -> set[str]:
    """The texts an editor meets on the page as it is now, whitespace collapsed."""
    texts: list[str] = page.evaluate(_COLLECT)
    return {" ".join(text.split()) for text in texts} - {""}


def english_words(text: str) -> list[str]:
    """The words of ``text`` that are English interface words."""
    return [word for word in _WORD.findall(text) if word.lower() in ENGLISH_WORDS]


def english_in(texts: Iterable[str], *, content: Iterable[str] = ()) -> list[str]:
    """The texts with English words in them, except those that contain a piece of content."""
    pieces = [piece for piece in content if piece]
    return sorted(
        text for text in texts if english_words(text) and not any(piece in text for piece in pieces)
    )


class PolishWalk:
    """An editor's walk through the Polish admin: at each screen state the page is in Polish,
    axe finds nothing, and the English interface texts found are kept, with where, for
    ``assert_polish`` at the end (one report of them all, not a stop at the first).

    ``content()`` gives what editors or tests wrote (titles, names), which may be English on
    purpose; subclasses add theirs. It is read at each check, so what the walk itself creates
    counts too."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.found: dict[str, str] = {}

    def content(self) -> Iterable[str]:
        from wagtail.models import Page as WagtailPage

        return WagtailPage.objects.values_list("title", flat=True)

    def check(self, where: str) -> None:
        from tests.browser.helpers import assert_no_axe_violations

        assert self.page.locator("html").get_attribute("lang") == "pl", where
        assert_no_axe_violations(self.page)
        content = [text for text in self.content() if text]
        for text in english_in(interface_texts(self.page), content=content):
            self.found.setdefault(text, where)

    def visit(self, path: str) -> None:
        response = self.page.goto(path, wait_until="networkidle")
        assert response is not None, path
        assert response.status == 200, path
        self.check(path)

    def assert_polish(self) -> None:
        report = "\n".join(f"{where}: {text!r}" for text, where in self.found.items())
        assert not self.found, "English text in the Polish admin:\n" + report
