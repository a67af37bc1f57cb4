"""Read a CV source file (RenderCV YAML, JSON Resume or al-folio's cv.yml) into :class:`CVItem`s.

Recognised by content: a top-level ``cv`` with ``sections`` is RenderCV; ``work``,
``education`` and friends are JSON Resume; a list of sections with ``title``, ``type`` and
``contents`` is al-folio's ``_data/cv.yml``. Scalars are kept as strings, with the line each
key is on, so every warning points at the source file's own line.
"""

from __future__ import annotations

import contextlib
import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from ..urls import UnsafeURLError, checked_url
from .dates import DateError, parse_date
from .model import CVItem

if TYPE_CHECKING:
    from ..datafiles import Lined


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


JSON_RESUME_SECTIONS: dict[str, frozenset[str]] = {
    "work": _names("name position url startDate endDate summary highlights location description"),
    "volunteer": _names("organization position url startDate endDate summary highlights"),
    "education": _names("institution url area studyType startDate endDate score courses location"),
    "awards": _names("title date awarder summary"),
    "certificates": _names("name date issuer url"),
    "publications": _names("name publisher releaseDate url summary"),
    "projects": _names(
        "name description highlights keywords startDate endDate url roles entity type"
    ),
}
JSON_RESUME_OTHER = _names("basics skills languages interests references meta")
RENDERCV_KEYS = _names(
    """company position institution area degree name title label details bullet start_date
    end_date date location summary highlights authors doi url journal"""
)
RENDERCV_TOP = _names("cv design locale locale_catalog rendercv_settings")
ALFOLIO_SECTION_KEYS = _names("title type contents")
ALFOLIO_TYPES = ("time_table", "nested_list", "list", "map")
ALFOLIO_KEYS = _names(
    """title institution department location year description items maindescription
    linkitems name value links"""
)
#: al-folio's free-text ``year`` as a range: "2019 - 2023", "2017-2019", "2023 - present"
#: (also with an en or em dash).
_YEAR_RANGE = re.compile(
    r"^\s*(\d{4}(?:-\d{2})?)\s*(?:[-\u2013\u2014]|to)\s*(\d{4}(?:-\d{2})?|present|now|current)\s*$",
    re.IGNORECASE,
)


class SourceError(ValueError):
    """The file cannot be used at all; ``line`` is where in the file, if known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class SourceEntry:
    item: CVItem
    summary: str = ""
    highlights: list[str] = field(default_factory=list)
    url: str = ""
    line: int = 0
    links: list[tuple[str, str]] = field(default_factory=list)  #: (label, URL) after ``url``


@dataclass
class SourceSection:
    name: str
    entries: list[SourceEntry]


@dataclass
class CVSource:
    """A loaded file: its sections in order, and problems found (message, line)."""

    sections: list[SourceSection]
    problems: list[tuple[str, int]]


def _did_you_mean(key: str, known: frozenset[str] | list[str]) -> str:
    close = difflib.get_close_matches(key, sorted(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(sorted(known))}"


def _text(entry: dict[str, Lined], *keys: str) -> str:
    for key in keys:
        value = entry[key].value if key in entry else None
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _strings(value: Lined | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value.value, list):
        return [str(v.value) for v in value.value if isinstance(v.value, str)]
    return [str(value.value)]


def _fill_dates(
    item: CVItem,
    entry: dict[str, Lined],
    keys: dict[str, str],
    problems: list[tuple[str, int]],
    lines: Mapping[str, int],
    ongoing_without_end: bool,
) -> None:
    for attribute, key in keys.items():
        raw = _text(entry, key)
        if not raw:
            continue
        try:
            setattr(item, attribute, parse_date(raw))
        except DateError as err:
            if attribute == "date" and not raw[:1].isdigit():
                item.when = raw  # RenderCV allows free text such as "Fall 2023"
            else:
                problems.append((f"{key}: {err}", lines.get(key, 0)))
                item.raw_dates[attribute] = raw
    if ongoing_without_end and item.start and not item.end and keys["end"] not in entry:
        item.end = parse_date("present")
    if item.order_problem:
        problems.append((item.order_problem, lines.get(keys["end"], 0)))


def _rendercv_entry(raw: Lined, problems: list[tuple[str, int]]) -> SourceEntry:
    if isinstance(raw.value, str):  # a TextEntry
        return SourceEntry(CVItem(title=raw.value.strip()), line=raw.line)
    entry = raw.value if isinstance(raw.value, dict) else {}
    for key in entry:
        if key not in RENDERCV_KEYS:
            problems.append(
                (f"unknown key {key!r}{_did_you_mean(key, RENDERCV_KEYS)}", raw.key_lines[key])
            )
    degree, area = _text(entry, "degree"), _text(entry, "area")
    title = (
        _text(entry, "position")
        or (f"{degree} in {area}" if degree and area else degree or area)
        or _text(entry, "name", "title", "label", "bullet")
    )
    if not title:
        problems.append(("entry has no title; add position, degree, name or title", raw.line))
    item = CVItem(
        title=title or "Untitled entry",
        organization=_text(entry, "company", "institution", "journal"),
        location=_text(entry, "location"),
    )
    _fill_dates(
        item,
        entry,
        {"start": "start_date", "end": "end_date", "date": "date"},
        problems,
        raw.key_lines,
        True,
    )
    summary = " ".join(p for p in (_text(entry, "summary"), _text(entry, "details")) if p)
    return SourceEntry(
        item, summary, _strings(entry.get("highlights")), _text(entry, "url", "doi"), raw.line
    )


def _json_resume_entry(section: str, raw: Lined, problems: list[tuple[str, int]]) -> SourceEntry:
    entry = raw.value if isinstance(raw.value, dict) else {}
    known = JSON_RESUME_SECTIONS[section]
    for key in entry:
        if key not in known:
            problems.append(
                (f"unknown key {key!r} in {section}{_did_you_mean(key, known)}", raw.key_lines[key])
            )
    study, area = _text(entry, "studyType"), _text(entry, "area")
    title = {
        "work": _text(entry, "position") or _text(entry, "name"),
        "volunteer": _text(entry, "position") or _text(entry, "organization"),
        "education": f"{study} in {area}" if study and area else study or area,
        "awards": _text(entry, "title"),
        "certificates": _text(entry, "name"),
        "publications": _text(entry, "name"),
        "projects": _text(entry, "name"),
    }[section]
    organization = {
        "work": _text(entry, "name") if _text(entry, "position") else "",
        "volunteer": _text(entry, "organization") if _text(entry, "position") else "",
        "education": _text(entry, "institution"),
        "awards": _text(entry, "awarder"),
        "certificates": _text(entry, "issuer"),
        "publications": _text(entry, "publisher"),
        "projects": _text(entry, "entity"),
    }[section]
    if not title:
        problems.append((f"{section} entry has no title", raw.line))
    item = CVItem(
        title=title or "Untitled entry",
        organization=organization,
        location=_text(entry, "location"),
        category=section,
    )
    keys = {
        "start": "startDate",
        "end": "endDate",
        "date": "releaseDate" if section == "publications" else "date",
    }
    _fill_dates(
        item, entry, keys, problems, raw.key_lines, section in {"work", "volunteer", "projects"}
    )
    summary = _text(entry, "summary", "description")
    return SourceEntry(
        item, summary, _strings(entry.get("highlights")), _text(entry, "url"), raw.line
    )


def _alfolio_dates(item: CVItem, raw: str) -> None:
    """al-folio's ``year`` is free text: a date, a range, or words kept as written."""
    value = raw.strip()
    if not value:
        return
    try:
        item.date = parse_date(value)
        return
    except DateError:
        pass
    match = _YEAR_RANGE.match(value)
    if match:
        start, end = match.groups()
        with contextlib.suppress(DateError):
            item.start, item.end = parse_date(start), parse_date(end)
            if not item.order_problem:
                return
            item.start = item.end = None
    item.when = value


def _alfolio_items(value: Lined | None) -> list[str]:
    """``description``/``items``: strings, or ``{title, contents}`` groups (one line each)."""
    if value is None or not isinstance(value.value, list):
        return _strings(value)
    out = []
    for item in value.value:
        if isinstance(item.value, dict):
            title = _text(item.value, "title")
            contents = "; ".join(_strings(item.value.get("contents")))
            out.append(f"{title}: {contents}" if title and contents else title or contents)
        elif isinstance(item.value, str):
            out.append(item.value)
    return out


def _alfolio_entries(kind: str, raw: Lined, problems: list[tuple[str, int]]) -> list[SourceEntry]:
    """One al-folio ``contents`` item as entries: usually one; an untitled ``time_table``
    item (al-folio's awards: a year and ``items``) gives one entry per item."""
    if isinstance(raw.value, str):  # type: list
        return [SourceEntry(CVItem(title=raw.value.strip()), line=raw.line)]
    entry = raw.value if isinstance(raw.value, dict) else {}
    for key in entry:
        if key not in ALFOLIO_KEYS:
            problems.append(
                (f"unknown key {key!r}{_did_you_mean(key, ALFOLIO_KEYS)}", raw.key_lines[key])
            )
    links = [
        (link.text("linkname") or link.text("name") or "Link", link.text("link"))
        for key in ("linkitems", "links")
        if key in entry
        for link in entry[key].elements()
        if link.is_mapping and link.text("link")
    ]
    if kind == "map":
        item = CVItem(title=_text(entry, "name") or "Untitled entry")
        return [SourceEntry(item, _text(entry, "value"), line=raw.line, links=links)]
    highlights = _alfolio_items(entry.get("description")) + _alfolio_items(entry.get("items"))
    title = _text(entry, "title")
    organization = ", ".join(
        p for p in (_text(entry, "institution"), _text(entry, "department")) if p
    )
    if not title and highlights and kind == "time_table":
        titles, highlights = highlights, []
    else:
        titles = [title]
    if not any(titles):
        problems.append(("entry has no title; add title", raw.line))
        titles = ["Untitled entry"]
    out = []
    for each in titles:
        item = CVItem(title=each, organization=organization, location=_text(entry, "location"))
        _alfolio_dates(item, _text(entry, "year"))
        summary = _text(entry, "maindescription")
        out.append(SourceEntry(item, summary, highlights, line=raw.line, links=links))
    return out


def _alfolio_sections(
    root: Lined, path: Path, problems: list[tuple[str, int]]
) -> Iterator[SourceSection]:
    assert isinstance(root.value, list)
    for raw in root.value:
        section = raw.value
        if not isinstance(section, dict) or "contents" not in section:
            raise SourceError(
                f"CV source {path}: a list at the top level is read as al-folio's cv.yml, "
                "whose items are sections with title, type and contents",
                raw.line,
            )
        for key in section:
            if key not in ALFOLIO_SECTION_KEYS:
                problems.append(
                    (
                        f"unknown section key {key!r}{_did_you_mean(key, ALFOLIO_SECTION_KEYS)}",
                        raw.key_lines[key],
                    )
                )
        name = _text(section, "title") or "Untitled section"
        kind = _text(section, "type") or "time_table"
        if kind not in ALFOLIO_TYPES:
            problems.append(
                (
                    f"unknown section type {kind!r}{_did_you_mean(kind, list(ALFOLIO_TYPES))}",
                    raw.key_lines.get("type", raw.line),
                )
            )
            continue
        contents = section["contents"]
        if not isinstance(contents.value, list):
            problems.append((f"section {name!r}: contents must be a list", contents.line))
            continue
        entries = [e for c in contents.value for e in _alfolio_entries(kind, c, problems)]
        yield SourceSection(name, entries)


def sections_of(root: Lined, path: Path) -> Iterator[tuple[str, Lined, str]]:
    """(section name, its entry list, format) in file order."""
    data = root.value
    assert isinstance(data, dict)
    cv = data.get("cv")
    if cv is not None and isinstance(cv.value, dict) and "sections" in cv.value:
        sections = cv.value["sections"]
        if not isinstance(sections.value, dict):
            raise SourceError(
                "cv.sections must map section titles to lists of entries", sections.line
            )
        for name, entries in sections.value.items():
            yield name, entries, "rendercv"
        return
    if set(data) & set(JSON_RESUME_SECTIONS):
        for name, entries in data.items():
            if name in JSON_RESUME_SECTIONS:
                yield name, entries, "jsonresume"
        return
    raise SourceError(
        f"CV source {path} is neither RenderCV (cv.sections) nor JSON Resume (work, education …)", 1
    )


def load_source(path: Path) -> CVSource:
    """Read and map a source file; raises :class:`SourceError` if it cannot be used at all."""
    from ..datafiles import DataFileError, load_data_file  # only when a source changed

    try:
        root = load_data_file(path)
    except DataFileError as err:
        raise SourceError(f"CV source {path}: {err}", err.line) from None
    problems: list[tuple[str, int]] = [(w.message, w.line) for w in root.warnings]
    if isinstance(root.value, list):
        return _checked(CVSource(list(_alfolio_sections(root, path, problems)), problems))
    if isinstance(root.value, dict):
        for key in root.value:
            known = RENDERCV_TOP | set(JSON_RESUME_SECTIONS) | JSON_RESUME_OTHER
            if key not in known:
                problems.append(
                    (
                        f"unknown top-level key {key!r}{_did_you_mean(key, known)}",
                        root.key_lines[key],
                    )
                )
    sections = []
    for name, entries, kind in sections_of(root, path):
        if not isinstance(entries.value, list):
            problems.append((f"section {name!r} must be a list of entries", entries.line))
            continue
        if kind == "rendercv":
            mapped = [_rendercv_entry(e, problems) for e in entries.value]
        else:
            mapped = [_json_resume_entry(name, e, problems) for e in entries.value]
        sections.append(SourceSection(name, mapped))
    return _checked(CVSource(sections, problems))


def _checked(source: CVSource) -> CVSource:
    for section in source.sections:
        for entry in section.entries:
            _checked_links(entry, source.problems)
    return source


def _checked_links(entry: SourceEntry, problems: list[tuple[str, int]]) -> None:
    """Keep only safe links: the entry's ``url``, then its other links."""
    links = ([(entry.url, entry.url)] if entry.url else []) + entry.links
    safe = []
    for label, raw in links:
        try:
            safe.append((label, checked_url(raw)))
        except UnsafeURLError as err:
            problems.append((f"{err}; the link was left out", entry.line))
    entry.url = ""
    entry.links = safe


def source_entry_body(entry: SourceEntry) -> list[nodes.Node]:
    """Summary, highlights and links of a source entry, as plain (escaped) text."""
    body: list[nodes.Node] = []
    if entry.summary:
        body.append(nodes.paragraph(entry.summary, entry.summary))
    if entry.highlights:
        body.append(
            nodes.bullet_list(
                "", *[nodes.list_item("", nodes.paragraph(h, h)) for h in entry.highlights]
            )
        )
    references: list[nodes.Node] = []
    for label, url in entry.links:
        if references:
            references.append(nodes.Text(" "))
        references.append(nodes.reference(label, label, refuri=url))
    if references:
        body.append(nodes.paragraph("", "", *references))
    return body
