"""Author roles: equal contribution, corresponding author, advisee … read from wherever they are.

Why: researchers mark roles in three ways. al-folio and many CVs write a mark into the name
(``Sample*, Bob``, ``Bob Sample$^\\dagger$``, ``Sample\\textsuperscript{*}``); some add a field
of positions (``equal = {1,2}``); BibLaTeX has data annotations (``author+an = {1=equal;
2=corresponding}``, and ``highlight``). Each role is a name, a mark and a legend
(``academic_author_roles``): a mark found in a name, a position field named after a role and an
annotation all give the author that role's mark. The name is matched (owner, co-authors)
without its marks, and the BibTeX a reader copies has them removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pybtex.database import Person

#: Each role: its mark and the legend under a list. ``academic_author_roles`` changes them.
DEFAULT_ROLES: Mapping[str, tuple[str, str]] = {
    "equal": ("*", "equal contribution"),
    "corresponding": ("†", "corresponding author"),
    "student": ("‡", "student advisee"),
}
#: The BibLaTeX annotation that highlights a name as the owner's (``author+an = {2=highlight}``).
HIGHLIGHT = "highlight"
#: Marks as LaTeX writes them, and the character each stands for.
_LATEX_MARKS = {
    "\\textasteriskcentered": "*",
    "\\ast": "*",
    "\u2217": "*",  # the asterisk operator
    "\\textdaggerdbl": "‡",
    "\\textdagger": "†",
    "\\ddagger": "‡",
    "\\dagger": "†",
    "\\ddag": "‡",
    "\\dag": "†",
    "\\textsection": "§",
    "\\textparagraph": "¶",
    "\\S": "§",
    "\\P": "¶",
    "\\|": "‖",
}
#: Characters that are marks wherever they end a name, whether or not a role has them.
BUILTIN_MARKS = "*†‡§¶‖"
_POSITION_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\s)\s*")
_RANGE = re.compile(r"([0-9]+)\s*-{1,2}\s*([0-9]+)")


@dataclass(frozen=True, slots=True)
class Role:
    name: str  #: also the name of a position field and of a BibLaTeX annotation
    mark: str
    legend: str


@dataclass(frozen=True)
class RoleTable:
    """The site's roles (``academic_author_roles``), and the marks found in names."""

    roles: tuple[Role, ...]
    _symbols: tuple[str, ...] = field(init=False, compare=False, repr=False)
    _pattern: re.Pattern[str] = field(init=False, compare=False, repr=False)
    _hash: int = field(init=False, compare=False, repr=False)

    def __hash__(self) -> int:  # hashed for every name read: computed once
        return self._hash

    def __getstate__(self) -> dict[str, object]:
        return {"roles": self.roles}  # string hashes differ between processes

    def __setstate__(self, state: dict[str, tuple[Role, ...]]) -> None:
        object.__setattr__(self, "roles", state["roles"])
        self.__post_init__()

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash(self.roles))
        # Every mark, longest first, so that \ddag is not read as \dag.
        symbols = {*BUILTIN_MARKS, *(role.mark for role in self.roles), *_LATEX_MARKS}
        ordered = tuple(sorted(symbols, key=lambda s: (-len(s), s)))
        object.__setattr__(self, "_symbols", ordered)
        one = "|".join(re.escape(s) for s in ordered)
        group = rf"(?:{one})(?:\s*,?\s*(?:{one}))*"
        superscript = (
            rf"\$\s*\^\s*(?:\{{\s*{group}\s*\}}|{group})\s*\$"
            rf"|\\textsuperscript\s*\{{\s*(?:\$\s*)?{group}(?:\s*\$)?\s*\}}"
            rf"|\^\s*(?:\{{\s*{group}\s*\}}|{group})"
        )
        pattern = re.compile(rf"(?:\s*(?:{superscript}|\{{\s*{group}\s*\}}|{one}))+\s*$")
        object.__setattr__(self, "_pattern", pattern)

    @classmethod
    def from_config(cls, roles: Mapping[str, tuple[str, str]]) -> RoleTable:
        return cls(tuple(Role(name, mark, legend) for name, (mark, legend) in roles.items()))

    def by_mark(self, mark: str) -> Role | None:
        return next((r for r in self.roles if r.mark == mark), None)

    def by_name(self, name: str) -> Role | None:
        return next((r for r in self.roles if r.name == name), None)

    def legend(self, marks: Iterable[str]) -> tuple[tuple[str, str], ...]:
        """(mark, legend) for the roles whose marks are used, in the table's order."""
        used = set(marks)
        return tuple((r.mark, r.legend) for r in self.roles if r.mark in used)

    def strip_marks(self, part: str) -> tuple[str, list[str]]:
        """A name part without the marks that end it, and those marks (as characters)."""
        match = self._pattern.search(part)
        if not match or not match.group().strip():
            return part, []
        found = match.group()
        marks: list[str] = []
        position = 0
        while position < len(found):
            for symbol in self._symbols:
                if found.startswith(symbol, position):
                    mark = _LATEX_MARKS.get(symbol, symbol)
                    if mark not in marks:
                        marks.append(mark)
                    position += len(symbol)
                    break
            else:
                position += 1
        return part[: match.start()].rstrip(), marks


_MAYBE_MARKED = re.compile("[*\u2217†‡§¶‖^$\\\\]|\\{\\s*[^\\w\\s]")


def split_marks(person: Person, table: RoleTable) -> tuple[Person, tuple[str, ...]]:
    """The person without marks in their name, and the marks (in the order written)."""
    parts = {
        "first": person.first_names,
        "middle": person.middle_names,
        "prelast": person.prelast_names,
        "last": person.last_names,
        "lineage": person.lineage_names,
    }
    if not _MAYBE_MARKED.search(" ".join(p for names in parts.values() for p in names)):
        return person, ()
    marks: list[str] = []
    cleaned: dict[str, str] = {}
    for role, names in parts.items():
        kept = []
        for name in names:
            rest, found = table.strip_marks(name)
            marks.extend(m for m in found if m not in marks)
            if rest:
                kept.append(rest)
        cleaned[role] = " ".join(kept)
    if not marks:
        return person, ()
    if not cleaned["last"]:  # "Bob Sample *": the mark was read as the last name
        given = (cleaned["first"] + " " + cleaned["middle"]).split()
        if given:
            cleaned["first"], cleaned["middle"], cleaned["last"] = (
                " ".join(given[:-1]),
                "",
                given[-1],
            )
    return Person(**cleaned), tuple(marks)


@dataclass(frozen=True, slots=True)
class ExplicitRoles:
    """Roles given outside the names: per author position (0-based), marks and highlights."""

    marks: Mapping[int, tuple[str, ...]]
    highlighted: frozenset[int]
    problems: tuple[str, ...]


def _positions(value: str) -> list[int] | None:
    """``1,2`` / ``1 and 3`` / ``1-3`` → 0-based positions; None if not a list of positions."""
    out: list[int] = []
    for token in _POSITION_SPLIT.split(value.strip().strip("{}")):
        if not token:
            continue
        span = _RANGE.fullmatch(token)
        if span:
            out.extend(range(int(span.group(1)) - 1, int(span.group(2))))
        elif token.isdigit():
            out.append(int(token) - 1)
        else:
            return None
    return out


def explicit_roles(
    fields: Mapping[str, str], count: int, table: RoleTable, key: str
) -> ExplicitRoles:
    """Roles from position fields (``equal = {1,2}``) and ``author+an`` annotations."""
    marks: dict[int, list[str]] = {}
    highlighted: set[int] = set()
    problems: list[str] = []

    def give(position: int, mark: str, source: str) -> None:
        if not 0 <= position < count:
            problems.append(
                f"{source} of {key!r} names author {position + 1}, but the entry has {count}; "
                "count authors from 1"
            )
        elif mark not in marks.setdefault(position, []):
            marks[position].append(mark)

    for role in table.roles:
        value = fields.get(role.name, "").strip()
        if not value:
            continue
        positions = _positions(value)
        if positions is None:
            problems.append(
                f"{role.name} of {key!r} is {value!r}; write the authors' positions, counted "
                f"from 1, e.g. {role.name} = {{1,2}}"
            )
            continue
        for position in positions:
            give(position, role.mark, role.name)
    annotations = fields.get("author+an", "").strip()
    for item in filter(None, (a.strip() for a in annotations.split(";"))):
        where, _, what = item.partition("=")
        number = where.split(":")[0].strip()
        if not number.isdigit() or not what.strip():
            problems.append(
                f"author+an of {key!r} has {item!r}; write position=annotation, e.g. "
                "author+an = {1=highlight; 2=equal}"
            )
            continue
        for keyword in (k.strip().strip('"').strip() for k in what.split(",")):
            named = table.by_name(keyword)
            if keyword == HIGHLIGHT:
                if int(number) - 1 < count:
                    highlighted.add(int(number) - 1)
            elif named is not None:
                give(int(number) - 1, named.mark, "author+an")
            elif keyword:
                names = ", ".join([HIGHLIGHT, *(r.name for r in table.roles)])
                problems.append(
                    f"author+an of {key!r}: no role {keyword!r} (known: {names}); add it to "
                    "academic_author_roles or correct the annotation"
                )
    return ExplicitRoles(
        {p: tuple(m) for p, m in marks.items()}, frozenset(highlighted), tuple(problems)
    )
