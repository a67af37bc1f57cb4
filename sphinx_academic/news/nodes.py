"""News list nodes, and how each builder writes them.

HTML is a list with a ``<time datetime>`` per item; LaTeX, text, man and texinfo get a bullet
list whose items start with the date in bold. An item written in the directive's body keeps
its parsed nodes (links, citations and roles work as anywhere on the page); an item from a
news file is rendered from its :class:`~.model.NewsItem` (:mod:`.html`, :mod:`.lowering`), and
its only child is its text for Sphinx's search index.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..escaping import encode
from ..visitors import add_node
from .html import blocks_html
from .lowering import block_nodes
from .model import NewsItem

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class news_list(nodes.General, nodes.Element):
    """The items of one ``news`` directive, newest first."""


class news_item(nodes.General, nodes.Element):
    """One item: ``item`` (a NewsItem), ``from_source``; its id is the item's anchor."""


def _formats(translator: Any) -> Mapping[str, str]:
    formats: Mapping[str, str] = translator.builder.config.academic_date_format
    return formats


def date_text(item: NewsItem, formats: Mapping[str, str]) -> str:
    return item.date.display(formats)


# ------------------------------------------------------------------ HTML


def visit_list_html(self: Any, node: news_list) -> None:
    self.body.append('<ul class="academic-news">\n')


def depart_list_html(self: Any, node: news_list) -> None:
    self.body.append("</ul>\n")


def visit_item_html(self: Any, node: news_item) -> None:
    item: NewsItem = node["item"]
    ids = node["ids"]
    anchor = f' id="{encode(ids[0])}"' if ids else ""
    when = encode(date_text(item, _formats(self)))
    self.body.append(
        f'<li class="academic-news-item"{anchor}>'
        f'<time class="academic-news-date" datetime="{item.date.iso}">{when}</time>\n'
        '<div class="academic-news-text">\n'
    )
    if node["from_source"]:
        self.body.append(blocks_html(item.blocks) + "</div></li>\n")
        raise nodes.SkipNode


def depart_item_html(self: Any, node: news_item) -> None:
    self.body.append("</div></li>\n")


# ------------------------------------------------------------------ everything else


def _lowered(node: news_item, formats: Mapping[str, str]) -> None:
    """The date in bold at the start of the first paragraph (or before the first block)."""
    item: NewsItem = node["item"]
    body = block_nodes(item.blocks) if node["from_source"] else list(node.children)
    date = nodes.strong("", date_text(item, formats))
    if body and isinstance(body[0], nodes.paragraph):
        body[0].insert(0, nodes.Text(": "))
        body[0].insert(0, date)
    else:
        body.insert(0, nodes.paragraph("", "", date))
    node[:] = body


def visit_list_as_list(self: Any, node: news_list) -> None:
    self.visit_bullet_list(node)


def depart_list_as_list(self: Any, node: news_list) -> None:
    self.depart_bullet_list(node)


def visit_item_lowered(self: Any, node: news_item) -> None:
    _lowered(node, _formats(self))
    self.visit_list_item(node)


def depart_item_lowered(self: Any, node: news_item) -> None:
    self.depart_list_item(node)


def setup_nodes(app: Sphinx) -> None:
    add_node(
        app,
        news_list,
        html=(visit_list_html, depart_list_html),
        lowered=(visit_list_as_list, depart_list_as_list),
    )
    add_node(
        app,
        news_item,
        html=(visit_item_html, depart_item_html),
        lowered=(visit_item_lowered, depart_item_lowered),
    )
