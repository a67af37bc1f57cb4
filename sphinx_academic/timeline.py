"""CV timelines: ``cv-timeline`` holds ``cv-entry`` directives (and, later, a CV source file).

HTML is a semantic ordered list with ``<time datetime>`` on every date; latex and text get a
plain dated bullet list.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from .dates import CVDate, DateError, parse_date
from .shared import Location, flavour_of, warn, warn_at

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

TIMELINE_CLASS = "academic-timeline"
DATE_RANGE_SEPARATOR = " \u2013 "  # an en dash


class cv_time(nodes.Inline, nodes.TextElement):
    """A date: ``<time datetime="2019-08">`` in html, its text elsewhere."""


def visit_cv_time(self: HTML5Translator, node: cv_time) -> None:
    self.body.append(self.starttag(node, "time", suffix="", datetime=node["datetime"]))


def depart_cv_time(self: HTML5Translator, node: cv_time) -> None:
    self.body.append("</time>")


def _pass(self: Any, node: nodes.Element) -> None:
    pass


@dataclass
class CVItem:
    """One CV entry, from a directive or a source file."""

    title: str
    organization: str = ""
    location: str = ""
    start: CVDate | None = None
    end: CVDate | None = None
    date: CVDate | None = None
    when: str = ""  #: free text shown instead of the dates ("Summer 2017")
    category: str = ""
    raw_dates: dict[str, str] = field(default_factory=dict)  #: dates that could not be read

    @property
    def order_problem(self) -> str:
        """What is wrong with the order of the dates, or "" when nothing is."""
        start, end = self.start, self.end
        if start and end and not end.present and end.sort_key < start.sort_key:
            return f"it ends ({end.iso}) before it starts ({start.iso}); swap or correct the dates"
        return ""

    @property
    def sort_key(self) -> tuple[bool, tuple[int, int, int], tuple[int, int, int]]:
        """Ongoing first, then by end date, then by start date (sorted in reverse)."""
        last = self.end or self.date or self.start
        first = self.start or self.date or self.end
        none = (0, 0, 0)
        return (
            bool(self.end and self.end.present),
            last.sort_key if last else none,
            first.sort_key if first else none,
        )


def read_dates(
    options: dict[str, str], item: CVItem, location: Location, names: dict[str, str]
) -> None:
    """Fill ``start``/``end``/``date`` from ``options`` (keys per ``names``), warning on errors."""
    for attribute, key in names.items():
        raw = str(options.get(key, "") or "").strip()
        if not raw:
            continue
        try:
            setattr(item, attribute, parse_date(raw))
        except DateError as err:
            warn(f"cv-entry {key}: {err}", "date", location)
            item.raw_dates[attribute] = raw
    if item.start and item.start.present:
        warn(f"cv-entry {names['start']}: a start cannot be 'present'", "date", location)
        item.start = None
    if item.order_problem:
        warn(f"cv-entry: {item.order_problem}", "date", location)


def _time(date: CVDate | None, raw: str, formats: dict[str, str]) -> nodes.Node | None:
    """A ``<time>`` for a calendar date; "present" and unreadable dates are plain text."""
    if date is not None and not date.present:
        text = date.display(formats)
        return cv_time(text, text, datetime=date.iso)
    if date is not None:
        return nodes.inline("present", "present", classes=["academic-cv-present"])
    return nodes.Text(raw) if raw else None


def when_nodes(item: CVItem, formats: dict[str, str]) -> list[nodes.Node]:
    """The entry's dates, each in a ``<time>``; free text (``when``) keeps the date's datetime."""
    if item.when:
        date = item.date or item.start
        if date is None or date.present:  # <time> without a datetime must hold a date itself
            return [nodes.inline(item.when, item.when, classes=["academic-cv-when-text"])]
        return [cv_time(item.when, item.when, datetime=date.iso)]
    single = _time(item.date, item.raw_dates.get("date", ""), formats)
    start = _time(item.start, item.raw_dates.get("start", ""), formats)
    end = _time(item.end, item.raw_dates.get("end", ""), formats)
    if start is not None and end is not None:
        return [start, nodes.Text(DATE_RANGE_SEPARATOR), end]
    return [n for n in (single or start or end,) if n is not None]


def entry_item(
    item: CVItem, formats: dict[str, str], body: Sequence[nodes.Node]
) -> nodes.list_item:
    """The ``<li>`` of one entry: dates, title line, then the body."""
    classes = ["academic-cv-entry"]
    if item.category:
        classes.append("academic-cv-" + nodes.make_id(item.category))
    li = nodes.list_item(classes=classes)
    li["academic_sort_key"] = item.sort_key
    when = when_nodes(item, formats)
    if when:
        li += nodes.paragraph("", "", *when, classes=["academic-cv-when"])
    heading = nodes.paragraph(classes=["academic-cv-heading"])
    heading += nodes.strong(item.title, item.title, classes=["academic-cv-title"])
    if item.organization:
        heading += nodes.Text(", ")
        heading += nodes.emphasis(item.organization, item.organization, classes=["academic-cv-org"])
    if item.location:
        heading += nodes.Text(", ")
        heading += nodes.inline(item.location, item.location, classes=["academic-cv-location"])
    li += heading
    li.extend(body)
    return li


def new_timeline() -> nodes.enumerated_list:
    return nodes.enumerated_list(classes=[TIMELINE_CLASS], enumtype="arabic")


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
            warn("cv-entry needs a :title: (the role, degree or award)", "cv", location)
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
        li = entry_item(item, self.config.academic_date_format, body.children)
        self.set_source_info(li)
        return [li]  # collected by cv-timeline, or wrapped by StandaloneEntries


class CVTimelineDirective(SphinxDirective):
    """``cv-timeline``: a dated list of ``cv-entry`` directives."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "sort": lambda v: directives.choice(v, ("reverse", "as-written")),
        "source": directives.path,
        "sections": directives.unchanged,
    }

    def run(self) -> Sequence[nodes.Node]:
        timeline = new_timeline()
        self.set_source_info(timeline)
        parsed = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, parsed)
        items = [c for c in parsed.children if isinstance(c, nodes.list_item)]
        others = [c for c in parsed.children if not isinstance(c, nodes.list_item)]
        if "source" in self.options:
            items += self._source_items()
        for other in others:
            if not isinstance(other, nodes.comment | nodes.system_message):
                warn("cv-timeline holds only cv-entry directives", "cv", other)
        if self.options.get("sort") == "reverse":
            items.sort(key=lambda li: li["academic_sort_key"], reverse=True)
        timeline.extend(items)
        return [timeline, *[o for o in others if isinstance(o, nodes.system_message)]]

    def _source_items(self) -> list[nodes.list_item]:
        from .cv_sources import SourceError, load_source, source_entry_body

        relative, absolute = self.env.relfn2path(self.options["source"])
        path = Path(absolute)
        self.env.note_dependency(relative)
        try:
            source = load_source(path)
        except SourceError as err:
            if err.line:
                warn_at(str(err), "cv", path, err.line)
            else:
                warn(str(err), "cv", self.get_location())
            return []
        for message, line in source.problems:
            warn_at(f"CV source: {message}", "cv", path, line)
        wanted = [n.strip() for n in self.options.get("sections", "").split(",") if n.strip()]
        names = [section.name for section in source.sections]
        for name in wanted:
            if name not in names:
                close = difflib.get_close_matches(name, names, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f"; it has {', '.join(names)}"
                warn(
                    f"cv-timeline :sections: {path.name} has no section {name!r}{hint}",
                    "cv",
                    self.get_location(),
                )
        formats = self.config.academic_date_format
        items = []
        for section in source.sections:
            if wanted and section.name not in wanted:
                continue
            for entry in section.entries:
                li = entry_item(entry.item, formats, source_entry_body(entry, path))
                li.source, li.line = str(path), entry.line
                items.append(li)
        return items


class StandaloneEntries(SphinxTransform):
    """A ``cv-entry`` outside a ``cv-timeline`` gets a one-item list of its own."""

    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        for li in list(self.document.findall(nodes.list_item)):
            parent = li.parent
            in_timeline = (
                isinstance(parent, nodes.enumerated_list) and TIMELINE_CLASS in parent["classes"]
            )
            if "academic-cv-entry" in li["classes"] and not in_timeline:
                timeline = new_timeline()
                li.replace_self(timeline)
                timeline += li


class TimelineLowering(SphinxPostTransform):
    """latex and text: timelines become plain bullet lists (no numbers on a CV)."""

    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        if flavour_of(self.env) == "html":
            return
        for timeline in list(self.document.findall(nodes.enumerated_list)):
            if TIMELINE_CLASS in timeline["classes"]:
                timeline.replace_self(
                    nodes.bullet_list("", *timeline.children, classes=timeline["classes"])
                )


def setup_timeline(app: Sphinx) -> None:
    noop = (_pass, _pass)
    app.add_node(
        cv_time, html=(visit_cv_time, depart_cv_time), latex=noop, text=noop, man=noop, texinfo=noop
    )
    app.add_directive("cv-entry", CVEntryDirective)
    app.add_directive("cv-timeline", CVTimelineDirective)
    app.add_transform(StandaloneEntries)
    app.add_post_transform(TimelineLowering)
