"""The ``publications`` directive: bib entries as a year-grouped, citable publication list.

Read time: the directive registers one sphinxcontrib-bibtex bibliography (so the cite domain
filters, sorts with the ``academic`` style, and resolves ``{cite}`` to the entries), and
leaves a :class:`publication_list` placeholder per year. Write time: at ``doctree-resolved``
each placeholder becomes a list of that year's entries.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from . import bibdata
from .config import academic_config
from .entry_html import entry_html_node, preview_markup
from .markup import author_nodes, link_nodes, toggle, venue_nodes
from .metadata import articles_node
from .records import EntryView, PublicationRecord, entry_year, record_store
from .shared import Flavour, flavour_of, site_root, source_block, unique_id, warn, warn_at
from .style import STYLE_NAME, register_style, year_sort_key

if TYPE_CHECKING:
    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

SELECTED_FILTER = r'selected % r"^\s*(true|yes|1)\s*$"'
UNDATED = "Undated"


class publication_list(nodes.General, nodes.Element):
    """Placeholder for one bibliography's entries; replaced at write time."""


class PublicationsDirective(SphinxDirective):
    """``publications [bibfile ...]``: entries of the project's bib files, grouped by year."""

    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Any]] = {
        "filter": directives.unchanged_required,
        "selected": directives.flag,
        "group-by": lambda v: directives.choice(v, ("year", "none")),
        "no-index": directives.flag,
    }

    def run(self) -> Sequence[nodes.Node]:
        bibfiles = self._bibfiles()
        for path in bibfiles:
            self.env.note_dependency(str(path))
        conditions = self._conditions()
        if conditions is None:
            return []
        filter_ = _parse(conditions)
        docname = self.env.docname
        entries = [
            e
            for e in bibdata.entries_of(self.env, bibfiles)
            if any(bibdata.filter_accepts(filter_, e, docname, cited) for cited in (True, False))
        ]
        if not entries:
            warn(
                "publications: no entry matches; check :filter: and :selected: "
                '(field values are strings: write year == "2025", not year == 2025)',
                "publications",
                self.get_location(),
            )
            return []
        bib_id = self._register(bibfiles, filter_, entries)
        if self.options.get("group-by", "year") == "none":
            return [publication_list(bib_id=bib_id, year="", docname=docname)]
        years = sorted({year_of(e) for e in entries}, key=lambda y: -year_sort_key(y))
        return [self._year_section(year, bib_id) for year in years]

    def _bibfiles(self) -> list[Path]:
        known = bibdata.bibfile_paths(self.env)
        if not self.arguments:
            return known
        chosen: list[Path] = []
        for name in self.arguments[0].split():
            path = Path(self.env.relfn2path(name)[1]).resolve()
            if path in known:
                chosen.append(path)
            else:
                warn(
                    f"publications: {name} is not listed in bibtex_bibfiles; add it there",
                    "publications",
                    self.get_location(),
                )
        return chosen

    def _conditions(self) -> list[str] | None:
        conditions: list[str] = []
        if "filter" in self.options:
            expression = self.options["filter"]
            try:
                ast.parse(expression)
            except SyntaxError as err:
                warn(
                    f"publications: syntax error in :filter: {expression!r} ({err.msg}); "
                    'write a Python expression such as  year >= "2020" and type == "article"',
                    "publications",
                    self.get_location(),
                )
                return None
            conditions.append(expression)
        if "selected" in self.options:
            conditions.append(SELECTED_FILTER)
        return conditions

    def _register(self, bibfiles: list[Path], filter_: ast.AST, entries: list[Entry]) -> str:
        """One sphinxcontrib-bibtex bibliography for the whole list: it filters, sorts and
        makes the entries citable; the post-transform splits it into year sections."""
        document = self.state.document
        bib_id = unique_id(document, "publication-list")
        document.ids[bib_id] = nodes.target()  # reserves the id on this page
        citation_nodes: dict[str, nodes.Element] = {}
        for entry in entries:
            item_id = unique_id(document, f"pub-{entry.key}")
            item = nodes.list_item(ids=[item_id])
            document.ids[item_id] = item
            citation_nodes[entry.key] = item
        bibdata.register_bibliography(
            self.env,
            bibdata.BibliographyKey(docname=self.env.docname, id_=bib_id),
            bibdata.BibliographyValue(
                line=self.lineno,
                bibfiles=bibfiles,
                style=STYLE_NAME,
                list_="bullet" if "no-index" in self.options else "citation",
                enumtype="arabic",
                start=1,
                labelprefix="",
                keyprefix="",
                filter_=filter_,
                citation_nodes=citation_nodes,
                keys=[],
            ),
        )
        return bib_id

    def _year_section(self, year: str, bib_id: str) -> nodes.section:
        section_id = unique_id(self.state.document, f"year-{year}")
        section = nodes.section(ids=[section_id], classes=["academic-year"])
        self.state.document.ids[section_id] = section
        section += nodes.title(year, year)
        section += publication_list(bib_id=bib_id, year=year, docname=self.env.docname)
        return section


def _parse(conditions: list[str]) -> ast.AST:
    return ast.parse(" and ".join(f"({c})" for c in conditions) if conditions else "True")


def year_of(entry: Entry) -> str:
    """The year group of an entry: the year its record shows, or "Undated"."""
    return entry_year(entry) or UNDATED


def render_publication_lists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Turn each :class:`publication_list` into a list, once the doctree is resolved.

    At ``doctree-resolved``, after every post-transform: a list of thousands of entries
    would otherwise be walked by each of them (Sphinx's, sphinx-design's, this extension's)
    although none has anything to do in it. The entries hold only external links and the
    ids that sphinxcontrib-bibtex's citations point at, so nothing here needs resolving.
    """
    env = app.env
    config = academic_config(app.config)
    store = record_store(env)
    flavour = flavour_of(env)
    domain = bibdata.cite_domain(env)
    by_bibliography = bibdata.citations_by_bibliography(env)
    view = config.entry_view(site_root(env, docname))
    for node in list(doctree.findall(publication_list)):
        key = bibdata.BibliographyKey(docname=node["docname"], id_=node["bib_id"])
        bibliography = domain.bibliographies[key]
        items = []
        records = []
        for citation in by_bibliography.get(key, []):
            if node["year"] and year_of(citation.entry) != node["year"]:
                continue
            item = bibliography.citation_nodes[citation.key].deepcopy()
            record = store.record(citation.entry)
            records.append(record)
            if flavour == "latex":
                item += latex_anchor(node["docname"], item["ids"][0])
            if flavour == "html":
                item += entry_html_node(record, view)
            else:
                item.extend(entry_nodes(record, view, flavour))
            item["classes"].append("academic-pub")
            items.append(item)
        parent = node.parent
        if items:
            rendered: list[nodes.Node] = [
                nodes.bullet_list("", *items, classes=["academic-publications"])
            ]
            if flavour == "html" and bibliography.list_ == "citation":  # not :no-index:
                rendered.append(articles_node(records, view.root))
            node.replace_self(rendered)
        else:
            parent.remove(node)
            if (
                isinstance(parent, nodes.section)
                and "academic-year" in parent["classes"]
                and len(parent) == 1
            ):
                parent.parent.remove(parent)


def latex_anchor(docname: str, item_id: str) -> nodes.raw:
    """The ``cite.DOC:ID`` anchor that sphinxcontrib-bibtex's LaTeX citations link to."""
    anchor = f"cite.{docname}:{item_id}"
    return nodes.raw("", f"\\hypertarget{{{anchor}}}{{}}%\n", format="latex")


def entry_nodes(
    record: PublicationRecord, view: EntryView, flavour: Flavour
) -> list[nodes.Element]:
    """The body of one list item: title, authors, venue, summary, links and toggles."""
    title: nodes.Element = (
        nodes.title_reference(record.title, record.title)
        if flavour == "html"
        else nodes.strong(record.title, record.title)
    )
    out: list[nodes.Element] = []
    if flavour == "html" and record.preview is not None:
        out.append(nodes.raw("", preview_markup(record, view.root), format="html"))
    out.append(nodes.paragraph("", "", title, classes=["academic-pub-title"]))
    if record.authors:
        authors = author_nodes(record.authors, view.max_authors, flavour)
        holder = nodes.container() if flavour == "html" else nodes.paragraph()
        holder["classes"].append("academic-pub-authors")
        holder.extend(authors)
        out.append(holder)
    venue = venue_nodes(record)
    if venue:
        out.append(nodes.paragraph("", "", *venue, classes=["academic-pub-venue"]))
    if record.summary:
        out.append(
            nodes.paragraph(record.summary, record.summary, classes=["academic-pub-summary"])
        )
    if record.links:
        out.append(
            nodes.paragraph(
                "", "", *link_nodes(record.links, flavour, view.root), classes=["academic-links"]
            )
        )
    if flavour == "html":
        if record.abstract:
            body = nodes.paragraph(record.abstract, record.abstract)
            out.append(toggle("Abstract", body, ["academic-toggle", "academic-abstract"]))
        if record.shows_bibtex(view):
            code = source_block(record.bibtex, record.bibtex, classes=["academic-bibtex-source"])
            # "no-search": the BibTeX repeats what the entry shows; Sphinx's index skips it.
            out.append(toggle("BibTeX", code, ["academic-toggle", "academic-bibtex", "no-search"]))
    return out


def report_entry_problems(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Warn once per build, at the entry's line in the bib file, about what a list shows.

    Returns the pages that cite entries when the bib files were re-read: sphinxcontrib-bibtex
    re-reads only pages with a bibliography, so a page that only cites would keep stale
    citation text and links.
    """
    store = record_store(env)
    domain = bibdata.cite_domain(env)
    seen: set[str] = set()
    for citation in domain.citations:
        bibliography = domain.bibliographies[citation.bibliography_key]
        if bibliography.style != STYLE_NAME or citation.entry.key in seen:
            continue
        seen.add(citation.entry.key)
        for problem in store.problems(citation.entry):
            warn_at(problem, "bibtex", *bibdata.entry_position(env, citation.entry.key))
    if getattr(env, "academic_bib_reread", False):
        return sorted({ref.docname for ref in domain.citation_refs})
    return []


def configure_style(app: Sphinx) -> None:
    """Give the record store and the ``academic`` pybtex style this build's settings; runs
    after the bib files are parsed."""
    config = academic_config(app.config)
    entries = bibdata.bib_entries(app.env)
    store = record_store(app.env)
    store.begin_build(config.name_matcher, config.max_authors, config.file_dirs, entries)
    order = {key: i for i, key in enumerate(entries)}
    register_style(store, order)


def setup_publications(app: Sphinx) -> None:
    app.add_node(publication_list)
    app.add_directive("publications", PublicationsDirective)
    app.connect("doctree-resolved", render_publication_lists)
    app.connect("builder-inited", configure_style)
    app.connect("env-updated", report_entry_problems)
