"""The co-author file (``academic_coauthors``): names, with their variants, to a homepage or ORCID.

Two shapes are read as they are. The extension's own, a list of people::

    - name: Charles Babbage
      variants: ["C. Babbage", "Babbage, C."]
      url: https://example.org/babbage
      orcid: 0000-0002-1825-0097

and al-folio's ``_data/coauthors.yml``, keyed by lower-case family name::

    "babbage":
      - firstname: ["Charles", "C."]
        url: https://example.org/babbage

A name matches whatever its order, LaTeX accents, case or trailing periods (as al-folio's does,
accents are ignored). Every problem (an unknown key, an unsafe URL, a malformed ORCID iD) is kept
with its line, said as a warning once per build, and the rest of the file is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from pybtex.database import Person

from ..datafiles import Lined
from ..urls import UnsafeURLError, checked_url
from .names import loose_key

OWN_KEYS = ("name", "variants", "url", "orcid")
ALFOLIO_KEYS = ("firstname", "url")
_ORCID = re.compile(r"(?:https?://orcid\.org/)?([0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X])")

LooseKey = tuple[str, ...]


class CoauthorProblem(NamedTuple):
    message: str
    line: int | None


@dataclass(frozen=True, slots=True)
class Coauthor:
    """Where a co-author's name links, and every profile of theirs (schema.org ``sameAs``)."""

    url: str
    same_as: tuple[str, ...]


@dataclass(frozen=True)
class CoauthorIndex:
    """Name variants (as loose keys) to co-authors; compared by content, so a changed file
    changes the settings records are read with."""

    people: tuple[tuple[LooseKey, Coauthor], ...] = ()
    _by_key: dict[LooseKey, Coauthor] = field(init=False, compare=False, repr=False)
    _hash: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        by_key: dict[LooseKey, Coauthor] = {}
        for key, coauthor in self.people:
            by_key.setdefault(key, coauthor)  # the first person listed wins
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_hash", hash(self.people))

    def __hash__(self) -> int:  # hashed for every name read: computed once
        return self._hash

    def __getstate__(self) -> dict[str, object]:
        return {"people": self.people}  # string hashes differ between processes

    def __setstate__(self, state: dict[str, tuple[tuple[LooseKey, Coauthor], ...]]) -> None:
        object.__setattr__(self, "people", state["people"])
        self.__post_init__()

    def __bool__(self) -> bool:
        return bool(self.people)

    def find(self, person: Person) -> Coauthor | None:
        return self._by_key.get(loose_key(person)) if self.people else None


def orcid_problem(orcid: str) -> str:
    """What is wrong with an ORCID iD ("" if nothing): its form, or its check digit."""
    match = _ORCID.fullmatch(orcid.strip())
    if not match:
        return "write an ORCID iD as 0000-0002-1825-0097 (or https://orcid.org/…)"
    digits = match.group(1).replace("-", "")
    total = 0
    for digit in digits[:-1]:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    if digits[-1] != ("X" if check == 10 else str(check)):
        return "its check digit is wrong (a typing mistake?); copy it from orcid.org"
    return ""


class _Reader:
    def __init__(self) -> None:
        self.people: list[tuple[LooseKey, Coauthor]] = []
        self.problems: list[CoauthorProblem] = []

    def problem(self, message: str, line: int) -> None:
        self.problems.append(CoauthorProblem(message, line))

    def unknown_keys(self, node: Lined, known: Iterable[str], where: str) -> None:
        for key in node.key_lines:
            if key not in known:
                self.problem(
                    f"{where}: unknown key {key!r}; use {', '.join(known)}", node.key_line(key)
                )

    def url(self, node: Lined, where: str) -> str:
        raw = node.text("url")
        if not raw:
            return ""
        try:
            url = checked_url(raw)
        except UnsafeURLError as err:
            self.problem(f"{where}: {err}; the link was left out", node.key_line("url"))
            return ""
        if not url.lower().startswith(("https://", "http://")):
            self.problem(
                f"{where}: url {raw!r} is not an http(s) address; give the full address",
                node.key_line("url"),
            )
            return ""
        return url

    def orcid(self, node: Lined, where: str) -> str:
        """The ORCID iD as its https://orcid.org/ address ("" if none or malformed)."""
        raw = node.text("orcid")
        match = _ORCID.fullmatch(raw)
        problem = orcid_problem(raw) if raw else ""
        if problem or match is None:
            if raw:
                self.problem(f"{where}: orcid {raw!r}: {problem}", node.key_line("orcid"))
            return ""
        return "https://orcid.org/" + match.group(1)

    def add(self, names: Iterable[str], url: str, orcid: str) -> None:
        profiles = tuple(p for p in (url, orcid) if p)
        if not profiles:
            return
        coauthor = Coauthor(profiles[0], profiles)
        for name in names:
            key = loose_key(Person(name))
            if key:
                self.people.append((key, coauthor))

    def own(self, root: Lined) -> None:
        for person in root.elements():
            if not person.is_mapping:
                where = f"co-author at line {person.line}"
                self.problem(f"{where}: write name: and url: (or orcid:) lines", person.line)
                continue
            name = person.text("name")
            where = f"co-author {name!r}" if name else f"co-author at line {person.line}"
            self.unknown_keys(person, OWN_KEYS, where)
            if not name:
                self.problem(f"{where}: name is missing; add name: First Last", person.line)
                continue
            variants_node = person.get("variants")
            variants = [v.text() for v in variants_node.elements()] if variants_node else []
            if variants_node is not None and (variants_node.text() or not variants_node.is_list):
                self.problem(
                    f'{where}: variants must be a list, e.g. variants: ["C. Babbage"]',
                    person.key_line("variants"),
                )
            url, orcid = self.url(person, where), self.orcid(person, where)
            if not person.text("url") and not person.text("orcid"):
                self.problem(f"{where}: give a url: or an orcid:", person.line)
            self.add([name, *filter(None, variants)], url, orcid)

    def alfolio(self, root: Lined) -> None:
        for family, people in root.items():
            for person in people.elements() if people.is_list else [people]:
                where = f"co-author {family!r}"
                if not person.is_mapping:
                    self.problem(f"{where}: write firstname: and url: lines", person.line)
                    continue
                self.unknown_keys(person, ALFOLIO_KEYS, where)
                given_node = person.get("firstname")
                given = [g.text() for g in given_node.elements()] if given_node else []
                if given_node is not None and given_node.text():
                    given = [given_node.text()]
                url = self.url(person, where)
                if not url:
                    if not person.text("url"):
                        self.problem(f"{where}: url is missing", person.line)
                    continue
                names = [f"{family}, {g}" for g in given if g] or [family]
                self.add(names, url, "")


def read_coauthors(root: Lined) -> tuple[CoauthorIndex, tuple[CoauthorProblem, ...]]:
    """The index a loaded co-author file gives, and what is wrong with it."""
    reader = _Reader()
    reader.problems.extend(CoauthorProblem(w.message, w.line) for w in root.warnings)
    if root.is_list:
        reader.own(root)
    else:
        reader.alfolio(root)
    return CoauthorIndex(tuple(reader.people)), tuple(reader.problems)


@dataclass(frozen=True, slots=True)
class CoauthorFile:
    """A co-author file as last read: its stamp, the index, and its problems."""

    path: str
    stamp: tuple[int, int] | None
    index: CoauthorIndex
    problems: tuple[CoauthorProblem, ...]


def load_coauthors(path: Path, stamp: tuple[int, int] | None) -> CoauthorFile:
    """Read the file (see the module docstring); a file that cannot be read is one problem."""
    from ..datafiles import DataFileError, load_data_file

    try:
        root = load_data_file(path)
    except DataFileError as err:
        return CoauthorFile(
            str(path), stamp, CoauthorIndex(), (CoauthorProblem(str(err), err.line),)
        )
    index, problems = read_coauthors(root)
    return CoauthorFile(str(path), stamp, index, problems)
