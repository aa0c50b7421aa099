"""schema.org JSON-LD blocks. The JSON is escaped the way Django's json_script escapes it, so
that no value can close the <script> element."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    # mark_safe: <, > and & are escaped above, as in django.utils.html.json_script.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
