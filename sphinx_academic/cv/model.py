"""A CV as plain data, whoever wrote it: ``cv-entry`` directives or a CV file of any format.

The one model every renderer reads (HTML, LaTeX and text now; a PDF later): a person, the
sections in order with their titles and the way their entries are laid out, and entries of
every kind the formats have. Text that may carry markup is :class:`~..inline.Inline` runs,
never HTML. Nothing here knows a builder or a file format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..inline import Inline
from .dates import CVDate, DateKey, range_problem

_NO_DATE: DateKey = (0, 0, 0)


class Layout(StrEnum):
    """How a section's entries are laid out (what the source tool shows)."""

    TIMELINE = "timeline"  #: dated entries: education, experience, publications, awards …
    PAIRS = "pairs"  #: label and value: skills, languages, RenderCV's OneLineEntry, al-folio map
    BULLETS = "bullets"  #: a bullet per entry, sub-bullets under it (nested lists)
    NUMBERED = "numbered"  #: 1, 2, 3 …
    REVERSED = "reversed"  #: … 3, 2, 1 (RenderCV's ReversedNumberedEntry)
    TEXT = "text"  #: paragraphs (RenderCV's TextEntry)
    QUOTES = "quotes"  #: quoted text with who said it (JSON Resume's references)


@dataclass(frozen=True, slots=True)
class Highlight:
    """A bullet, with its own bullets under it."""

    text: Inline
    children: tuple[Highlight, ...] = ()


@dataclass(frozen=True, slots=True)
class Link:
    """A labelled link; ``url`` is checked (http, https or mailto)."""

    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Fact:
    """A labelled detail of an entry: "Grade: 3.9/4.0", "Courses: …", "Roles: …"."""

    label: str
    value: Inline


@dataclass
class CVItem:
    """One entry of a CV. Which fields are set depends on its section's layout:

    * timeline: dates, ``title``, ``organization``, ``location``, ``authors`` and a body
      (``summary``, ``highlights``, ``facts``, ``links``);
    * pairs: ``title`` is the label, ``details`` the value (``links`` after it);
    * bullets, numbered: ``title`` is the line, ``highlights`` its sub-bullets;
    * text: ``summary``; quotes: ``summary`` is the quote and ``title`` who gave it.
    """

    title: Inline
    organization: Inline = field(default_factory=Inline)
    location: Inline = field(default_factory=Inline)
    start: CVDate | None = None
    end: CVDate | None = None
    date: CVDate | None = None
    when: str = ""  #: free text shown instead of the dates ("Summer 2017")
    category: str = ""  #: a class for styling: ``academic-cv-<category>``
    raw_dates: dict[str, str] = field(default_factory=dict)  #: dates that could not be read
    authors: tuple[Inline, ...] = ()
    details: Inline = field(default_factory=Inline)
    summary: tuple[Inline, ...] = ()  #: paragraphs
    highlights: tuple[Highlight, ...] = ()
    facts: tuple[Fact, ...] = ()
    links: tuple[Link, ...] = ()
    line: int = 0  #: where the entry starts in its file (0 for a directive)

    @property
    def order_problem(self) -> str:
        """What is wrong with the order of the dates, or "" when nothing is."""
        return range_problem(self.start, self.end)

    @property
    def sort_key(self) -> tuple[bool, DateKey, DateKey]:
        """Ongoing first, then by end date, then by start date (sorted in reverse)."""
        last = self.end or self.date or self.start
        first = self.start or self.date or self.end
        return (
            bool(self.end and self.end.present),
            last.latest if last else _NO_DATE,
            first.latest if first else _NO_DATE,
        )

    @property
    def has_body(self) -> bool:
        return bool(self.authors or self.summary or self.highlights or self.facts or self.links)


@dataclass(frozen=True, slots=True)
class CVSection:
    """A titled section: ``key`` is how the file names it (what ``:sections:`` matches)."""

    key: str
    title: str
    layout: Layout
    entries: tuple[CVItem, ...]
    line: int = 0


@dataclass(frozen=True, slots=True)
class Contact:
    """A way to reach the person: ``kind`` says which ("email", "phone", "website",
    "location", or a network's name), ``text`` is what shows, ``url`` where it leads."""

    kind: str
    text: str
    url: str = ""

    @property
    def shows_kind(self) -> bool:
        """A network's name is shown with the handle ("GitHub ada"); an e-mail address,
        phone number, website or place speaks for itself."""
        return self.kind not in ("email", "phone", "website", "location", "link")


@dataclass(frozen=True, slots=True)
class Person:
    """The CV's header: who it is about, and how to reach them."""

    name: Inline
    headline: Inline = field(default_factory=Inline)
    contacts: tuple[Contact, ...] = ()
    summary: tuple[Inline, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.name or self.headline or self.contacts or self.summary)


@dataclass(frozen=True, slots=True)
class CV:
    """A CV file as read: its format, person, sections in file order, and what was wrong
    (message, line) with parts that were still read."""

    format: str
    person: Person
    sections: tuple[CVSection, ...]
    problems: tuple[tuple[str, int], ...] = ()

    def section(self, key: str) -> CVSection | None:
        return next((s for s in self.sections if s.key == key), None)
