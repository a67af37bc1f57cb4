"""Docutils nodes for a publication's parts, shared by publication lists and cards."""

from __future__ import annotations

from docutils import nodes

from .records import Author, Link, PublicationRecord, hidden_note_words
from .shared import Flavour, details, summary


def _names(authors: tuple[Author, ...]) -> list[nodes.Node]:
    """Names separated by commas: the owner's as ``strong``, each run of others as one text.

    One text node per run, not per name, keeps long lists cheap for every later pass
    (transforms, writers, the search index).
    """
    out: list[nodes.Node] = []
    run: list[str] = []
    for i, author in enumerate(authors):
        if i:
            run.append(", ")
        if author.highlighted:
            if run:
                out.append(nodes.Text("".join(run)))
                run = []
            out.append(nodes.strong(author.name, author.name, classes=["academic-me"]))
        else:
            run.append(author.name)
    if run:
        out.append(nodes.Text("".join(run)))
    return out


def _hidden_note(hidden: tuple[Author, ...]) -> list[nodes.Node]:
    """Say "14 more authors", naming the site owner when they are among the hidden ones."""
    words, mine = hidden_note_words(hidden)
    note: list[nodes.Node] = [nodes.Text(words)]
    if mine:
        note.append(nodes.Text(", including "))
        note.extend(_names(mine))
    return note


def author_nodes(
    authors: tuple[Author, ...], max_authors: int, flavour: Flavour
) -> list[nodes.Node]:
    """The author list; past ``max_authors``, the rest behind a ``<details>`` toggle in html."""
    if not max_authors or len(authors) <= max_authors + 1:
        return _names(authors)
    shown, hidden = authors[:max_authors], authors[max_authors:]
    out = [*_names(shown), nodes.Text(", ")]
    if flavour == "html":
        toggle = details(classes=["academic-more-authors"])
        toggle += summary("", "", *_hidden_note(hidden))
        toggle += nodes.inline("", "", *_names(hidden), classes=["academic-hidden-authors"])
        out.append(toggle)
    else:
        out += [nodes.Text("and "), *_hidden_note(hidden)]
    return out


def link_nodes(links: tuple[Link, ...], flavour: Flavour, root: str = "") -> list[nodes.Node]:
    """Labelled link buttons (html), \\href links (latex), "label: URL" (text).

    ``root`` is the page's path to the site's root, which local files are relative to.
    """
    out: list[nodes.Node] = []
    for i, link in enumerate(links):
        if i:
            out.append(nodes.Text(" " if flavour == "html" else ", "))
        if flavour == "text":
            out.append(nodes.Text(f"{link.label}: {link.href(root)}"))
        else:
            out.append(
                nodes.reference(
                    link.label,
                    link.label,
                    refuri=link.href(root),
                    classes=["academic-link", f"academic-link-{link.field}"],
                )
            )
    return out


def venue_nodes(record: PublicationRecord) -> list[nodes.Node]:
    """Badge, venue line and award."""
    out: list[nodes.Node] = []
    if record.abbr:
        out += [nodes.inline(record.abbr, record.abbr, classes=["academic-badge"]), nodes.Text(" ")]
    text = record.venue_line()
    if text:
        out.append(nodes.inline(text, text, classes=["academic-venue"]))
    if record.award:
        if out:
            out.append(nodes.Text(" · "))
        out.append(nodes.emphasis(record.award, record.award, classes=["academic-award"]))
    return out


def toggle(label: str, body: nodes.Element, classes: list[str]) -> details:
    """A closed ``<details>`` with ``label`` as its summary."""
    node = details(classes=classes)
    node += summary(label, label)
    node += body
    return node
