"""News text in HTML: for pages, and as the Atom feed's content (every value through
:func:`encode`). ``base`` makes relative links absolute for the feed, whose readers resolve
them against the feed's own address rather than the page's."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urljoin

from ..escaping import encode
from ..urls import has_scheme
from .model import Block, Break, Code, Inline, Link, ListBlock, Paragraph, Styled, Text

_TAGS = {"emphasis": "em", "strong": "strong"}


def inlines_html(inlines: Iterable[Inline], base: str = "") -> str:
    out = []
    for inline in inlines:
        if isinstance(inline, Text):
            out.append(encode(inline.text))
        elif isinstance(inline, Code):
            out.append(f'<code class="docutils literal notranslate">{encode(inline.text)}</code>')
        elif isinstance(inline, Break):
            out.append("<br />")
        elif isinstance(inline, Styled):
            tag = _TAGS[inline.style]
            out.append(f"<{tag}>{inlines_html(inline.children, base)}</{tag}>")
        elif isinstance(inline, Link):
            url = inline.url
            if base and not has_scheme(url) and not url.startswith("//"):
                url = urljoin(base, url)
            out.append(
                f'<a class="reference external" href="{encode(url)}">'
                f"{inlines_html(inline.children, base)}</a>"
            )
    return "".join(out)


def blocks_html(blocks: Iterable[Block], base: str = "") -> str:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(f"<p>{inlines_html(block.inlines, base)}</p>\n")
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{blocks_html(item, base)}</li>\n" for item in block.items)
            out.append(f"<{tag}>\n{items}</{tag}>\n")
    return "".join(out)
