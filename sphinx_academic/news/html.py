"""News text in HTML: for pages, and as the Atom feed's content. Paragraphs and lists here;
their text through :func:`~sphinx_academic.inline.to_html` (every value escaped). ``base``
makes relative links absolute for the feed, whose readers resolve them against the feed's
own address rather than the page's."""

from __future__ import annotations

from collections.abc import Iterable

from ..inline import to_html
from .model import Block, ListBlock, Paragraph


def blocks_html(blocks: Iterable[Block], base: str = "") -> str:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(f"<p>{to_html(block.text, base)}</p>\n")
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{blocks_html(item, base)}</li>\n" for item in block.items)
            out.append(f"<{tag}>\n{items}</{tag}>\n")
    return "".join(out)
