"""A news file: a YAML (or JSON) list of items, each a ``date`` and a Markdown ``text``.

```yaml
- date: 2025-06-01
  text: Our paper on *sparse attention* was accepted at [ICML](https://icml.cc).
```

Loaded with the one safe loader (:func:`~sphinx_academic.datafiles.load_data_file`: limits on
size and depth, line numbers kept); dates are read as CV dates are (:mod:`..cv.dates`); the
text is Markdown (:mod:`.markdown`). An item that cannot be shown (no date, a date that cannot
be read, no text) is left out; every problem names its line.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from ..cv.dates import DateError, parse_date
from .markdown import parse_markdown
from .model import NewsItem

KEYS = ("date", "text")
EXAMPLE = "- date: 2025-06-01\n  text: What happened, in Markdown"


class NewsSourceError(ValueError):
    """The file cannot be used at all; ``line`` is where in the file, if known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line

    def __reduce__(self) -> tuple[type[NewsSourceError], tuple[str, int | None]]:
        return type(self), (str(self), self.line)


@dataclass(frozen=True, slots=True)
class NewsSource:
    """A loaded file: its items in file order with their lines, and problems (message, line)."""

    items: tuple[tuple[NewsItem, int], ...]
    problems: tuple[tuple[str, int], ...]


def load_news(path: Path) -> NewsSource:
    """Read a news file; raises :class:`NewsSourceError` if it cannot be used at all."""
    from ..datafiles import DataFileError, load_data_file  # only when a news file changed

    try:
        root = load_data_file(path)
    except DataFileError as err:
        raise NewsSourceError(f"news file {path}: {err}", err.line) from None
    if not root.is_list:
        raise NewsSourceError(
            f"news file {path}: expected a list of items, each with a date and a text, e.g.\n"
            + EXAMPLE,
            root.line,
        )
    problems: list[tuple[str, int]] = [(w.message, w.line) for w in root.warnings]
    items = []
    for element in root.elements():
        if not element.is_mapping:
            problems.append((f"a news item is 'date' and 'text', e.g.\n{EXAMPLE}", element.line))
            continue
        for key, _ in element.items():
            if key not in KEYS:
                close = difflib.get_close_matches(key, KEYS, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else "; an item has date and text"
                problems.append((f"unknown key {key!r}{hint}", element.key_line(key)))
        raw_date, text = element.text("date"), element.get("text")
        if not raw_date:
            problems.append(("the item has no date; add date: YYYY-MM-DD", element.line))
            continue
        try:
            date = parse_date(raw_date)
        except DateError as err:
            problems.append((f"date: {err}; the item was left out", element.key_line("date")))
            continue
        if date.present:
            line = element.key_line("date")
            problems.append(("date: a news item needs a date, not 'present'", line))
            continue
        if text is None or not isinstance(text.value, str) or not text.value.strip():
            problems.append(("the item has no text; add text: ...", element.line))
            continue
        blocks, text_problems = parse_markdown(text.value)
        problems.extend((f"text: {p}", text.line) for p in text_problems)
        items.append((NewsItem(date, blocks), element.line))
    return NewsSource(tuple(items), tuple(problems))
