"""CV timeline nodes, what an entry's header shows, and how each builder writes it.

HTML is a semantic ordered list with ``<time datetime>`` on every date; LaTeX, text, man and
texinfo get a plain dated bullet list. A ``cv_entry``'s children are its body (bullets,
links, citations), written by the builder as usual; the header (dates, title, organization,
location) comes from its :class:`~.model.CVItem`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..escaping import encode
from .dates import CVDate
from .model import CVItem

if TYPE_CHECKING:
    from sphinx.application import Sphinx

TIMELINE_CLASS = "academic-timeline"
DATE_RANGE_SEPARATOR = " \u2013 "  # an en dash


class cv_timeline(nodes.General, nodes.Element):
    """A dated list of CV entries."""


class cv_entry(nodes.General, nodes.Element):
    """One entry: ``item`` (a CVItem); children: its header, then its body."""


class cv_header(nodes.Part, nodes.TextElement):
    """An entry's dates, title, organization and location; its text is what search reads."""


@dataclass(frozen=True, slots=True)
class DatePart:
    """A piece of an entry's dates: a date (``iso`` set), "present", free text or a dash."""

    text: str
    iso: str = ""
    kind: str = "date"  #: "date", "present", "text" or "separator"


def date_parts(item: CVItem, formats: Mapping[str, str]) -> list[DatePart]:
    """The entry's dates as shown; free text (``when``) keeps the date's ``datetime``."""
    if item.when:
        date = item.date or item.start
        if date is None or date.present:  # <time> without a datetime must hold a date itself
            return [DatePart(item.when, kind="text")]
        return [DatePart(item.when, date.iso)]

    def part(date: CVDate | None, raw: str) -> DatePart | None:
        if date is not None and date.present:
            return DatePart("present", kind="present")
        if date is not None:
            return DatePart(date.display(formats), date.iso)
        return DatePart(raw, kind="text") if raw else None

    single = part(item.date, item.raw_dates.get("date", ""))
    start = part(item.start, item.raw_dates.get("start", ""))
    end = part(item.end, item.raw_dates.get("end", ""))
    if start is not None and end is not None:
        return [start, DatePart(DATE_RANGE_SEPARATOR, kind="separator"), end]
    return [p for p in (single or start or end,) if p is not None]


def _formats(translator: Any) -> Mapping[str, str]:
    formats: Mapping[str, str] = translator.builder.config.academic_date_format
    return formats


def entry_classes(item: CVItem) -> list[str]:
    classes = ["academic-cv-entry"]
    if item.category:
        classes.append("academic-cv-" + nodes.make_id(item.category))
    return classes


# ------------------------------------------------------------------ HTML


def _date_html(part: DatePart) -> str:
    text = encode(part.text)
    if part.kind == "date":
        return f'<time datetime="{part.iso}">{text}</time>'
    if part.kind == "present":
        return f'<span class="academic-cv-present">{text}</span>'
    if part.kind == "text":
        return f'<span class="academic-cv-when-text">{text}</span>'
    return text


def header_html(item: CVItem, formats: Mapping[str, str]) -> str:
    out = []
    parts = date_parts(item, formats)
    if parts:
        dates = "".join(_date_html(p) for p in parts)
        out.append(f'<p class="academic-cv-when">{dates}</p>\n')
    heading = f'<strong class="academic-cv-title">{encode(item.title)}</strong>'
    if item.organization:
        heading += f', <em class="academic-cv-org">{encode(item.organization)}</em>'
    if item.location:
        heading += f', <span class="academic-cv-location">{encode(item.location)}</span>'
    out.append(f'<p class="academic-cv-heading">{heading}</p>\n')
    return "".join(out)


def visit_timeline_html(self: Any, node: cv_timeline) -> None:
    self.body.append(f'<ol class="arabic {TIMELINE_CLASS}">\n')


def depart_timeline_html(self: Any, node: cv_timeline) -> None:
    self.body.append("</ol>\n")


def header_text(item: CVItem, formats: Mapping[str, str]) -> str:
    dates = "".join(p.text for p in date_parts(item, formats))
    heading = ", ".join(p for p in (item.title, item.organization, item.location) if p)
    return f"{dates} {heading}".strip()


def visit_entry_html(self: Any, node: cv_entry) -> None:
    self.body.append(f'<li class="{" ".join(entry_classes(node["item"]))}">')


def visit_header_html(self: Any, node: cv_header) -> None:
    self.body.append(header_html(node.parent["item"], _formats(self)))
    raise nodes.SkipNode


def depart_entry_html(self: Any, node: cv_entry) -> None:
    self.body.append("</li>\n")


# ------------------------------------------------------------------ everything else


def header_nodes(item: CVItem, formats: Mapping[str, str]) -> list[nodes.Element]:
    out: list[nodes.Element] = []
    parts = date_parts(item, formats)
    if parts:
        out.append(nodes.paragraph("", "".join(p.text for p in parts)))
    heading = nodes.paragraph()
    heading += nodes.strong(item.title, item.title)
    if item.organization:
        heading += nodes.Text(", ")
        heading += nodes.emphasis(item.organization, item.organization)
    if item.location:
        heading += nodes.Text(", " + item.location)
    out.append(heading)
    return out


def visit_timeline_as_list(self: Any, node: cv_timeline) -> None:
    self.visit_bullet_list(node)


def depart_timeline_as_list(self: Any, node: cv_timeline) -> None:
    self.depart_bullet_list(node)


def visit_entry_lowered(self: Any, node: cv_entry) -> None:
    for header in [c for c in node.children if isinstance(c, cv_header)]:
        header.replace_self(header_nodes(node["item"], _formats(self)))
    self.visit_list_item(node)


def depart_entry_lowered(self: Any, node: cv_entry) -> None:
    self.depart_list_item(node)


def setup_nodes(app: Sphinx) -> None:
    as_list = (visit_timeline_as_list, depart_timeline_as_list)
    lowered = (visit_entry_lowered, depart_entry_lowered)
    app.add_node(
        cv_timeline,
        html=(visit_timeline_html, depart_timeline_html),
        latex=as_list,
        text=as_list,
        man=as_list,
        texinfo=as_list,
    )
    app.add_node(cv_header, html=(visit_header_html, None))
    app.add_node(
        cv_entry,
        html=(visit_entry_html, depart_entry_html),
        latex=lowered,
        text=lowered,
        man=lowered,
        texinfo=lowered,
    )
