"""The ``academic`` pybtex style: newest first, the owner's name highlighted, no template engine.

pybtex's template engine costs about 3 ms per entry per build; this style formats from the
cached :class:`~sphinx_academic.records.PublicationRecord` instead. sphinxcontrib-bibtex
instantiates styles without arguments, so settings reach the style through a subclass made
at ``builder-inited`` (parallel workers are forked and inherit it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from pybtex.plugin import register_plugin
from pybtex.richtext import Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.labels import BaseLabelStyle

from .names import NameMatcher
from .records import Author, PublicationRecord, record_for
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
    matcher: ClassVar[NameMatcher] = NameMatcher(frozenset())
    max_authors: ClassVar[int] = 10
    entry_order: ClassVar[Mapping[str, int]] = {}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sort = self.sort_newest_first

    def record(self, entry: Entry) -> PublicationRecord:
        return record_for(entry, self.matcher)

    def sort_newest_first(self, entries: Iterable[Entry]) -> list[Entry]:
        """Newest year first; within a year, the order of the bib file."""
        order = self.entry_order
        return sorted(
            entries,
            key=lambda e: (-year_sort_key(self.record(e).year), order.get(e.key, len(order))),
        )

    def format_entry(self, label: str, entry: Entry, bib_data: Any = None) -> FormattedEntry:
        record = self.record(entry)
        shown = record.authors
        if self.max_authors and len(shown) > self.max_authors:
            shown = (*shown[: self.max_authors], Author("et al.", is_others=True))
        authors = Text(
            *interleave(
                [Tag("strong", a.name) if a.highlighted else Text(a.name) for a in shown], ", "
            )
        )
        parts: list[Any] = [authors, ". "] if shown else []
        parts += [Tag("em", record.title), "."]
        venue = record.venue_line()
        if venue:
            parts += [" ", venue, "."]
        return FormattedEntry(entry.key, Text(*parts), label)


def register_style(matcher: NameMatcher, max_authors: int, entry_order: Mapping[str, int]) -> None:
    """Register ``academic`` with this build's settings (``force``: runtime beats entry points)."""
    configured = type(
        "ConfiguredAcademicStyle",
        (AcademicStyle,),
        {"matcher": matcher, "max_authors": max_authors, "entry_order": entry_order},
    )
    register_plugin("pybtex.style.formatting", STYLE_NAME, configured, force=True)
