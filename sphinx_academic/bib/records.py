"""Reading a BibTeX entry into a :class:`PublicationRecord`: the one model every output shows.

Nothing here renders. Text is decoded from LaTeX, names are matched against the owner's, URLs
are checked, local files are resolved inside their folders; what is wrong with the entry is
kept with the record (``problems``), each with how to fix it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote

from ..files import FileMissing, FileRefused, LocalFile, is_local_name, local_file
from ..messages import Subtype
from ..urls import UnsafeURLError, checked_url
from .kinds import classify
from .latex import latex_to_text
from .names import NameMatcher, display_name, is_others

if TYPE_CHECKING:
    from pybtex.database import Entry

#: Link fields, in the order their buttons appear, with their default labels.
#: The names are al-folio's where al-folio has one, so its papers.bib works unchanged.
LINK_FIELDS: tuple[tuple[str, str], ...] = (
    ("pdf", "PDF"),
    ("arxiv", "arXiv"),
    ("html", "Paper"),
    ("doi", "DOI"),
    ("url", "Link"),
    ("code", "Code"),
    ("website", "Website"),
    ("project", "Project page"),
    ("blog", "Blog"),
    ("slides", "Slides"),
    ("poster", "Poster"),
    ("video", "Video"),
    ("supp", "Supplement"),
    ("models", "Models"),
    ("data", "Data"),
)
#: Fields that may name a file in a local folder instead of a URL (al-folio's meaning:
#: ``pdf = {paper.pdf}`` is ``assets/pdf/paper.pdf``), with al-folio's folders.
DEFAULT_FILE_DIRS: Mapping[str, str] = {
    "pdf": "assets/pdf",
    "supp": "assets/pdf",
    "poster": "assets/pdf",
    "slides": "assets/pdf",
    "html": "assets/html",
    "preview": "assets/img/publication_preview",
}
#: Every field that ``academic_file_dirs`` may give a folder.
FILE_FIELDS = frozenset({name for name, _ in LINK_FIELDS} | {"preview"}) - {"arxiv", "doi"}
#: Links a work's title or card points at, best first.
PRIMARY_LINK_ORDER = ("pdf", "arxiv", "html", "doi", "url", "website", "project", "code")
#: Fields kept in the BibTeX a reader copies: standard BibTeX/BibLaTeX, no display fields.
STANDARD_FIELDS = frozenset(
    """address annote booktitle chapter crossref doi edition eid eprint archiveprefix
    primaryclass howpublished institution isbn issn journal key month note number organization
    pages publisher school series title type url volume year date""".split()
)
VENUE_FIELDS = ("venue_label", "journal", "booktitle", "howpublished", "school", "institution")
TRUE_VALUES = frozenset({"true", "yes", "1"})
UNDATED = "Undated"
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
_YEAR = re.compile(r"[0-9]{4}")


@dataclass(frozen=True, slots=True)
class RecordSettings:
    """What reading an entry depends on besides the entry."""

    matcher: NameMatcher
    file_dirs: Mapping[str, str]
    confdir: str


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    highlighted: bool = False
    is_others: bool = False  #: BibTeX's ``and others``


@dataclass(frozen=True, slots=True)
class Link:
    field: str
    label: str
    url: str
    local: bool = False  #: ``url`` is a file's path from the site's root (copied there)

    def href(self, root: str = "") -> str:
        """The URL as written on a page whose path to the site's root is ``root``."""
        return root + self.url if self.local else self.url


class Problem(NamedTuple):
    """Something wrong with an entry, said so that the owner can fix it."""

    message: str
    subtype: Subtype = Subtype.BIBTEX


@dataclass(frozen=True, slots=True)
class PublicationRecord:
    """Everything any output shows of one entry; text is decoded, URLs are checked."""

    key: str
    entry_type: str
    title: str
    authors: tuple[Author, ...]
    venue: str
    venue_is_label: bool  #: the venue is ``venue_label``, shown exactly as written
    year: str  #: four digits, or "" when the entry has no readable year
    summary: str
    abstract: str
    links: tuple[Link, ...]
    bibtex: str
    abbr: str
    award: str
    preview: Link | None  #: a small image shown beside the entry
    bibtex_show: bool | None  #: the entry's own ``bibtex_show``, if it has one
    files: tuple[LocalFile, ...]  #: local files the links point at, to copy into the site
    file_names: tuple[str, ...]  #: every local name looked up (conf-dir relative), found or not
    problems: tuple[Problem, ...]
    kind: str = "other"  #: journal, conference, preprint, patent, thesis, talk, other (kinds.py)
    tags: tuple[str, ...] = ()  #: the entry's keywords

    @property
    def group(self) -> str:
        """The year a list files the entry under, or "Undated"."""
        return self.year or UNDATED

    @property
    def primary_link(self) -> Link | None:
        by_field = {link.field: link for link in self.links}
        return next((by_field[f] for f in PRIMARY_LINK_ORDER if f in by_field), None)

    def venue_line(self, year: str | None = None) -> str:
        """The venue as shown: a ``venue_label`` as written; else venue and year (or a year)."""
        year = self.year if year is None else year
        if self.venue_is_label or (year and year in self.venue):
            return self.venue
        return ", ".join(part for part in (self.venue, year) if part)


def year_sort_key(group: str) -> int:
    """Newest first: a year sorts by its number, every other group after all years."""
    return int(group) if _YEAR.fullmatch(group) else -1


Fields = Mapping[str, str]


def lower_fields(entry: Entry) -> dict[str, str]:
    """The entry's fields in a plain dict with lower-case names (pybtex's case-insensitive
    mapping costs a lowercasing per lookup, and an entry is looked up some forty times)."""
    return {name.lower(): value for name, value in entry.fields.items()}


def _text(fields: Fields, name: str) -> str:
    return latex_to_text(fields.get(name, ""))


def _flag(fields: Fields, name: str) -> bool | None:
    value = _text(fields, name).strip().casefold()
    return value in TRUE_VALUES if value else None


def year_of(fields: Fields) -> str:
    """The year as written: the ``year`` field, else the year of a BibLaTeX ``date``."""
    return _text(fields, "year") or _text(fields, "date")[:4]


def entry_year(entry: Entry) -> str:
    """:func:`year_of` for a pybtex entry, without copying its fields."""
    fields = entry.fields
    return latex_to_text(fields.get("year", "")) or latex_to_text(fields.get("date", ""))[:4]


def clean_bibtex(entry: Entry, fields: Fields) -> str:
    """Standard BibTeX for the entry, without display fields; ``arxiv`` becomes ``eprint``."""
    lines = [f"@{entry.original_type}{{{entry.key},"]
    for role in ("author", "editor"):
        if entry.persons.get(role):
            names = " and ".join(str(p) for p in entry.persons[role])
            lines.append(f"  {role} = {{{names}}},")
    ordered = ["title", *[k for k in fields if k != "title"]]
    for name in ordered:
        if name in STANDARD_FIELDS and name in fields:
            lines.append(f"  {name} = {{{fields[name]}}},")
    arxiv = fields.get("arxiv", "").strip()
    if arxiv and "eprint" not in fields and not arxiv.lower().startswith(("http:", "https:")):
        lines.append(f"  eprint = {{{arxiv}}},")
        lines.append("  archiveprefix = {arXiv},")
    lines.append("}")
    return "\n".join(lines)


class _Reader:
    """Reads one entry's links and files, collecting problems as it goes."""

    def __init__(self, entry: Entry, fields: Fields, settings: RecordSettings) -> None:
        self.entry = entry
        self.fields = fields
        self.settings = settings
        self.problems: list[Problem] = []
        self.files: list[LocalFile] = []
        self.file_names: list[str] = []

    def link(self, field: str, label: str) -> Link | None:
        raw = self.fields.get(field, "").strip()
        if not raw:
            return None
        key = self.entry.key
        if field == "arxiv" and not raw.lower().startswith(("http:", "https:")):
            return Link(field, label, "https://arxiv.org/abs/" + quote(raw, safe="/."))
        if field == "doi" and not raw.lower().startswith(("http:", "https:")):
            return Link(field, label, "https://doi.org/" + quote(raw, safe="/()._-:;"))
        try:
            url = checked_url(raw)
        except UnsafeURLError as err:
            self.problems.append(Problem(f"{field} of {key!r}: {err}; the link was left out"))
            return None
        folder = self.settings.file_dirs.get(field)
        if folder is None or not is_local_name(url):
            return Link(field, label, url)
        what = f"{field} of {key!r}:"
        self.file_names.append(f"{folder}/{url}")
        try:
            found = local_file(Path(self.settings.confdir), folder, url, what)
        except FileMissing:
            self.problems.append(
                Problem(
                    f"{field} of {key!r}: no file {folder}/{url} in the conf dir; put the file "
                    "there, correct the name, or give a URL (https://…)",
                    Subtype.FILES,
                )
            )
            return None
        except FileRefused as err:
            self.problems.append(Problem(f"{err}; the link was left out", Subtype.FILES))
            return None
        self.files.append(found)
        return Link(field, label, quote(found.site_path), local=True)


def build_record(entry: Entry, settings: RecordSettings) -> PublicationRecord:
    fields = lower_fields(entry)
    reader = _Reader(entry, fields, settings)
    problems = reader.problems
    raw_title = fields.get("title", "")
    title = latex_to_text(raw_title)
    if not title:
        problems.append(Problem(f"entry {entry.key!r} has no title; add title = {{...}}"))
    elif _HTML_TAG.search(raw_title):
        problems.append(
            Problem(
                f"the title of {entry.key!r} contains HTML markup, which is shown as plain text; "
                "use LaTeX markup instead (\\emph{...}, \\textbf{...})"
            )
        )
    year = year_of(fields)
    if not year:
        problems.append(Problem(f"entry {entry.key!r} has no year; add year = {{YYYY}}"))
    elif not _YEAR.fullmatch(year):
        problems.append(
            Problem(f"entry {entry.key!r} has year {year!r}; write it as four digits, YYYY")
        )
        year = ""
    authors = tuple(
        Author("et al.", is_others=True)
        if is_others(person)
        else Author(display_name(person), settings.matcher.matches(person))
        for person in entry.persons.get("author", ())
    )
    links = tuple(
        link for link in (reader.link(field, label) for field, label in LINK_FIELDS) if link
    )
    preview = reader.link("preview", "")
    venue_field, venue = next(
        ((f, v) for f, v in ((f, _text(fields, f)) for f in VENUE_FIELDS) if v), ("", "")
    )
    kind, tags = classify(entry.type, fields, venue)
    return PublicationRecord(
        key=entry.key,
        entry_type=entry.type,
        title=title or entry.key,
        authors=authors,
        venue=venue,
        venue_is_label=venue_field == "venue_label",
        year=year,
        summary=_text(fields, "summary"),
        abstract=_text(fields, "abstract"),
        links=links,
        bibtex=clean_bibtex(entry, fields),
        abbr=_text(fields, "abbr"),
        award=_text(fields, "award"),
        preview=preview,
        bibtex_show=_flag(fields, "bibtex_show"),
        files=tuple(reader.files),
        file_names=tuple(reader.file_names),
        problems=tuple(problems),
        kind=kind,
        tags=tags,
    )


def digest(entry: Entry) -> bytes:
    """A short hash of the entry's whole content: equal digests give equal records."""
    content = (
        entry.key,
        entry.original_type,
        tuple(entry.fields.items()),
        tuple((role, tuple(str(p) for p in people)) for role, people in entry.persons.items()),
    )
    return hashlib.blake2b(repr(content).encode(), digest_size=16).digest()
