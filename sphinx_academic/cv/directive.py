"""The ``cv-timeline`` and ``cv-entry`` directives: dated CV entries, written or read from a file.

``cv-entry`` reads one entry from its options and parses its body as MyST or reST;
``cv-timeline`` collects them, and with ``:source:`` shows a whole RenderCV, JSON Resume or
al-folio file (:mod:`.sources`): the person's header when asked, then each section under its
own heading. A file is read once per change and kept in the domain; its problems are warned
about once per build, however many directives show it.
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
from ..inline import Inline
from ..messages import Location, Subtype, warn, warn_at
from .body import entry_node, section_content
from .dates import DateError, parse_date
from .model import CV, CVItem, CVSection
from .nodes import cv_entry, cv_person, cv_timeline, person_text, setup_nodes
from .sources import SourceError

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
            title=Inline.of(title),
            organization=Inline.of(self.options.get("organization", "").strip()),
            location=Inline.of(self.options.get("location", "").strip()),
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
    """``cv-timeline``: ``cv-entry`` directives, and/or a whole CV file (``:source:``).

    A file's sections become real sections of the page, under the heading the directive is
    under (one level down), each with its own title: they are in the page's table of contents
    and are targets a link or a PDF outline can use.
    """

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "sort": lambda v: directives.choice(v, ("reverse", "as-written")),
        "source": directives.path,
        "sections": directives.unchanged,
        "header": directives.flag,
        "no-headings": directives.flag,
    }

    def run(self) -> Sequence[nodes.Node]:
        parsed = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, parsed)
        items = [c for c in parsed.children if isinstance(c, cv_entry)]
        messages = [c for c in parsed.children if isinstance(c, nodes.system_message)]
        for other in parsed.children:
            if not isinstance(other, cv_entry | nodes.comment | nodes.system_message):
                warn("cv-timeline holds only cv-entry directives", Subtype.CV, other)
        AcademicDomain.of(self.env).document(self.env.docname).components.add(COMPONENT)
        out: list[nodes.Node] = []
        if items or "source" not in self.options:
            timeline = cv_timeline()
            self.set_source_info(timeline)
            timeline.extend(self._sorted(items))
            out.append(timeline)
        if "source" in self.options:
            out.extend(self._source_nodes())
        return out + messages

    def _sorted(self, entries: list[cv_entry]) -> list[cv_entry]:
        if self.options.get("sort") == "reverse":
            return sorted(entries, key=lambda node: node["academic_sort_key"], reverse=True)
        return entries

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

    def _wanted(self, source: CV, path: Path) -> list[CVSection]:
        """The sections ``:sections:`` names (by key or title), in its order; all if none."""
        written = (n.strip() for n in self.options.get("sections", "").split(","))
        names = list(dict.fromkeys(n for n in written if n))  # each once, however often named
        if not names:
            return list(source.sections)
        by_name = {s.key: s for s in source.sections} | {s.title: s for s in source.sections}
        by_name |= {k.casefold(): v for k, v in list(by_name.items())}
        out = []
        for name in names:
            section = by_name.get(name) or by_name.get(name.casefold())
            if section is None:
                keys = [s.key for s in source.sections]
                close = difflib.get_close_matches(name, keys, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f"; it has {', '.join(keys)}"
                warn(
                    f"cv-timeline :sections: {path.name} has no section {name!r}{hint}",
                    Subtype.CV,
                    self.get_location(),
                )
            elif section not in out:
                out.append(section)
        return out

    def _source_nodes(self) -> list[nodes.Node]:
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
        formats = self.config.academic_date_format
        out: list[nodes.Node] = []
        if "header" in self.options and source.person:
            text = person_text(source.person)
            person = cv_person(text, text, person=source.person)
            person.source, person.line = str(path), 1
            out.append(person)
        for section in self._wanted(source, path):
            content = section_content(section, formats, str(path))
            if self.options.get("sort") == "reverse":
                for node in content:
                    if isinstance(node, cv_timeline):
                        node[:] = self._sorted(
                            [c for c in node.children if isinstance(c, cv_entry)]
                        )
            for node in content:
                for entry in node.findall(cv_entry):
                    data.cv_items.append(entry["item"])
            if "no-headings" in self.options:
                out.extend(content)
                continue
            out.append(self._section(section.title, content, path, section.line))
        return out

    def _section(
        self, title: str, content: list[nodes.Node], path: Path, line: int
    ) -> nodes.section:
        document = self.state.document
        section = nodes.section("", nodes.title(title, title), *content)
        section["support_smartquotes"] = False
        section.source, section.line = str(path), line
        base = nodes.make_id(title) or "section"
        unique, n = base, 1
        while unique in document.ids:
            n += 1
            unique = f"{base}-{n}"
        section["ids"].append(unique)
        section["names"].append(nodes.fully_normalize_name(title))
        document.note_implicit_target(section, section)
        return section


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
