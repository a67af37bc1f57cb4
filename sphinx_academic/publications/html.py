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
from ..inline import to_html
from .display import AuthorLine, EntryDisplay, Legend, note_separator


def marks_html(marks: Sequence[str]) -> str:
    return f'<sup class="academic-mark">{encode("".join(marks))}</sup>' if marks else ""


def name_html(author: Author) -> str:
    """A name: the owner's strong, a co-author's a link to their page, then any role marks."""
    name = encode(author.name)
    if author.highlighted:
        name = f'<strong class="academic-me">{name}</strong>'
    elif author.url:
        name = (
            f'<a class="academic-coauthor reference external" href="{encode(author.url)}">'
            f"{name}</a>"
        )
    return name + marks_html(author.marks)


def names_html(authors: Sequence[Author]) -> str:
    return ", ".join(name_html(a) for a in authors)


def legend_html(legend: Legend) -> str:
    """What the marks mean: ``* equal contribution · † corresponding author``."""
    items = " · ".join(f"{marks_html((mark,))}\u00a0{encode(text)}" for mark, text in legend)
    return f'<p class="academic-legend">{items}</p>\n' if legend else ""


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
    if entry.venue_note:
        parts.append(f'{note_separator(entry)}<span class="academic-venue-note">')
        parts.append(f"{to_html(entry.venue_note)}</span>")
    return "".join(parts)


def award_html(entry: EntryDisplay) -> str:
    """al-folio's award: its name, opening the award's text (Markdown) like a toggle."""
    if not entry.award_name:
        return ""
    if not entry.award:
        return f'<p class="academic-award"><em>{encode(entry.award_name)}</em></p>\n'
    return (
        '<details class="academic-toggle academic-award">\n'
        f"<summary>{encode(entry.award_name)}</summary><p>{to_html(entry.award)}</p>\n</details>"
    )


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
    title = f"<cite>{encode(entry.title)}</cite>"
    if entry.page:
        title = f'<a class="reference internal" href="{encode(entry.page)}">{title}</a>'
    out = [preview_html(entry), f'<p class="academic-pub-title">{title}</p>\n']
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
    out.append(award_html(entry))
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


def downloads_html(bibtex: str, csl_json: str) -> str:
    """The links to the site's publications as BibTeX and CSL-JSON files."""
    return (
        '<p class="academic-downloads">Download all publications: '
        f'<a class="academic-link reference external" href="{encode(bibtex)}" download '
        'type="application/x-bibtex">BibTeX</a> '
        f'<a class="academic-link reference external" href="{encode(csl_json)}" download '
        'type="application/vnd.citationstyles.csl+json">CSL-JSON</a></p>\n'
    )
