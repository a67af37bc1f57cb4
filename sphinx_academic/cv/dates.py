"""CV dates: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``present``, with their precision kept."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Precision = Literal["year", "month", "day"]
PRESENT_WORDS = frozenset({"present", "now", "current", "ongoing"})
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$", re.ASCII)
#: The fields a display format may use.
FORMAT_FIELDS = ("year", "month", "month_name", "month_abbr", "day")
#: Display formats per precision.
DEFAULT_FORMATS: Mapping[str, str] = {
    "year": "{year}",
    "month": "{month_name} {year}",
    "day": "{month_name} {day}, {year}",
}
DateKey = tuple[int, int, int]


class DateError(ValueError):
    """A date that cannot be read; the message says what to write instead."""


@dataclass(frozen=True, slots=True)
class CVDate:
    """A calendar date known to a year, a month or a day; ``present`` for ongoing work."""

    year: int
    month: int = 0
    day: int = 0
    present: bool = False

    @property
    def precision(self) -> Precision:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        """The ``datetime`` attribute value: as precise as the source, no more."""
        if self.present:
            return ""
        parts = [f"{self.year:04d}"] + [f"{n:02d}" for n in (self.month, self.day) if n]
        return "-".join(parts)

    @property
    def earliest(self) -> DateKey:
        """The first day the date can mean (2019 → 1 January 2019)."""
        if self.present:
            return (9999, 12, 31)
        return (self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> DateKey:
        """The last day the date can mean (2019 → 31 December 2019); ongoing sorts last."""
        if self.present:
            return (9999, 12, 31)
        return (self.year, self.month or 12, self.day or 31)

    def display(self, formats: Mapping[str, str]) -> str:
        if self.present:
            return "present"
        month = self.month or 1
        template = formats.get(self.precision, DEFAULT_FORMATS[self.precision])
        return template.format(
            year=self.year,
            month=month,
            month_name=calendar.month_name[month],
            month_abbr=calendar.month_abbr[month],
            day=self.day,
        )


PRESENT = CVDate(year=0, present=True)


def parse_date(text: str) -> CVDate:
    """Read a date, checking it exists on the calendar (2021-02-30 does not)."""
    value = text.strip()
    if value.casefold() in PRESENT_WORDS:
        return PRESENT
    match = _DATE.match(value)
    if not match:
        shown = value if len(value) <= 40 else value[:37] + "..."
        raise DateError(
            f"cannot read the date {shown!r}; write YYYY, YYYY-MM, YYYY-MM-DD or present"
        )
    year, month, day = (int(g) if g else 0 for g in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as err:
        raise DateError(f"{value!r} is not a calendar date ({err}); check month and day") from None
    return CVDate(year, month, day)


def range_problem(start: CVDate | None, end: CVDate | None) -> str:
    """What is wrong with a date range, or "": it may end in its start's year or month."""
    if start and end and not end.present and end.latest < start.earliest:
        return f"it ends ({end.iso}) before it starts ({start.iso}); swap or correct the dates"
    return ""
