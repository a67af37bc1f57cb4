"""News text as standard docutils nodes, for every builder but HTML (LaTeX, text, man,
texinfo): their own writers escape it and lay it out."""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes

from .model import Block, Break, Code, Inline, Link, ListBlock, Paragraph, Styled, Text


def inline_nodes(inlines: Iterable[Inline]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for inline in inlines:
        if isinstance(inline, Text):
            out.append(nodes.Text(inline.text))
        elif isinstance(inline, Code):
            out.append(nodes.literal(inline.text, inline.text))
        elif isinstance(inline, Break):
            out.append(nodes.Text("\n"))
        elif isinstance(inline, Styled):
            node_class = nodes.emphasis if inline.style == "emphasis" else nodes.strong
            out.append(node_class("", "", *inline_nodes(inline.children)))
        elif isinstance(inline, Link):
            out.append(nodes.reference("", "", *inline_nodes(inline.children), refuri=inline.url))
    return out


def block_nodes(blocks: Iterable[Block]) -> list[nodes.Element]:
    out: list[nodes.Element] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(nodes.paragraph("", "", *inline_nodes(block.inlines)))
        elif isinstance(block, ListBlock):
            items = [nodes.list_item("", *block_nodes(item)) for item in block.items]
            kind = nodes.enumerated_list if block.ordered else nodes.bullet_list
            out.append(kind("", *items))
    return out
