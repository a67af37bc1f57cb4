"""News text as standard docutils nodes, for every builder but HTML (LaTeX, text, man,
texinfo): their own writers escape it and lay it out. Paragraphs and lists here; their text
through :func:`~sphinx_academic.inline.to_nodes`."""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes

from ..inline import to_nodes
from .model import Block, ListBlock, Paragraph


def block_nodes(blocks: Iterable[Block]) -> list[nodes.Element]:
    out: list[nodes.Element] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(nodes.paragraph("", "", *to_nodes(block.text)))
        elif isinstance(block, ListBlock):
            items = [nodes.list_item("", *block_nodes(item)) for item in block.items]
            kind = nodes.enumerated_list if block.ordered else nodes.bullet_list
            out.append(kind("", *items))
    return out
