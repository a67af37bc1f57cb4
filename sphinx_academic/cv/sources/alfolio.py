"""al-folio's ``_data/cv.yml``: a list of sections, each with ``title``, ``type``, ``contents``.

al-folio's ``cv.liquid`` shows each ``type`` with its own include: ``time_table`` (dated
entries), ``map`` (name and value rows), ``nested_list`` (titles with items), ``list`` (lines)
and ``list_groups`` (groups of named items); any other type shows ``contents`` as text. Its
templates print every value as HTML, so the safe part of HTML (links, bold, italics, line
breaks) is read; other tags are shown as text, with a warning. ``year`` is free text: a date,
a range or words. al-folio ignores keys it does not know; a key that looks like a misspelt
known one is named, since what it holds would be lost.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...inline import Inline, LinkProblem, Run, checked_link, html_subset, join
from ..dates import DateError, parse_date
from ..model import CV, CVItem, CVSection, Highlight, Layout, Person
from .dating import set_dates
from .fields import Fields, Problems, did_you_mean

if TYPE_CHECKING:
    from ...datafiles import Lined

FORMAT = "al-folio cv.yml"
TYPES: dict[str, Layout] = {
    "time_table": Layout.TIMELINE,
    "map": Layout.PAIRS,
    "nested_list": Layout.BULLETS,
    "list": Layout.BULLETS,
    "list_groups": Layout.BULLETS,
}
SECTION_KEYS = ("title", "type", "contents")
#: The keys each type's include reads.
KEYS: dict[str, tuple[str, ...]] = {
    "time_table": (
        "title",
        "institution",
        "department",
        "location",
        "year",
        "maindescription",
        "description",
        "items",
        "linkitems",
    ),
    "map": ("name", "value", "links"),
    "nested_list": ("title", "items"),
    "list_groups": ("category", "icon", "items"),
}
GROUP_ITEM_KEYS = ("name", "level", "school", "time", "link", "linkname")
#: ``year`` as a range: "2019 - 2023", "2017-2019", "2023 - present" (or an en or em dash).
_YEAR_RANGE = re.compile(
    r"^\s*(\d{4}(?:-\d{1,2})?)\s*(?:[-\u2013\u2014]|to)\s*"
    r"(\d{4}(?:-\d{1,2})?|present|now|current|today)\s*$",
    re.IGNORECASE,
)


def is_alfolio(root: Lined) -> bool:
    return root.is_list


def read(root: Lined, problems: Problems) -> CV:
    sections = []
    for number, raw in enumerate(root.elements(), 1):
        if not raw.is_mapping:
            problems.add(
                "al-folio's cv.yml is a list of sections, each with title, type and contents; "
                f"item {number} is not one; it was left out",
                raw.line,
            )
            continue
        section = _section(Fields(raw, problems, "cv.yml section", html_subset), number)
        if section is not None:
            sections.append(section)
    return CV(FORMAT, Person(Inline()), tuple(sections))


def _misspelt(fields: Fields, known: tuple[str, ...]) -> None:
    for key in fields.names():
        if key not in known:
            hint = did_you_mean(key, known)
            if hint:
                fields.problems.add(
                    f"{fields.what}: al-folio does not read {key!r}{hint}", fields.line_of(key)
                )


def _section(fields: Fields, number: int) -> CVSection | None:
    _misspelt(fields, SECTION_KEYS)
    title = fields.inline("title").plain or f"Section {number}"
    kind = fields.text("type")
    contents = fields.node.get("contents")
    text_contents = contents is not None and isinstance(contents.value, str)
    if kind and kind not in TYPES:
        fate = "its text is shown" if text_contents else "the section was left out"
        fields.problems.add(
            f"cv.yml section {title!r}: al-folio has no type {kind!r}"
            f"{did_you_mean(kind, TYPES)} (it has {', '.join(TYPES)}); {fate}",
            fields.line_of("type"),
        )
    if kind not in TYPES:
        if text_contents:  # al-folio shows the contents of a section without a type as text
            text = CVItem(Inline(), summary=(fields.inline("contents"),))
            return CVSection(title, title, Layout.TEXT, (text,), fields.line)
        if kind:
            return None
        fields.problems.add(
            f"cv.yml section {title!r} needs a type ({', '.join(TYPES)}); read as time_table",
            fields.line,
        )
        kind = "time_table"
    layout = TYPES[kind]
    entries: list[CVItem] = []
    if kind == "list":
        entries = [CVItem(text) for text in fields.inline_list("contents")]
    else:
        for item in fields.mappings("contents", f"{title} entry"):
            _misspelt(item, KEYS[kind])
            entries.append(
                {
                    "time_table": _time_table,
                    "map": _map,
                    "nested_list": _nested,
                    "list_groups": _group,
                }[kind](item)
            )
    return CVSection(title, title, layout, tuple(entries), fields.line)


def _items(fields: Fields, key: str) -> list[Highlight]:
    """``description``/``items``: text, or ``{title, contents}`` groups with sub-items."""
    node = fields.node.get(key)
    if node is None or node.value in ("", [], {}):
        return []
    if isinstance(node.value, str):
        return [Highlight(fields.inline(key))]
    out = []
    for item in node.elements():
        if isinstance(item.value, str):
            if item.value.strip():
                out.append(Highlight(fields.markup_of(item.value.strip(), item.line)))
        elif item.is_mapping:
            group = Fields(item, fields.problems, f"{fields.what} {key} item", fields.markup)
            children = tuple(Highlight(c) for c in group.inline_list("contents", single_ok=True))
            title = group.inline("title")
            if title or children:
                out.append(Highlight(title, children))
        else:
            fields.problems.add(
                f"{fields.what}: each item of {key!r} should be text or title and contents, "
                "not a list; it was left out",
                item.line,
            )
    return out


def _time_table(fields: Fields) -> CVItem:
    item = CVItem(
        fields.inline("title"),
        organization=join([fields.inline("institution"), fields.inline("department")]),
        location=fields.inline("location"),
        line=fields.line,
    )
    main = fields.inline("maindescription")
    item.summary = (main,) if main else ()
    item.highlights = tuple(_items(fields, "description") + _items(fields, "items"))
    links = []
    for each in fields.mappings("linkitems", f"{fields.what} linkitems item"):
        found = each.link("link", each.text("linkname") or "doc")
        if found:
            links.append(found)
    item.links = tuple(links)
    _year(item, fields)
    return item


def _year(item: CVItem, fields: Fields) -> None:
    """al-folio's ``year`` is free text: a date, a range, or words kept as written."""
    value = fields.text("year")
    if not value:
        return
    try:
        item.date = parse_date(value)
        return
    except DateError:
        pass
    match = _YEAR_RANGE.match(value)
    if match:
        try:
            start, end = parse_date(match.group(1)), parse_date(match.group(2))
        except DateError:
            pass
        else:
            if not set_dates(item, start, end):
                return
            item.start = item.end = item.date = None
    item.when = value


def _map(fields: Fields) -> CVItem:
    links = []
    for each in fields.mappings("links", f"{fields.what} links item"):
        found = each.link("link", each.text("name") or "doc")
        if found:
            links.append(found)
    return CVItem(
        fields.inline("name"), details=fields.inline("value"), links=tuple(links), line=fields.line
    )


def _nested(fields: Fields) -> CVItem:
    items = tuple(Highlight(i) for i in fields.inline_list("items", single_ok=True))
    return CVItem(fields.inline("title"), highlights=items, line=fields.line)


def _group(fields: Fields) -> CVItem:
    """A ``list_groups`` group: its category, and a line per item (name, level, school,
    time, link)."""
    rows = []
    for each in fields.mappings("items", f"{fields.what} item"):
        _misspelt(each, GROUP_ITEM_KEYS)
        parts = [each.inline("name").styled(strong=True), each.inline("level")]
        where = join([each.inline("school"), each.inline("time")])
        row = join([p for p in parts if p] + ([where] if where else []), " \u2014 ")
        url = each.text("link")
        if url:
            try:
                href = checked_link(url)
            except LinkProblem as err:
                fields.problems.add(
                    f"{each.what}: {err}; the link was left out", each.line_of("link")
                )
            else:
                label = each.text("linkname") or "DOC"
                row = row + Inline((Run(" "), Run(label, link=href)))
        rows.append(Highlight(row))
    return CVItem(fields.inline("category"), highlights=tuple(rows), line=fields.line)


READERS = {"time_table": _time_table, "map": _map, "nested_list": _nested, "list_groups": _group}
