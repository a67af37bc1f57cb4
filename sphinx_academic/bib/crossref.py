"""``crossref``: a child entry inherits what its parent has and it lacks, as BibTeX does.

A paper in proceedings often names its volume (``crossref = {icml2024}``) instead of repeating
its booktitle, year, editors and publisher. Like BibTeX, every field the child lacks comes from
the parent; like BibLaTeX, the parent's ``title`` becomes the child's ``booktitle`` (or
``journaltitle`` under a ``@periodical``), and chains of parents are followed. What belongs to
the parent alone is not inherited: its title, its identifiers and links (a volume's DOI is not
the paper's), and its display fields (``selected``, ``summary`` …).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pybtex.database import Entry, Person

#: Parents are followed this far (BibTeX itself follows one level; BibLaTeX any).
MAX_DEPTH = 8
#: The field a parent's title becomes in its child, by the parent's type.
TITLE_BECOMES = {"periodical": "journaltitle"}
#: Never inherited: the parent's own title, identity, links and display fields.
NOT_INHERITED = frozenset(
    """crossref xref xdata ids entryset key title subtitle titleaddon shorttitle doi url eprint
    eprinttype eprintclass archiveprefix primaryclass arxiv pdf html code website project blog
    slides poster video supp models data preview selected summary abstract award bibtex_show
    file urldate keywords annote annotation timestamp biburl bibsource author+an""".split()
)


@dataclass(frozen=True, slots=True)
class Resolved:
    """An entry's fields and people with what it inherits; its parents; what went wrong."""

    fields: dict[str, str]  #: lower-case names
    persons: dict[str, list[Person]]  #: lower-case roles
    parents: tuple[Entry, ...]
    problems: tuple[str, ...]


def resolve(entry: Entry, entries: Mapping[str, Entry], fields: dict[str, str]) -> Resolved:
    """``fields`` (the entry's own, lower-cased) completed from its chain of parents."""
    persons = {role.lower(): list(people) for role, people in entry.persons.items()}
    parent_key = fields.get("crossref", "").strip()
    if not parent_key:
        return Resolved(fields, persons, (), ())
    resolved = dict(fields)
    parents: list[Entry] = []
    problems: list[str] = []
    seen = {entry.key.casefold()}
    child = entry
    while parent_key:
        parent = entries.get(parent_key)
        if parent is None:
            problems.append(
                f"crossref of {child.key!r} names {parent_key!r}, which no bib file has; add "
                "that entry or correct the key"
            )
            break
        if parent.key.casefold() in seen or len(parents) >= MAX_DEPTH:
            problems.append(
                f"crossref of {child.key!r} leads back to {parent.key!r} (a loop) or too deep; "
                "point it at the volume the work appears in"
            )
            break
        seen.add(parent.key.casefold())
        parents.append(parent)
        _inherit(resolved, persons, parent)
        child, parent_key = parent, parent.fields.get("crossref", "").strip()
    resolved.pop("crossref", None)
    return Resolved(resolved, persons, tuple(parents), tuple(problems))


def _inherit(fields: dict[str, str], persons: dict[str, list[Person]], parent: Entry) -> None:
    title_field = TITLE_BECOMES.get(parent.type, "booktitle")
    for name, value in parent.fields.items():
        name = name.lower()
        if name not in NOT_INHERITED and name not in fields:
            fields[name] = value
    title = parent.fields.get("title", "")
    if title and title_field not in fields:
        fields[title_field] = title
    for role, people in parent.persons.items():
        persons.setdefault(role.lower(), list(people))


def crossref_targets(entries: Mapping[str, Entry]) -> set[str]:
    """The keys (casefolded) that some entry names in ``crossref``."""
    return {
        target.strip().casefold()
        for entry in entries.values()
        if (target := entry.fields.get("crossref", ""))
    }


def is_container(entry: Entry, targets: set[str]) -> bool:
    """A parent that is only a volume: other entries crossref it and it has no authors."""
    return entry.key.casefold() in targets and not entry.persons.get("author")
