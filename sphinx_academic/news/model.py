"""A news item as plain data: its date and its text, as paragraphs and lists of inline text.

The text of a paragraph is :class:`~sphinx_academic.inline.Inline` (runs of plain, strong,
emphasised, code or linked text, and line breaks), the model CV files and bib fields use,
whoever wrote it (Markdown in a news file: :mod:`.markdown`; a ``news`` directive's body:
:func:`from_nodes`). Each output renders that structure itself: HTML (:mod:`.html`, also the
Atom feed's content), standard docutils nodes for LaTeX, text, man and texinfo
(:mod:`.lowering`). Nothing here knows about a builder.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docutils import nodes

from ..cv.dates import CVDate
from ..inline import Inline, from_docutils


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: inline text, as runs."""

    text: Inline


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bullet or numbered list; each item is blocks of its own."""

    ordered: bool
    items: tuple[tuple[Block, ...], ...]


Block = Paragraph | ListBlock


@dataclass(frozen=True, slots=True)
class NewsItem:
    """One dated item: what every output shows."""

    date: CVDate
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class NewsEntry:
    """A news item as a page shows it: kept per document in the academic domain."""

    key: str  #: stable across builds: where it was written, its date, its place among that day's
    anchor: str  #: the item's id on its page
    item: NewsItem
    complete: bool  #: shown by a list without ``:limit:`` (the feed links to such a page)
    in_body: bool = False  #: written in the directive's body (its nodes may hold references)


# ------------------------------------------------------------------ plain text


def plain_text(blocks: Iterable[Block]) -> str:
    """The text without markup, blocks separated by a space (search, feed titles)."""
    parts = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text.plain)
        else:
            parts.extend(plain_text(item) for item in block.items)
    return " ".join(" ".join(p.split()) for p in parts if p.strip())


def headline(blocks: Sequence[Block], limit: int = 100) -> str:
    """The first block's text, cut at a word within ``limit`` characters ("…" when cut)."""
    text = plain_text(blocks[:1])
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:") + "\u2026"


# ------------------------------------------------------------------ from a directive's body


def from_nodes(body: Iterable[nodes.Node], problems: list[str]) -> tuple[Block, ...]:
    """The neutral structure of a directive item's body (the page renders the nodes); links
    may be relative to the page, as on the page itself."""
    blocks: list[Block] = []
    for node in body:
        if isinstance(node, nodes.paragraph):
            blocks.append(Paragraph(from_docutils(node, problems, relative_links=True)))
        elif isinstance(node, nodes.bullet_list | nodes.enumerated_list):
            items = tuple(
                from_nodes(item.children, problems)
                for item in node.children
                if isinstance(item, nodes.list_item)
            )
            blocks.append(ListBlock(isinstance(node, nodes.enumerated_list), items))
        elif isinstance(node, nodes.Element) and node.astext().strip():
            blocks.append(Paragraph(Inline.of(node.astext())))
    return tuple(blocks)
