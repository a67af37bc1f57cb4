"""A news item as plain data: its date and its text in a small neutral structure.

The text is paragraphs and lists of plain text, emphasis, strong text, inline code, line
breaks and links, whoever wrote it (Markdown in a news file: :mod:`.markdown`; a ``news``
directive's body: :func:`from_nodes`). Each output renders that structure itself: HTML
(:mod:`.html`, also the Atom feed's content), standard docutils nodes for LaTeX, text, man
and texinfo (:mod:`.lowering`). Nothing here knows about a builder.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from docutils import nodes

from ..cv.dates import CVDate
from ..urls import UnsafeURLError, checked_url


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Code:
    text: str


@dataclass(frozen=True, slots=True)
class Break:
    """A hard line break."""


@dataclass(frozen=True, slots=True)
class Styled:
    style: Literal["emphasis", "strong"]
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Link:
    url: str  #: checked: http(s), mailto or relative
    children: tuple[Inline, ...]


Inline = Text | Code | Break | Styled | Link


@dataclass(frozen=True, slots=True)
class Paragraph:
    inlines: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class ListBlock:
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


def inline_text(inlines: Iterable[Inline]) -> str:
    out = []
    for inline in inlines:
        if isinstance(inline, Text | Code):
            out.append(inline.text)
        elif isinstance(inline, Break):
            out.append(" ")
        else:
            out.append(inline_text(inline.children))
    return "".join(out)


def plain_text(blocks: Iterable[Block]) -> str:
    """The text without markup, blocks separated by a space (search, feed titles)."""
    parts = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(inline_text(block.inlines))
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


def _inlines(node: nodes.Node, problems: list[str]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for child in node.children if isinstance(node, nodes.Element) else ():
        if isinstance(child, nodes.Text):
            out.append(Text(str(child)))
        elif isinstance(child, nodes.emphasis):
            out.append(Styled("emphasis", _inlines(child, problems)))
        elif isinstance(child, nodes.strong):
            out.append(Styled("strong", _inlines(child, problems)))
        elif isinstance(child, nodes.literal):
            out.append(Code(child.astext()))
        elif isinstance(child, nodes.reference) and child.get("refuri"):
            try:
                out.append(Link(checked_url(child["refuri"]), _inlines(child, problems)))
            except UnsafeURLError as err:
                problems.append(f"{err}; the link was left out")
                out.extend(_inlines(child, problems))
        elif isinstance(child, nodes.Element):
            # A citation, a cross-reference …: the feed gets the words; the page renders it.
            out.extend(_inlines(child, problems))
    return tuple(out)


def from_nodes(body: Iterable[nodes.Node], problems: list[str]) -> tuple[Block, ...]:
    """The neutral structure of a directive item's body (the page renders the nodes)."""
    blocks: list[Block] = []
    for node in body:
        if isinstance(node, nodes.paragraph):
            blocks.append(Paragraph(_inlines(node, problems)))
        elif isinstance(node, nodes.bullet_list | nodes.enumerated_list):
            items = tuple(
                from_nodes(item.children, problems)
                for item in node.children
                if isinstance(item, nodes.list_item)
            )
            blocks.append(ListBlock(isinstance(node, nodes.enumerated_list), items))
        elif isinstance(node, nodes.Element) and node.astext().strip():
            blocks.append(Paragraph((Text(node.astext()),)))
    return tuple(blocks)
