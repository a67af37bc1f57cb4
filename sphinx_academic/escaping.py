"""Text made safe for the HTML that visitors write directly, escaped as docutils' writer does."""

from __future__ import annotations

import json
from typing import Any

#: docutils' HTML writer's ``special_characters``: & < " > and @ (against address harvesting).
_SPECIAL = str.maketrans({"&": "&amp;", "<": "&lt;", '"': "&quot;", ">": "&gt;", "@": "&#64;"})


def encode(text: str) -> str:
    return text.translate(_SPECIAL)


_JSON_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_ld(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` that no value can break out of.

    ``<``, ``>`` and ``&`` are written as JSON escapes, so ``</script>`` or ``<!--`` in a
    title stays inside the string.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    return f'<script type="application/ld+json">{text}</script>'
