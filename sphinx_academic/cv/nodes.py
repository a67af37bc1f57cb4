"""CV nodes, what an entry's header and the person's header show, and how each builder
writes them.

HTML is written here from the model (a semantic ordered list with ``<time datetime>`` on
every date; the person as a name, headline and contact list), every piece of text through
:func:`~..inline.to_html`. LaTeX, text, man and texinfo get standard nodes their own writers
lay out. An entry's body (bullets, links, citations) is made of standard nodes for every
builder (:mod:`.body`); only its header comes from its :class:`~.model.CVItem` here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..escaping import encode
from ..inline import Inline, to_html, to_nodes
from ..visitors import add_node
from .dates import CVDate
from .model import Contact, CVItem, Person

if TYPE_CHECKING:
    from sphinx.application import Sphinx

TIMELINE_CLASS = "academic-timeline"
DATE_RANGE_SEPARATOR = " \u2013 "  # an en dash
CONTACT_SEPARATOR = " \u00b7 "  # a middle dot


class cv_timeline(nodes.General, nodes.Element):
    """A dated list of CV entries."""


class cv_entry(nodes.General, nodes.Element):
    """One entry: ``item`` (a CVItem); children: its header, then its body."""


class cv_header(nodes.Part, nodes.TextElement):
    """An entry's dates, title, organization and location; its text is what search reads."""


class cv_person(nodes.General, nodes.TextElement):
    """The CV's header: ``person`` (a Person); its text is what search reads."""


class cv_numbered(nodes.enumerated_list):
    """A numbered list of entries (``list_item`` children); ``reversed`` counts down, which
    HTML can say (``<ol reversed>``) and the other writers cannot."""


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


def header_text(item: CVItem, formats: Mapping[str, str]) -> str:
    dates = "".join(p.text for p in date_parts(item, formats))
    heading = ", ".join(
        p for p in (item.title.plain, item.organization.plain, item.location.plain) if p
    )
    return f"{dates} {heading}".strip()


def person_text(person: Person) -> str:
    parts = [person.name.plain, person.headline.plain, *(c.text for c in person.contacts)]
    return " ".join([p for p in parts if p] + [s.plain for s in person.summary])


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
    pieces = []
    if item.title:
        pieces.append(f'<strong class="academic-cv-title">{to_html(item.title)}</strong>')
    if item.organization:
        pieces.append(f'<em class="academic-cv-org">{to_html(item.organization)}</em>')
    if item.location:
        pieces.append(f'<span class="academic-cv-location">{to_html(item.location)}</span>')
    if pieces:
        out.append(f'<p class="academic-cv-heading">{", ".join(pieces)}</p>\n')
    return "".join(out)


def contact_html(contact: Contact) -> str:
    text = encode(contact.text)
    kind = encode(contact.kind)
    label = f'<span class="academic-cv-network">{kind}</span> ' if contact.shows_kind else ""
    if contact.url:
        text = f'<a class="reference external" href="{encode(contact.url)}">{text}</a>'
    return f'<li class="academic-cv-contact-{nodes.make_id(contact.kind)}">{label}{text}</li>'


def person_html(person: Person) -> str:
    out = ['<div class="academic-cv-person">\n']
    if person.name:
        out.append(f'<p class="academic-cv-name">{to_html(person.name)}</p>\n')
    if person.headline:
        out.append(f'<p class="academic-cv-headline">{to_html(person.headline)}</p>\n')
    if person.contacts:
        items = "".join(contact_html(c) for c in person.contacts)
        out.append(f'<ul class="academic-cv-contacts" aria-label="Contact">{items}</ul>\n')
    for paragraph in person.summary:
        out.append(f'<p class="academic-cv-summary">{to_html(paragraph)}</p>\n')
    out.append("</div>\n")
    return "".join(out)


def visit_timeline_html(self: Any, node: cv_timeline) -> None:
    self.body.append(f'<ol class="arabic {TIMELINE_CLASS}">\n')


def depart_timeline_html(self: Any, node: cv_timeline) -> None:
    self.body.append("</ol>\n")


def visit_entry_html(self: Any, node: cv_entry) -> None:
    self.body.append(f'<li class="{" ".join(entry_classes(node["item"]))}">')


def visit_header_html(self: Any, node: cv_header) -> None:
    self.body.append(header_html(node.parent["item"], _formats(self)))
    raise nodes.SkipNode


def depart_entry_html(self: Any, node: cv_entry) -> None:
    self.body.append("</li>\n")


def visit_person_html(self: Any, node: cv_person) -> None:
    self.body.append(person_html(node["person"]))
    raise nodes.SkipNode


def visit_numbered_html(self: Any, node: cv_numbered) -> None:
    reverse = " reversed" if node.get("reversed") else ""
    self.body.append(f'<ol class="arabic academic-cv-numbered"{reverse}>\n')


def depart_numbered_html(self: Any, node: cv_numbered) -> None:
    self.body.append("</ol>\n")


# ------------------------------------------------------------------ everything else


def header_nodes(item: CVItem, formats: Mapping[str, str]) -> list[nodes.Element]:
    out: list[nodes.Element] = []
    parts = date_parts(item, formats)
    if parts:
        out.append(nodes.paragraph("", "".join(p.text for p in parts)))
    heading = nodes.paragraph()
    for i, (text, style) in enumerate(
        (t, s)
        for t, s in ((item.title, "strong"), (item.organization, "emphasis"), (item.location, ""))
        if t
    ):
        if i:
            heading += nodes.Text(", ")
        inner = to_nodes(text)
        if style == "strong":
            heading += nodes.strong("", "", *inner)
        elif style == "emphasis":
            heading += nodes.emphasis("", "", *inner)
        else:
            heading.extend(inner)
    if heading.children:
        out.append(heading)
    return out


def person_nodes(person: Person) -> list[nodes.Element]:
    out: list[nodes.Element] = []
    if person.name:
        out.append(nodes.paragraph("", "", nodes.strong("", "", *to_nodes(person.name))))
    if person.headline:
        out.append(nodes.paragraph("", "", *to_nodes(person.headline)))
    if person.contacts:
        line = nodes.paragraph()
        for i, contact in enumerate(person.contacts):
            if i:
                line += nodes.Text(CONTACT_SEPARATOR)
            shown = Inline.of(contact.text)
            if contact.shows_kind:
                line += nodes.Text(f"{contact.kind}: ")
            if contact.url:
                line += nodes.reference(contact.text, contact.text, refuri=contact.url)
            else:
                line.extend(to_nodes(shown))
        out.append(line)
    out.extend(nodes.paragraph("", "", *to_nodes(s)) for s in person.summary)
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


def visit_person_lowered(self: Any, node: cv_person) -> None:
    node[:] = person_nodes(node["person"])  # the writer then visits these paragraphs


def depart_nothing(self: Any, node: nodes.Element) -> None:
    pass


def visit_numbered_lowered(self: Any, node: cv_numbered) -> None:
    """A numbered list where the writer has one; counting down is written as text."""
    count = len(node.children)
    if node.get("reversed"):
        for number, item in zip(range(count, 0, -1), node.children, strict=True):
            first = item.children[0] if item.children else None
            if isinstance(first, nodes.paragraph):
                first.insert(0, nodes.Text(f"[{number}] "))
        node["bullet"] = "*"
        self.visit_bullet_list(node)
    else:
        node["enumtype"], node["prefix"], node["suffix"] = "arabic", "", "."
        self.visit_enumerated_list(node)


def depart_numbered_lowered(self: Any, node: cv_numbered) -> None:
    if node.get("reversed"):
        self.depart_bullet_list(node)
    else:
        self.depart_enumerated_list(node)


def setup_nodes(app: Sphinx) -> None:
    add_node(
        app,
        cv_timeline,
        html=(visit_timeline_html, depart_timeline_html),
        lowered=(visit_timeline_as_list, depart_timeline_as_list),
    )
    app.add_node(cv_header, html=(visit_header_html, None))
    add_node(
        app,
        cv_entry,
        html=(visit_entry_html, depart_entry_html),
        lowered=(visit_entry_lowered, depart_entry_lowered),
    )
    add_node(
        app,
        cv_person,
        html=(visit_person_html, None),
        lowered=(visit_person_lowered, depart_nothing),
    )
    add_node(
        app,
        cv_numbered,
        html=(visit_numbered_html, depart_numbered_html),
        lowered=(visit_numbered_lowered, depart_numbered_lowered),
    )
