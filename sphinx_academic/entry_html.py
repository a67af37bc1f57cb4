"""A publication list entry written straight to HTML: the fast path for long lists.

Docutils nodes cost every later pass (the HTML writer's visitor, Sphinx's search indexer)
about thirty node visits per entry; this writes the markup that :func:`.publications.entry_nodes`
gives through the HTML writer, as one string, and hands the indexer one text node with the
searchable words. ``tests/test_entry_html.py`` checks that the two paths give the same HTML.
All text passes through :func:`encode`, which escapes as docutils' HTML writer does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from .records import Author, EntryView, PublicationRecord, hidden_note_words

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

#: docutils' HTML writer's ``special_characters``: & < " > and @ (against address harvesting).
_SPECIAL = str.maketrans({"&": "&amp;", "<": "&lt;", '"': "&quot;", ">": "&gt;", "@": "&#64;"})


def encode(text: str) -> str:
    return text.translate(_SPECIAL)


class html_entry(nodes.General, nodes.Element):
    """One entry's HTML (``node["html"]``, already encoded); its text child feeds the search
    index. Made for html builders only."""


def visit_html_entry(self: HTML5Translator, node: html_entry) -> None:
    self.body.append(node["html"])
    raise nodes.SkipNode


def _skip(self: object, node: nodes.Element) -> None:
    raise nodes.SkipNode


def _names(authors: tuple[Author, ...]) -> str:
    return ", ".join(
        f'<strong class="academic-me">{encode(a.name)}</strong>'
        if a.highlighted
        else encode(a.name)
        for a in authors
    )


def _authors(authors: tuple[Author, ...], max_authors: int) -> str:
    if not max_authors or len(authors) <= max_authors + 1:
        return _names(authors)
    shown, hidden = authors[:max_authors], authors[max_authors:]
    words, mine = hidden_note_words(hidden)
    note = encode(words) + (", including " + _names(mine) if mine else "")
    return (
        f'{_names(shown)}, <details class="academic-more-authors">\n<summary>{note}</summary>'
        f'<span class="academic-hidden-authors">{_names(hidden)}</span></details>'
    )


def _venue(record: PublicationRecord) -> str:
    parts = []
    if record.abbr:
        parts.append(f'<span class="academic-badge">{encode(record.abbr)}</span> ')
    venue = record.venue_line()
    if venue:
        parts.append(f'<span class="academic-venue">{encode(venue)}</span>')
    if record.award:
        if parts:
            parts.append(" · ")
        parts.append(f'<em class="academic-award">{encode(record.award)}</em>')
    return "".join(parts)


def preview_markup(record: PublicationRecord, root: str) -> str:
    """The entry's preview image (decorative: the title beside it says what it shows)."""
    if record.preview is None:
        return ""
    src = encode(record.preview.href(root))
    return f'<img class="academic-pub-preview" src="{src}" alt="" loading="lazy" />\n'


def entry_markup(record: PublicationRecord, view: EntryView) -> str:
    """The HTML inside the entry's ``<li>``."""
    out = [
        preview_markup(record, view.root),
        f'<p class="academic-pub-title"><cite>{encode(record.title)}</cite></p>\n',
    ]
    if record.authors:
        out.append(
            '<div class="academic-pub-authors docutils container">\n'
            f"{_authors(record.authors, view.max_authors)}</div>\n"
        )
    venue = _venue(record)
    if venue:
        out.append(f'<p class="academic-pub-venue">{venue}</p>\n')
    if record.summary:
        out.append(f'<p class="academic-pub-summary">{encode(record.summary)}</p>\n')
    if record.links:
        links = " ".join(
            f'<a class="academic-link academic-link-{link.field} reference external" '
            f'href="{encode(link.href(view.root))}">{encode(link.label)}</a>'
            for link in record.links
        )
        out.append(f'<p class="academic-links">{links}</p>\n')
    if record.abstract:
        out.append(
            '<details class="academic-toggle academic-abstract">\n<summary>Abstract</summary>'
            f"<p>{encode(record.abstract)}</p>\n</details>"
        )
    if record.shows_bibtex(view):
        out.append(
            '<details class="academic-toggle academic-bibtex no-search">\n<summary>BibTeX</summary>'
            f'<pre class="academic-bibtex-source">{encode(record.bibtex)}</pre>\n</details>'
        )
    return "".join(out)


def searchable_text(record: PublicationRecord) -> str:
    """The words a reader searches for: title, authors, venue, award, summary, abstract."""
    names = ", ".join(a.name for a in record.authors)
    parts = (record.title, names, record.venue_line(), record.award, record.summary)
    return "\n".join(p for p in (*parts, record.abstract) if p)


def entry_html_node(record: PublicationRecord, view: EntryView) -> html_entry:
    node = html_entry(html=entry_markup(record, view))
    node += nodes.Text(searchable_text(record))
    return node


def setup_entry_html(app: Sphinx) -> None:
    skip = (_skip, None)
    app.add_node(
        html_entry, html=(visit_html_entry, None), latex=skip, text=skip, man=skip, texinfo=skip
    )
