"""WordPress shortcodes and classic-editor paragraphs, for :mod:`biuletyn.imports.content`.

``expand_shortcodes`` turns the shortcodes a bulletin's content holds into plain HTML our
converter understands, and removes the rest cleanly:

- ``[caption]…[/caption]`` (and the older ``[wp_caption]``, or ``caption="…"``) becomes a
  ``<figure>`` with the image and a ``<figcaption>``; the ``attachment_N`` id is given to the
  image as ``data-id``;
- ``[gallery ids="1,2,3"]`` becomes a figure per attachment known to the caller (a gallery
  without ids, which shows "the post's attachments", is dropped: the converter does not know
  the post's attachments);
- ``[embed]URL[/embed]``, ``[video src=…]`` and ``[audio mp3=…]`` become a paragraph with a
  link to the URL (nothing is embedded from another host);
- any other shortcode is removed: an enclosing one keeps its inner text
  (``[su_note]Text[/su_note]`` → ``Text``), a self-closing one disappears
  (``[contact-form-7 id="77"]``). Escaped ``[[name]]`` goes too.

``autop`` is a small port of WordPress's ``wpautop``: blank lines separate paragraphs, a single
line break inside a paragraph is a ``<br>``, block-level tags stand on their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from html import escape
from typing import Protocol

TOKEN = re.compile(r"\[(/?)([A-Za-z][\w-]*)((?:\s[^\[\]]*?)?)(/?)\]")
ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)"""
)
IMAGE = re.compile(r"(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", re.IGNORECASE)
MEDIA_ATTRIBUTES = ("src", "mp4", "m4v", "webm", "ogv", "mp3", "m4a", "ogg", "wav", "flv")


class _Attachment(Protocol):
    @property
    def url(self) -> str: ...
    @property
    def caption(self) -> str: ...


def parse_attributes(text: str) -> dict[str, str]:
    """Shortcode attributes (``name="value"``, ``name='value'``, ``name=value``)."""
    out: dict[str, str] = {}
    for match in ATTRIBUTE.finditer(text):
        if match.group(1):
            out[match.group(1).lower()] = match.group(2)
        elif match.group(3):
            out[match.group(3).lower()] = match.group(4)
        else:
            out[match.group(5).lower()] = match.group(6)
    return out


def strip_shortcodes(text: str) -> str:
    """Every shortcode tag removed, inner text kept (used on finished text)."""
    for _ in range(10):
        stripped = TOKEN.sub("", text)
        if stripped == text:
            return stripped
        text = stripped
    return TOKEN.sub("", text).replace("[", "(").replace("]", ")")


def expand_shortcodes(text: str, *, attachments: Mapping[int, _Attachment]) -> str:
    """The content with its shortcodes turned into HTML or removed (see the module's doc)."""

    def render(name: str, attrs: dict[str, str], inner: str | None) -> str:
        if name in ("caption", "wp_caption"):
            return _caption(attrs, _expand(inner or "", render))
        if name == "gallery":
            return _gallery(attrs, attachments)
        if name == "embed":
            return _link_paragraph((inner or "").strip())
        if name in ("video", "audio"):
            url = next((attrs[key] for key in MEDIA_ATTRIBUTES if attrs.get(key)), "")
            return _link_paragraph(url.strip())
        return _expand(inner, render) if inner is not None else ""

    expanded = _expand(text, render)
    return strip_shortcodes(expanded)


def _expand(text: str, render: Callable[[str, dict[str, str], str | None], str]) -> str:
    tokens = list(TOKEN.finditer(text))
    out: list[str] = []
    pos = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.start() < pos:
            i += 1
            continue
        start, end = token.start(), token.end()
        # An escaped shortcode, [[name]]: removed with its brackets.
        if start > 0 and text[start - 1] == "[" and text[end : end + 1] == "]":
            out.append(text[pos : start - 1])
            pos = end + 1
            i += 1
            continue
        out.append(text[pos:start])
        if token.group(1):  # a closing tag without its opening
            pos = end
            i += 1
            continue
        name = token.group(2).lower()
        close = None if token.group(4) else _closing(tokens, i, name)
        attrs = parse_attributes(token.group(3) or "")
        if close is not None:
            out.append(render(name, attrs, text[end : tokens[close].start()]))
            pos = tokens[close].end()
            i = close + 1
        else:
            out.append(render(name, attrs, None))
            pos = end
            i += 1
    out.append(text[pos:])
    return "".join(out)


def _closing(tokens: list[re.Match[str]], index: int, name: str) -> int | None:
    depth = 0
    for j in range(index + 1, len(tokens)):
        token = tokens[j]
        if token.group(2).lower() != name:
            continue
        if token.group(1):
            if depth == 0:
                return j
            depth -= 1
        elif not token.group(4) and _closing_exists(tokens, j, name):
            depth += 1
    return None


def _closing_exists(tokens: list[re.Match[str]], index: int, name: str) -> bool:
    return any(t.group(1) and t.group(2).lower() == name for t in tokens[index + 1 :])


def _caption(attrs: dict[str, str], inner: str) -> str:
    match = IMAGE.search(inner)
    if match is None:
        return _paragraph_text(inner)
    image = match.group(0)
    caption = (inner[: match.start()] + " " + inner[match.end() :]).strip()
    caption = caption or attrs.get("caption", "")
    id_match = re.fullmatch(r"attachment_(\d+)", attrs.get("id", "").strip())
    if id_match:
        image = re.sub(r"<img\b", f'<img data-id="{id_match.group(1)}"', image, count=1, flags=re.I)
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"\n\n<figure>{image}{figcaption}</figure>\n\n"


def _gallery(attrs: dict[str, str], attachments: Mapping[int, _Attachment]) -> str:
    figures: list[str] = []
    for part in attrs.get("ids", attrs.get("include", "")).split(","):
        part = part.strip()
        if not part.isdigit() or int(part) not in attachments:
            continue
        info = attachments[int(part)]
        caption = f"<figcaption>{escape(info.caption)}</figcaption>" if info.caption else ""
        figures.append(
            f'<figure><img src="{escape(info.url)}" data-id="{int(part)}" alt="">{caption}</figure>'
        )
    return f"\n\n<figure>{''.join(figures)}</figure>\n\n" if figures else "\n\n"


def _link_paragraph(url: str) -> str:
    if not re.match(r"https?://", url):
        return "\n\n"
    return f'\n\n<p><a href="{escape(url)}">{escape(url)}</a></p>\n\n'


def _paragraph_text(inner: str) -> str:
    return f"\n\n{inner}\n\n"


BLOCKS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|"
    "area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|"
    "header|footer|nav|figure|figcaption|details|menu|summary"
)
BLOCK_OPEN = re.compile(rf"(<(?:{BLOCKS})[\s/>])", re.IGNORECASE)
BLOCK_CLOSE = re.compile(rf"(</(?:{BLOCKS})>)", re.IGNORECASE)
STARTS_WITH_BLOCK = re.compile(rf"^</?(?:{BLOCKS})[\s/>]", re.IGNORECASE)


def autop(text: str) -> str:
    """WordPress's ``wpautop``, in short: paragraphs from blank lines, ``<br>`` from single
    line breaks, block-level tags left alone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = BLOCK_OPEN.sub(r"\n\n\1", text)
    text = BLOCK_CLOSE.sub(r"\1\n\n", text)
    out: list[str] = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if STARTS_WITH_BLOCK.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + re.sub(r"\s*\n\s*", "<br>\n", chunk) + "</p>")
    return "\n".join(out)
