"""The ``academic`` pybtex style: newest first, the owner's name highlighted, no template engine.

pybtex's template engine costs about 3 ms per entry per build; this style sorts by year and
bib-file order and formats nothing until something reads the text (:class:`LazyFormattedEntry`),
from the entry's :class:`~sphinx_academic.records.PublicationRecord`. sphinxcontrib-bibtex
instantiates styles without arguments, so settings reach the style through a subclass made
at ``builder-inited`` (parallel workers are forked and inherit it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from pybtex.plugin import find_plugin, register_plugin
from pybtex.richtext import Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.labels import BaseLabelStyle

from .records import Author, PublicationRecord, RecordStore, entry_year
from .shared import interleave

if TYPE_CHECKING:
    from pybtex.database import Entry

STYLE_NAME = "academic"


def year_sort_key(year: str) -> int:
    return int(year) if year.isdigit() else -1


class KeyLabels(BaseLabelStyle):  # type: ignore[misc]
    """Labels are the entry keys: unique across every list, so never a duplicate label."""

    def format_labels(self, sorted_entries: Iterable[Entry]) -> Iterator[str]:
        for entry in sorted_entries:
            yield entry.key


class AcademicStyle(BaseStyle):  # type: ignore[misc]
    """Formats from :class:`PublicationRecord`; subclassed per build with the settings."""

    default_label_style = KeyLabels
    default_sorting_style = "none"
    store: ClassVar[RecordStore] = RecordStore()
    entry_order: ClassVar[Mapping[str, int]] = {}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sort = self.sort_newest_first

    def sort_newest_first(self, entries: Iterable[Entry]) -> list[Entry]:
        """Newest year first; within a year, the order of the bib file."""
        order = self.entry_order
        return sorted(
            entries,
            key=lambda e: (-year_sort_key(entry_year(e)), order.get(e.key, len(order))),
        )

    def format_entry(self, label: str, entry: Entry, bib_data: Any = None) -> FormattedEntry:
        return LazyFormattedEntry(entry, label)


class LazyFormattedEntry(FormattedEntry):  # type: ignore[misc]
    """An entry whose rich text is made only when something reads it.

    sphinxcontrib-bibtex formats every entry of every bibliography on every build (twice with
    tooltips on), but reads the text only for a ``{cite}`` tooltip or a plain
    ``bibliography`` directive using this style. The text comes from the style registered
    for the current build, so a pickled instance holds nothing but the entry and label.
    """

    def __init__(self, entry: Entry, label: str) -> None:
        self.entry = entry
        self.key = entry.key
        self.label = label

    @property
    def text(self) -> Text:
        style = find_plugin("pybtex.style.formatting", STYLE_NAME)
        store: RecordStore = style.store
        return rich_text(store.record(self.entry), store.max_authors)


def rich_text(record: PublicationRecord, max_authors: int) -> Text:
    """Authors (the owner's name strong), title (emphasised) and venue, as pybtex rich text."""
    shown = record.authors
    if max_authors and len(shown) > max_authors:
        shown = (*shown[:max_authors], Author("et al.", is_others=True))
    authors = Text(
        *interleave([Tag("strong", a.name) if a.highlighted else Text(a.name) for a in shown], ", ")
    )
    parts: list[Any] = [authors, ". "] if shown else []
    parts += [Tag("em", record.title), "."]
    venue = record.venue_line()
    if venue:
        parts += [" ", venue, "."]
    return Text(*parts)


def register_style(store: RecordStore, entry_order: Mapping[str, int]) -> None:
    """Register ``academic`` with this build's store (``force``: runtime beats entry points)."""
    configured = type(
        "ConfiguredAcademicStyle", (AcademicStyle,), {"store": store, "entry_order": entry_order}
    )
    register_plugin("pybtex.style.formatting", STYLE_NAME, configured, force=True)
