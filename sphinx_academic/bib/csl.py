"""CSL-JSON, the Citation Style Language's data format, written from records.

Zotero, Mendeley, pandoc and citeproc-js read it; the site offers its publications as
``publications.json`` in it (:mod:`sphinx_academic.pages.downloads`). Like the BibTeX
download it is owner-neutral and keeps only what a citation needs: no highlight or role marks,
no summary, links or other site-only fields. Items use the types and variables of CSL 1.0.1
(which every CSL processor reads), checked against the CSL-JSON schema in the tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .links import arxiv_url
from .records import Author, PublicationRecord
from .venues import BOOK, JOURNAL, PROCEEDINGS

#: The CSL type of an entry whose container does not decide it, by BibTeX/BibLaTeX type.
TYPES_BY_ENTRY = {
    "article": "article-journal",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "book": "book",
    "mvbook": "book",
    "collection": "book",
    "mvcollection": "book",
    "proceedings": "book",
    "mvproceedings": "book",
    "manual": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "inreference": "entry-encyclopedia",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "patent": "patent",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "unpublished": "manuscript",
    "dataset": "dataset",
}
#: A preprint, working paper or anything else (CSL's "article": not in a journal).
DEFAULT_TYPE = "article"
TYPES_BY_CONTAINER = {JOURNAL: "article-journal", PROCEEDINGS: "paper-conference", BOOK: "chapter"}
#: Types whose ``number`` is the work's own (a report's or patent's), not a journal issue.
NUMBERED_TYPES = frozenset({"report", "patent"})


def csl_type(record: PublicationRecord) -> str:
    if record.container_kind in TYPES_BY_CONTAINER:
        return TYPES_BY_CONTAINER[record.container_kind]
    if record.entry_type == "article" and record.arxiv_id:
        return DEFAULT_TYPE  # "journal = {arXiv preprint …}": a preprint, not a journal paper
    return TYPES_BY_ENTRY.get(record.entry_type, DEFAULT_TYPE)


def csl_name(author: Author) -> dict[str, str]:
    """A CSL name: its parts, or the whole as ``literal`` (an organisation in braces)."""
    if not author.given and not author.particle and " " in author.family:
        return {"literal": author.family}
    name = {
        "family": author.family or author.name,
        "given": author.given,
        "non-dropping-particle": author.particle,
        "suffix": author.suffix,
    }
    return {part: value for part, value in name.items() if value}


def csl_item(record: PublicationRecord) -> dict[str, Any]:
    """One CSL-JSON item for a record (the schema's variable names)."""
    kind = csl_type(record)
    item: dict[str, Any] = {"id": record.key, "type": kind, "title": record.title}
    authors = [csl_name(a) for a in record.authors if not a.is_others]
    if authors:
        item["author"] = authors
    if record.year:
        parts = [int(record.year)]
        if record.month:
            parts.append(record.month)
            if record.day:
                parts.append(record.day)
        item["issued"] = {"date-parts": [parts]}
    if record.container:
        item["container-title"] = record.container
    if record.volume:
        item["volume"] = record.volume
    if record.number:
        item["number" if kind in NUMBERED_TYPES else "issue"] = record.number
    if record.pages:
        item["page"] = record.pages.replace("\u2013", "-")
    if record.publisher:
        item["publisher"] = record.publisher
    if record.arxiv_id and not record.container:
        # How Zotero and arXiv's own export describe a preprint.
        item.setdefault("publisher", "arXiv")
        item["number"] = f"arXiv:{record.arxiv_id}"
    if record.doi:
        item["DOI"] = record.doi
    url = _url(record)
    if url:
        item["URL"] = url
    return item


def _url(record: PublicationRecord) -> str:
    """The work's own address: its ``url`` or ``html`` link, else its arXiv page."""
    for link in record.links:
        if link.field in ("url", "html") and not link.local:
            return link.url
    return arxiv_url(record.arxiv_id) if record.arxiv_id else ""


def csl_json(records: Iterable[PublicationRecord]) -> str:
    """The records as one CSL-JSON document (a list of items), one item per record."""
    items = [csl_item(record) for record in records]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
