r"""The ``:filter:`` expressions of the ``publications`` directive, checked up front and run safely.

Why: ``:filter:`` takes sphinxcontrib-bibtex's documented filter syntax
(``type == "article" and year >= "2020"``, ``title % "relativity"``), but its evaluator is a
private class that fails in the middle of a build with a traceback on a bad expression and runs
``%`` with Python's backtracking ``re`` (``title % "^(a+)+$"`` takes minutes on one 34-character
title). This module keeps that grammar and meaning and adds three promises:

* Every expression that cannot work is rejected by :func:`parse_filter`, before any entry is
  read, with a message that says what is wrong and how to fix it (the commonest mistake,
  ``year == 2025``, compares a string with a number and silently selects nothing).
* Evaluation takes bounded time: ``%`` runs on RE2, which matches in time linear in the text,
  and expressions are limited in length, nesting and compiled regex size.
* The expression is compiled once into closures, so :meth:`EntryFilter.accepts` is cheap.

``%`` means ``re.search(pattern, text, re.IGNORECASE)``. A pattern must be valid for Python's
``re``; it is then rewritten into RE2 syntax so that ``\d``, ``\w`` and ``\s`` keep Python's
Unicode meaning (checked for every assigned code point in the tests). What RE2 cannot run in
linear time (backreferences, look-around, atomic groups, possessive quantifiers, conditionals)
is rejected with the construct named. A few corners follow RE2, which has no look-around to
express Python's: ``\b``/``\B`` count only ASCII letters, digits and ``_`` as word characters;
``$`` does not match before a final newline (pybtex collapses whitespace, so fields never end in
one); RE2's Unicode tables may be newer than Python's, for characters Python calls unassigned.

The names ``cited``, ``docname`` and ``docnames`` exist in sphinxcontrib-bibtex for its
citation bookkeeping; ``publications`` selects entries by their own fields, so they are rejected.
"""

from __future__ import annotations

import ast
import enum
import operator
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn, Protocol

import re2  # type: ignore[import-untyped]

if TYPE_CHECKING:
    from pybtex.database import Entry

__all__ = [
    "MAX_DEPTH",
    "MAX_LENGTH",
    "MAX_REGEX_SIZE",
    "EntryFilter",
    "FilterEntry",
    "FilterError",
    "entry_view",
    "parse_filter",
]

MAX_LENGTH = 2_000
"""Longest expression accepted, in characters."""
MAX_DEPTH = 50
"""Deepest nesting of sub-expressions (and of regex groups) accepted."""
MAX_REGEX_SIZE = 20_000
"""Largest compiled RE2 program accepted: matching costs at most this much per character."""
_MAX_REPEAT = 1_000  # RE2's own limit on a counted repetition such as a{1,1000}

_EXAMPLE = 'type == "article" and year >= "2020"'
_CITATION_NAMES = frozenset({"cited", "docname", "docnames"})
_ENTRY_NAMES = ("type", "key", "author", "editor")


class FilterError(ValueError):
    """The expression cannot be used; str(err) says what is wrong and how to fix it."""

    def __init__(self, message: str, *, column: int | None = None) -> None:
        super().__init__(message)
        self.column = column
        """1-based column of the problem in the (stripped) expression, when known."""


class FilterEntry(Protocol):
    """What a filter reads of a bibliography entry."""

    @property
    def type(self) -> str:
        """Entry type such as ``article``; compared lower-cased, as sphinxcontrib-bibtex does."""
        ...

    @property
    def key(self) -> str:
        """Citation key; compared lower-cased, as sphinxcontrib-bibtex does."""
        ...

    def field(self, name: str) -> str:
        """The field's value, ``""`` when absent; names are case-insensitive."""
        ...

    def persons(self, role: str) -> str:
        """``author``/``editor`` names joined with ``" and "``, ``""`` when absent."""
        ...


_Fn = Callable[[FilterEntry], Any]


@dataclass(frozen=True)
class EntryFilter:
    """A checked, compiled filter expression; build it with :func:`parse_filter`."""

    expression: str
    _test: _Fn = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_test", _compile(self.expression))

    def __reduce__(self) -> tuple[Callable[[str], EntryFilter], tuple[str]]:
        # Closures do not pickle; the expression is all that is needed to rebuild one.
        return (parse_filter, (self.expression,))

    def accepts(self, entry: FilterEntry) -> bool:
        """Whether the entry is selected; raises only FilterError, in bounded time."""
        try:
            return bool(self._test(entry))
        except FilterError:
            raise
        except Exception as err:  # a FilterEntry that breaks its contract
            raise FilterError(
                f"could not evaluate the filter `{self.expression}` on an entry "
                f"({type(err).__name__}: {err}); check that the entry's fields are strings"
            ) from err


def parse_filter(expression: str) -> EntryFilter:
    """Check and compile a filter expression; raises FilterError saying how to fix it."""
    return EntryFilter(expression)


class _PybtexEntryView:
    """A pybtex Entry seen the way sphinxcontrib-bibtex's filter sees it."""

    __slots__ = ("_entry", "key", "type")

    def __init__(self, entry: Entry) -> None:
        self._entry = entry
        self.type: str = str(entry.type).lower()
        self.key: str = str(entry.key or "").lower()

    def field(self, name: str) -> str:
        return str(self._entry.fields.get(name, ""))

    def persons(self, role: str) -> str:
        people = self._entry.persons
        return " and ".join(str(person) for person in people[role]) if role in people else ""


def entry_view(entry: Entry) -> FilterEntry:
    """Adapt a pybtex Entry: lower-cased type and key, persons joined with " and "."""
    return _PybtexEntryView(entry)


# --- Parsing the expression -------------------------------------------------------------------


def _compile(expression: str) -> _Fn:
    if not isinstance(expression, str):
        raise FilterError(f"a filter must be a string, not {type(expression).__name__}")
    if len(expression) > MAX_LENGTH:
        raise FilterError(
            f"the filter is {len(expression):,} characters long and the limit is {MAX_LENGTH:,}: "
            "shorten it, for instance by marking the entries in the .bib file with a field "
            '(keywords = {teaching}) and filtering on it (keywords % "teaching")'
        )
    source = expression.strip()
    if "\x00" in source:
        raise FilterError("the filter contains a NUL character (\\x00); remove it")
    if not source:
        raise FilterError(
            f"the filter is empty; write a condition such as `{_EXAMPLE}`, or leave out :filter:"
        )
    tree = _parse(source)
    depth = _depth(tree)
    if depth > MAX_DEPTH:
        raise FilterError(
            f"the filter nests {depth} levels deep and the limit is {MAX_DEPTH}: flatten it, "
            "e.g. write `a or b or c` rather than `a or (b or (c))`"
        )
    if not tree.body:
        raise FilterError(
            f"the filter holds only a comment; write a condition such as `{_EXAMPLE}`"
        )
    if len(tree.body) > 1:
        parts = [ast.get_source_segment(source, stmt) or "" for stmt in tree.body]
        raise FilterError(
            f"the filter holds {len(parts)} statements (separated by `;` or a line break); "
            f"write one expression, joining the conditions with `and` or `or`: "
            f"`{' and '.join(parts)}`"
        )
    statement = tree.body[0]
    if not isinstance(statement, ast.Expr):
        raise _statement_error(source, statement)
    return _Compiler(source).expr(statement.value).fn


def _parse(source: str) -> ast.Module:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. SyntaxWarning for "\d" in a normal string
            return ast.parse(source, mode="exec")
    except SyntaxError as err:
        raise _syntax_error(source, err) from None
    except (RecursionError, MemoryError, OverflowError):
        raise FilterError(
            f"the filter is nested too deeply to read; flatten it (at most {MAX_DEPTH} levels)"
        ) from None
    except ValueError as err:  # e.g. a NUL character, on some Python versions
        raise FilterError(f"the filter cannot be read ({err}); remove the character") from None


def _depth(tree: ast.AST) -> int:
    """Deepest chain of nested expressions, computed without recursion."""
    deepest = 0
    stack: list[tuple[ast.AST, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, ast.expr):
            depth += 1
            deepest = max(deepest, depth)
        stack.extend((child, depth) for child in ast.iter_child_nodes(node))
    return deepest


def _syntax_error(source: str, err: SyntaxError) -> FilterError:
    lines = _lines(source)
    lineno = min(max(err.lineno or 1, 1), len(lines))
    line = lines[lineno - 1]
    column = min(max(err.offset or 1, 1), len(line) + 1)
    where = f"column {column}" if len(lines) == 1 else f"line {lineno}, column {column}"
    return FilterError(
        f"invalid syntax at {where} of the filter ({err.msg}):\n"
        f"    {line}\n"
        f"    {' ' * (column - 1)}^\n"
        f"{_syntax_hint(source, err)}",
        column=column,
    )


def _lines(source: str) -> list[str]:
    """Lines as Python numbers them (str.splitlines also splits at form feeds and more)."""
    return re.split(r"\r\n?|\n", source)


def _syntax_hint(source: str, err: SyntaxError) -> str:
    if any(quote in source for quote in "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"):
        return 'Use straight quotes ("2020") instead of typographic ones (\u201c2020\u201d).'
    if "&&" in source or "||" in source:
        return "Write `and` / `or` instead of `&&` / `||`."
    if "===" in source:
        return "Write `==` to compare (there is no `===`)."
    if "=>" in source or "=<" in source:
        return "Write `>=` and `<=` (the `=` comes second)."
    if "<>" in source:
        return "Write `!=` for 'not equal'."
    if re.search(r"%\s*/", source):
        return 'A regular expression goes in quotes, not slashes: `title % "neural"`.'
    if re.search(r"!(?!=)", source) and "unterminated" not in err.msg:
        return "Write `not` instead of `!` to negate a condition."
    if "unterminated" in err.msg:
        return "Close each string with the same quote that opened it."
    if "\n" in source:
        return "A filter is one expression: to spread it over lines, wrap all of it in parentheses."
    return f"Write one condition, with field values in quotes, e.g. `{_EXAMPLE}`."


def _statement_error(source: str, statement: ast.stmt) -> FilterError:
    text = ast.get_source_segment(source, statement) or source
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target = ast.get_source_segment(source, statement.targets[0])
        value = ast.get_source_segment(source, statement.value)
        return FilterError(
            f"`{text}` assigns a value; to compare, write `{target} == {value}`",
            column=statement.col_offset + 1,
        )
    if isinstance(statement, ast.AugAssign | ast.AnnAssign | ast.Assign):
        return FilterError(
            f"`{text}` is an assignment; a filter compares, e.g. `{_EXAMPLE}`",
            column=statement.col_offset + 1,
        )
    return FilterError(
        f"`{text}` is a statement; a filter is a single expression such as `{_EXAMPLE}`",
        column=statement.col_offset + 1,
    )


# --- Compiling the expression to closures -------------------------------------------------------


class _Kind(enum.Enum):
    """What an expression evaluates to; checked at parse time so evaluation cannot fail."""

    STR = "a string"
    BOOL = "a True/False condition"
    SET = "a set"
    MATCH = "a regular-expression match"


@dataclass(frozen=True, slots=True)
class _Value:
    kind: _Kind
    fn: _Fn
    constant: bool = False
    value: Any = None


def _const(kind: _Kind, value: Any) -> _Value:
    return _Value(kind, lambda _entry: value, constant=True, value=value)


_COMPARE: dict[type[ast.cmpop], tuple[str, Callable[[Any, Any], bool]]] = {
    ast.Eq: ("==", operator.eq),
    ast.NotEq: ("!=", operator.ne),
    ast.Lt: ("<", operator.lt),
    ast.LtE: ("<=", operator.le),
    ast.Gt: (">", operator.gt),
    ast.GtE: (">=", operator.ge),
    ast.In: ("in", lambda left, right: left in right),
    ast.NotIn: ("not in", lambda left, right: left not in right),
    ast.Is: ("is", operator.is_),
    ast.IsNot: ("is not", operator.is_not),
}
_FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
_BINOP_SYMBOLS: dict[type[ast.operator], str] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.MatMult: "@",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.BitAnd: "&",
}
_NUMBER = (int, float, complex)


def _type_or_key_compared(
    node: ast.Compare, symbol: str
) -> Iterator[tuple[ast.Name, list[ast.expr]]]:
    """For ``type``/``key`` tested for equality or membership: the name, and what it is
    compared with (the other side, or the members of a set there)."""
    if symbol not in ("==", "!=", "in", "not in"):
        return
    left, right = node.left, node.comparators[0]
    for name, other in ((left, right), (right, left)):
        if isinstance(name, ast.Name) and name.id in ("type", "key"):
            yield name, list(other.elts) if isinstance(other, ast.Set) else [other]


class _Compiler:
    """Turns a checked AST into closures over a FilterEntry."""

    def __init__(self, source: str) -> None:
        self.source = source

    def text(self, node: ast.AST) -> str:
        return ast.get_source_segment(self.source, node) or self.source

    def fail(self, node: ast.AST, message: str) -> NoReturn:
        raise FilterError(message, column=self.column(node))

    def column(self, node: ast.AST) -> int | None:
        """1-based character column (ast counts UTF-8 bytes)."""
        if not isinstance(node, ast.expr | ast.stmt):
            return None
        line = _lines(self.source)[node.lineno - 1].encode()
        return len(line[: node.col_offset].decode(errors="ignore")) + 1

    def expr(self, node: ast.expr) -> _Value:
        match node:
            case ast.Constant():
                return self.constant(node)
            case ast.Name():
                return self.name(node)
            case ast.Set():
                return self.set_literal(node)
            case ast.BoolOp():
                return self.bool_op(node)
            case ast.UnaryOp():
                return self.unary_op(node)
            case ast.BinOp():
                return self.bin_op(node)
            case ast.Compare():
                return self.compare(node)
        self.unsupported(node)

    # Leaves

    def constant(self, node: ast.Constant) -> _Value:
        value = node.value
        if isinstance(value, bool):
            return _const(_Kind.BOOL, value)
        if isinstance(value, str):
            return _const(_Kind.STR, value)
        text = self.text(node)
        if isinstance(value, _NUMBER):
            self.fail(
                node,
                f"`{text}` is a number, but field values are strings: write it in quotes, "
                f'"{text}", e.g. `year == "2025"`',
            )
        if value is None:
            self.fail(
                node,
                "`None` is not a filter value: a missing field reads as the empty string; "
                "select entries without a field with `not doi`, with one with `doi`",
            )
        if isinstance(value, bytes):
            self.fail(node, f"`{text}` is a bytes literal; write a normal string without the b")
        self.unsupported(node)

    def name(self, node: ast.Name) -> _Value:
        name = node.id
        if name.lower() in _CITATION_NAMES:
            self.fail(node, _citation_message(name))
        if name in _ENTRY_NAMES:
            if name == "type":
                return _Value(_Kind.STR, lambda entry: entry.type.lower())
            if name == "key":
                return _Value(_Kind.STR, lambda entry: entry.key.lower())
            return _Value(_Kind.STR, lambda entry: entry.persons(name))
        if name.lower() in _ENTRY_NAMES:
            self.fail(
                node,
                f"`{name}` would read a field called {name!r}, not the entry's {name.lower()}: "
                f"write `{name.lower()}` in lower case",
            )
        if name in ("true", "false", "none", "null"):
            self.fail(
                node,
                f"`{name}` would read a field called {name!r}; write `True` or `False` with a "
                f'capital letter, or compare a field with a string, e.g. `selected == "{name}"`',
            )
        return _Value(_Kind.STR, lambda entry: entry.field(name))

    def set_literal(self, node: ast.Set) -> _Value:
        elements = [self.expr(element) for element in node.elts]
        for element, value in zip(node.elts, elements, strict=True):
            if value.kind is not _Kind.STR:
                self.fail(
                    element,
                    f"`{self.text(node)}`: set elements must be strings, e.g. "
                    '`{"article", "book"}`; here one is ' + value.kind.value,
                )
        if all(value.constant for value in elements):
            return _const(_Kind.SET, frozenset(value.value for value in elements))
        fns = tuple(value.fn for value in elements)
        return _Value(_Kind.SET, lambda entry: frozenset(fn(entry) for fn in fns))

    # Operators

    def bool_op(self, node: ast.BoolOp) -> _Value:
        fns = tuple(self.expr(value).fn for value in node.values)
        if isinstance(node.op, ast.And):
            if len(fns) == 2:
                first, second = fns
                return _Value(_Kind.BOOL, lambda entry: bool(first(entry) and second(entry)))
            return _Value(_Kind.BOOL, lambda entry: all(fn(entry) for fn in fns))
        if len(fns) == 2:
            first, second = fns
            return _Value(_Kind.BOOL, lambda entry: bool(first(entry) or second(entry)))
        return _Value(_Kind.BOOL, lambda entry: any(fn(entry) for fn in fns))

    def unary_op(self, node: ast.UnaryOp) -> _Value:
        if isinstance(node.op, ast.Not):
            operand = self.expr(node.operand).fn
            return _Value(_Kind.BOOL, lambda entry: not operand(entry))
        text = self.text(node)
        if isinstance(node.operand, ast.Constant) and isinstance(node.operand.value, _NUMBER):
            self.fail(
                node,
                f'`{text}` is a number, but field values are strings: write it in quotes, "{text}"',
            )
        if isinstance(node.op, ast.Invert):
            self.fail(node, f"`{text}`: `~` is not supported; to negate a condition write `not`")
        self.fail(node, f"`{text}`: unary `+`/`-` is not supported; only `not` is")

    def bin_op(self, node: ast.BinOp) -> _Value:
        text = self.text(node)
        if isinstance(node.op, ast.Mod):
            return self.regex_match(node)
        if isinstance(node.op, ast.BitOr | ast.BitAnd):
            return self.set_op(node)
        symbol = _BINOP_SYMBOLS.get(type(node.op), "?")
        if isinstance(node.op, ast.Sub) and all(
            isinstance(side, ast.Name) for side in (node.left, node.right)
        ):
            self.fail(
                node,
                f"`{text}` subtracts; a field whose name contains `-` cannot be named in a "
                "filter (copy it into a field named with letters, digits and `_` only)",
            )
        if isinstance(node.op, ast.Add):
            self.fail(
                node,
                f"`{text}`: `+` is not supported; join conditions with `and`/`or`, and match "
                'text with a regular expression, e.g. `title % "deep learning"`',
            )
        self.fail(
            node,
            f"`{text}`: arithmetic (`{symbol}`) is not supported; a filter has `%` "
            '(regular-expression match, `title % "neural"`) and `|`/`&` (set union and '
            "intersection) only",
        )

    def regex_match(self, node: ast.BinOp) -> _Value:
        text = self.text(node)
        left = self.expr(node.left)
        if left.kind is not _Kind.STR:
            self.fail(
                node.left,
                f"`{text}`: the left side of `%` must be a field or a string, e.g. "
                f'`title % "neural"`; here it is {left.kind.value}',
            )
        right = node.right
        if not (isinstance(right, ast.Constant) and isinstance(right.value, str)):
            what = "a field" if isinstance(right, ast.Name) else "not a string in quotes"
            self.fail(
                right,
                f"`{text}`: the right side of `%` must be a regular expression in quotes, "
                f'e.g. `title % "neural"`; here it is {what}',
            )
        try:
            search = _compile_regex(right.value, text)
        except FilterError as err:
            err.column = err.column or self.column(right)
            raise
        subject = left.fn
        return _Value(_Kind.MATCH, lambda entry: search(subject(entry)))

    def set_op(self, node: ast.BinOp) -> _Value:
        text = self.text(node)
        symbol = "|" if isinstance(node.op, ast.BitOr) else "&"
        left, right = self.expr(node.left), self.expr(node.right)
        kinds = {left.kind, right.kind}
        if _Kind.STR in kinds:
            self.fail(
                node,
                f'`{text}`: `{symbol}` combines sets (`{{"a"}} {symbol} {{"b"}}`) or '
                "conditions, not strings; to test a field against several values write "
                '`year in {"2020", "2021"}`, and join conditions with `and` / `or`',
            )
        if _Kind.MATCH in kinds:
            word = "or" if symbol == "|" else "and"
            self.fail(
                node,
                f"`{text}`: join regular-expression matches with `{word}`, not `{symbol}`: "
                f'`title % "a" {word} title % "b"`',
            )
        if len(kinds) != 1:
            self.fail(
                node,
                f"`{text}`: `{symbol}` needs two sets or two conditions; here it has "
                f"{left.kind.value} and {right.kind.value}",
            )
        function = operator.or_ if symbol == "|" else operator.and_
        if left.constant and right.constant:
            return _const(left.kind, function(left.value, right.value))
        first, second = left.fn, right.fn
        return _Value(left.kind, lambda entry: function(first(entry), second(entry)))

    def compare(self, node: ast.Compare) -> _Value:
        text = self.text(node)
        if len(node.ops) > 1:
            self.fail(node, self.chained_message(node))
        left_node, right_node = node.left, node.comparators[0]
        symbol, function = _COMPARE[type(node.ops[0])]
        if symbol in ("is", "is not"):
            fix = "==" if symbol == "is" else "!="
            self.fail(node, f"`{text}`: `{symbol}` is not supported; write `{fix}`")
        self.check_numbers(node)
        self.check_unquoted(node, symbol)
        left, right = self.expr(left_node), self.expr(right_node)
        self.check_kinds(node, symbol, left, right)
        self.check_case(node, symbol)
        first = left.fn
        if right.constant:
            constant = right.value
            return _Value(_Kind.BOOL, lambda entry: function(first(entry), constant))
        second = right.fn
        return _Value(_Kind.BOOL, lambda entry: function(first(entry), second(entry)))

    # Checks that turn silent non-matches and mid-build crashes into messages

    def chained_message(self, node: ast.Compare) -> str:
        text = self.text(node)
        operands = [node.left, *node.comparators]
        if any(
            isinstance(o, ast.BinOp) and isinstance(o.op, ast.BitOr | ast.BitAnd) for o in operands
        ):
            return (
                f"`{text}`: `|` and `&` bind more tightly than comparisons; join conditions "
                'with `and` / `or`, e.g. `year == "2020" or type == "book"`'
            )

        def operand(node: ast.expr) -> str:  # numbers quoted: field values are strings
            return f'"{self.text(node)}"' if _is_number(node) else self.text(node)

        parts = []
        for left, cmpop, right in zip(operands, node.ops, operands[1:], strict=False):
            symbol = _COMPARE[type(cmpop)][0]
            if (
                not isinstance(left, ast.Name)
                and isinstance(right, ast.Name)
                and symbol in _FLIPPED
            ):
                parts.append(f"{operand(right)} {_FLIPPED[symbol]} {operand(left)}")
            else:
                parts.append(f"{operand(left)} {symbol} {operand(right)}")
        return (
            f"`{text}` chains comparisons, which filters do not support; "
            f"write them joined with `and`: `{' and '.join(parts)}`"
        )

    def check_numbers(self, node: ast.Compare) -> None:
        numbers = [
            n
            for side in (node.left, *node.comparators)
            for n in ([side] if not isinstance(side, ast.Set) else side.elts)
            if _is_number(n)
        ]
        if not numbers:
            return
        fixed = self.replaced(node, {n: f'"{self.text(n)}"' for n in numbers})
        never = " (as written it never matches)" if isinstance(node.ops[0], ast.Eq) else ""
        self.fail(
            numbers[0],
            f"`{self.text(node)}` compares with a number, but field values are strings{never}: "
            f"write the number in quotes, `{fixed}`",
        )

    def check_unquoted(self, node: ast.Compare, symbol: str) -> None:
        """``type == article``: a bare word is a field name, so it compares with ``""``."""
        for name, compared in _type_or_key_compared(node, symbol):
            words = [w for w in compared if isinstance(w, ast.Name) and w.id not in _ENTRY_NAMES]
            if words:
                fixed = self.replaced(node, {w: f'"{self.text(w).lower()}"' for w in words})
                self.fail(
                    words[0],
                    f"`{self.text(node)}` compares `{name.id}` with a field called "
                    f"`{self.text(words[0])}`; to compare with the word, put it in quotes: "
                    f"`{fixed}`",
                )

    def check_kinds(self, node: ast.Compare, symbol: str, left: _Value, right: _Value) -> None:
        text = self.text(node)
        if _Kind.MATCH in (left.kind, right.kind):
            self.fail(
                node,
                f'`{text}`: a regular-expression match such as `title % "x"` is already a '
                "condition; combine it with `and`, `or` and `not` instead of comparing it",
            )
        if symbol in ("in", "not in"):
            if left.kind is _Kind.STR and right.kind in (_Kind.STR, _Kind.SET):
                return
            self.fail(
                node,
                f"`{text}`: `{symbol}` tests whether a string occurs in a string "
                '(`"net" in title`) or is one of a set (`year in {"2020", "2021"}`); here '
                f"the left side is {left.kind.value} and the right side {right.kind.value}",
            )
        if left.kind is right.kind:
            return
        kinds = {left.kind, right.kind}
        if symbol in ("==", "!=") and kinds == {_Kind.STR, _Kind.SET}:
            fix = "in" if symbol == "==" else "not in"
            string, group = (node.left, node.comparators[0])
            if left.kind is _Kind.SET:
                string, group = group, string
            self.fail(
                node,
                f"`{text}` compares a string with a set, which is never equal; to test "
                f"membership write `{self.text(string)} {fix} {self.text(group)}`",
            )
        if symbol in ("==", "!=") and kinds == {_Kind.STR, _Kind.BOOL}:
            self.fail(
                node,
                f"`{text}` compares a string with True/False, which is never equal; a field is "
                "true when it is present: select entries with a year by `year`, without one "
                "by `not year`",
            )
        self.fail(
            node,
            f"`{text}` compares {left.kind.value} with {right.kind.value}, which "
            f"{'is never equal' if symbol in ('==', '!=') else 'cannot be ordered'}; compare a "
            'field with a string in quotes, e.g. `year >= "2020"`',
        )

    def check_case(self, node: ast.Compare, symbol: str) -> None:
        """``key == "Smith2020"`` never matches: keys and types are compared lower-cased."""
        for name, compared in _type_or_key_compared(node, symbol):
            upper = [
                s
                for s in compared
                if isinstance(s, ast.Constant)
                and isinstance(s.value, str)
                and s.value != s.value.lower()
            ]
            if upper:
                fixed = self.replaced(node, {s: self.text(s).lower() for s in upper})
                why = (
                    "sphinxcontrib-bibtex compares keys in lower case"
                    if name.id == "key"
                    else "entry types are compared in lower case"
                )
                self.fail(
                    upper[0],
                    f"`{self.text(node)}` never matches: {why}; write `{fixed}`",
                )

    def replaced(self, outer: ast.AST, replacements: dict[ast.expr, str]) -> str:
        """The source of ``outer`` with some sub-expressions rewritten (one-line only)."""
        text = self.text(outer)
        line, start = getattr(outer, "lineno", 0), getattr(outer, "col_offset", 0)
        if any(node.lineno != line or node.end_lineno != line for node in replacements):
            return text
        if getattr(outer, "end_lineno", 0) != line:
            return text
        line_text = _lines(self.source)[line - 1]
        # ast offsets count UTF-8 bytes; slice the encoded line so non-ASCII text stays aligned.
        encoded = line_text.encode()
        pieces: list[bytes] = []
        position = start
        for node in sorted(replacements, key=lambda n: n.col_offset):
            end = node.end_col_offset if node.end_col_offset is not None else node.col_offset
            pieces += [encoded[position : node.col_offset], replacements[node].encode()]
            position = end
        pieces.append(encoded[position : getattr(outer, "end_col_offset", len(encoded))])
        return b"".join(pieces).decode(errors="replace")

    def unsupported(self, node: ast.expr) -> NoReturn:
        text = self.text(node)
        match node:
            case ast.Call(func=ast.Attribute(attr=method)):
                message = (
                    f"`{text}`: method calls such as `.{method}()` are not supported; test text "
                    'with a regular expression instead, e.g. `title % "^deep"` (starts with) or '
                    '`title % "learning$"` (ends with); matching ignores case already'
                )
            case ast.Call():
                message = (
                    f"`{text}`: function calls are not supported; a filter compares fields "
                    "(type, key, author, editor, year, title ...) with strings in quotes, sets "
                    f"and regular expressions, e.g. `{_EXAMPLE}`"
                )
            case ast.Attribute(attr=attribute):
                message = (
                    f"`{text}`: attributes are not supported; name the field directly, "
                    f"e.g. `{attribute}`"
                )
            case ast.Subscript():
                message = (
                    f"`{text}`: indexing and slicing are not supported; to test part of a field "
                    'use a regular expression, e.g. `title % "^A"` for titles starting with A'
                )
            case ast.Lambda():
                message = f"`{text}`: lambda is not supported; write the condition directly"
            case ast.ListComp() | ast.SetComp() | ast.DictComp() | ast.GeneratorExp():
                message = (
                    f"`{text}`: comprehensions are not supported; to test a field against "
                    'several values write a set: `year in {"2020", "2021"}`'
                )
            case ast.JoinedStr() | ast.FormattedValue():
                message = (
                    f"`{text}`: f-strings are not supported (a filter has no variables to "
                    'insert); write a plain string in quotes, e.g. "2020"'
                )
            case ast.NamedExpr():
                message = f'`{text}`: `:=` assigns; to compare write `==`, e.g. `year == "2020"`'
            case ast.Starred():
                message = f'`{text}`: `*` unpacking is not supported; list values: `{{"a", "b"}}`'
            case ast.IfExp():
                message = (
                    f"`{text}`: `x if c else y` is not supported; combine conditions with "
                    "`and`, `or` and `not`"
                )
            case ast.Dict():
                message = (
                    f"`{text}` is a dictionary, which filters do not support; for a set of "
                    'values write `{"a", "b"}` (an empty `{}` is a dictionary too)'
                )
            case ast.List(elts=elements) | ast.Tuple(elts=elements) if elements:
                braces = "{" + ", ".join(self.text(element) for element in elements) + "}"
                message = (
                    f"`{text}`: lists and tuples are not supported; write a set, with braces: "
                    f"`{braces}`"
                )
            case ast.List() | ast.Tuple():
                message = f'`{text}`: lists and tuples are not supported; write a set: `{{"a"}}`'
            case _:
                message = (
                    f"`{text}` is not supported in a filter; use comparisons "
                    "(== != < <= > >= in, not in), `%` for regular expressions, `and`, `or`, "
                    f"`not`, e.g. `{_EXAMPLE}`"
                )
        self.fail(node, message)


def _is_number(node: ast.expr) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        node = node.operand
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, _NUMBER)
        and not isinstance(node.value, bool)
    )


def _citation_message(name: str) -> str:
    if name.lower() == "cited":
        instead = (
            "to list only the entries cited in the documents, use sphinxcontrib-bibtex's own "
            "`bibliography` directive (`:filter: cited`, or its `:cited:` option)"
        )
    else:
        instead = (
            "to list the entries cited on a page, use sphinxcontrib-bibtex's own "
            "`bibliography` directive there (`:filter: docname in docnames`) or "
            "`footbibliography`"
        )
    return (
        f"`{name}` is about where entries are cited, but the publications directive selects "
        "entries by their own fields (type, key, author, editor, year, title ...); " + instead
    )


# --- Regular expressions: Python's syntax and meaning, RE2's linear-time matching --------------

_WORD = r"\p{L}\p{N}_"  # Python's Unicode \w (str.isalnum() or "_")
_SPACE = r"\t\n\x{b}\f\r\x{1c}-\x{1f}\x{85}\p{Z}"  # Python's Unicode \s (str.isspace())
# Python never case-folds \w: without (?-i:...), RE2 would let U+0345 (which folds to iota) in.
_CATEGORIES = {
    "d": r"\p{Nd}",
    "D": r"\P{Nd}",
    "w": f"(?-i:[{_WORD}])",
    "W": f"(?-i:[^{_WORD}])",
    "s": f"[{_SPACE}]",
    "S": f"[^{_SPACE}]",
}
_CLASS_CATEGORIES = {"d": r"\p{Nd}", "D": r"\P{Nd}", "w": _WORD, "s": _SPACE}
_ANCHORS = {"A": r"\A", "Z": r"\z", "z": r"\z", "b": r"\b", "B": r"\B"}
_CHAR_ESCAPES = {"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}
_OCTAL = frozenset("01234567")
_DIGITS = frozenset("0123456789")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NEVER = r"[^\x{0}-\x{10ffff}]"
# Python up to 3.13 lets \B match nowhere in an empty string; RE2 (and Python 3.14) match it.
_NON_BOUNDARY_IN_EMPTY = re.search(r"\B", "") is not None


def _compile_regex(pattern: str, where: str) -> Callable[[str], bool]:
    """A case-insensitive search with Python's meaning that runs in linear time."""
    control = _CONTROL.search(pattern)
    if control:
        raise FilterError(
            f"`{where}`: the regular expression contains the control character "
            f"U+{ord(control.group()):04X}; in a normal string \\b is a backspace and \\1 a "
            'control character: write the pattern as a raw string, r"\\bGAN\\b", or double '
            'each backslash, "\\\\bGAN\\\\b"'
        )
    depth = _group_depth(pattern)
    if depth > MAX_DEPTH:
        raise FilterError(
            f"`{where}`: the regular expression nests groups {depth} deep and the limit is "
            f"{MAX_DEPTH}; simplify it"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # FutureWarning for "[[": the rewrite keeps its meaning
            re.compile(pattern, re.IGNORECASE)
    except re.error as err:
        raise FilterError(
            f"`{where}`: the regular expression is not valid ({err.msg} at position {err.pos}); "
            "fix it, or put a backslash before characters with a special meaning to match them "
            'literally, e.g. r"\\(" for "("'
        ) from None
    except (OverflowError, RecursionError, MemoryError, ValueError) as err:
        raise FilterError(
            f"`{where}`: the regular expression cannot be used ({err}); simplify it"
        ) from None
    translator = _Re2Translator(pattern, where)
    search = _re2_compile(translator.translate(), where).search
    empty: bool | None = None
    if translator.non_boundary and not _NON_BOUNDARY_IN_EMPTY:
        never = _Re2Translator(pattern, where, non_boundary=_NEVER).translate()
        empty = _re2_compile(never, where).search(b"") is not None

    def matches(text: str) -> bool:
        if empty is not None and not text:
            return empty
        return search(text.encode("utf-8", "surrogatepass")) is not None

    return matches


def _re2_compile(translated: str, where: str) -> Any:
    too_large = (
        f"`{where}`: the regular expression is too large for linear-time matching (the limit "
        f"is {MAX_REGEX_SIZE:,} RE2 steps); use smaller repetition counts, and fewer \\w, \\d "
        "or \\s (each stands for thousands of Unicode characters)"
    )
    options = re2.Options()
    options.case_sensitive = False
    options.never_capture = True
    options.log_errors = False
    try:
        compiled = re2.compile(translated.encode("utf-8"), options)
    except UnicodeEncodeError:
        raise FilterError(
            f"`{where}`: the regular expression contains a lone surrogate character; remove it"
        ) from None
    except re2.error as err:
        reason = err.args[0] if err.args else "unknown error"
        if isinstance(reason, bytes):
            reason = reason.decode(errors="replace")
        if "too large" in str(reason):
            raise FilterError(too_large) from None
        raise FilterError(
            f"`{where}`: RE2, which runs filters in linear time, cannot compile the regular "
            f"expression ({reason}); simplify it"
        ) from None
    if max(compiled.programsize, compiled.reverseprogramsize) > MAX_REGEX_SIZE:
        raise FilterError(too_large)
    return compiled


def _group_depth(pattern: str) -> int:
    """Deepest group nesting, so that Python's recursive regex parser is never pushed far."""
    depth = deepest = 0
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 1 if pattern[index + 1 : index + 2] == "^" else 0
            index += 1 if pattern[index + 1 : index + 2] == "]" else 0
        elif char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth -= 1
        index += 1
    return deepest


def _literal(char: str) -> str:
    return f"\\x{{{ord(char):x}}}"


class _Re2Translator:
    """Rewrites a pattern that Python's ``re`` accepted into RE2 syntax with the same meaning.

    It follows the grammar of CPython's ``re._parser`` (escapes, classes, groups, repeats);
    input that ``re`` rejected never gets here.
    """

    def __init__(self, pattern: str, where: str, *, non_boundary: str = r"\B") -> None:
        self.pattern = pattern
        self.where = where
        self.index = 0
        self.out: list[str] = []
        self.non_boundary_text = non_boundary
        self.non_boundary = False
        """Whether the pattern uses \\B."""

    def peek(self, ahead: int = 0) -> str:
        return self.pattern[self.index + ahead : self.index + ahead + 1]

    def unsupported(self, construct: str, fix: str) -> NoReturn:
        raise FilterError(
            f"`{self.where}`: the regular expression uses {construct}, which filters do not "
            f"support (they match with RE2, which guarantees linear time); {fix}"
        )

    def translate(self) -> str:
        while self.index < len(self.pattern):
            char = self.peek()
            if char == "\\":
                self.out.append(self.escape(in_class=False))
            elif char == "[":
                self.char_class()
            elif char == "(":
                self.group()
            elif char in ("*", "+", "?"):
                self.index += 1
                self.out.append(char)
                self.quantifier_suffix()
            elif char == "{":
                self.brace()
            elif char in ("]", "}"):
                self.index += 1
                self.out.append(_literal(char))
            else:
                self.index += 1
                self.out.append(char)
        return "".join(self.out)

    def quantifier_suffix(self) -> None:
        if self.peek() == "?":
            self.index += 1
            self.out.append("?")
        elif self.peek() == "+":
            self.unsupported(
                "a possessive quantifier (*+, ++, ?+ or {m,n}+)",
                "drop the second + (the result is the same for most patterns)",
            )

    def brace(self) -> None:
        match = re.match(r"\{([0-9]*)(,([0-9]*))?\}", self.pattern[self.index :])
        if match is None or match.group() == "{}":
            self.index += 1
            self.out.append(_literal("{"))
            return
        low, comma, high = match.group(1), match.group(2), match.group(3)
        if any(number and int(number) > _MAX_REPEAT for number in (low, high)):
            self.unsupported(
                f"a repetition count above {_MAX_REPEAT} ({match.group()})",
                f"use counts up to {_MAX_REPEAT}",
            )
        self.index += match.end()
        self.out.append(f"{{{low or '0'},{high}}}" if comma else f"{{{low}}}")
        self.quantifier_suffix()

    def group(self) -> None:
        rest = self.pattern[self.index + 1 :]
        if not rest.startswith("?"):
            self.index += 1
            self.out.append("(")
            return
        rest = rest[1:]
        if rest.startswith(":"):
            self.index += 3
            self.out.append("(?:")
        elif rest.startswith("P<"):
            self.index = self.pattern.index(">", self.index) + 1
            self.out.append("(?:")
        elif rest.startswith("P="):
            self.unsupported("a backreference (?P=name)", "rewrite the pattern without it")
        elif rest.startswith("#"):
            self.index = self.pattern.index(")", self.index) + 1
        elif rest[:1] in ("=", "!"):
            self.unsupported(f"a lookahead (?{rest[0]}...)", "rewrite the pattern without it")
        elif rest[:2] in ("<=", "<!"):
            self.unsupported(f"a lookbehind (?{rest[:2]}...)", "rewrite the pattern without it")
        elif rest.startswith(">"):
            self.unsupported("an atomic group (?>...)", "use a plain group (?:...)")
        elif rest.startswith("("):
            self.unsupported("a conditional group (?(...)...)", "use alternatives: (a|b)")
        else:
            self.flags(rest)

    def flags(self, rest: str) -> None:
        match = re.match(r"([aiLmsux]*)(?:-([imsx]*))?([:)])", rest)
        if match is None:  # pragma: no cover - re.compile rejected it already
            self.unsupported(f"the group ({rest[:3]}", "use (?:...)")
        on, off, end = match.group(1), match.group(2) or "", match.group(3)
        if "x" in on + off:
            self.unsupported("verbose mode (?x)", "write the pattern without spaces and # comments")
        if "a" in on or "L" in on:
            self.unsupported(f"the flag (?{on})", "leave it out (patterns match Unicode text)")
        on = on.replace("u", "")
        flags = on + (f"-{off}" if off else "")
        self.index += 2 + match.end()
        if end == ":":
            self.out.append(f"(?{flags}:" if flags else "(?:")
        elif flags:
            self.out.append(f"(?{flags})")

    def char_class(self) -> None:
        self.index += 1
        negated = self.peek() == "^"
        self.index += negated
        literals: list[str] = []  # characters and ranges: case-folded, as Python folds them
        categories: list[str] = []  # \d \w \s: never case-folded by Python
        while self.index < len(self.pattern):
            if self.peek() == "]" and (literals or categories):
                self.index += 1
                break
            if self.peek() == "[" and self.peek(1) in (":", "=", "."):
                self.unsupported(
                    f"a POSIX class [{self.peek(1)}...{self.peek(1)}]",
                    r"write the characters or a range instead, e.g. [a-z] or \w",
                )
            if self.peek() == "\\" and self.peek(1) in _CLASS_CATEGORIES:
                categories.append(self.escape(in_class=True))
                continue
            atom = self.class_atom()
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.index += 1
                atom = f"{atom}-{self.class_atom()}"
            literals.append(atom)
        if negated or not categories:
            # A negated class with \w still lets RE2 fold U+0345, the one character it differs on.
            self.out.append(f"[{'^' * negated}{''.join(literals + categories)}]")
            return
        parts = [f"[{''.join(literals)}]"] if literals else []
        parts.append(f"(?-i:[{''.join(categories)}])")
        self.out.append(f"(?:{'|'.join(parts)})")

    def class_atom(self) -> str:
        if self.peek() == "\\":
            return self.escape(in_class=True)
        char = self.peek()
        self.index += 1
        return _literal(char)

    def escape(self, *, in_class: bool) -> str:
        char = self.peek(1)
        self.index += 2
        if in_class:
            if char in ("W", "S"):
                self.unsupported(
                    f"\\{char} inside [...]", f"write (?:[...]|\\{char}) instead of [...\\{char}]"
                )
            if char in _CLASS_CATEGORIES:
                return _CLASS_CATEGORIES[char]
            if char == "b":
                return _literal("\b")
            if char in _OCTAL:
                return _literal(chr(int(char + self.take(_OCTAL, 2), 8)))
        else:
            if char in _CATEGORIES:
                return _CATEGORIES[char]
            if char == "B":
                self.non_boundary = True
                return self.non_boundary_text
            if char in _ANCHORS:
                return _ANCHORS[char]
            if char == "0":
                return _literal(chr(int(char + self.take(_OCTAL, 2), 8)))
            if char in _DIGITS:
                if char in _OCTAL and self.peek() in _OCTAL and self.peek(1) in _OCTAL:
                    return _literal(chr(int(char + self.take(_OCTAL, 2), 8)))
                self.unsupported(
                    f"a backreference (\\{char})",
                    "rewrite the pattern without it; to match a digit write \\d",
                )
        if char in _CHAR_ESCAPES:
            return _literal(_CHAR_ESCAPES[char])
        if char in ("x", "u", "U"):
            width = {"x": 2, "u": 4, "U": 8}[char]
            digits = self.pattern[self.index : self.index + width]
            self.index += width
            return _literal(chr(int(digits, 16)))
        if char == "N":
            end = self.pattern.index("}", self.index)
            name = self.pattern[self.index + 1 : end]
            self.index = end + 1
            return _literal(unicodedata.lookup(name))
        return _literal(char)

    def take(self, allowed: frozenset[str], most: int) -> str:
        taken = ""
        while len(taken) < most and self.peek() in allowed:
            taken += self.peek()
            self.index += 1
        return taken
