"""A CV entry as plain data, whoever wrote it: a ``cv-entry`` directive or a CV source file.

Every renderer (HTML, LaTeX, text) reads this; nothing here knows about a builder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import CVDate, DateKey, range_problem

_NO_DATE: DateKey = (0, 0, 0)


@dataclass
class CVItem:
    """One dated CV entry: a role, degree, award or patent."""

    title: str
    organization: str = ""
    location: str = ""
    start: CVDate | None = None
    end: CVDate | None = None
    date: CVDate | None = None
    when: str = ""  #: free text shown instead of the dates ("Summer 2017")
    category: str = ""
    raw_dates: dict[str, str] = field(default_factory=dict)  #: dates that could not be read

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
