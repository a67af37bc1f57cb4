"""A CV file's content as doctree nodes: sections, their entries, and each entry's body.

What is built here is what every builder writes: timelines and numbered lists are this
extension's nodes (:mod:`.nodes`, a visitor per builder), everything else standard docutils
nodes (paragraphs, bullet and field lists, block quotes, references), so HTML, LaTeX and text
writers escape and lay them out their own way, and search indexes the text. Text from a file
is shown as written: Sphinx's smart quotes are turned off inside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from docutils import nodes

from ..inline import Inline, to_nodes
from .model import CVItem, CVSection, Highlight, Layout
from .nodes import cv_entry, cv_header, cv_numbered, cv_timeline, header_text


def _paragraph(inline: Inline, classes: Sequence[str] = ()) -> nodes.paragraph:
    return nodes.paragraph("", "", *to_nodes(inline), classes=list(classes))


def highlights_list(highlights: Sequence[Highlight]) -> nodes.bullet_list:
    items = []
    for highlight in highlights:
        item = nodes.list_item("", _paragraph(highlight.text))
        if highlight.children:
            item += highlights_list(highlight.children)
        items.append(item)
    return nodes.bullet_list("", *items, bullet="-")


def entry_body(item: CVItem) -> list[nodes.Node]:
    """Authors, summary, highlights, labelled details and links, in that order."""
    body: list[nodes.Node] = []
    if item.authors:
        line = nodes.paragraph(classes=["academic-cv-authors"])
        for i, author in enumerate(item.authors):
            if i:
                line += nodes.Text(", ")
            line.extend(to_nodes(author))
        body.append(line)
    body.extend(_paragraph(p) for p in item.summary)
    if item.highlights:
        body.append(highlights_list(item.highlights))
    for fact in item.facts:
        label = nodes.strong(f"{fact.label}:", f"{fact.label}:")
        body.append(
            nodes.paragraph(
                "", "", label, nodes.Text(" "), *to_nodes(fact.value), classes=["academic-cv-fact"]
            )
        )
    if item.links:
        line = nodes.paragraph(classes=["academic-cv-links"])
        for i, link in enumerate(item.links):
            if i:
                line += nodes.Text(" \u00b7 ")
            line += nodes.reference(link.label, link.label, refuri=link.url)
        body.append(line)
    return body


def entry_node(item: CVItem, body: Sequence[nodes.Node], formats: Mapping[str, str]) -> cv_entry:
    header = header_text(item, formats)
    node = cv_entry("", cv_header(header, header), *body, item=item)
    node["academic_sort_key"] = item.sort_key
    return node


def _pairs(entries: Sequence[CVItem]) -> nodes.field_list:
    fields = []
    for item in entries:
        value = nodes.paragraph("", "", *to_nodes(item.details))
        for i, link in enumerate(item.links):
            value += nodes.Text(" " if i == 0 and item.details else " \u00b7 " if i else "")
            value += nodes.reference(link.label, link.label, refuri=link.url)
        fields.append(
            nodes.field(
                "", nodes.field_name("", "", *to_nodes(item.title)), nodes.field_body("", value)
            )
        )
    return nodes.field_list("", *fields, classes=["academic-cv-pairs"])


def _item_with_bullets(item: CVItem) -> nodes.list_item:
    out = nodes.list_item("", _paragraph(item.title))
    if item.highlights:
        out += highlights_list(item.highlights)
    return out


def section_content(section: CVSection, formats: Mapping[str, str], path: str) -> list[nodes.Node]:
    """The section's entries laid out as its format shows them."""
    entries = section.entries
    layout = section.layout
    content: list[nodes.Node]
    if layout is Layout.TIMELINE:
        timeline = cv_timeline()
        for item in entries:
            entry = entry_node(item, entry_body(item), formats)
            entry.source, entry.line = path, item.line
            timeline += entry
        content = [timeline]
    elif layout is Layout.PAIRS:
        content = [_pairs(entries)]
    elif layout is Layout.BULLETS:
        content = [nodes.bullet_list("", *map(_item_with_bullets, entries), bullet="-")]
    elif layout in (Layout.NUMBERED, Layout.REVERSED):
        content = [
            cv_numbered("", *map(_item_with_bullets, entries), reversed=layout is Layout.REVERSED)
        ]
    elif layout is Layout.QUOTES:
        content = []
        for item in entries:
            quote = nodes.block_quote("", *(_paragraph(p) for p in item.summary))
            if item.title:
                quote += nodes.attribution("", "", *to_nodes(item.title))
            content.append(quote)
    else:  # Layout.TEXT
        content = [_paragraph(p) for item in entries for p in item.summary]
    for node in content:
        if isinstance(node, nodes.Element):
            node["support_smartquotes"] = False
            node["classes"].append(f"academic-cv-{layout.value}")
    return content
