"""Text made safe for the HTML that visitors write directly, escaped as docutils' writer does."""

from __future__ import annotations

import json
from typing import Any

# Chained ``str.replace`` rather than ``str.translate``: translate with a mapping looks up
# every character in a dict, ten times slower, and this runs over every entry of a list.


def encode(text: str) -> str:
    """docutils' HTML writer's ``special_characters``: & < " > and @ (against address
    harvesting)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace('"', "&quot;")
        .replace(">", "&gt;")
        .replace("@", "&#64;")
    )


def json_ld(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` that no value can break out of.

    ``<``, ``>`` and ``&`` are written as JSON escapes, so ``</script>`` or ``<!--`` in a
    title stays inside the string.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
