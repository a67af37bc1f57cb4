"""An entry in HTML, written in one go: the fast path for lists of thousands of entries.

Docutils nodes cost every later pass (the writer's visitor, the search indexer) about thirty
node visits per entry; the HTML visitor of :class:`.nodes.publication_entry` writes this
string instead. Every piece of text passes through :func:`encode`, which escapes as docutils'
HTML writer does.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..bib.records import Author, Link
from ..escaping import encode
from .display import AuthorLine, EntryDisplay


def names_html(authors: Sequence[Author]) -> str:
    return ", ".join(
        f'<strong class="academic-me">{encode(a.name)}</strong>'
        if a.highlighted
        else encode(a.name)
        for a in authors
    )


def authors_html(line: AuthorLine) -> str:
    if not line.hidden:
        return names_html(line.shown)
    mine = line.hidden_owner
    note = encode(line.hidden_note) + (", including " + names_html(mine) if mine else "")
    return (
        f'{names_html(line.shown)}, <details class="academic-more-authors">\n'
        f"<summary>{note}</summary>"
        f'<span class="academic-hidden-authors">{names_html(line.hidden)}</span></details>'
    )


def venue_html(entry: EntryDisplay) -> str:
    parts = []
    if entry.badge:
        parts.append(f'<span class="academic-badge">{encode(entry.badge)}</span> ')
    if entry.venue:
        parts.append(f'<span class="academic-venue">{encode(entry.venue)}</span>')
    if entry.award:
        if parts:
            parts.append(" · ")
        parts.append(f'<em class="academic-award">{encode(entry.award)}</em>')
    return "".join(parts)


def preview_html(entry: EntryDisplay) -> str:
    """The entry's preview image (decorative: the title beside it says what it shows)."""
    if entry.preview is None:
        return ""
    src = encode(entry.preview.href(entry.root))
    return f'<img class="academic-pub-preview" src="{src}" alt="" loading="lazy" />\n'


def links_html(links: Sequence[Link], root: str) -> str:
    """Labelled link buttons; local files are relative to the page's ``root``."""
    return " ".join(
        f'<a class="academic-link academic-link-{link.field} reference external" '
        f'href="{encode(link.href(root))}">{encode(link.label)}</a>'
        for link in links
    )


def entry_body_html(entry: EntryDisplay) -> str:
    """The HTML inside the entry's ``<li>``."""
    out = [
        preview_html(entry),
        f'<p class="academic-pub-title"><cite>{encode(entry.title)}</cite></p>\n',
    ]
    if entry.authors.shown:
        out.append(
            '<div class="academic-pub-authors docutils container">\n'
            f"{authors_html(entry.authors)}</div>\n"
        )
    venue = venue_html(entry)
    if venue:
        out.append(f'<p class="academic-pub-venue">{venue}</p>\n')
    if entry.summary:
        out.append(f'<p class="academic-pub-summary">{encode(entry.summary)}</p>\n')
    if entry.links:
        out.append(f'<p class="academic-links">{links_html(entry.links, entry.root)}</p>\n')
    if entry.abstract:
        out.append(
            '<details class="academic-toggle academic-abstract">\n<summary>Abstract</summary>'
            f"<p>{encode(entry.abstract)}</p>\n</details>"
        )
    if entry.bibtex:
        out.append(
            '<details class="academic-toggle academic-bibtex no-search">\n<summary>BibTeX</summary>'
            f'<pre class="academic-bibtex-source">{encode(entry.bibtex)}</pre>\n</details>'
        )
    return "".join(out)


def filter_attributes(entry: EntryDisplay) -> str:
    """What the list's filters select by: year group, kind and tags (``;``-separated)."""
    tags = f' data-tags="{encode(";".join(entry.tags))}"' if entry.tags else ""
    return f' data-year="{encode(entry.year)}" data-kind="{encode(entry.kind)}"{tags}'


def entry_html(entry: EntryDisplay, ids: Sequence[str], classes: Sequence[str]) -> str:
    """The whole ``<li>``: the first id on it, any others as anchors inside, as docutils does."""
    attributes = f' class="{encode(" ".join(classes))}"' if classes else ""
    if ids:
        attributes += f' id="{encode(ids[0])}"'
    attributes += filter_attributes(entry)
    anchors = "".join(f'<span id="{encode(i)}"></span>' for i in ids[1:])
    return f"<li{attributes}>{anchors}{entry_body_html(entry)}</li>\n"
