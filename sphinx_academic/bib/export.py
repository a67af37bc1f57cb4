"""The BibTeX a reader copies or downloads: only the fields a citation needs, cleaned.

Exporters write bookkeeping into their BibTeX (DBLP's ``timestamp``/``biburl``/``bibsource``,
Zotero's ``file`` with a local path, ``urldate``, ``langid``, ``keywords``) and al-folio adds
site fields (``selected``, ``abbr``, ``pdf`` …). None of it belongs on a page: the BibTeX shown
keeps only the fields of ``academic_bibtex_fields`` (an allow list: a field a new exporter
invents never leaks), with what the entry inherits by ``crossref`` written in (the parent is
not shown), author marks removed, link values unwrapped (``\\url{…}``), the DOI bare, the
month as BibTeX's macro (``month = dec``) and an arXiv id, wherever it came from, as
``eprint`` with ``archiveprefix``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from .links import clean_link_value

if TYPE_CHECKING:
    from pybtex.database import Person

#: Standard BibTeX and BibLaTeX fields: what a citation needs. ``academic_bibtex_fields``.
DEFAULT_BIBTEX_FIELDS: tuple[str, ...] = tuple(
    """author editor translator title subtitle titleaddon booktitle booksubtitle maintitle
    journal journaltitle issuetitle eventtitle eventdate venue year date month day volume
    number issue pages pagetotal part edition series chapter publisher organization
    institution school howpublished address location type note addendum pubstate version
    isbn issn doi eprint archiveprefix primaryclass eprinttype eprintclass url""".split()
)
MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
PERSON_ROLES = ("author", "editor", "translator")
LINK_VALUES = frozenset({"url"})


def bibtex_text(
    *,
    entry_type: str,
    key: str,
    fields: Mapping[str, str],
    persons: Mapping[str, Sequence[Person]],
    allowed: Collection[str],
    month: int,
    doi: str,
    arxiv: str,
) -> str:
    """The entry as the BibTeX a reader copies (see the module docstring)."""
    lines = [f"@{entry_type}{{{key},"]
    for role in PERSON_ROLES:
        if role in allowed and persons.get(role):
            names = " and ".join(str(p) for p in persons[role])
            lines.append(f"  {role} = {{{names}}},")
    for name in ["title", *(k for k in fields if k != "title")]:
        if name not in allowed or name not in fields or name in PERSON_ROLES:
            continue
        value = fields[name]
        if name == "month" and month:
            lines.append(f"  month = {MONTH_MACROS[month - 1]},")
            continue
        if name == "doi" and doi:
            value = doi
        elif name in LINK_VALUES:
            value = clean_link_value(value)
        lines.append(f"  {name} = {{{value}}},")
    if arxiv and "eprint" not in fields and "eprint" in allowed:
        lines.append(f"  eprint = {{{arxiv}}},")
        if "archiveprefix" in allowed:
            lines.append("  archiveprefix = {arXiv},")
    lines.append("}")
    return "\n".join(lines)
