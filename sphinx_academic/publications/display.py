"""What a publication entry shows: decided once, here, for every renderer.

The HTML writer, the LaTeX/text/man/texinfo lowering, the ``{cite}`` tooltip and any later
output (a PDF, a feed) read an :class:`EntryDisplay`; none of them decides which authors,
venue or links an entry shows. Year, kind and tags are what the list's filters select by.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..bib.records import DEFAULT_ROLE_TABLE, Author, Link, PublicationRecord
from ..bib.roles import RoleTable
from ..config import AcademicConfig
from ..inline import Inline
from .cite_as import cite_as

#: The label of an award without an ``award_name``.
AWARD_LABEL = "Award"

#: What the marks of a list mean: (mark, legend) pairs, in the order of the site's roles.
Legend = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class EntryView:
    """How a page shows entries: the settings, and the page's path to the site's root."""

    max_authors: int = 10
    bibtex_always: bool = True  #: False: only entries with ``bibtex_show = {true}`` (al-folio)
    root: str = ""
    roles: RoleTable = DEFAULT_ROLE_TABLE  #: what each author mark means

    @classmethod
    def from_config(cls, config: AcademicConfig, root: str = "") -> EntryView:
        return cls(
            config.max_authors,
            config.bibtex_toggle == "always",
            root,
            RoleTable.from_config(config.author_roles),
        )


@dataclass(frozen=True, slots=True)
class AuthorLine:
    """The author list: names shown, and those folded behind "N more authors"."""

    shown: tuple[Author, ...]
    hidden: tuple[Author, ...] = ()

    @property
    def hidden_note(self) -> str:
        """ "14 more authors" (with "et al." if the list was cut), or ""."""
        if not self.hidden:
            return ""
        count = sum(1 for a in self.hidden if not a.is_others)
        words = f"{count} more author{'s' if count != 1 else ''}"
        if any(a.is_others for a in self.hidden):
            words += " et al."
        return words

    @property
    def hidden_owner(self) -> tuple[Author, ...]:
        """The owner's names among the hidden ones: the note names them ("including …")."""
        return tuple(a for a in self.hidden if a.highlighted)


@dataclass(frozen=True, slots=True)
class EntryDisplay:
    """One entry as every output shows it."""

    key: str
    title: str
    authors: AuthorLine
    badge: str
    venue: str
    venue_note: Inline  #: al-folio's ``additional_info``, after the venue line
    award: Inline  #: al-folio's ``award`` (Markdown), under ``award_name``
    award_name: str
    summary: str
    links: tuple[Link, ...]
    abstract: str
    bibtex: str  #: "" when the entry gets no BibTeX toggle
    preview: Link | None
    root: str  #: the page's path to the site's root, for local files
    year: str = ""  #: the group a list files it under ("2024" or "Undated"), for filters
    kind: str = "other"  #: journal, conference, preprint … (bib/kinds.py), for filters
    tags: tuple[str, ...] = ()  #: its keywords, for filters
    page: str = ""  #: the entry's own page (:mod:`sphinx_academic.pages`), if it has one


def legend(authors: Iterable[Author], view: EntryView) -> Legend:
    """The legend under a list (or card) of these authors: the roles whose marks appear."""
    return view.roles.legend(mark for author in authors for mark in author.marks)


def author_line(authors: tuple[Author, ...], max_authors: int) -> AuthorLine:
    """Past ``max_authors``, the rest fold away; a list just one longer is shown whole."""
    if not max_authors or len(authors) <= max_authors + 1:
        return AuthorLine(authors)
    return AuthorLine(authors[:max_authors], authors[max_authors:])


def display(record: PublicationRecord, view: EntryView, page: str = "") -> EntryDisplay:
    """The entry as a list shows it; ``page`` is the link to its own page ("" if none)."""
    shows_bibtex = view.bibtex_always if record.bibtex_show is None else record.bibtex_show
    return EntryDisplay(
        key=record.key,
        title=record.title,
        authors=author_line(record.authors, view.max_authors),
        badge=record.abbr,
        venue=record.venue_line(),
        venue_note=record.additional_info,
        award=record.award,
        award_name=record.award_name or (AWARD_LABEL if record.award else ""),
        summary=record.summary,
        links=record.links,
        abstract=record.abstract,
        bibtex=record.bibtex if shows_bibtex else "",
        preview=record.preview,
        root=view.root,
        year=record.group,
        kind=record.kind,
        tags=record.tags,
        page=page,
    )


def note_separator(entry: EntryDisplay) -> str:
    """What goes between the venue line and ``additional_info``: nothing when the note
    starts with its own punctuation (al-folio writes ``{. More …}``), else a space."""
    if not entry.venue or not entry.venue_note:
        return ""
    return "" if entry.venue_note.plain[:1] in ".,;:)" else " "


#: A page's description (a summary, an abstract, or the title, authors and venue) stops at a
#: word before this many characters: search engines show about 160.
DESCRIPTION_LENGTH = 300
#: Authors a description made from the title, authors and venue names before "et al.".
DESCRIPTION_AUTHORS = 3


@dataclass(frozen=True, slots=True)
class PageDisplay:
    """A publication's own page: the entry whole (every author, its BibTeX whatever the list
    shows), when it appeared, how to cite it, and the description search engines show."""

    entry: EntryDisplay
    legend: Legend
    date: str  #: "3 May 2024", "May 2024" or "2024" ("" when undated)
    date_iso: str  #: "2024-05-03", "2024-05" or "2024"
    show_date: bool  #: a line of its own: the venue line does not already say it
    cite_as: tuple[tuple[str, str], ...]  #: (style, reference), see :mod:`.cite_as`
    description: str


def iso_date(record: PublicationRecord) -> str:
    if not record.year:
        return ""
    if not record.month:
        return record.year
    if not record.day:
        return f"{record.year}-{record.month:02d}"
    return f"{record.year}-{record.month:02d}-{record.day:02d}"


def shown_date(record: PublicationRecord) -> str:
    month = calendar.month_name[record.month] if record.year and record.month else ""
    day = str(record.day) if month and record.day else ""
    return " ".join(part for part in (day, month, record.year) if part)


def shortened(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """The text, or its start up to a word before ``length`` characters and an ellipsis."""
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0].rstrip(",;:. ")
    return cut + "\u2026"


def description(record: PublicationRecord) -> str:
    """The summary; else the abstract; else title, authors and venue (each bounded)."""
    if record.summary or record.abstract:
        return shortened(record.summary or record.abstract)
    named = [a.name for a in record.authors if not a.is_others]
    names = ", ".join(named[:DESCRIPTION_AUTHORS])
    if len(named) > DESCRIPTION_AUTHORS or len(named) < len(record.authors):
        names += " et al."
    parts = (record.title, names, record.venue_line())
    return shortened(" ".join(part.rstrip(".") + "." for part in parts if part))


def page_display(record: PublicationRecord, view: EntryView) -> PageDisplay:
    whole = replace(view, max_authors=0)
    entry = replace(display(record, whole), bibtex=record.bibtex)
    date = shown_date(record)
    return PageDisplay(
        entry=entry,
        legend=legend(record.authors, view),
        date=date,
        date_iso=iso_date(record),
        show_date=bool(date) and (bool(record.month) or record.year not in entry.venue),
        cite_as=cite_as(record),
        description=description(record),
    )
