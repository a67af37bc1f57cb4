"""An entry as standard docutils nodes, for every builder but HTML (LaTeX, text, man, texinfo).

The builder's own writer then escapes and lays it out: ``\\sphinxstylestrong`` in LaTeX,
``**…**`` in text. Toggles (abstract, BibTeX, hidden authors) need a browser; elsewhere the
hidden authors become "and N more authors" and the toggles are left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from ..bib.records import Author, Link
from ..inline import to_nodes
from .display import AuthorLine, EntryDisplay, Legend, note_separator


def marks_node(marks: Sequence[str], plain: bool) -> nodes.Node:
    """Role marks: a superscript, or (plain text, man) the characters after the name."""
    text = "".join(marks)
    return nodes.Text(text) if plain else nodes.superscript(text, text)


def names_nodes(authors: Sequence[Author], plain: bool = False) -> list[nodes.Node]:
    """Names separated by commas: the owner's as ``strong``, a co-author's as a link (not in
    plain text), marks after the name; each run of plain names is one text."""
    out: list[nodes.Node] = []
    run: list[str] = []
    for i, author in enumerate(authors):
        if i:
            run.append(", ")
        special = author.highlighted or (author.url and not plain) or author.marks
        if not special:
            run.append(author.name)
            continue
        if run:
            out.append(nodes.Text("".join(run)))
            run = []
        if author.highlighted:
            out.append(nodes.strong(author.name, author.name, classes=["academic-me"]))
        elif author.url and not plain:
            out.append(nodes.reference(author.name, author.name, refuri=author.url))
        else:
            out.append(nodes.Text(author.name))
        if author.marks:
            out.append(marks_node(author.marks, plain))
    if run:
        out.append(nodes.Text("".join(run)))
    return out


def authors_nodes(line: AuthorLine, plain: bool = False) -> list[nodes.Node]:
    out = names_nodes(line.shown, plain)
    if line.hidden:
        out.append(nodes.Text(f", and {line.hidden_note}"))
        if line.hidden_owner:
            out.append(nodes.Text(", including "))
            out.extend(names_nodes(line.hidden_owner, plain))
    return out


def legend_nodes(legend: Legend, plain: bool) -> list[nodes.Element]:
    """The legend as one paragraph: ``* equal contribution · † corresponding author``."""
    if not legend:
        return []
    parts: list[nodes.Node] = []
    for i, (mark, text) in enumerate(legend):
        if i:
            parts.append(nodes.Text(" · "))
        parts += [marks_node((mark,), plain), nodes.Text(f"\u00a0{text}")]
    return [nodes.paragraph("", "", *parts, classes=["academic-legend"])]


def link_nodes(links: Sequence[Link], root: str, as_text: bool) -> list[nodes.Node]:
    """Links as references (LaTeX, texinfo) or as "label: URL" text (text, man)."""
    out: list[nodes.Node] = []
    for i, link in enumerate(links):
        if i:
            out.append(nodes.Text(", "))
        url = link.href(root)
        if as_text:
            out.append(nodes.Text(f"{link.label}: {url}"))
        else:
            out.append(nodes.reference(link.label, link.label, refuri=url))
    return out


def venue_nodes(entry: EntryDisplay) -> list[nodes.Node]:
    """Badge, venue line and al-folio's ``additional_info``."""
    out: list[nodes.Node] = []
    if entry.badge:
        out += [nodes.inline(entry.badge, entry.badge), nodes.Text(" ")]
    if entry.venue:
        out.append(nodes.Text(entry.venue))
    if entry.venue_note:
        out.append(nodes.Text(note_separator(entry)))
        out.extend(to_nodes(entry.venue_note))
    return out


def award_nodes(entry: EntryDisplay) -> list[nodes.Node]:
    """The award's name, then its text: "Best Paper: For …"."""
    if not entry.award_name:
        return []
    out: list[nodes.Node] = [nodes.emphasis(entry.award_name, entry.award_name)]
    if entry.award:
        out += [nodes.Text(": "), *to_nodes(entry.award)]
    return out


def entry_nodes(entry: EntryDisplay, links_as_text: bool) -> list[nodes.Element]:
    """The body of one list item: title, authors, venue, summary and links."""
    out: list[nodes.Element] = [nodes.paragraph("", "", nodes.strong(entry.title, entry.title))]
    if entry.authors.shown:
        out.append(nodes.paragraph("", "", *authors_nodes(entry.authors, plain=links_as_text)))
    venue = venue_nodes(entry)
    if venue:
        out.append(nodes.paragraph("", "", *venue))
    award = award_nodes(entry)
    if award:
        out.append(nodes.paragraph("", "", *award))
    if entry.summary:
        out.append(nodes.paragraph(entry.summary, entry.summary))
    if entry.links:
        out.append(nodes.paragraph("", "", *link_nodes(entry.links, entry.root, links_as_text)))
    return out
