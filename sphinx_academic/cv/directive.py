"""The ``cv-timeline`` and ``cv-entry`` directives: dated CV entries, written or read from a file.

``cv-entry`` reads one entry from its options and parses its body as MyST or reST;
``cv-timeline`` collects them, and with ``:source:`` adds the entries of a RenderCV, JSON
Resume or al-folio file (:mod:`.sources`), read once per change and kept in the domain.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from ..domain import AcademicDomain
from ..files import FileMissing, FileRefused, page_path, resolve_inside
from ..messages import Location, Subtype, warn, warn_at
from .dates import DateError, parse_date
from .model import CVItem
from .nodes import cv_entry, cv_header, cv_timeline, header_text, setup_nodes
from .sources import SourceError, source_entry_body

if TYPE_CHECKING:
    from sphinx.application import Sphinx

COMPONENT = "cv"


def read_dates(
    options: Mapping[str, str], item: CVItem, location: Location, names: Mapping[str, str]
) -> None:
    """Fill ``start``/``end``/``date`` from ``options`` (keys per ``names``), warning on errors."""
    for attribute, key in names.items():
        raw = str(options.get(key, "") or "").strip()
        if not raw:
            continue
        try:
            setattr(item, attribute, parse_date(raw))
        except DateError as err:
            warn(f"cv-entry {key}: {err}", Subtype.DATE, location)
            item.raw_dates[attribute] = raw
    if item.start and item.start.present:
        warn(f"cv-entry {names['start']}: a start cannot be 'present'", Subtype.DATE, location)
        item.start = None
    if item.order_problem:
        warn(f"cv-entry: {item.order_problem}", Subtype.DATE, location)


def entry_node(item: CVItem, body: Sequence[nodes.Node], formats: Mapping[str, str]) -> cv_entry:
    header = header_text(item, formats)
    node = cv_entry("", cv_header(header, header), *body, item=item)
    node["academic_sort_key"] = item.sort_key
    return node


class CVEntryDirective(SphinxDirective):
    """``cv-entry``: one dated entry; the body is MyST or reST (bullets, links, citations)."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "title": directives.unchanged,
        "organization": directives.unchanged,
        "location": directives.unchanged,
        "start": directives.unchanged,
        "end": directives.unchanged,
        "date": directives.unchanged,
        "when": directives.unchanged,
        "category": directives.unchanged,
    }

    def run(self) -> Sequence[nodes.Node]:
        location = self.get_location()
        title = self.options.get("title", "").strip()
        if not title:
            warn("cv-entry needs a :title: (the role, degree or award)", Subtype.CV, location)
            title = "Untitled entry"
        item = CVItem(
            title=title,
            organization=self.options.get("organization", "").strip(),
            location=self.options.get("location", "").strip(),
            when=self.options.get("when", "").strip(),
            category=self.options.get("category", "").strip(),
        )
        read_dates(self.options, item, location, {"start": "start", "end": "end", "date": "date"})
        body = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, body)
        node = entry_node(item, body.children, self.config.academic_date_format)
        self.set_source_info(node)
        data = AcademicDomain.of(self.env).document(self.env.docname)
        data.cv_items.append(item)
        data.components.add(COMPONENT)
        return [node]  # collected by cv-timeline, or given one by StandaloneEntries


class CVTimelineDirective(SphinxDirective):
    """``cv-timeline``: a dated list of ``cv-entry`` directives and/or a CV source's entries."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "sort": lambda v: directives.choice(v, ("reverse", "as-written")),
        "source": directives.path,
        "sections": directives.unchanged,
    }

    def run(self) -> Sequence[nodes.Node]:
        timeline = cv_timeline()
        self.set_source_info(timeline)
        parsed = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, parsed)
        items = [c for c in parsed.children if isinstance(c, cv_entry)]
        others = [c for c in parsed.children if not isinstance(c, cv_entry)]
        if "source" in self.options:
            items += self._source_items()
        for other in others:
            if not isinstance(other, nodes.comment | nodes.system_message):
                warn("cv-timeline holds only cv-entry directives", Subtype.CV, other)
        if self.options.get("sort") == "reverse":
            items.sort(key=lambda node: node["academic_sort_key"], reverse=True)
        timeline.extend(items)
        AcademicDomain.of(self.env).document(self.env.docname).components.add(COMPONENT)
        return [timeline, *[o for o in others if isinstance(o, nodes.system_message)]]

    def _source_path(self) -> Path | None:
        name = self.options["source"]
        self.env.note_dependency(self.env.relfn2path(name)[0])
        project = AcademicDomain.of(self.env).project_dirs()
        page_folder = self.env.doc2path(self.env.docname, base=False).parent
        try:
            return resolve_inside(
                page_path(Path(self.env.srcdir), page_folder, name), project, "CV source"
            )
        except FileMissing as err:
            warn(str(err), Subtype.CV, self.get_location())
        except FileRefused as err:
            warn(
                f"{err}; CV sources must be inside the project", Subtype.FILES, self.get_location()
            )
        return None

    def _source_items(self) -> list[cv_entry]:
        path = self._source_path()
        if path is None:
            return []
        domain = AcademicDomain.of(self.env)
        data = domain.document(self.env.docname)
        data.cv_sources[str(path)] = self.lineno
        try:
            source = domain.cv_source(path)
        except SourceError:
            return []  # reported once per build by report_source_problems
        sections = self.options.get("sections", "").split(",")
        wanted = list(dict.fromkeys(n.strip() for n in sections if n.strip()))  # each once
        names = [section.name for section in source.sections]
        for name in wanted:
            if name not in names:
                close = difflib.get_close_matches(name, names, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f"; it has {', '.join(names)}"
                warn(
                    f"cv-timeline :sections: {path.name} has no section {name!r}{hint}",
                    Subtype.CV,
                    self.get_location(),
                )
        items = []
        for section in source.sections:
            if wanted and section.name not in wanted:
                continue
            for entry in section.entries:
                node = entry_node(
                    entry.item, source_entry_body(entry), self.config.academic_date_format
                )
                node.source, node.line = str(path), entry.line
                data.cv_items.append(entry.item)
                items.append(node)
        return items


class StandaloneEntries(SphinxTransform):
    """A ``cv-entry`` outside a ``cv-timeline`` gets a one-entry timeline of its own."""

    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        for entry in list(self.document.findall(cv_entry)):
            if not isinstance(entry.parent, cv_timeline):
                timeline = cv_timeline()
                entry.replace_self(timeline)
                timeline += entry


def report_source_problems(app: Sphinx, env: Any) -> list[str]:
    """Each CV source's problems, once per build however many timelines read it; a file that
    cannot be used at all, without a line of its own, is named at each timeline reading it."""
    reported: set[str] = set()
    for docname, line, path, cached in AcademicDomain.of(env).cv_source_uses():
        error = cached.error
        if error is not None and not error.line:
            warn(str(error), Subtype.CV, (docname, line))
            continue
        if path in reported:
            continue
        reported.add(path)
        if error is not None:
            warn_at(str(error), Subtype.CV, path, error.line)
        elif cached.source is not None:
            for message, at in cached.source.problems:
                warn_at(f"CV source: {message}", Subtype.CV, path, at)
    return []


def setup_cv(app: Sphinx) -> None:
    setup_nodes(app)
    app.add_directive("cv-entry", CVEntryDirective)
    app.add_directive("cv-timeline", CVTimelineDirective)
    app.add_transform(StandaloneEntries)
    app.connect("env-updated", report_source_problems)
