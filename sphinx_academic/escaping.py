"""Text made safe for the HTML that visitors write directly, escaped as docutils' writer does."""

from __future__ import annotations

#: docutils' HTML writer's ``special_characters``: & < " > and @ (against address harvesting).
_SPECIAL = str.maketrans({"&": "&amp;", "<": "&lt;", '"': "&quot;", ">": "&gt;", "@": "&#64;"})


def encode(text: str) -> str:
    return text.translate(_SPECIAL)
