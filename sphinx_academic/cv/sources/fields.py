"""Reading the fields of one mapping in a CV file, with every wrong shape reported at its line.

A reader asks for a field as the shape it expects (text, text with markup, a list of text, a
mapping, a list of mappings). A value of another shape is never shown as a Python ``repr``:
it is left out, and the problem names the key, what was expected and what was found.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...inline import Inline, LinkProblem, checked_link
from ..dates import CVDate, DateError, parse_date
from ..model import Link

if TYPE_CHECKING:
    from ...datafiles import Lined

#: How a format's text becomes runs: Markdown, al-folio's HTML, or plain text.
Markup = Callable[[str, list[str]], Inline]


def plain(text: str, problems: list[str]) -> Inline:
    return Inline.of(text)


class Problems:
    """What is wrong with a file, as (message, line), in the order found."""

    def __init__(self) -> None:
        self.items: list[tuple[str, int]] = []

    def add(self, message: str, line: int) -> None:
        self.items.append((message, line))


def shape(node: Lined) -> str:
    if isinstance(node.value, dict):
        return "a mapping (key: value lines)"
    if isinstance(node.value, list):
        return "a list"
    return "text"


def did_you_mean(key: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(key, sorted(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


@dataclass
class Fields:
    """One mapping of the file (an entry, a section, the header), read field by field."""

    node: Lined
    problems: Problems
    what: str  #: how messages name it: "work entry", "RenderCV cv"
    markup: Markup = plain

    @property
    def line(self) -> int:
        return self.node.line

    def line_of(self, key: str) -> int:
        return self.node.key_line(key)

    def names(self) -> list[str]:
        return [k for k, _ in self.node.items()]

    def has(self, key: str) -> bool:
        """Present with a value (an empty value, ``null`` or ``""``, counts as absent)."""
        value = self.node.get(key)
        return value is not None and value.value not in ("", [], {})

    def _wrong(self, key: str, expected: str, node: Lined) -> None:
        self.problems.add(
            f"{self.what}: {key!r} should be {expected}, not {shape(node)}; it was left out",
            node.line,
        )

    def text(self, key: str) -> str:
        """The stripped text under ``key``; "" if absent, and a problem if not text."""
        node = self.node.get(key)
        if node is None:
            return ""
        if isinstance(node.value, str):
            return node.value.strip()
        if node.value not in ([], {}):
            self._wrong(key, "text", node)
        return ""

    def markup_of(self, text: str, line: int) -> Inline:
        found: list[str] = []
        inline = self.markup(text, found)
        for message in found:
            self.problems.add(f"{self.what}: {message}", line)
        return inline

    def inline(self, key: str) -> Inline:
        """The text under ``key`` with the format's markup read into runs."""
        text = self.text(key)
        return self.markup_of(text, self.line_of(key)) if text else Inline()

    def text_list(self, key: str, *, single_ok: bool = False) -> list[tuple[str, int]]:
        """(text, line) of each item of a list of text. Text alone is one item when
        ``single_ok``, else a problem; items that are not text are problems."""
        node = self.node.get(key)
        if node is None or node.value in ("", [], {}):
            return []
        if isinstance(node.value, str):
            if not single_ok:
                self._wrong(key, "a list of text", node)
                return []
            return [(node.value.strip(), node.line)]
        if not isinstance(node.value, list):
            self._wrong(key, "a list of text", node)
            return []
        out = []
        for item in node.value:
            if isinstance(item.value, str):
                if item.value.strip():
                    out.append((item.value.strip(), item.line))
            else:
                self.problems.add(
                    f"{self.what}: each item of {key!r} should be text, not {shape(item)}; "
                    "it was left out",
                    item.line,
                )
        return out

    def inline_list(self, key: str, *, single_ok: bool = False) -> list[Inline]:
        return [
            self.markup_of(text, line) for text, line in self.text_list(key, single_ok=single_ok)
        ]

    def mapping(self, key: str) -> Fields | None:
        node = self.node.get(key)
        if node is None or node.value in ("", [], {}):
            return None
        if not isinstance(node.value, dict):
            self._wrong(key, "a mapping (key: value lines)", node)
            return None
        return Fields(node, self.problems, f"{self.what} {key}", self.markup)

    def mappings(self, key: str, what: str) -> list[Fields]:
        """Each mapping of a list under ``key``; anything else in the list is a problem."""
        node = self.node.get(key)
        if node is None or node.value in ("", [], {}):
            return []
        if not isinstance(node.value, list):
            self._wrong(key, "a list", node)
            return []
        out = []
        for item in node.value:
            if isinstance(item.value, dict):
                out.append(Fields(item, self.problems, what, self.markup))
            elif item.value != "":
                self.problems.add(
                    f"{what}: should be a mapping (key: value lines), not {shape(item)}; "
                    "it was left out",
                    item.line,
                )
        return out

    def link(self, key: str, label: str = "") -> Link | None:
        """A checked link from ``key``, labelled ``label`` (else its address, shortened)."""
        raw = self.text(key)
        if not raw:
            return None
        return self.link_to(raw, label, self.line_of(key), key)

    def link_to(self, raw: str, label: str, line: int, key: str = "") -> Link | None:
        try:
            url = checked_link(raw)
        except LinkProblem as err:
            where = f" {key!r}" if key else ""
            self.problems.add(f"{self.what}{where}: {err}; the link was left out", line)
            return None
        return Link(label or clean_url(url), url)

    def date(self, key: str, *, placeholder_day: bool = False) -> CVDate | None:
        """A date under ``key`` (YYYY, YYYY-MM, YYYY-MM-DD, present); a problem if unreadable.

        ``placeholder_day``: a day of 01 means "sometime that month" (JSON Resume's tools
        write full dates where only the month is known), so it is not shown.
        """
        raw = self.text(key)
        if not raw:
            return None
        try:
            date = parse_date(raw)
        except DateError as err:
            self.problems.add(f"{self.what} {key}: {err}", self.line_of(key))
            return None
        if placeholder_day and date.day == 1:
            return CVDate(date.year, date.month)
        return date


def clean_url(url: str) -> str:
    """An address as a reader would say it: no scheme, no ``www.``, no trailing slash."""
    if url.lower().startswith("mailto:"):
        return url[7:]
    for prefix in ("https://", "http://"):
        if url.lower().startswith(prefix):
            url = url[len(prefix) :]
            break
    return url.removeprefix("www.").rstrip("/")
