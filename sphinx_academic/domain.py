"""The ``academic`` domain: the one place the extension keeps state between documents and builds.

Build-wide data (refreshed before reading, so forked parallel readers and writers inherit it):
the checked state of each bib file, a compact :class:`EntryState` per bib entry (its digest,
year group and problems: the :class:`~.bib.records.PublicationRecord` itself is read again
from the entry when a page shows it, and never pickled), the CV and news files read so far,
the navigation signature, the owner's profile (read from ``academic_person``), and which
publications get a page of their own (``entry_pages``, :mod:`.pages.plan`). Per-document
data (set while reading a document, dropped by ``clear_doc``, carried back from parallel
readers by ``merge_domaindata``): the publication lists, the entries cards show, the CV
entries, the news items, which components a page uses. This is what makes
``parallel_read_safe`` honest (Sphinx's ``todo`` extension and sphinxcontrib-bibtex's domain
are the pattern).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, cast

from sphinx.domains import Domain

from .bib.adapter import bib_entries
from .bib.records import build_record, digest
from .cv.sources import SourceError, load_source
from .files import file_stamp
from .news.sources import NewsSource, NewsSourceError, load_news

if TYPE_CHECKING:
    from pybtex.database import Entry
    from sphinx.environment import BuildEnvironment

    from .bib.adapter import BibFileState
    from .bib.coauthors import CoauthorFile
    from .bib.records import Problem, PublicationRecord, RecordSettings
    from .cv.model import CV, CVItem
    from .news.model import NewsEntry


@dataclass(frozen=True, slots=True)
class PublicationList:
    """One ``publications`` directive: its entries in order, and their anchors on the page."""

    list_id: str
    keys: tuple[str, ...]
    anchors: tuple[str, ...]
    bibliography_id: str  #: sphinxcontrib-bibtex's id when the list is citable, else ""
    controls: bool = False  #: filter controls above it (the page loads the filter script)

    @property
    def citable(self) -> bool:
        return bool(self.bibliography_id)


class EntryState(NamedTuple):
    """What a build keeps of an entry between builds: small, so the environment loads fast."""

    digest: bytes  #: of the entry's content: equal digests read into equal records
    group: str  #: the year a list files it under, or "Undated"
    problems: tuple[Problem, ...]
    file_names: tuple[str, ...]  #: local files its links name (conf-dir relative)
    file_state: tuple[tuple[str, bool], ...]  #: where they led, and whether a file was there


class RecordCache:
    """Records read in this process. Never pickled: they are made again from the entries."""

    def __init__(self) -> None:
        self.records: dict[str, PublicationRecord] = {}

    def __getstate__(self) -> dict[str, object]:
        return {}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.records = {}

    def __deepcopy__(self, memo: dict[int, object]) -> RecordCache:
        return RecordCache()


@dataclass
class DocumentData:
    """What one document holds of the extension's components."""

    lists: list[PublicationList] = field(default_factory=list)
    card_keys: set[str] = field(default_factory=set)
    cv_items: list[CVItem] = field(default_factory=list)
    cv_sources: dict[str, int] = field(default_factory=dict)  #: CV source path -> directive line
    news: list[NewsEntry] = field(default_factory=list)  #: the news items the page shows
    news_sources: dict[str, int] = field(default_factory=dict)  #: news file -> directive line
    components: set[str] = field(default_factory=set)  #: "publications", "cards", "cv", …


@dataclass(frozen=True, slots=True)
class CachedSource:
    """A CV source file as last read: what was read, or why it could not be."""

    stamp: tuple[int, int] | None
    source: CV | None
    error: SourceError | None


@dataclass(frozen=True, slots=True)
class CachedNews:
    """A news file as last read: what was read, or why it could not be."""

    stamp: tuple[int, int] | None
    source: NewsSource | None
    error: NewsSourceError | None


class AcademicDomain(Domain):
    """State of sphinx-academic; no directives or roles of its own."""

    name = "academic"
    label = "sphinx-academic"
    data_version = 4
    initial_data: ClassVar[dict[str, Any]] = {
        "bibfiles": {},  # original path -> BibFileState
        "bibdata_stamp": None,  # sphinxcontrib-bibtex's parse the records were built from
        "settings": None,  # RecordSettings the entries were read with
        "entries": {},  # key -> EntryState
        "cache": RecordCache(),  # records made in this process
        "changed_keys": set(),  # entries whose record changed in this build
        "documents": {},  # docname -> DocumentData
        "cv_sources": {},  # path -> CachedSource
        "news_sources": {},  # path -> CachedNews
        "navigation": None,  # signature of the site's navigation at the last build
        "coauthors": None,  # the co-author file (academic_coauthors) as last read
        "entry_pages": None,  # the PagePlan of this build (pages/plan.py), made at env-updated
        "profile": None,  # the owner's Profile, read from academic_person at builder-inited
    }

    @classmethod
    def of(cls, env: BuildEnvironment) -> AcademicDomain:
        return cast("AcademicDomain", env.get_domain(cls.name))

    # ------------------------------------------------------------------ per document

    @property
    def documents(self) -> dict[str, DocumentData]:
        return cast("dict[str, DocumentData]", self.data["documents"])

    def document(self, docname: str) -> DocumentData:
        """The document's data, made on first use while it is read."""
        return self.documents.setdefault(docname, DocumentData())

    def clear_doc(self, docname: str) -> None:
        self.documents.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["documents"]:
                self.documents[docname] = otherdata["documents"][docname]
        # A reader's copy was read in this build (or inherited unchanged): it is the newest.
        self.data["cv_sources"].update(otherdata["cv_sources"])
        self.data["news_sources"].update(otherdata["news_sources"])

    def lists(self) -> Iterator[tuple[str, PublicationList]]:
        """Every publication list of the site, as (docname, list), in document order."""
        for docname in sorted(self.documents):
            for each in self.documents[docname].lists:
                yield docname, each

    def shown_keys(self) -> set[str]:
        """Every entry a page shows, in a list or on a card."""
        keys: set[str] = set()
        for data in self.documents.values():
            keys.update(data.card_keys)
            for each in data.lists:
                keys.update(each.keys)
        return keys

    def docs_showing(self, keys: Set[str]) -> set[str]:
        return {
            docname
            for docname, data in self.documents.items()
            if keys & data.card_keys or any(keys & set(each.keys) for each in data.lists)
        }

    def citable_places(self) -> dict[str, tuple[str, str]]:
        """Key -> (docname, anchor) of each entry in the citable list ``{cite}`` links to."""
        places: dict[str, tuple[str, str]] = {}
        for docname, each in self.lists():
            if each.citable:
                for key, anchor in zip(each.keys, each.anchors, strict=True):
                    places.setdefault(key, (docname, anchor))
        return places

    def listed_at(self, key: str) -> tuple[str, str] | None:
        """(docname, anchor) of the entry in the citable list ``{cite}`` links to, if any."""
        return self.citable_places().get(key)

    def project_dirs(self) -> list[Path]:
        """The folders a page may read files from: the source dir and the conf dir."""
        settings = self.data["settings"]
        dirs = [Path(self.env.srcdir)]
        if settings is not None:
            dirs.append(Path(settings.confdir))
        return dirs

    def has_controls(self, docname: str) -> bool:
        """Whether a list on the page has filter controls (and so needs their script)."""
        data = self.documents.get(docname)
        return data is not None and any(each.controls for each in data.lists)

    def uses(self, docname: str, component: str) -> bool:
        data = self.documents.get(docname)
        return data is not None and component in data.components

    # ------------------------------------------------------------------ bib files and records

    @property
    def bibfiles(self) -> dict[str, BibFileState]:
        return cast("dict[str, BibFileState]", self.data["bibfiles"])

    def entry_state(self, key: str) -> EntryState | None:
        return cast("dict[str, EntryState]", self.data["entries"]).get(key)

    def record(self, key: str) -> PublicationRecord | None:
        """The entry's record, read on first use in this process (records are not pickled:
        a build that writes no list reads none)."""
        cache: RecordCache = self.data["cache"]
        record = cache.records.get(key)
        if record is None and key in self.data["entries"]:
            entries = bib_entries(self.env)
            entry = entries.get(key)
            if entry is not None:
                record = cache.records[key] = build_record(entry, self.data["settings"], entries)
        return record

    def entry_position(self, key: str) -> tuple[str, int | None]:
        """(bib file, line) where an entry starts, for warnings that point at it."""
        folded = key.casefold()
        for path, state in self.bibfiles.items():
            if folded in state.entry_lines:
                return path, state.entry_lines[folded]
        return next(iter(self.bibfiles), "bibtex_bibfiles"), None

    def refresh_records(
        self, entries: Mapping[str, Entry], settings: RecordSettings, bibdata_stamp: object
    ) -> set[str]:
        """Read every entry whose content, settings or local files changed; return their keys.

        Unchanged, this costs one comparison, plus a ``stat`` per local file an entry names.
        """
        states: dict[str, EntryState] = self.data["entries"]
        cache: RecordCache = self.data["cache"]
        changed: set[str] = set()

        def read(key: str, entry: Entry, content: bytes) -> None:
            record = cache.records[key] = build_record(entry, settings, entries)
            files = _file_state(settings.confdir, record.file_names)
            states[key] = EntryState(
                content, record.group, record.problems, record.file_names, files
            )
            changed.add(key)

        if settings != self.data["settings"]:
            states.clear()
            cache.records.clear()
            self.data["settings"] = settings
            self.data["bibdata_stamp"] = None
        if bibdata_stamp != self.data["bibdata_stamp"]:
            self.data["bibdata_stamp"] = bibdata_stamp
            for key in set(states) - set(entries):
                del states[key]
                cache.records.pop(key, None)
                changed.add(key)
            for key, entry in entries.items():
                content = digest(entry, entries)
                state = states.get(key)
                if state is None or state.digest != content:
                    read(key, entry, content)
        for key, state in list(states.items()):
            if state.file_names and state.file_state != _file_state(
                settings.confdir, state.file_names
            ):
                read(key, entries[key], state.digest)
        self.data["changed_keys"] = changed
        return changed

    # ------------------------------------------------------------------ co-authors

    def coauthor_file(self, path: Path) -> CoauthorFile:
        """The co-author file, read once per change (see :mod:`.bib.coauthors`)."""
        from .bib.coauthors import load_coauthors

        stamp = file_stamp(path)
        cached: CoauthorFile | None = self.data["coauthors"]
        if cached is None or cached.path != str(path) or cached.stamp != stamp:
            cached = self.data["coauthors"] = load_coauthors(path, stamp)
        return cached

    # ------------------------------------------------------------------ CV sources

    def cv_source(self, path: Path) -> CV:
        """The source file, read once per change; raises its SourceError if it can't be used."""
        cache: dict[str, CachedSource] = self.data["cv_sources"]
        stamp = file_stamp(path)
        cached = cache.get(str(path))
        if cached is None or cached.stamp != stamp:
            try:
                cached = CachedSource(stamp, load_source(path), None)
            except SourceError as err:
                cached = CachedSource(stamp, None, err)
            cache[str(path)] = cached
        if cached.error is not None:
            raise cached.error
        assert cached.source is not None
        return cached.source

    def cv_source_uses(self) -> Iterator[tuple[str, int, str, CachedSource]]:
        """(docname, directive line, path, what was read) for every CV source a page reads."""
        cache: dict[str, CachedSource] = self.data["cv_sources"]
        for docname in sorted(self.documents):
            for path, line in sorted(self.documents[docname].cv_sources.items()):
                if path in cache:
                    yield docname, line, path, cache[path]

    # ------------------------------------------------------------------ news files

    def news_source(self, path: Path) -> NewsSource:
        """The news file, read once per change; raises its NewsSourceError if it can't be used."""
        cache: dict[str, CachedNews] = self.data["news_sources"]
        stamp = file_stamp(path)
        cached = cache.get(str(path))
        if cached is None or cached.stamp != stamp:
            try:
                cached = CachedNews(stamp, load_news(path), None)
            except NewsSourceError as err:
                cached = CachedNews(stamp, None, err)
            cache[str(path)] = cached
        if cached.error is not None:
            raise cached.error
        assert cached.source is not None
        return cached.source

    def news_source_uses(self) -> Iterator[tuple[str, int, str, CachedNews]]:
        """(docname, directive line, path, what was read) for every news file a page reads."""
        cache: dict[str, CachedNews] = self.data["news_sources"]
        for docname in sorted(self.documents):
            for path, line in sorted(self.documents[docname].news_sources.items()):
                if path in cache:
                    yield docname, line, path, cache[path]

    def news(self) -> Iterator[tuple[str, NewsEntry]]:
        """Every news item a page shows, as (docname, entry), in document order."""
        for docname in sorted(self.documents):
            for entry in self.documents[docname].news:
                yield docname, entry


def _file_state(confdir: str, names: Iterable[str]) -> tuple[tuple[str, bool], ...]:
    """Where each name leads now (links followed) and whether a file is there."""
    state = []
    for name in names:
        path = os.path.join(confdir, name)
        state.append((os.path.realpath(path), os.path.isfile(path)))
    return tuple(state)
