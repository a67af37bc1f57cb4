"""The ``academic`` pybtex style: what sphinxcontrib-bibtex formats ``{cite}`` tooltips with.

sphinxcontrib-bibtex formats every entry of every bibliography on every build (twice with
tooltips on) but reads the text only for a tooltip, or for a plain ``bibliography`` directive
that asks for this style. So formatting returns a :class:`LazyFormattedEntry`, which makes its
text from the entry's :class:`~.display.EntryDisplay` only when read: the tooltip says what
the list shows (the same authors, cut and venue).

sphinxcontrib-bibtex instantiates styles without arguments, so the settings reach the style
through a subclass registered with pybtex's plugin registry at ``config-inited``
(:func:`register_style`); they are immutable values read from the config, nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from pybtex.plugin import find_plugin, register_plugin
from pybtex.richtext import Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.labels import BaseLabelStyle

from ..bib.names import NameMatcher
from ..bib.reading import record_settings
from ..bib.records import (
    Author,
    PublicationRecord,
    RecordSettings,
    build_record,
    entry_year,
    year_sort_key,
)
from ..config import AcademicConfig
from ..domain import AcademicDomain
from .display import EntryDisplay, EntryView, display
from .plain import sentence

if TYPE_CHECKING:
    from pybtex.database import Entry
    from sphinx.application import Sphinx

STYLE_NAME = "academic"


class RecordSource(Protocol):
    """Where the build's records are (the academic domain): a tooltip shows the list's record."""

    def record(self, key: str) -> PublicationRecord | None: ...


class KeyLabels(BaseLabelStyle):  # type: ignore[misc]
    """Labels are the entry keys: unique across every list, so never a duplicate label."""

    def format_labels(self, sorted_entries: Iterable[Entry]) -> Iterator[str]:
        for entry in sorted_entries:
            yield entry.key


class AcademicStyle(BaseStyle):  # type: ignore[misc]
    """Newest first; text from the entry's display. Subclassed per build with the settings."""

    default_label_style = KeyLabels
    default_sorting_style = "none"
    settings: ClassVar[RecordSettings] = RecordSettings(NameMatcher(frozenset()), {}, ".")
    view: ClassVar[EntryView] = EntryView()
    records: ClassVar[RecordSource | None] = None

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sort = self.sort_newest_first
        self._formatted: dict[tuple[str, str], LazyFormattedEntry] = {}

    @staticmethod
    def sort_newest_first(entries: Iterable[Entry]) -> list[Entry]:
        """Newest year first, keeping the given order within a year."""
        return sorted(entries, key=lambda e: -year_sort_key(entry_year(e)))

    def format_entry(self, label: str, entry: Entry, bib_data: Any = None) -> FormattedEntry:
        """One object for the entry and its tooltip (sphinxcontrib-bibtex asks twice): the
        environment then pickles it once."""
        made = self._formatted.get((label, entry.key))
        if made is None or made.entry is not entry:
            made = self._formatted[label, entry.key] = LazyFormattedEntry(entry, label)
        return made

    @classmethod
    def entry_display(cls, entry: Entry) -> EntryDisplay:
        """The entry as its list shows it: the build's record (with what it inherits by
        ``crossref`` and its co-author links), else one read from the entry alone."""
        record = cls.records.record(entry.key) if cls.records is not None else None
        return display(record or build_record(entry, cls.settings), cls.view)


class LazyFormattedEntry(FormattedEntry):  # type: ignore[misc]
    """An entry whose rich text is made only when something reads it; pickles small."""

    def __init__(self, entry: Entry, label: str) -> None:
        self.entry = entry
        self.key = entry.key
        self.label = label

    def __reduce__(self) -> tuple[type[LazyFormattedEntry], tuple[Entry, str]]:
        return (LazyFormattedEntry, (self.entry, self.label))

    @property
    def text(self) -> Text:
        style = find_plugin("pybtex.style.formatting", STYLE_NAME)
        return rich_text(style.entry_display(self.entry))


def _name(author: Author) -> list[Any]:
    """The name (the owner's strong) and its role marks, as plain characters."""
    name: Any = Tag("strong", author.name) if author.highlighted else author.name
    return [name, "".join(author.marks)] if author.marks else [name]


def rich_text(entry: EntryDisplay) -> Text:
    """Authors (the owner's names strong, role marks after names), title (emphasised) and
    venue, as in the list."""
    parts: list[Any] = []
    line = entry.authors
    for i, author in enumerate(line.shown):
        if i:
            parts.append(", ")
        parts += _name(author)
    if line.hidden:
        parts.append(f", and {line.hidden_note}")
        for i, author in enumerate(line.hidden_owner):
            parts += [", including " if i == 0 else ", ", *_name(author)]
    if parts:
        parts.append(". ")
    parts += [Tag("em", sentence(entry.title))]
    if entry.venue:
        parts += [" ", sentence(entry.venue)]
    return Text(*parts)


def register_style(
    settings: RecordSettings, view: EntryView, records: RecordSource | None = None
) -> None:
    """Register ``academic`` with this build's settings (``force``: beats the entry point)."""
    configured = type(
        "ConfiguredAcademicStyle",
        (AcademicStyle,),
        {"settings": settings, "view": view, "records": records},
    )
    register_plugin("pybtex.style.formatting", STYLE_NAME, configured, force=True)


def configure_style(app: Sphinx) -> None:
    """Register the style with this build's settings (sphinxcontrib-bibtex formats later)."""
    view = EntryView.from_config(AcademicConfig.from_config(app.config))
    register_style(record_settings(app), view, AcademicDomain.of(app.env))


def setup_style(app: Sphinx) -> None:
    app.connect("builder-inited", configure_style)
