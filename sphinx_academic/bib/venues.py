"""Where a work appeared: the venue line a list shows, and the container other outputs need.

The venue is ``venue_label`` as written if there is one; else the type decides (a thesis is
"PhD thesis, School", a report "Technical report 42, Institution", a patent "U.S. patent
1,234,567"); else the first of BibTeX's and BibLaTeX's venue fields. A venue that only says
"arXiv" (Google Scholar's ``arXiv preprint arXiv:…``, Semantic Scholar's ``ArXiv``, DBLP's
``CoRR``) reads "arXiv preprint" whichever tool wrote it; its id is the arXiv button.

The container is the journal or book the work is in, and its kind (``journal``,
``proceedings``, ``book``), for outputs that say which (citation metadata, CSL-JSON).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .latex import latex_to_text
from .links import is_arxiv_venue, only_url

Fields = Mapping[str, str]

ARXIV_VENUE = "arXiv preprint"
JOURNAL = "journal"
PROCEEDINGS = "proceedings"
BOOK = "book"
#: Generic venue fields, best first.
VENUE_FIELDS = (
    "journal",
    "journaltitle",
    "booktitle",
    "eventtitle",
    "howpublished",
    "school",
    "institution",
    "organization",
    "publisher",
)
THESIS_TYPES = frozenset({"phdthesis", "mastersthesis", "thesis"})
REPORT_TYPES = frozenset({"techreport", "report"})
BOOK_PART_TYPES = frozenset({"incollection", "inbook", "inreference", "bookinbook", "suppbook"})
#: BibTeX's thesis types and BibLaTeX's ``type`` keys, as a reader says them.
TYPE_LABELS = {
    "phdthesis": "PhD thesis",
    "mastersthesis": "Master's thesis",
    "mathesis": "Master's thesis",
    "candthesis": "Candidate thesis",
    "techreport": "Technical report",
    "resreport": "Research report",
    "software": "Software",
    "datacd": "Data CD",
    "audiocd": "Audio CD",
    "patent": "Patent",
    "patentde": "German patent",
    "patenteu": "European patent",
    "patentfr": "French patent",
    "patentuk": "British patent",
    "patentus": "U.S. patent",
    "patreq": "Patent request",
    "patreqde": "German patent request",
    "patreqeu": "European patent request",
    "patreqfr": "French patent request",
    "patrequk": "British patent request",
    "patrequs": "U.S. patent request",
}


@dataclass(frozen=True, slots=True)
class Venue:
    text: str  #: the venue line's text, without the year
    is_label: bool  #: ``venue_label``, shown exactly as written
    container: str  #: the journal's or book's title ("" if none, or only arXiv)
    container_kind: str  #: JOURNAL, PROCEEDINGS, BOOK or ""


def _text(fields: Fields, name: str) -> str:
    value = fields.get(name, "")
    return "" if only_url(value) else latex_to_text(value)


def _type_label(entry_type: str, fields: Fields, default: str) -> str:
    written = latex_to_text(fields.get("type", ""))
    return TYPE_LABELS.get(written.casefold(), written) or TYPE_LABELS.get(entry_type, default)


def _typed_venue(entry_type: str, fields: Fields) -> str:
    """The venue of a thesis, report or patent: what it is, its number, who issued it."""
    if entry_type in THESIS_TYPES:
        label = _type_label(entry_type, fields, "Thesis")
        where = _text(fields, "school") or _text(fields, "institution")
        return ", ".join(p for p in (label, where) if p)
    if entry_type in REPORT_TYPES:
        label = " ".join(
            p for p in (_type_label(entry_type, fields, "Report"), _text(fields, "number")) if p
        )
        return ", ".join(p for p in (label, _text(fields, "institution")) if p)
    if entry_type == "patent":
        return " ".join(
            p for p in (_type_label(entry_type, fields, "Patent"), _text(fields, "number")) if p
        )
    return ""


def _container(entry_type: str, fields: Fields) -> tuple[str, str]:
    for name in ("journal", "journaltitle"):
        title = fields.get(name, "")
        if title and not is_arxiv_venue(title):
            return latex_to_text(title), JOURNAL
    booktitle = _text(fields, "booktitle")
    if booktitle:
        return booktitle, BOOK if entry_type in BOOK_PART_TYPES else PROCEEDINGS
    event = _text(fields, "eventtitle")
    if event and entry_type in ("inproceedings", "conference"):
        return event, PROCEEDINGS
    return "", ""


def venue_of(entry_type: str, fields: Fields) -> Venue:
    container, kind = _container(entry_type, fields)
    label = latex_to_text(fields.get("venue_label", ""))
    if label:
        return Venue(label, True, container, kind)
    text = _typed_venue(entry_type, fields)
    if not text:
        for name in VENUE_FIELDS:
            value = fields.get(name, "")
            if name == "publisher" and entry_type not in ("book", "misc", "online", "manual"):
                continue
            if value and is_arxiv_venue(value):
                text = ARXIV_VENUE
                break
            text = _text(fields, name)
            if text:
                break
    return Venue(text, False, container, kind)
