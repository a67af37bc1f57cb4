"""The publication entry node, and how each builder writes it.

``publication_list`` is the read-time placeholder for one year of one list; at
``doctree-resolved`` (:mod:`.lists`) it becomes a bullet list of ``publication_entry`` nodes,
each holding its :class:`~.display.EntryDisplay`. HTML builders write an entry in one string
(:mod:`.html`); LaTeX, text, man and texinfo writers are given standard nodes
(:mod:`.lowering`) and lay them out themselves. The entry's only child is the text Sphinx's
search index reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..bib.adapter import latex_citation_anchor
from ..visitors import add_node
from .controls import controls_html
from .html import downloads_html, entry_html, legend_html
from .lowering import entry_nodes, legend_nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class publication_list(nodes.General, nodes.Element):
    """Read-time placeholder: ``keys`` and ``anchors`` of one group of one list."""


class publication_entry(nodes.list_item):
    """One entry: ``display`` (an EntryDisplay), ``ids``, and ``cite_id`` if citable."""


class publication_downloads(nodes.General, nodes.Element):
    """Links to the site's publications as downloads, above a page's first citable list. At
    ``doctree-resolved`` ``bibtex`` and ``csl_json`` (their addresses) are set, or the node
    removed (downloads off, or a builder that writes no files beside its pages)."""


def visit_downloads_html(self: Any, node: publication_downloads) -> None:
    self.body.append(downloads_html(node["bibtex"], node["csl_json"]))
    raise nodes.SkipNode


class publication_legend(nodes.General, nodes.Element):
    """What the author marks of a list mean. Read time: ``keys`` (the list's entries); at
    ``doctree-resolved`` ``legend`` (:data:`.display.Legend`) is set, or the node removed."""


def visit_legend_html(self: Any, node: publication_legend) -> None:
    self.body.append(legend_html(node["legend"]))
    raise nodes.SkipNode


def visit_legend_lowered(self: Any, node: publication_legend) -> None:
    node[:] = legend_nodes(node["legend"], plain=False)


def visit_legend_as_text(self: Any, node: publication_legend) -> None:
    node[:] = legend_nodes(node["legend"], plain=True)


def depart_legend(self: Any, node: publication_legend) -> None:
    pass


class publication_group(nodes.bullet_list):
    """The entries of one group of a list; ``list_id`` names the list its filters act on."""


class publication_controls(nodes.General, nodes.Element):
    """Read-time placeholder for a list's filter controls (``list_id``, ``prefix``,
    ``label``); completed at write time with ``choices`` (a FilterChoices)."""


def visit_group_html(self: Any, node: publication_group) -> None:
    self.body.append(
        self.starttag(node, "ul", "", **{"data-academic-list": node["list_id"]}) + "\n"
    )


def depart_group_html(self: Any, node: publication_group) -> None:
    self.body.append("</ul>\n")


def visit_group_as_list(self: Any, node: publication_group) -> None:
    self.visit_bullet_list(node)


def depart_group_as_list(self: Any, node: publication_group) -> None:
    self.depart_bullet_list(node)


def visit_controls_html(self: Any, node: publication_controls) -> None:
    if "choices" in node:
        self.body.append(controls_html(node["choices"]))
    raise nodes.SkipNode


def visit_entry_html(self: Any, node: publication_entry) -> None:
    self.body.append(entry_html(node["display"], node["ids"], node["classes"]))
    raise nodes.SkipNode


def _lowered(node: publication_entry, links_as_text: bool) -> None:
    node.clear()
    node.extend(entry_nodes(node["display"], links_as_text))


def visit_entry_latex(self: Any, node: publication_entry) -> None:
    _lowered(node, links_as_text=False)
    self.visit_list_item(node)
    if node.get("cite_id"):
        self.body.append(latex_citation_anchor(node["docname"], node["cite_id"]))


def visit_entry_texinfo(self: Any, node: publication_entry) -> None:
    _lowered(node, links_as_text=False)
    self.visit_list_item(node)


def visit_entry_as_text(self: Any, node: publication_entry) -> None:
    """Text and man: links as "label: URL", which plain text can show."""
    _lowered(node, links_as_text=True)
    self.visit_list_item(node)


def depart_entry(self: Any, node: publication_entry) -> None:
    self.depart_list_item(node)


def setup_nodes(app: Sphinx) -> None:
    app.add_node(publication_list)
    add_node(
        app,
        publication_group,
        html=(visit_group_html, depart_group_html),
        lowered=(visit_group_as_list, depart_group_as_list),
    )
    add_node(app, publication_downloads, html=(visit_downloads_html, None))
    add_node(app, publication_controls, html=(visit_controls_html, None))
    add_node(
        app,
        publication_legend,
        html=(visit_legend_html, None),
        lowered=(visit_legend_lowered, depart_legend),
        as_text=(visit_legend_as_text, depart_legend),
    )
    add_node(
        app,
        publication_entry,
        html=(visit_entry_html, None),
        lowered=(visit_entry_latex, depart_entry),
        as_text=(visit_entry_as_text, depart_entry),
        texinfo=(visit_entry_texinfo, depart_entry),
    )
