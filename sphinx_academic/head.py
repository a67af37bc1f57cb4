"""Adding markup to a page's ``<head>``: through the template's ``metatags``, which every theme
writes there."""

from __future__ import annotations


def add_to_head(context: dict[str, object], markup: str) -> None:
    context["metatags"] = f"{context.get('metatags', '')}\n{markup}"
