"""How the extension's nodes meet Sphinx's builders: each node has its HTML visitor, one pair
for the builders that lay text out themselves (LaTeX, texinfo; text and man too unless they
get a plain-text pair of their own), or none: a website-only node is left out of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

VisitorPair = tuple[Callable[[Any, Any], None], Callable[[Any, Any], None] | None]


def skip_node(self: Any, node: nodes.Element) -> None:
    """A node that needs a browser and a website (filters, download and PDF links): other
    outputs leave it out."""
    raise nodes.SkipNode


SKIPPED: VisitorPair = (skip_node, None)


def add_node(
    app: Sphinx,
    node: type[nodes.Element],
    html: VisitorPair,
    lowered: VisitorPair = SKIPPED,
    as_text: VisitorPair | None = None,
    **overrides: VisitorPair,
) -> None:
    """Register ``node``: ``html`` for the HTML builders, ``lowered`` for LaTeX and texinfo,
    ``as_text`` (else ``lowered``) for text and man; ``overrides`` (``texinfo=…``) win."""
    text = as_text or lowered
    visitors = {"latex": lowered, "texinfo": lowered, "text": text, "man": text} | overrides
    app.add_node(node, override=False, html=html, **visitors)
