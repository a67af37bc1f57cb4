"""An entry's dates as its format means them: a range, one date, ongoing, or words."""

from __future__ import annotations

from ..dates import PRESENT, CVDate
from ..model import CVItem


def set_dates(
    item: CVItem,
    start: CVDate | None,
    end: CVDate | None,
    date: CVDate | None = None,
    *,
    open_end_is_ongoing: bool = True,
) -> str:
    """Give ``item`` its dates; return what is wrong with them, or "".

    A start alone is ongoing (``open_end_is_ongoing``), an end alone is one date, a range
    that starts and ends on the same date is that one date, and a start cannot be "present".
    """
    if start is not None and start.present:
        return "a start date cannot be 'present'; give the year (and month) it began"
    if date is not None:
        item.date = date
        return ""
    if start is None:
        item.date = end
        return ""
    if end is None:
        item.start, item.end = (start, PRESENT) if open_end_is_ongoing else (None, None)
        if not open_end_is_ongoing:
            item.date = start
        return ""
    if end == start:
        item.date = start
        return ""
    item.start, item.end = start, end
    return item.order_problem  # still shown as written, with the warning
