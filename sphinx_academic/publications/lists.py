"""Write time: each list placeholder becomes its entries, from the domain's records.

At ``doctree-resolved``, after every post-transform: a list of thousands of entries would
otherwise be walked by each of them (Sphinx's, sphinx-design's, this extension's) although
none has anything to do in it. The entries hold only external links and the ids that
``{cite}`` points at, so nothing here needs resolving.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.util.osutil import relative_uri

from ..bib import adapter
from ..config import AcademicConfig
from ..domain import AcademicDomain
from ..pages.downloads import BIBTEX_FILE, CSL_JSON_FILE, downloads_on
from ..pages.plan import page_href, writes_pages
from .controls import filter_choices
from .display import EntryDisplay, EntryView, display, legend
from .nodes import (
    publication_controls,
    publication_downloads,
    publication_entry,
    publication_group,
    publication_legend,
    publication_list,
)
from .plain import search_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


def page_root(builder: Builder, docname: str) -> str:
    """The path from a page to the site's root ("" or "../" …), for links to local files."""
    try:
        root = relative_uri(builder.get_target_uri(docname), "")
    except NoUri:
        return ""
    return "" if root in ("./", ".") else root


def entry_view(app: Sphinx, docname: str) -> EntryView:
    config = AcademicConfig.from_config(app.config)
    return EntryView.from_config(config, page_root(app.builder, docname))


def resolve_downloads(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """The downloads' addresses, or no links: downloads off, or a builder that writes no
    files beside its pages (LaTeX, text, singlehtml, epub)."""
    found = list(doctree.findall(publication_downloads))
    if not found:
        return
    if not (downloads_on(app) and writes_pages(app.builder)):
        for node in found:
            node.parent.remove(node)
        return
    root = page_root(app.builder, docname)
    for node in found:
        node["bibtex"], node["csl_json"] = root + BIBTEX_FILE, root + CSL_JSON_FILE


def render_lists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    resolve_downloads(app, doctree, docname)
    placeholders = list(doctree.findall(publication_list))
    if not placeholders:
        return
    env = app.env
    domain = AcademicDomain.of(env)
    view = entry_view(app, docname)
    for legend_node in list(doctree.findall(publication_legend)):
        records = [r for r in map(domain.record, legend_node["keys"]) if r is not None]
        legend_node["legend"] = legend((a for r in records for a in r.authors), view)
        if not legend_node["legend"]:
            legend_node.parent.remove(legend_node)
    cite_ids: dict[tuple[str, str], dict[str, str]] = {}
    shown_in: dict[str, list[EntryDisplay]] = {}
    for node in placeholders:
        bibliography = node["bibliography_id"]
        ids = {}
        if bibliography:
            where = (node["docname"], bibliography)
            if where not in cite_ids:
                cite_ids[where] = adapter.citation_ids(env, *where)
            ids = cite_ids[where]
        items = []
        for key, anchor in zip(node["keys"], node["anchors"], strict=True):
            record = domain.record(key)
            if record is None:
                continue
            shown = display(record, view, page_href(app.builder, docname, key))
            shown_in.setdefault(node["list_id"], []).append(shown)
            cite_id = ids.get(key, "")
            items.append(
                publication_entry(
                    "",
                    nodes.Text(search_text(shown)),
                    display=shown,
                    ids=[anchor, cite_id] if cite_id else [anchor],
                    classes=["academic-pub"],
                    docname=node["docname"],
                    cite_id=cite_id,
                )
            )
        parent = node.parent
        if items:
            group = publication_group(
                "", *items, classes=["academic-publications"], list_id=node["list_id"]
            )
            node.replace_self(group)
            continue
        parent.remove(node)
        year_section = isinstance(parent, nodes.section) and "academic-year" in parent["classes"]
        rest = [c for c in parent.children if not isinstance(c, publication_legend)]
        if year_section and len(rest) == 1:  # only its title is left
            parent.parent.remove(parent)
    for controls in list(doctree.findall(publication_controls)):
        entries = shown_in.get(controls["list_id"], [])
        if len(entries) < 2:  # nothing to choose between
            controls.parent.remove(controls)
            continue
        controls["choices"] = filter_choices(
            entries, controls["list_id"], controls["prefix"], controls["label"]
        )


def setup_lists(app: Sphinx) -> None:
    app.connect("doctree-resolved", render_lists)
