"""One publication, read once from its BibTeX entry into the form every renderer uses.

Records are cached by the entry's content, so an unchanged entry is never re-read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from .latex_text import latex_to_text
from .names import NameMatcher, display_name, is_others
from .urls import UnsafeURLError, checked_url

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
#: Links a work's title or card points at, best first.
PRIMARY_LINK_ORDER = ("pdf", "arxiv", "html", "doi", "url", "website", "project", "code")
#: Fields kept in the BibTeX a reader copies: standard BibTeX/BibLaTeX, no display fields.
STANDARD_FIELDS = frozenset(
    {
        "address",
        "annote",
        "booktitle",
        "chapter",
        "crossref",
        "doi",
        "edition",
        "eid",
        "eprint",
        "archiveprefix",
        "primaryclass",
        "howpublished",
        "institution",
        "isbn",
        "issn",
        "journal",
        "key",
        "month",
        "note",
        "number",
        "organization",
        "pages",
        "publisher",
        "school",
        "series",
        "title",
        "type",
        "url",
        "volume",
        "year",
        "date",
    }
)
VENUE_FIELDS = ("venue_label", "journal", "booktitle", "howpublished", "school", "institution")
TRUE_VALUES = frozenset({"true", "yes", "1"})
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Author:
    name: str
    highlighted: bool = False
    is_others: bool = False


@dataclass(frozen=True)
class Link:
    field: str
    label: str
    url: str


@dataclass(frozen=True)
class PublicationRecord:
    """Everything a page shows of one entry; text is decoded, URLs are checked."""

    key: str
    title: str
    authors: tuple[Author, ...]
    venue: str
    venue_is_label: bool  #: the venue is ``venue_label``, shown exactly as written
    year: str
    summary: str
    abstract: str
    links: tuple[Link, ...]
    bibtex: str
    selected: bool
    abbr: str
    award: str
    problems: tuple[str, ...]  #: what is wrong with the entry, each with how to fix it

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


def _field(entry: Entry, name: str) -> str:
    return latex_to_text(entry.fields.get(name, ""))


def _link_url(field: str, raw: str) -> str:
    value = raw.strip()
    if field == "arxiv" and not value.lower().startswith(("http:", "https:")):
        return "https://arxiv.org/abs/" + quote(value, safe="/.")
    if field == "doi" and not value.lower().startswith(("http:", "https:")):
        return "https://doi.org/" + quote(value, safe="/()._-:;")
    return checked_url(value)


def entry_year(entry: Entry) -> str:
    """The entry's year: its ``year`` field, else the year of a BibLaTeX ``date``."""
    year = _field(entry, "year")
    if not year:
        year = _field(entry, "date")[:4]
    return year


def clean_bibtex(entry: Entry) -> str:
    """Standard BibTeX for the entry, without display fields; ``arxiv`` becomes ``eprint``."""
    lines = [f"@{entry.original_type}{{{entry.key},"]
    for role in ("author", "editor"):
        if entry.persons.get(role):
            names = " and ".join(str(p) for p in entry.persons[role])
            lines.append(f"  {role} = {{{names}}},")
    fields = {k.lower(): v for k, v in entry.fields.items()}
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


def build_record(entry: Entry, matcher: NameMatcher) -> PublicationRecord:
    problems: list[str] = []
    raw_title = entry.fields.get("title", "")
    title = latex_to_text(raw_title)
    if not title:
        problems.append(f"entry {entry.key!r} has no title; add title = {{...}}")
    elif _HTML_TAG.search(raw_title):
        problems.append(
            f"the title of {entry.key!r} contains HTML markup, which is shown as plain text; "
            "use LaTeX markup instead (\\emph{...}, \\textbf{...})"
        )
    year = entry_year(entry)
    if not year:
        problems.append(f"entry {entry.key!r} has no year; add year = {{YYYY}}")
    elif not _YEAR.match(year):
        problems.append(f"entry {entry.key!r} has year {year!r}; write it as four digits, YYYY")
    authors = tuple(
        Author("et al.", is_others=True)
        if is_others(person)
        else Author(display_name(person), matcher.matches(person))
        for person in entry.persons.get("author", ())
    )
    links: list[Link] = []
    for field, label in LINK_FIELDS:
        raw = entry.fields.get(field, "").strip()
        if not raw:
            continue
        try:
            links.append(Link(field, label, _link_url(field, raw)))
        except UnsafeURLError as err:
            problems.append(f"{field} of {entry.key!r}: {err}; the link was left out")
    venue_field, venue = next(
        ((f, v) for f, v in ((f, _field(entry, f)) for f in VENUE_FIELDS) if v), ("", "")
    )
    return PublicationRecord(
        key=entry.key,
        title=title or entry.key,
        authors=authors,
        venue=venue,
        venue_is_label=venue_field == "venue_label",
        year=year,
        summary=_field(entry, "summary"),
        abstract=_field(entry, "abstract"),
        links=tuple(links),
        bibtex=clean_bibtex(entry),
        selected=_field(entry, "selected").casefold() in TRUE_VALUES,
        abbr=_field(entry, "abbr"),
        award=_field(entry, "award"),
        problems=tuple(problems),
    )


_cache: dict[tuple[object, ...], PublicationRecord] = {}


def _fingerprint(entry: Entry) -> tuple[object, ...]:
    return (
        entry.key,
        entry.original_type,
        tuple(entry.fields.items()),
        tuple((role, tuple(str(p) for p in people)) for role, people in entry.persons.items()),
    )


def record_for(entry: Entry, matcher: NameMatcher) -> PublicationRecord:
    """The record of an entry, built once per entry content and name variants."""
    cache_key = (_fingerprint(entry), matcher)
    record = _cache.get(cache_key)
    if record is None:
        if len(_cache) > 100_000:
            _cache.clear()
        record = _cache[cache_key] = build_record(entry, matcher)
    return record
