"""The ``publications`` directive: bib entries as a year-grouped, citable publication list.

Read time: the entries are selected with the extension's filter evaluator, grouped by the
year their record shows, and (unless ``:no-index:``) made sphinxcontrib-bibtex citation
targets through its own ``bibliography`` directive; each group becomes a
:class:`~.nodes.publication_list` placeholder that :mod:`.lists` fills at write time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..bib import adapter
from ..bib.crossref import crossref_targets, is_container, resolve
from ..bib.records import UNDATED, lower_fields, year_sort_key
from ..domain import AcademicDomain, PublicationList
from ..messages import Subtype, warn
from .nodes import (
    publication_controls,
    publication_downloads,
    publication_legend,
    publication_list,
)
from .style import STYLE_NAME

if TYPE_CHECKING:
    from pybtex.database import Entry

SELECTED_FILTER = r'selected % "^\s*(true|yes|1)\s*$"'
COMPONENT = "publications"


def unique_id(document: nodes.document, base: str) -> str:
    """``base`` made a valid id, suffixed if the page already has it; reserved on the page."""
    id_ = nodes.make_id(base) or "academic"
    candidate, n = id_, 1
    while candidate in document.ids:
        n += 1
        candidate = f"{id_}-{n}"
    document.ids[candidate] = nodes.target()
    return candidate


def _inherited(entry: Entry, entries: Mapping[str, Entry]) -> Entry:
    """The entry as :filter: sees it: with what it inherits by ``crossref`` (year, booktitle)."""
    if "crossref" not in entry.fields:
        return entry
    from pybtex.database import Entry as PybtexEntry

    resolved = resolve(entry, entries, lower_fields(entry))
    copy = PybtexEntry(entry.original_type, resolved.fields, resolved.persons)
    copy.key = entry.key
    return copy


class PublicationsDirective(SphinxDirective):
    """``publications [bibfile ...]``: entries of the project's bib files, grouped by year."""

    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Any]] = {
        "filter": directives.unchanged_required,
        "selected": directives.flag,
        "group-by": lambda v: directives.choice(v, ("year", "none")),
        "no-index": directives.flag,
        "containers": directives.flag,
        "no-downloads": directives.flag,
        "no-controls": directives.flag,
    }

    def run(self) -> Sequence[nodes.Node]:
        domain = AcademicDomain.of(self.env)
        for path in domain.bibfiles:
            self.env.note_dependency(path)
        entries, every_entry = self._entries(domain)
        if not entries:
            return []
        keys = [entry.key for entry in entries]
        document = self.state.document
        anchors = [unique_id(document, f"pub-{key}") for key in keys]
        bibliography = ""
        if "no-index" not in self.options:
            bibliography = adapter.register_citable_list(self, keys, every_entry, STYLE_NAME)
        grouped = self.options.get("group-by", "year") != "none"
        groups: dict[str, list[int]] = {}
        for i, key in enumerate(keys):
            state = domain.entry_state(key)
            groups.setdefault(state.group if state and grouped else UNDATED, []).append(i)
        # Newest year first; groups that are not years ("in press", "Undated") after every
        # year, in the order the bib file first has them.
        order = sorted(groups, key=lambda g: (-year_sort_key(g), groups[g][0]))
        shown = [i for group in order for i in groups[group]]  # the order the page shows
        data = domain.document(self.env.docname)
        controls = "no-controls" not in self.options and len(keys) > 1
        listing = PublicationList(
            unique_id(document, "publication-list"),
            tuple(keys[i] for i in shown),
            tuple(anchors[i] for i in shown),
            bibliography,
            controls,
        )
        before: list[nodes.Node] = []
        first_citable = listing.citable and not any(each.citable for each in data.lists)
        if first_citable and "no-downloads" not in self.options:
            before.append(publication_downloads())
        if controls:
            before.append(self._controls(listing, sum(1 for each in data.lists if each.controls)))
        data.lists.append(listing)
        data.components.add(COMPONENT)
        legend = publication_legend(keys=list(keys))
        if not grouped:
            return [*before, self._placeholder(listing, keys, anchors), legend]
        sections = [self._section(group, listing, keys, anchors, groups[group]) for group in order]
        sections[-1] += legend  # under the list: after its last group's entries
        return [*before, *sections]

    def _controls(self, listing: PublicationList, earlier: int) -> publication_controls:
        """The page's first list owns the plain URL parameters (?year=2024); later ones
        prefix theirs with their id."""
        return publication_controls(
            list_id=listing.list_id,
            prefix=f"{listing.list_id}-" if earlier else "",
            label="Filter the publications" + (f" ({earlier + 1})" if earlier else ""),
        )

    def _entries(self, domain: AcademicDomain) -> tuple[list[Entry], bool]:
        """The selected entries, and whether they are every entry of every bib file."""
        from ..bib.filters import FilterError, parse_filter  # only when a page is read
        from ..bib.filters import entry_view as filter_entry

        location = self.get_location()
        conditions = []
        if "filter" in self.options:
            conditions.append(self.options["filter"])
        if "selected" in self.options:
            conditions.append(SELECTED_FILTER)
        expression = " and ".join(f"({c})" for c in conditions) or "True"
        bibfiles = self._bibfiles(domain)
        if not self.config.bibtex_bibfiles:
            warn(
                "publications: bibtex_bibfiles lists no bib file; name yours in conf.py, e.g. "
                'bibtex_bibfiles = ["refs.bib"]',
                Subtype.PUBLICATIONS,
                location,
            )
            return [], False
        try:
            accepted = parse_filter(expression)
            candidates = list(adapter.entries_of(self.env, bibfiles))
            all_entries = adapter.bib_entries(self.env)
            if "containers" not in self.options:
                # A volume that other entries crossref, with no authors, is not a work.
                targets = crossref_targets(all_entries)
                candidates = [e for e in candidates if not is_container(e, targets)]
            entries = [
                e for e in candidates if accepted.accepts(filter_entry(_inherited(e, all_entries)))
            ]
        except FilterError as err:
            warn(f"publications :filter: {err}", Subtype.PUBLICATIONS, location)
            return [], False
        if not entries:
            warn(
                "publications: no entry matches; check :filter: and :selected: "
                '(field values are strings: write year == "2025", not year == 2025)',
                Subtype.PUBLICATIONS,
                location,
            )
        every = len(entries) == len(candidates) == len(
            all_entries
        ) and bibfiles == adapter.bibfile_paths(self.env)
        return entries, every

    def _bibfiles(self, domain: AcademicDomain) -> list[Path]:
        parsed = adapter.bibfile_paths(self.env)
        if not self.arguments:
            return parsed
        by_original = {adapter.original_of(p, domain.bibfiles).resolve(): p for p in parsed}
        chosen: list[Path] = []
        for name in dict.fromkeys(self.arguments[0].split()):  # each name once
            path = Path(self.env.relfn2path(name)[1]).resolve()
            if path in by_original:
                if by_original[path] not in chosen:  # each file once, however spelled
                    chosen.append(by_original[path])
            else:
                warn(
                    f"publications: {name} is not listed in bibtex_bibfiles; add it there",
                    Subtype.PUBLICATIONS,
                    self.get_location(),
                )
        return chosen

    def _placeholder(
        self, listing: PublicationList, keys: Sequence[str], anchors: Sequence[str]
    ) -> publication_list:
        return publication_list(
            keys=list(keys),
            anchors=list(anchors),
            bibliography_id=listing.bibliography_id,
            docname=self.env.docname,
            list_id=listing.list_id,
        )

    def _section(
        self,
        group: str,
        listing: PublicationList,
        keys: Sequence[str],
        anchors: Sequence[str],
        indexes: list[int],
    ) -> nodes.section:
        document = self.state.document
        section_id = unique_id(document, f"year-{group}")
        section = nodes.section(ids=[section_id], classes=["academic-year"])
        document.ids[section_id] = section
        section += nodes.title(group, group)
        section += self._placeholder(
            listing, [keys[i] for i in indexes], [anchors[i] for i in indexes]
        )
        return section


def setup_directive(app: Any) -> None:
    app.add_directive("publications", PublicationsDirective)
