"""The one adapter to sphinxcontrib-bibtex's domain data.

sphinxcontrib-bibtex documents its domain data but promises no stability, so every access
to it lives here (and ``pyproject.toml`` pins ``sphinxcontrib-bibtex>=2.7,<3``).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sphinxcontrib.bibtex.bibfile import get_mtime
from sphinxcontrib.bibtex.directives import BibliographyKey, BibliographyValue
from sphinxcontrib.bibtex.domain import _FilterVisitor

if TYPE_CHECKING:
    from pybtex.database import Entry
    from sphinx.environment import BuildEnvironment
    from sphinxcontrib.bibtex.domain import BibtexDomain, Citation

__all__ = [
    "BibliographyKey",
    "BibliographyValue",
    "bib_entries",
    "bibfile_paths",
    "citations_by_bibliography",
    "cite_domain",
    "entry_position",
    "filter_accepts",
]

_ENTRY_START = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*[{(][ \t]*([^,\s]+)[ \t]*,", re.MULTILINE)
_line_index_cache: dict[tuple[Path, float], dict[str, int]] = {}


def cite_domain(env: BuildEnvironment) -> BibtexDomain:
    return cast("BibtexDomain", env.get_domain("cite"))


def bib_entries(env: BuildEnvironment) -> Mapping[str, Entry]:
    """Every parsed entry of every file in ``bibtex_bibfiles``, in file order."""
    return cast("Mapping[str, Entry]", cite_domain(env).bibdata.data.entries)


def bibfile_paths(env: BuildEnvironment) -> list[Path]:
    return list(cite_domain(env).bibdata.bibfiles)


def entries_of(env: BuildEnvironment, bibfiles: list[Path]) -> Iterator[Entry]:
    """Entries of the given bib files, in file order."""
    return cast("Iterator[Entry]", cite_domain(env).get_entries(bibfiles))


def citations_by_bibliography(env: BuildEnvironment) -> dict[BibliographyKey, list[Citation]]:
    """Every bibliography's entries, in the order its style sorted them (one pass)."""
    grouped: dict[BibliographyKey, list[Citation]] = {}
    for citation in cite_domain(env).citations:
        grouped.setdefault(citation.bibliography_key, []).append(citation)
    return grouped


def citation_target(env: BuildEnvironment, key: str) -> tuple[str, str] | None:
    """(docname, id) of the entry in a citable list, where ``{cite}`` links to, if any."""
    domain = cite_domain(env)
    for citation in domain.citations:
        if (
            citation.key == key
            and domain.bibliographies[citation.bibliography_key].list_ == "citation"
        ):
            return citation.bibliography_key.docname, citation.citation_id
    return None


def register_bibliography(
    env: BuildEnvironment, key: BibliographyKey, value: BibliographyValue
) -> None:
    """Make a list known to the cite domain, so its entries are citable and filtered by it."""
    cite_domain(env).bibliographies[key] = value


def filter_accepts(filter_: ast.AST, entry: Entry, docname: str, cited: bool) -> bool:
    """Evaluate a sphinxcontrib-bibtex filter expression on one entry."""
    visitor: Any = _FilterVisitor(  # type: ignore[no-untyped-call]
        entry=entry, docname=docname, cited_docnames={docname} if cited else set()
    )
    return bool(visitor.visit(filter_))


def entry_position(env: BuildEnvironment, key: str) -> tuple[object, int | None]:
    """(bib file, line) where an entry starts, for warnings that point at the bib file."""
    for path, bibfile in cite_domain(env).bibdata.bibfiles.items():
        if key in bibfile.keys:
            return path, _line_index(path).get(key.lower())
    return "bibtex_bibfiles", None


def entry_lines(path: Path, key: str) -> list[int]:
    """Every line where an entry with ``key`` starts (more than one means a duplicate)."""
    return [line for found, line in _entry_starts(path) if found == key.lower()]


def entry_before(path: Path, line: int) -> tuple[str, int] | None:
    """The last entry (key, line) that starts before ``line``."""
    before = [(key, start) for key, start in _entry_starts(path) if start < line]
    return before[-1] if before else None


def _entry_starts(path: Path) -> list[tuple[str, int]]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    starts, line, position = [], 1, 0
    for match in _ENTRY_START.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        starts.append((match.group(2).lower(), line))
    return starts


def _line_index(path: Path) -> dict[str, int]:
    """Map each entry key (lower case, as BibTeX compares keys) to the line where it starts."""
    stamp = (path, get_mtime(path))
    if stamp not in _line_index_cache:
        index: dict[str, int] = {}
        for key, line in _entry_starts(path):
            index.setdefault(key, line)
        _line_index_cache[stamp] = index
    return _line_index_cache[stamp]
