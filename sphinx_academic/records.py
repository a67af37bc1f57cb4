"""One publication, read once from its BibTeX entry into the form every renderer uses.

Records are cached by the entry's content, so an unchanged entry is never re-read.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from .latex_text import latex_to_text
from .names import NameMatcher, display_name, is_others
from .urls import UnsafeURLError, checked_url, has_scheme

if TYPE_CHECKING:
    from pybtex.database import Entry
    from sphinx.environment import BuildEnvironment

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
#: Fields that may name a file in a local directory instead of a URL (al-folio's meaning:
#: ``pdf = {paper.pdf}`` is ``assets/pdf/paper.pdf``), with al-folio's directories.
DEFAULT_FILE_DIRS: dict[str, str] = {
    "pdf": "assets/pdf",
    "supp": "assets/pdf",
    "poster": "assets/pdf",
    "slides": "assets/pdf",
    "html": "assets/html",
    "preview": "assets/img/publication_preview",
}
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


def hidden_note_words(hidden: tuple[Author, ...]) -> tuple[str, tuple[Author, ...]]:
    """ "14 more authors" (with "et al." if the list was cut), and the owner's hidden names."""
    count = sum(1 for a in hidden if not a.is_others)
    words = f"{count} more author{'s' if count != 1 else ''}"
    if any(a.is_others for a in hidden):
        words += " et al."
    return words, tuple(a for a in hidden if a.highlighted)


@dataclass(frozen=True)
class Link:
    field: str
    label: str
    url: str
    local: bool = False  #: ``url`` is a file's path from the site's root (copied there)

    def href(self, root: str = "") -> str:
        """The URL as written on a page whose path to the site's root is ``root``."""
        return root + self.url if self.local else self.url


@dataclass(frozen=True)
class EntryView:
    """How a page shows entries: the settings, and the page's path to the site's root."""

    max_authors: int = 10
    bibtex_always: bool = True  #: False: only entries with ``bibtex_show = {true}`` (al-folio)
    root: str = ""


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
    preview: Link | None  #: a small image shown beside the entry
    bibtex_show: bool | None  #: the entry's own ``bibtex_show``, if it has one
    problems: tuple[str, ...]  #: what is wrong with the entry, each with how to fix it

    def shows_bibtex(self, view: EntryView) -> bool:
        """Whether the entry gets a BibTeX toggle: its own ``bibtex_show``, else the setting."""
        return view.bibtex_always if self.bibtex_show is None else self.bibtex_show

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


def _flag(entry: Entry, name: str) -> bool | None:
    value = _field(entry, name).strip().casefold()
    return value in TRUE_VALUES if value else None


def local_file(field: str, raw: str, file_dirs: Mapping[str, str]) -> str | None:
    """The file's path from the site's root, if the field names a local file (no scheme)."""
    value = raw.strip()
    if field not in file_dirs or not value or has_scheme(value) or value.startswith(("/", "#")):
        return None
    path = posixpath.normpath(posixpath.join(file_dirs[field].strip("/"), value))
    if path.startswith("../") or path == "..":
        raise UnsafeURLError(
            f"{value!r} leaves the {file_dirs[field]!r} directory; name a file inside it"
        )
    return path


def _link(field: str, label: str, raw: str, file_dirs: Mapping[str, str]) -> Link:
    value = raw.strip()
    if field == "arxiv" and not value.lower().startswith(("http:", "https:")):
        return Link(field, label, "https://arxiv.org/abs/" + quote(value, safe="/."))
    if field == "doi" and not value.lower().startswith(("http:", "https:")):
        return Link(field, label, "https://doi.org/" + quote(value, safe="/()._-:;"))
    url = checked_url(value)
    path = local_file(field, url, file_dirs)
    if path is not None:
        return Link(field, label, quote(path), local=True)
    return Link(field, label, url)


def local_files(entry: Entry, file_dirs: Mapping[str, str]) -> list[tuple[str, str]]:
    """(field, path from the site's root) of every local file the entry names; cheap."""
    found = []
    for field in file_dirs:
        raw = entry.fields.get(field)
        if raw:
            try:
                path = local_file(field, raw, file_dirs)
            except UnsafeURLError:
                continue
            if path is not None:
                found.append((field, path))
    return found


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


def build_record(
    entry: Entry, matcher: NameMatcher, file_dirs: Mapping[str, str] = DEFAULT_FILE_DIRS
) -> PublicationRecord:
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
            links.append(_link(field, label, raw, file_dirs))
        except UnsafeURLError as err:
            problems.append(f"{field} of {entry.key!r}: {err}; the link was left out")
    preview = None
    if entry.fields.get("preview", "").strip():
        try:
            preview = _link("preview", "", entry.fields["preview"], file_dirs)
        except UnsafeURLError as err:
            problems.append(f"preview of {entry.key!r}: {err}; the image was left out")
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
        selected=bool(_flag(entry, "selected")),
        abbr=_field(entry, "abbr"),
        award=_field(entry, "award"),
        preview=preview,
        bibtex_show=_flag(entry, "bibtex_show"),
        problems=tuple(problems),
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


@dataclass
class _Known:
    entry: Entry  #: the parsed entry (its identity says the bib file was not re-parsed)
    digest: bytes
    problems: tuple[str, ...]


class RecordStore:
    """The records of an environment's bib entries.

    Kept with the environment between builds: each entry's digest and problems (small).
    Kept in memory for one build: the records themselves, built when a page needs them.
    An entry that sphinxcontrib-bibtex did not re-parse is the very object the store kept
    (one pickle keeps identities), so an unchanged build looks at no entry's content; after
    a re-parse, an entry whose digest is unchanged keeps its problems unchecked.
    """

    def __init__(self) -> None:
        self.matcher = NameMatcher(frozenset())
        self.max_authors = 10
        self.file_dirs: dict[str, str] = dict(DEFAULT_FILE_DIRS)
        self._configured = False
        self._known: dict[str, _Known] = {}
        self._records: dict[bytes, PublicationRecord] = {}

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_records": {}}

    def begin_build(
        self,
        matcher: NameMatcher,
        max_authors: int,
        file_dirs: Mapping[str, str],
        keys: Iterable[str],
    ) -> None:
        """Forget what was made with other settings, and the entries no longer in a bib file."""
        settings = (matcher, max_authors, dict(file_dirs))
        if not self._configured or settings != (self.matcher, self.max_authors, self.file_dirs):
            self.matcher, self.max_authors, self.file_dirs = settings
            self._configured = True
            self._known.clear()
            self._records.clear()
        current = set(keys)
        self._known = {key: known for key, known in self._known.items() if key in current}

    def record(self, entry: Entry) -> PublicationRecord:
        return self._record(entry, self._known_entry(entry).digest)

    def problems(self, entry: Entry) -> tuple[str, ...]:
        """What is wrong with the entry, each with how to fix it."""
        return self._known_entry(entry).problems

    def _known_entry(self, entry: Entry) -> _Known:
        known = self._known.get(entry.key)
        if known is not None and known.entry is entry:
            return known
        content = digest(entry)
        if known is not None and known.digest == content:
            problems = known.problems
        else:
            problems = self._record(entry, content).problems
        known = self._known[entry.key] = _Known(entry, content, problems)
        return known

    def _record(self, entry: Entry, content: bytes) -> PublicationRecord:
        record = self._records.get(content)
        if record is None:
            record = self._records[content] = build_record(entry, self.matcher, self.file_dirs)
        return record


def record_store(env: BuildEnvironment) -> RecordStore:
    """The environment's record store."""
    store: RecordStore | None = getattr(env, "academic_records", None)
    if store is None:
        store = RecordStore()
        env.academic_records = store  # type: ignore[attr-defined]
    return store
