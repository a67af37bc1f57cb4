"""Author names: display form, and matching the site owner's name variants."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from pybtex.bibtex.utils import split_tex_string
from pybtex.database import Person

from .latex import latex_to_text

NameKey = tuple[tuple[str, ...], tuple[str, ...]]


@lru_cache(maxsize=65536)
def _normalise(token: str) -> str:
    return unicodedata.normalize("NFKC", latex_to_text(token)).casefold().rstrip(".")


def person_key(person: Person) -> NameKey:
    """A comparable key: (given names, family names), decoded, normalised and casefolded."""
    return _name_key(
        (*person.first_names, *person.middle_names), (*person.prelast_names, *person.last_names)
    )


@lru_cache(maxsize=65536)
def _name_key(given: tuple[str, ...], family: tuple[str, ...]) -> NameKey:
    """Co-authors recur across a bib file: each distinct name is normalised once."""
    given_key = tuple(t for t in map(_normalise, given) if t)
    return given_key, tuple(t for t in map(_normalise, family) if t)


@lru_cache(maxsize=65536)
def _loose(token: str) -> str:
    """A name token without accents, case or periods: al-folio's co-author matching."""
    decomposed = unicodedata.normalize("NFKD", _normalise(token))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def loose_key(person: Person) -> tuple[str, ...]:
    """Given names then family names, each without accents, case or periods: "Chris De Sa"
    and "De Sa, Chris" give the same key, however BibTeX splits the name."""
    parts = (
        *person.first_names,
        *person.middle_names,
        *person.prelast_names,
        *person.last_names,
    )
    return tuple(t for t in (_loose(p) for part in parts for p in part.split()) if t)


#: BibLaTeX's extended name format: ``family=Gogh, given=Vincent, prefix=van``.
_EXTENDED_PARTS = {"family": "last", "given": "first", "prefix": "prelast", "suffix": "lineage"}
_EXTENDED_KEY = re.compile(
    r"(?:^|,|\s)\s*(family|given|prefix|suffix|useprefix|juniorcomma|(?:family|given|prefix|"
    r"suffix)i)\s*=\s*",
    re.IGNORECASE,
)


def from_extended_format(person: Person) -> Person:
    """A name in BibLaTeX's extended format as an ordinary one; any other name unchanged."""
    if not any("=" in part for part in (*person.prelast_names, *person.last_names)):
        return person  # the first key=value part is read as (part of) the family name
    written = str(person)
    keys = list(_EXTENDED_KEY.finditer(written))
    if not keys or keys[0].start() != 0:
        return person
    parts: dict[str, str] = {}
    for key, after in zip(keys, [*keys[1:], None], strict=True):
        value = written[key.end() : after.start() if after else len(written)]
        name = _EXTENDED_PARTS.get(key.group(1).lower())
        if name:
            parts[name] = value.strip().strip(",").strip().strip('"')
    return Person(**parts) if parts.get("last") else person


def display_name(person: Person) -> str:
    """The name as "First Middle von Last, Jr.", LaTeX decoded."""
    parts = [
        *person.first_names,
        *person.middle_names,
        *person.prelast_names,
        *person.last_names,
    ]
    name = latex_to_text(" ".join(parts))
    if person.lineage_names:
        name += ", " + latex_to_text(" ".join(person.lineage_names))
    return name


def is_others(person: Person) -> bool:
    """BibTeX's ``and others`` marker."""
    return (
        not person.first_names
        and not person.middle_names
        and [n.lower() for n in person.last_names] == ["others"]
    )


def check_name(name: str) -> str:
    """What keeps BibTeX from reading ``name`` as one person ("" if nothing does).

    pybtex (in strict mode, as sphinxcontrib-bibtex runs it) raises on more than two commas.
    """
    if len(split_tex_string(name, ",")) > 3:
        return "too many commas; write 'Last, First' or 'First Last', one person per name"
    return ""


@dataclass(frozen=True)
class NameMatcher:
    """Matches people against the variants listed in ``academic_author_names``."""

    keys: frozenset[NameKey]

    @classmethod
    def from_variants(cls, variants: Iterable[str]) -> NameMatcher:
        return cls(frozenset(_variant_key(v) for v in variants if v.strip()))

    def matches(self, person: Person) -> bool:
        return bool(self.keys) and person_key(person) in self.keys


@lru_cache(maxsize=256)
def _variant_key(variant: str) -> NameKey:
    return person_key(Person(variant))


class NameParts(NamedTuple):
    given: str  #: first and middle names
    particle: str  #: the von part
    family: str
    suffix: str  #: the lineage ("Jr.")


def name_parts(person: Person) -> NameParts:
    """The name's parts, decoded, for outputs that cite ("Lovelace, A.", CSL-JSON)."""
    return NameParts(
        latex_to_text(" ".join((*person.first_names, *person.middle_names))),
        latex_to_text(" ".join(person.prelast_names)),
        latex_to_text(" ".join(person.last_names)),
        latex_to_text(" ".join(person.lineage_names)),
    )
