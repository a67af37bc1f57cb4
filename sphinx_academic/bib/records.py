"""Reading a BibTeX entry into a :class:`PublicationRecord`: the one model every output shows.

Nothing here renders. Text is decoded from LaTeX, names are matched against the owner's, URLs
are checked, local files are resolved inside their folders; what is wrong with the entry is
kept with the record (``problems``), each with how to fix it. Whichever tool exported the
entry, the record reads the same: what it inherits by ``crossref`` (:mod:`.crossref`), its
identifiers and links (:mod:`.links`), venue and container (:mod:`.venues`), author roles
(:mod:`.roles`), co-author links (:mod:`.coauthors`) and the BibTeX a reader copies
(:mod:`.export`).
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote

from pybtex.database import Person

from ..files import FileMissing, FileRefused, LocalFile, is_local_name, local_file
from ..inline import Inline, markdown
from ..messages import Subtype
from ..urls import UnsafeURLError, checked_url
from . import links as bib_links
from .coauthors import CoauthorIndex
from .crossref import resolve
from .export import DEFAULT_BIBTEX_FIELDS, bibtex_text
from .kinds import classify
from .latex import latex_to_text
from .names import NameMatcher, display_name, from_extended_format, is_others, name_parts
from .roles import DEFAULT_ROLES, ExplicitRoles, RoleTable, explicit_roles, split_marks
from .venues import venue_of

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
TRUE_VALUES = frozenset({"true", "yes", "1"})
UNDATED = "Undated"
#: Linear time: one way to read each space, and no "<" inside a tag.
_HTML_TAG = re.compile(r"<\s*(?:/\s*)?[a-zA-Z!][^<>]*>")
_YEAR = re.compile(r"[0-9]{4}")
#: A BibLaTeX date (or the start of a range): 2022, 2022-05, 2022-05-03, with EDTF's ~ and ?.
_DATE = re.compile(r"\s*([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?[~?%]?\s*(?:/.*)?")
MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()


DEFAULT_ROLE_TABLE = RoleTable.from_config(DEFAULT_ROLES)
NO_COAUTHORS = CoauthorIndex()
NO_EXPLICIT_ROLES = ExplicitRoles({}, frozenset(), ())


@dataclass(frozen=True, slots=True)
class RecordSettings:
    """What reading an entry depends on besides the entry."""

    matcher: NameMatcher
    file_dirs: Mapping[str, str]
    confdir: str
    roles: RoleTable = DEFAULT_ROLE_TABLE
    coauthors: CoauthorIndex = NO_COAUTHORS
    bibtex_fields: frozenset[str] = frozenset(DEFAULT_BIBTEX_FIELDS)


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    highlighted: bool = False
    is_others: bool = False  #: BibTeX's ``and others``
    marks: tuple[str, ...] = ()  #: role marks (``*``, ``†`` …), shown as superscripts
    url: str = ""  #: the co-author's homepage or ORCID page, from the co-author file
    same_as: tuple[str, ...] = ()  #: every profile of theirs (schema.org ``sameAs``)
    #: The name's parts, decoded (for citations: "Family, Given", initials, CSL-JSON):
    given: str = ""  #: first and middle names
    particle: str = ""  #: "van", "de la" (BibTeX's von part)
    family: str = ""
    suffix: str = ""  #: "Jr.", "III" (BibTeX's lineage)


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
    month: int  #: 1 to 12, or 0 when unknown
    day: int  #: 1 to 31, or 0 when unknown
    container: str  #: the journal's or book's title ("" if none)
    container_kind: str  #: "journal", "proceedings", "book" or ""
    volume: str
    number: str  #: the issue
    pages: str  #: as shown, e.g. "15725-15738" with an en dash
    publisher: str
    doi: str  #: bare, e.g. "10.18653/v1/P18-1001" ("" if none)
    arxiv_id: str  #: without version, e.g. "2403.08845" ("" if none)
    summary: str
    abstract: str
    links: tuple[Link, ...]
    bibtex: str
    abbr: str
    award: Inline  #: al-folio's ``award``: Markdown, shown under ``award_name``
    preview: Link | None  #: a small image shown beside the entry
    bibtex_show: bool | None  #: the entry's own ``bibtex_show``, if it has one
    files: tuple[LocalFile, ...]  #: local files the links point at, to copy into the site
    file_names: tuple[str, ...]  #: every local name looked up (conf-dir relative), found or not
    problems: tuple[Problem, ...]
    #: al-folio's fields, read by :func:`alfolio_fields`
    award_name: str = ""
    location: str = ""
    month_written: bool = False  #: a ``month`` field (al-folio shows it), not only a ``date``
    additional_info: Inline = dataclass_field(default_factory=Inline)
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
        """The venue as shown: a ``venue_label`` as written; else venue, location, month and
        year (as al-folio's "Phys. Rev., New Jersey, May 1935")."""
        year = self.year if year is None else year
        if self.venue_is_label or (year and year in self.venue):
            return self.venue
        shown = self.month and self.month_written and year
        month = calendar.month_name[self.month] if shown else ""
        when = " ".join(part for part in (month, year) if part)
        return ", ".join(part for part in (self.venue, self.location, when) if part)


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


def month_of(fields: Fields) -> int:
    """The month (1 to 12) of ``month`` (``dec``, ``December``, ``12``), else of ``date``; or 0."""
    written = _text(fields, "month").strip().rstrip(".").casefold()
    if written.isdigit():
        return int(written) if 1 <= int(written) <= 12 else 0
    if len(written) >= 3:
        for number, name in enumerate(MONTH_NAMES, 1):
            if name.startswith(written):
                return number
    date = _DATE.fullmatch(_text(fields, "date"))
    if date and date.group(2) and not written:
        month = int(date.group(2))
        return month if 1 <= month <= 12 else 0
    return 0


def day_of(fields: Fields, month: int) -> int:
    """The day (1 to 31) of ``day`` or of ``date``, when the month is known; or 0."""
    if not month:
        return 0
    written = _text(fields, "day")
    date = _DATE.fullmatch(_text(fields, "date"))
    if not written and date and date.group(3):
        written = date.group(3)
    return int(written) if written.isdigit() and 1 <= int(written) <= 31 else 0


class _Reader:
    """Reads one entry's links and files, collecting problems as it goes."""

    def __init__(self, entry: Entry, fields: Fields, settings: RecordSettings) -> None:
        self.entry = entry
        self.fields = fields
        self.settings = settings
        self.problems: list[Problem] = []
        self.files: list[LocalFile] = []
        self.file_names: list[str] = []

    def identifiers(self) -> tuple[str, str]:
        """The entry's arXiv id and DOI (see :mod:`.links`); a value that is not one warns."""
        key = self.entry.key
        arxiv = bib_links.find_arxiv(self.fields)
        written = self.fields.get("arxiv", "").strip()
        if written and not bib_links.arxiv_id(written):
            self.problems.append(
                Problem(
                    f"arxiv of {key!r} is {written!r}, not an arXiv id; write it as 2403.01234 "
                    "(or hep-th/9901001, or the arxiv.org address)"
                )
            )
        doi = bib_links.find_doi(self.fields)
        written = self.fields.get("doi", "").strip()
        if written and not doi:
            self.problems.append(
                Problem(
                    f"doi of {key!r} is {written!r}, not a DOI; write it as 10.xxxx/… "
                    "(a doi: prefix or https://doi.org/ address works too) or remove it"
                )
            )
        return arxiv, doi

    def links(self, arxiv: str, doi: str) -> tuple[Link, ...]:
        """Every link button, in :data:`LINK_FIELDS` order, each address once."""
        found: list[Link] = []
        targets: set[tuple[str, str, str]] = set()
        for field, label in LINK_FIELDS:
            if field == "arxiv":
                link = Link(field, label, bib_links.arxiv_url(arxiv)) if arxiv else None
            elif field == "doi":
                # arXiv's own DOI (10.48550/arXiv.…) leads to the page the arXiv button does.
                shown = doi and not (arxiv and bib_links.is_arxiv_doi(doi))
                link = Link(field, label, bib_links.doi_url(doi)) if shown else None
            elif field == "url":
                link = self.url_link(label, arxiv, doi)
            elif field in self.fields:
                link = self.link(field, label, self.fields[field])
            else:
                continue
            if link is not None and bib_links.target_key(link.url) not in targets:
                targets.add(bib_links.target_key(link.url))
                found.append(link)
        return tuple(found)

    def url_link(self, label: str, arxiv: str, doi: str) -> Link | None:
        """``url`` (or a ``howpublished`` that is only ``\\url{…}``), named by its host; an
        arXiv or doi.org address is already the arXiv or DOI button."""
        raw = self.fields.get("url", "") or bib_links.implied_url(self.fields)
        url = bib_links.clean_link_value(raw)
        if not url:
            return None
        if arxiv and bib_links.is_arxiv_url(url):
            return None
        if doi and bib_links.is_doi_url(url) and bib_links.doi_of(url).casefold() == doi.casefold():
            return None
        return self.link("url", bib_links.url_label(url, label), url)

    def link(self, field: str, label: str, raw_value: str) -> Link | None:
        raw = bib_links.clean_link_value(raw_value)
        if not raw:
            return None
        key = self.entry.key
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

    def authors(self, people: list[Person]) -> tuple[tuple[Author, ...], list[Person]]:
        """The authors with their marks, highlight and co-author links; and the people
        without marks, for the BibTeX a reader copies."""
        settings = self.settings
        key = self.entry.key
        explicit = NO_EXPLICIT_ROLES
        if "author+an" in self.fields or any(r.name in self.fields for r in settings.roles.roles):
            explicit = explicit_roles(self.fields, len(people), settings.roles, key)
            self.problems.extend(Problem(p) for p in explicit.problems)
        authors: list[Author] = []
        cleaned: list[Person] = []
        for position, person in enumerate(people):
            unmarked, author = _read_name(
                _name_parts(person), settings.roles, settings.matcher, settings.coauthors
            )
            cleaned.append(unmarked)
            if position in explicit.marks or position in explicit.highlighted:
                author = self._explicit(author, unmarked, explicit, position)
            for mark in author.marks:
                if settings.roles.by_mark(mark) is None:
                    self.problems.append(
                        Problem(
                            f"author {author.name!r} of {key!r} is marked {mark!r}, which no "
                            "role has; add one to academic_author_roles (e.g. "
                            f'{{"other": ("{mark}", "what it means")}}) or remove the mark'
                        )
                    )
            authors.append(author)
        return tuple(authors), cleaned

    def _explicit(
        self, author: Author, unmarked: Person, explicit: ExplicitRoles, position: int
    ) -> Author:
        """The author with the roles of position fields and ``author+an`` added."""
        marks = tuple(dict.fromkeys((*author.marks, *explicit.marks.get(position, ()))))
        if position not in explicit.highlighted or author.highlighted:
            return replace(author, marks=marks)
        # The owner's name is never a link.
        return replace(author, highlighted=True, marks=marks, url="", same_as=())


NameParts = tuple[tuple[str, ...], ...]


def _name_parts(person: Person) -> NameParts:
    return (
        tuple(person.first_names),
        tuple(person.middle_names),
        tuple(person.prelast_names),
        tuple(person.last_names),
        tuple(person.lineage_names),
    )


@lru_cache(maxsize=65536)
def _read_name(
    parts: NameParts, roles: RoleTable, matcher: NameMatcher, coauthors: CoauthorIndex
) -> tuple[Person, Author]:
    """A name as written → the person without marks, and the author as shown (marks,
    highlight, co-author link). Co-authors recur across a bib file: each name is read once."""
    first, middle, prelast, last, lineage = (" ".join(p) for p in parts)
    person = Person(first=first, middle=middle, prelast=prelast, last=last, lineage=lineage)
    if is_others(person):
        return person, Author("et al.", is_others=True)
    unmarked, marks = split_marks(from_extended_format(person), roles)
    highlighted = matcher.matches(unmarked)
    coauthor = None if highlighted else coauthors.find(unmarked)
    named = name_parts(unmarked)
    author = Author(
        display_name(unmarked),
        highlighted,
        marks=marks,
        url=coauthor.url if coauthor else "",
        same_as=coauthor.same_as if coauthor else (),
        given=named.given,
        particle=named.particle,
        family=named.family,
        suffix=named.suffix,
    )
    return unmarked, author


class AlfolioFields(NamedTuple):
    award: Inline
    award_name: str
    location: str
    additional_info: Inline


def alfolio_fields(fields: Fields, problems: list[Problem]) -> AlfolioFields:
    """al-folio's display fields: ``award`` and ``additional_info`` are Markdown (its
    ``bib.liquid`` markdownifies them), ``award_name`` labels the award, ``location`` joins
    the venue line (the month, read with the date, does too)."""

    def markup(name: str) -> Inline:
        found: list[str] = []
        inline = markdown(_text(fields, name).strip(), found)
        problems.extend(Problem(f"{name}: {message}") for message in found)
        return inline

    return AlfolioFields(
        markup("award"),
        _text(fields, "award_name").strip(),
        _text(fields, "location").strip(),
        markup("additional_info"),
    )


def build_record(
    entry: Entry, settings: RecordSettings, entries: Mapping[str, Entry] | None = None
) -> PublicationRecord:
    """Read an entry; ``entries`` (every entry of the bib files) gives its ``crossref`` parents."""
    resolved = resolve(entry, entries or {}, lower_fields(entry))
    fields = resolved.fields
    reader = _Reader(entry, fields, settings)
    problems = reader.problems
    problems.extend(Problem(p) for p in resolved.problems)
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
    month = month_of(fields) if year else 0
    authors, people = reader.authors(resolved.persons.get("author", []))
    arxiv, doi = reader.identifiers()
    links = reader.links(arxiv, doi)
    preview = reader.link("preview", "", fields.get("preview", ""))
    alfolio = alfolio_fields(fields, problems)
    venue = venue_of(entry.type, fields)
    arxiv_container = bib_links.is_arxiv_venue(
        fields.get("journal", "") or fields.get("journaltitle", "")
    )
    persons = {**resolved.persons, "author": people}
    kind, tags = classify(entry.type, fields, venue.text)
    return PublicationRecord(
        key=entry.key,
        entry_type=entry.type,
        title=title or entry.key,
        authors=authors,
        venue=venue.text,
        venue_is_label=venue.is_label,
        year=year,
        month=month,
        day=day_of(fields, month),
        container=venue.container,
        container_kind=venue.container_kind,
        volume="" if arxiv_container else _text(fields, "volume"),
        number=_text(fields, "number") or _text(fields, "issue"),
        pages=_text(fields, "pages").replace("--", "\u2013"),
        publisher=_text(fields, "publisher"),
        doi=doi,
        arxiv_id=arxiv,
        summary=_text(fields, "summary"),
        abstract=_text(fields, "abstract"),
        links=links,
        bibtex=bibtex_text(
            entry_type=entry.original_type,
            key=entry.key,
            fields=fields,
            persons=persons,
            allowed=settings.bibtex_fields,
            month=month,
            doi=doi,
            arxiv=arxiv,
        ),
        abbr=_text(fields, "abbr"),
        award=alfolio.award,
        preview=preview,
        bibtex_show=_flag(fields, "bibtex_show"),
        files=tuple(reader.files),
        file_names=tuple(reader.file_names),
        problems=tuple(problems),
        award_name=alfolio.award_name,
        location=alfolio.location,
        month_written="month" in fields,
        additional_info=alfolio.additional_info,
        kind=kind,
        tags=tags,
    )


def _content(entry: Entry) -> tuple[object, ...]:
    return (
        entry.key,
        entry.original_type,
        tuple(entry.fields.items()),
        tuple((role, tuple(str(p) for p in people)) for role, people in entry.persons.items()),
    )


def digest(entry: Entry, entries: Mapping[str, Entry] | None = None) -> bytes:
    """A short hash of the entry's whole content and of its ``crossref`` parents': equal
    digests give equal records (a child re-reads when its parent changes)."""
    content = [_content(entry)]
    if entries is not None and "crossref" in entry.fields:
        content.extend(
            _content(parent) for parent in resolve(entry, entries, lower_fields(entry)).parents
        )
    return hashlib.blake2b(repr(content).encode(), digest_size=16).digest()
