"""The plain text of an article, as the extractor reads it: title, lead and body, one block per
paragraph. Works on the article's latest revision, so a draft from a source can be read too."""

from __future__ import annotations

import re
from typing import Any

import lxml.html

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|ul|ol|div)>", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def html_to_text(html: str) -> str:
    if not html.strip():
        return ""
    marked = _BREAK.sub("\n", _BLOCK_END.sub(lambda m: m.group(0) + "\n", html))
    fragment = lxml.html.fragment_fromstring(marked, create_parent="div")
    lines = (" ".join(line.split()) for line in fragment.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def block_text(block: Any) -> str:
    value = block.value
    if block.block_type == "paragraph":
        return html_to_text(value.source if hasattr(value, "source") else str(value))
    if block.block_type in {"heading", "subheading"}:
        return str(value)
    if block.block_type == "quote":
        return " ".join(part for part in (value.get("text"), value.get("attribution")) if part)
    if block.block_type == "image":
        return str(value.get("caption") or "")
    return ""


def article_text(article: Any) -> str:
    """Title, lead and body of ``article`` (an ArticlePage, its latest revision's content)."""
    parts = [article.title, article.lead]
    parts.extend(block_text(block) for block in article.body)
    return "\n\n".join(part.strip() for part in parts if part and part.strip())
