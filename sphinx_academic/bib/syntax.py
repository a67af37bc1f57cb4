"""Check a bib file's syntax before sphinxcontrib-bibtex reads it.

Why: sphinxcontrib-bibtex parses ``bibtex_bibfiles`` with pybtex in strict mode, so one
malformed entry stops the whole build with a traceback, and an unbalanced brace can swallow every
entry after it. :func:`check_bibtex` reads the file with a linear-time copy of pybtex 0.26's
grammar (pybtex itself is never called: it is about ten times slower) and returns each problem
with its line and a fix. When there is a problem it also returns a cleaned text that pybtex's
strict parser reads without error, holding every entry that could be read.

How problems are handled:

* A command (``@type{...}``, ``@string``, ``@preamble``) that cannot be read is left out and
  blamed at its own ``@`` line; reading resumes at the next line that starts with ``@type{`` or
  ``@type(`` (spaces and tabs before the ``@`` allowed). A command may not run into such a line,
  since pybtex would swallow the entries there (a value that really holds a line starting with
  ``@type{`` is reported too). A stray ``@`` that is not followed by ``type{`` (an e-mail address
  in a comment) is reported and reading resumes right after it, as in pybtex.
* Entries that can be read but break strict mode are kept, fixed as pybtex's lenient mode reads
  them: a repeated field keeps its first value, a repeated key keeps the first entry, and a name
  with more than two commas keeps its first two and turns the others into spaces (if that changes
  how the names split, the entry is left out instead). An undefined ``@string`` abbreviation in
  an entry is read as its own name (``journal = Nature`` as ``{Nature}``; lenient pybtex reads it
  as empty); in a ``@string`` it is read as empty, as in lenient pybtex, so that the entries
  using that ``@string`` read the same. An entry closed early by an extra ``}`` (``, year = ...``
  follows it) is reported and kept as pybtex reads it.
* Bytes that are not valid in the encoding are read as Windows-1252 (Latin-1 where Windows-1252
  has no character). C0 control characters other than tab, CR and LF are reported and removed
  from entries (the whitespace ones become spaces), except from keys (removing them could make
  two keys equal) and from ``@string`` and ``@preamble`` (so that the entries using them read
  the same as in pybtex).

``clean_text`` is None exactly when there is no problem; then pybtex reads the original file
without error.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from string import ascii_letters, digits
from types import MappingProxyType

__all__ = ["BibProblem", "CheckedBib", "check_bibtex"]


@dataclass(frozen=True)
class BibProblem:
    """One problem in a bib file: what is wrong and how to fix it."""

    message: str  # plain English: what is wrong, how to fix it, and what was done for now
    line: int | None  # 1-based line in the original file (the entry's '@', or the exact line)
    key: str | None  # the entry's key, as written, when the problem is about one entry


@dataclass(frozen=True)
class CheckedBib:
    """The result of :func:`check_bibtex`."""

    problems: tuple[BibProblem, ...]  # in line order
    # casefolded key -> line of the entry's '@'; the first wins; broken entries included
    entry_lines: Mapping[str, int]
    # None when there is no problem (pybtex reads the original without error); otherwise the
    # text to give pybtex: the commands that could be read, in file order
    clean_text: str | None


# --- pybtex 0.26's tokens (pybtex/database/input/bibtex.py) ---------------------------------

_NAME_CHARS = ascii_letters + "@!$&*+-./:;<>?[\\]^_`|~\x7f"
_NAME_SRC = f"[{re.escape(_NAME_CHARS)}][{re.escape(_NAME_CHARS + digits)}]*+"
_NAME = re.compile(_NAME_SRC)
_KEY_BRACE = re.compile(r"[^\s,}]++")
_KEY_PAREN = re.compile(r"[^\s,]++")
_DIGITS = re.compile(r"[0-9]++")
_NON_WS = re.compile(r"\S")
_BRACE_CHARS = re.compile(r"[{}]")
_QUOTE_CHARS = re.compile(r'["{}]')
_MAX_LEVEL = 100  # pybtex raises "too many nested braces" past this many inner levels
_MONTHS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
_PERSON_FIELDS = ("author", "editor")


def _nested_braces(depth: int) -> str:
    """A regex for a ``{...}`` group with at most ``depth`` levels of braces inside."""
    pattern = r"\{[^{}]*+\}"
    for _ in range(depth):
        pattern = r"\{[^{}]*+(?:" + pattern + r"[^{}]*+)*+\}"
    return pattern


_BRACED = re.compile(_nested_braces(4))
_QUOTED = re.compile(r'"[^"{}]*+(?:' + _nested_braces(3) + r'[^"{}]*+)*+"')

# A line that starts an entry: where reading resumes after a broken command.
_ENTRY_START = re.compile(r"@\s*+" + _NAME_SRC + r"\s*+[{(]")
_NEWLINE = re.compile(r"\r\n?|\n")
_EARLY_CLOSE = re.compile(r"\s*+,\s*+(" + _NAME_SRC + r")\s*+=")
# A field whose value is one simple part, and what follows it: the fast path of the parser.
_FIELD_FAST = re.compile(
    rf"\s*+({_NAME_SRC})\s*+=\s*+({_BRACED.pattern}|{_QUOTED.pattern}|[0-9]++|{_NAME_SRC})"
    r"\s*+([^\s])"
)
_FIELD_AHEAD = re.compile("(" + _NAME_SRC + r")\s*+=")
_FIELD_LINE = re.compile(r"[\r\n][ \t]*+" + _NAME_SRC + r"\s*+=")

# --- names (pybtex.bibtex.utils.split_name_list, Person._parse_string) -----------------------

_THREE_COMMAS = re.compile(r",[^,\0]*+,[^,\0]*+,")
_BRACE_GROUP = re.compile(r"\{[^{}]*+\}")
_AND = re.compile(" [Aa][Nn][Dd] ")
_WS_RUN = re.compile(r"\s+")

# --- characters ----------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CONTROL_TABLE: dict[int, str | None] = {
    code: (" " if chr(code) in "\x0b\x0c\x1c\x1d\x1e\x1f" else None)
    for code in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]
}
_CONTROL_NAMES = {0x00: "NUL", 0x0B: "vertical tab", 0x0C: "form feed", 0x1B: "escape"}
_SURROGATE = re.compile("[\udc00-\udcff]")


def _byte_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


# surrogateescape turns a bad byte b into U+DC00+b; this reads it as Windows-1252 / Latin-1.
_ESCAPED_BYTES = {0xDC00 + byte: _byte_char(byte) for byte in range(256)}

_LEFT_OUT = "(the entry was left out, the entries after it are still used)"
_IGNORED = "(it was ignored)"

# Part kinds of a value: {..}, "..", 123, macro.
_BRACE, _QUOTE, _NUMBER, _MACRO = range(4)
_KIND_OF_FIRST = {"{": _BRACE, '"': _QUOTE, **dict.fromkeys(digits, _NUMBER)}


# --- public entry point --------------------------------------------------------------------


def check_bibtex(data: bytes, encoding: str = "utf-8-sig") -> CheckedBib:
    """Check a bib file as pybtex's strict parser reads it; never raises.

    Returns the problems (each with a fix), the line of every entry's ``@`` by casefolded key,
    and, when there is a problem, a text for pybtex that holds every entry that could be read.
    """
    try:
        return _check(data, encoding)
    except Exception as err:  # a bug here must not stop the build: pybtex reports instead
        problem = BibProblem(
            f"sphinx-academic could not check this file ({type(err).__name__}: {err}); it is "
            "read unchecked: please report this with the file",
            None,
            None,
        )
        return CheckedBib((problem,), MappingProxyType({}), None)


def _check(data: bytes, encoding: str) -> CheckedBib:
    text, text_problems = _decode(data, encoding)
    scan = _Scan(text)
    scan.run()
    problems = sorted([*text_problems, *scan.problems], key=lambda p: p.line or 0)
    if not problems:
        clean_text = None
    elif scan.problems:
        clean_text = scan.clean_text()
    else:
        clean_text = text
    return CheckedBib(tuple(problems), MappingProxyType(scan.entry_lines), clean_text)


# --- bytes to text -------------------------------------------------------------------------


def _decode(data: bytes, encoding: str) -> tuple[str, list[BibProblem]]:
    """Decode ``data``; bytes that are not valid are read as Windows-1252 and reported."""
    problems: list[BibProblem] = []
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        problems.append(
            BibProblem(
                f"the encoding {encoding!r} is unknown; set it to 'utf-8' (the file was read "
                "as UTF-8 for now)",
                None,
                None,
            )
        )
        encoding, codec = "utf-8-sig", "utf-8-sig"
    utf8 = codec in ("utf-8", "utf-8-sig")
    if utf8 and data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            pass
        else:
            message = (
                "the file is UTF-16, not UTF-8; save it as UTF-8 (it was read as UTF-16 for now)"
            )
            return text, [*problems, BibProblem(message, 1, None)]
    try:
        return data.decode(encoding), problems
    except UnicodeDecodeError:
        pass
    if codec == "utf-8-sig" and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        escaped = data.decode(encoding, errors="surrogateescape")
    except UnicodeDecodeError as err:  # UTF-16 and others cannot escape their errors
        message = (
            f"the file cannot be read as {encoding} ({err.reason} at byte {err.start}); set "
            "bibtex_encoding to the file's encoding, or save the file as UTF-8 (it was read as "
            "Latin-1 for now)"
        )
        return data.decode("latin-1"), [*problems, BibProblem(message, None, None)]
    bad = _SURROGATE.search(escaped)
    text = escaped.translate(_ESCAPED_BYTES)
    if bad is None:
        return text, problems
    count = len(_SURROGATE.findall(escaped))
    line = _Lines(text).line(bad.start())
    name = "UTF-8" if utf8 else encoding
    more = f" and {count - 1} more" if count > 1 else ""
    problems.append(
        BibProblem(
            f"the file is not valid {name}: the byte 0x{ord(bad.group()) - 0xDC00:02X} on line "
            f"{line}{more} cannot be read, so the file is probably Latin-1 or Windows-1252; "
            f"save it as {name} in your editor (it was read as Windows-1252 for now)",
            line,
            None,
        )
    )
    return text, problems


class _Lines:
    """1-based line numbers of positions (a line ends at LF, CR LF or CR, as in pybtex)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._plain = "\r" not in text
        self._pos = 0
        self._line = 1
        self._starts: list[int] | None = None

    def line(self, pos: int) -> int:
        """The line of ``pos``; cheap when called with increasing positions."""
        if self._plain and pos >= self._pos:
            self._line += self._text.count("\n", self._pos, pos)
            self._pos = pos
            return self._line
        if self._starts is None:
            self._starts = [0, *(m.end() for m in _NEWLINE.finditer(self._text))]
        return bisect_right(self._starts, pos)


# --- the grammar ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Field:
    """A ``name = value`` pair; ``parts`` are (kind, start, end) of each ``#``-joined part."""

    name: str
    pos: int
    start: int
    end: int
    parts: list[tuple[int, int, int]]


@dataclass(slots=True)
class _Command:
    """One ``@type{...}`` read from the text: an entry, ``@string``, ``@preamble`` or comment."""

    at: int
    kind: str
    type_name: str
    opener: str
    key: str | None = None
    fields: list[_Field] = dataclass_field(default_factory=list)
    end: int = -1
    key_end: int = -1
    has_macro: bool = False

    @property
    def closer(self) -> str:
        return "}" if self.opener == "{" else ")"


class _Fail(Exception):
    """pybtex would stop here: ``expected`` names what it wanted at ``pos``."""

    def __init__(
        self, expected: str, pos: int, field: str | None = None, opened: int | None = None
    ) -> None:
        super().__init__(expected)
        self.expected = expected
        self.pos = pos
        self.field = field
        self.opened = opened


class _Parser:
    """Reads one command as pybtex's LowLevelParser does, but never past ``limit``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.limit = len(text)
        self.command: _Command | None = None

    def token(self, pos: int, expected: str, field: str | None = None) -> int:
        """Skip whitespace; pybtex fails at the end of the text, and so do we at ``limit``."""
        match = _NON_WS.search(self.text, pos, self.limit)
        if match is None:
            raise _Fail(expected, self.limit, field)
        return match.start()

    def parse(self, at: int, limit: int) -> _Command:
        """Read the command whose ``@`` is at ``at``; raise :class:`_Fail` where pybtex would."""
        text = self.text
        self.limit = limit
        self.command = None
        pos = self.token(at + 1, "type")
        match = _NAME.match(text, pos, limit)
        if match is None:
            raise _Fail("type", pos)
        type_name = match.group()
        pos = self.token(match.end(), "open", type_name)
        if text[pos] not in "{(":
            raise _Fail("open", pos, type_name)
        lower = type_name.lower()
        kind = lower if lower in ("comment", "string", "preamble") else "entry"
        command = self.command = _Command(at, kind, type_name, text[pos])
        pos += 1
        if kind == "comment":
            command.end = pos
            return command
        if kind == "string":
            pos = self.string_body(command, pos)
        elif kind == "preamble":
            pos = self.value(command, "", at, pos)
            if text[pos] != command.closer:
                raise _Fail("close", pos)
        else:
            pos = self.entry_body(command, pos)
        command.end = pos + 1
        return command

    def string_body(self, command: _Command, pos: int) -> int:
        text = self.text
        pos = self.token(pos, "string name")
        match = _NAME.match(text, pos, self.limit)
        if match is None:
            raise _Fail("string name", pos)
        name = match.group()
        command.key = name
        equals = self.token(match.end(), "=", name)
        if text[equals] != "=":
            raise _Fail("=", equals, name)
        pos = self.value(command, name, pos, equals + 1)
        if text[pos] != command.closer:
            raise _Fail("close", pos, name)
        return pos

    def entry_body(self, command: _Command, pos: int) -> int:
        text, limit = self.text, self.limit
        pos = self.token(pos, "key")
        key_pattern = _KEY_BRACE if command.opener == "{" else _KEY_PAREN
        match = key_pattern.match(text, pos, limit)
        if match is None:
            raise _Fail("key", pos)
        command.key = match.group()
        pos = command.key_end = match.end()
        closer = command.closer
        fast, add = _FIELD_FAST.match, command.fields.append
        while True:
            simple = fast(text, pos, limit)
            if simple is not None:
                # One attribute read gives every group's span: this loop runs once per field.
                (_, after), (name_start, name_end), (start, end), (stop, _) = simple.regs
                if text[stop] == "," or text[stop] == closer:
                    kind = _KIND_OF_FIRST.get(text[start], _MACRO)
                    if kind == _MACRO:
                        command.has_macro = True
                    name = text[name_start:name_end]
                    add(_Field(name, name_start, start, end, [(kind, start, end)]))
                    if text[stop] == closer:
                        return stop
                    pos = after
                    continue
            pos = self.token(pos, "field")
            field_name = None
            match = _NAME.match(text, pos, limit)
            if match is not None:
                field_name = match.group()
                equals = self.token(match.end(), "=", field_name)
                if text[equals] != "=":
                    raise _Fail("=", equals, field_name)
                pos = self.value(command, field_name, pos, equals + 1)
            if text[pos] != ",":
                break
            pos += 1
        if text[pos] != closer:
            raise _Fail("comma" if field_name else "field", pos, field_name)
        return pos

    def value(self, command: _Command, name: str, name_pos: int, pos: int) -> int:
        """Read ``part # part ...``; return the position of the token after it."""
        text, limit = self.text, self.limit
        field = _Field(name, name_pos, -1, -1, [])
        command.fields.append(field)  # before it is complete, for the messages of a failure
        while True:
            pos = self.token(pos, "value", name)
            if field.start < 0:
                field.start = pos
            char = text[pos]
            if char == "{":
                kind, end = _BRACE, self.braced(pos, name)
            elif char == '"':
                kind, end = _QUOTE, self.quoted(pos, name)
            else:
                match = (_DIGITS if char in digits else _NAME).match(text, pos, limit)
                if match is None:
                    raise _Fail("value", pos, name)
                kind, end = (_NUMBER if char in digits else _MACRO), match.end()
            field.parts.append((kind, pos, end))
            field.end = end
            command.has_macro = kind == _MACRO or command.has_macro
            pos = self.token(end, "after value", name)
            if text[pos] != "#":
                return pos
            pos += 1

    def braced(self, pos: int, name: str) -> int:
        """The end of the ``{...}`` value opened at ``pos``."""
        text, limit = self.text, self.limit
        match = _BRACED.match(text, pos, limit)
        if match is not None:
            return match.end()
        level = 0
        cursor = pos + 1
        while True:
            found = _BRACE_CHARS.search(text, cursor, limit)
            if found is None:
                raise _Fail("brace", limit, name, pos)
            cursor = found.end()
            if text[found.start()] == "{":
                level += 1
                if level > _MAX_LEVEL:
                    raise _Fail("deep", found.start(), name)
            elif level:
                level -= 1
            else:
                return cursor

    def quoted(self, pos: int, name: str) -> int:
        """The end of the ``"..."`` value opened at ``pos`` (braces inside must balance)."""
        text, limit = self.text, self.limit
        match = _QUOTED.match(text, pos, limit)
        if match is not None:
            return match.end()
        level = 0
        cursor = pos + 1
        while True:
            found = (_BRACE_CHARS if level else _QUOTE_CHARS).search(text, cursor, limit)
            if found is None:
                raise _Fail("quote", limit, name, pos)
            cursor = found.end()
            char = text[found.start()]
            if char == '"':
                return cursor
            if char == "{":
                level += 1
                if level > _MAX_LEVEL:
                    raise _Fail("deep", found.start(), name)
            elif level:
                level -= 1
            else:
                raise _Fail("unbalanced", found.start(), name, pos)


def _entry_starts(text: str) -> list[int]:
    """Positions of the ``@`` of every line that starts like an entry."""
    starts = []
    find, looks_like_entry = text.find, _ENTRY_START.match
    at = find("@")
    while at >= 0:
        before = at
        while before and text[before - 1] in " \t":
            before -= 1
        if (before == 0 or text[before - 1] in "\r\n") and looks_like_entry(text, at):
            starts.append(at)
        at = find("@", at + 1)
    return starts


# --- names ---------------------------------------------------------------------------------


def _mask_braces(value: str) -> str:
    """``value`` with every brace group replaced by as many 'x' (neither a comma nor part of
    " and ")."""
    if "{" not in value:
        return value
    pieces = []
    level = 0
    last = 0
    for match in _BRACE_CHARS.finditer(value):
        if match.group() == "{":
            if level == 0:
                pieces.append(value[last : match.start()])
                last = match.start()
            level += 1
        elif level:
            level -= 1
            if level == 0:
                pieces.append("x" * (match.end() - last))
                last = match.end()
    pieces.append(value[last:] if level == 0 else "x" * (len(value) - last))
    return "".join(pieces)


def _names_are_fine(value: str) -> bool:
    """Fast check that no name in a flattened name list has more than two commas.

    False may be a false alarm (check with :func:`_fix_names`). With each brace group replaced
    by 'x', splitting at a literal " and " splits no more than pybtex does: where pybtex skips
    one, it begins a name, with no comma before it. So the count per name is never too low.
    """
    if value.count(",") <= 2:
        return True
    if "\0" in value:  # NUL marks the splits below
        return False
    while "{" in value:
        flat = _BRACE_GROUP.sub("x", value)
        if flat == value:
            return False
        value = flat
    return _THREE_COMMAS.search(value.replace(" and ", "\0")) is None


def _split_names(value: str) -> tuple[str, str, list[tuple[int, int]]]:
    """Normalize ``value`` as pybtex does; return it, its brace mask, and each name's span."""
    normal = _WS_RUN.sub(" ", value.strip())
    masked = _mask_braces(normal)
    spans = []
    start = 0
    for match in _AND.finditer(masked):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(normal)))
    return normal, masked, spans


def _fix_names(value: str) -> tuple[list[tuple[str, int, str]], str | None]:
    """The names with more than two commas, as (name, commas, name as lenient pybtex reads
    it), and the whole value fixed that way: the third and later commas of such a name become
    spaces. The value is None if the fix would change how the names split."""
    normal, masked, spans = _split_names(value)
    bad: list[tuple[str, int, str]] = []
    chars = list(normal)
    for start, end in spans:
        if masked.count(",", start, end) <= 2:
            continue
        commas = [i for i in range(start, end) if masked[i] == ","]
        if len(commas) > 2:
            for i in commas[2:]:
                chars[i] = " "
            fixed_name = _WS_RUN.sub(" ", "".join(chars[start:end]).strip())
            bad.append((normal[start:end].strip(), len(commas), fixed_name))
    fixed = "".join(chars)
    _, masked, fixed_spans = _split_names(fixed)
    if len(fixed_spans) != len(spans) or any(
        masked.count(",", start, end) > 2 for start, end in fixed_spans
    ):
        return bad, None
    return bad, fixed


# --- the scan ------------------------------------------------------------------------------


class _Scan:
    """Reads every command in order, as pybtex does, and collects problems and clean pieces."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _Lines(text)
        self.parser = _Parser(text)
        self.problems: list[BibProblem] = []
        self.pieces: list[tuple[int, int] | str] = []  # (start, end) of kept text, or a fix
        self.entry_lines: dict[str, int] = {}
        self.kept_keys: dict[str, int] = {}
        self.macros: dict[str, str] = dict(_MONTHS)
        self.broken_strings: dict[str, int] = {}
        self.spans: list[tuple[int, int]] = []  # where each command is, to find text outside
        self.has_controls = _CONTROL.search(text) is not None

    def clean_text(self) -> str:
        """The commands that were read, each followed by a blank line."""
        text = self.text
        return "".join(
            (text[piece[0] : piece[1]] if isinstance(piece, tuple) else piece) + "\n\n"
            for piece in self.pieces
        )

    def problem(self, message: str, line: int | None, key: str | None) -> None:
        self.problems.append(BibProblem(message, line, key))

    def run(self) -> None:
        """Read every command; after a broken one, resume at the next line starting an entry."""
        self.read_commands()
        if self.has_controls:
            self.report_controls_outside()

    def read_commands(self) -> None:
        text = self.text
        starts = _entry_starts(text)
        next_start = 0
        pos = 0
        while True:
            at = text.find("@", pos)
            if at < 0:
                return
            next_start = bisect_right(starts, at, next_start)
            limit = starts[next_start] if next_start < len(starts) else len(text)
            command: _Command | None
            try:
                command = self.parser.parse(at, limit)
            except _Fail as fail:
                command = self.join_stray_at(at, fail, starts, next_start + 1)
                if command is None:
                    # A stray '@' (no '@type{' read) opened nothing: resume right after it, as
                    # pybtex does. Anything else resumes at the next line that starts an entry.
                    self.parser.limit = limit
                    pos = fail.pos if self.parser.command is None else limit
                    self.failed(self.parser.command, fail, at, pos)
                    continue
                next_start += 1
            self.accept(command, self.parser.limit)
            pos = command.end

    def join_stray_at(self, at: int, fail: _Fail, starts: list[int], after: int) -> _Command | None:
        """pybtex reads '@' and only spaces before an entry's '@type{' as one command of type
        '@type'. Read it so too, if that works; None (and ``fail`` stands) if not."""
        text = self.text
        if fail.expected != "type" or fail.pos != self.parser.limit or fail.pos == len(text):
            return None
        limit = starts[after] if after < len(starts) else len(text)
        try:
            return self.parser.parse(at, limit)
        except _Fail:
            self.parser.command = None  # report the stray '@'; the entry is read on its own
            return None

    # -- broken commands --

    def failed(self, command: _Command | None, fail: _Fail, at: int, resume: int) -> None:
        """Report a command that cannot be read, from ``at`` to where reading resumes."""
        line = self.lines.line(at)
        key = command.key if command is not None and command.kind == "entry" else None
        self.spans.append((at, resume))
        if key is not None:
            self.entry_lines.setdefault(key.casefold(), line)
        if command is not None and command.kind == "string" and command.key is not None:
            self.broken_strings[command.key.lower()] = line
        self.problem(self.fail_message(command, fail, self.parser.limit), line, key)

    def where(self, pos: int, limit: int) -> str:
        """Describe what is at ``pos``, for "found ..." in messages."""
        if pos >= len(self.text):
            return "the end of the file"
        if pos >= limit:
            return f"the entry on line {self.lines.line(pos)}"
        rest = self.text[pos : pos + 40].splitlines()[0] if self.text[pos] not in "\r\n" else ""
        rest = rest if len(rest) < 30 else rest[:27] + "..."
        rest = _visible(rest)
        return f"'{rest}' on line {self.lines.line(pos)}" if rest else "a line break"

    def fail_message(self, command: _Command | None, fail: _Fail, limit: int) -> str:
        """Say what is wrong with a command that cannot be read, and how to fix it."""
        found = self.where(fail.pos, limit)
        if command is None:
            return self.stray_message(fail, found)
        if command.kind == "string":
            label = f"@string '{_visible(command.key)}'" if command.key else "@string"
            left_out = "(it was left out; entries that use it are reported too)"
        elif command.kind == "preamble":
            label, left_out = "@preamble", "(it was left out)"
        elif command.key is None:
            label, left_out = f"entry '@{command.type_name}'", _LEFT_OUT
        else:
            label, left_out = f"entry '{_visible(command.key)}'", _LEFT_OUT
        reason = self.fail_reason(command, fail, label, found)
        if not self.at_line_start(command.at):
            reason += (
                f" (if the '@' of '@{command.type_name}' is not meant to start an entry, remove "
                "it: BibTeX reads every '@' outside an entry as the start of one, even in comments)"
            )
        return f"{reason} {left_out}"

    def at_line_start(self, at: int) -> bool:
        """Whether only spaces and tabs come before ``at`` on its line."""
        text = self.text
        line_start = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
        return not text[line_start:at].strip(" \t")

    def stray_message(self, fail: _Fail, found: str) -> str:
        if fail.expected == "type":
            what = "'@' is not followed by an entry type"
        elif (fail.field or "").lower() == "comment":
            what = f"'@{fail.field}' is not followed by '{{'"
        else:
            what = f"'@{fail.field}' is not followed by '{{' or '('"
        return (
            f"{what} (found {found}); BibTeX reads every '@' outside an entry as the start of "
            "one, even in comments: remove the '@' or write the entry as '@type{key, ...}' "
            + _IGNORED
        )

    def fail_reason(self, command: _Command, fail: _Fail, label: str, found: str) -> str:
        """The first sentence of a broken command's message."""
        expected, field = fail.expected, fail.field
        what = f"field '{field}'" if command.kind == "entry" else "its value"
        of_field = f" of field '{field}'" if command.kind == "entry" else ""
        opened = self.lines.line(fail.opened) if fail.opened is not None else 0
        here = self.lines.line(fail.pos)
        if expected == "brace":
            return (
                f"{label} has an unbalanced brace: a '{{' opened on line {opened} ({what}) is "
                f"never closed before {found}; close it"
            )
        if expected == "quote" or (expected == "unbalanced" and here != opened):
            return (
                f"{label} has an unterminated quote: a '\"' opened on line {opened} ({what}) "
                f"is never closed before {found}; close it, or write the value in braces {{...}}"
            )
        if expected == "unbalanced":
            return (
                f"{label} has an unbalanced brace: a '}}' on line {here} in the quoted value"
                f"{of_field} has no matching '{{'; remove it or add the '{{'"
            )
        if expected == "deep":
            return (
                f"{label}: braces in {what} are nested more than {_MAX_LEVEL} deep on line "
                f"{here}; remove the extra '{{'"
            )
        if expected == "key":
            return (
                f"{label} has no key (found {found}); write '@{command.type_name}"
                f"{command.opener}key, ...' with a key before the first comma"
            )
        if expected == "string name":
            return f"{label} has no name (found {found}); write '@string{{name = {{text}}}}'"
        subject = f"{label}: field '{field}'" if command.kind == "entry" else label
        if expected == "=":
            return f"{subject} has no '=' (found {found}); write '{field} = {{...}}'"
        if expected == "value":
            return f"{subject} has no value (found {found}); write a value in braces {{...}}"
        return self.close_reason(command, fail, label, found)

    def close_reason(self, command: _Command, fail: _Fail, label: str, found: str) -> str:
        """Messages for a command that ends wrongly: a missing comma or closing brace."""
        closer, pos = command.closer, fail.pos
        if pos >= self.parser.limit:
            swallowed = self.swallowed_field(command)
            if swallowed is not None:
                name, line = swallowed
                return (
                    f"{label} has an unbalanced brace: a '{{' opened on line {line} (field "
                    f"'{name}') is never closed; close it"
                )
            return f"{label} is never closed: its '{closer}' is missing before {found}; add it"
        ahead = _FIELD_AHEAD.match(self.text, pos, self.parser.limit)
        if fail.expected in ("comma", "after value") and fail.field and ahead:
            return (
                f"{label}: a comma is missing between field '{fail.field}' and field "
                f"'{ahead.group(1)}' (line {self.lines.line(pos)}); add ',' after the value"
            )
        if fail.expected == "field" and not command.fields and self.text[pos] == "=":
            return (
                f"entry '@{command.type_name}' has no key: '{_visible(command.key)} =' looks "
                f"like a field; write '@{command.type_name}{command.opener}key, "
                f"{_visible(command.key)} = ...'"
            )
        if command.kind != "entry":
            return f"{label}: expected '{closer}' after the value but found {found}; add it"
        after = f" after the value of field '{fail.field}'" if fail.field else ""
        return (
            f"{label}: expected ',' or '{closer}'{after} but found {found}; separate fields "
            f"with ',' and close the entry with '{closer}'"
        )

    def swallowed_field(self, command: _Command) -> tuple[str, int] | None:
        """The first field whose value holds a line that looks like another field."""
        for field in command.fields:
            if field.parts and field.parts[0][0] == _BRACE:
                value = self.text[field.start : field.end]
                if _FIELD_LINE.search(value):
                    return field.name, self.lines.line(field.start)
        return None

    # -- commands that were read --

    def accept(self, command: _Command, limit: int) -> None:
        if command.kind == "comment":
            return
        self.spans.append((command.at, command.end))
        if command.kind == "entry":
            self.accept_entry(command, limit)
            return
        if self.has_controls:
            self.report_controls(command)
        sources = self.macro_sources(command, command.fields)
        if command.kind == "string":
            assert command.key is not None
            field = command.fields[0]
            self.macros[command.key.lower()] = self.flatten(field, undefined="")
            self.broken_strings.pop(command.key.lower(), None)
            source = sources.get(0)
            if source is not None:
                body = f"{command.key} = {source}"
                self.pieces.append(f"@{command.type_name}{command.opener}{body}{command.closer}")
                return
        elif 0 in sources:
            body = sources[0]
            self.pieces.append(f"@{command.type_name}{command.opener}{body}{command.closer}")
            return
        self.pieces.append((command.at, command.end))

    def accept_entry(self, command: _Command, limit: int) -> None:
        assert command.key is not None
        key = command.key
        line = self.lines.line(command.at)
        self.entry_lines.setdefault(key.casefold(), line)
        first = self.kept_keys.get(key.lower())
        if first is not None:
            self.problem(
                f"entry '{_visible(key)}' repeats the key of the entry on line {first} (keys "
                f"ignore case); rename or delete one (the entry on line {first} was kept, this "
                "one was left out)",
                line,
                key,
            )
            return
        fields, names = self.unique_fields(command)
        sources = self.macro_sources(command, fields) if command.has_macro else {}
        if not self.fix_names(command, fields, names, sources):
            return
        self.kept_keys[key.lower()] = line
        self.check_early_close(command, limit)
        controls = self.has_controls and self.report_controls(command)
        if len(fields) == len(command.fields) and not sources and not controls:
            self.pieces.append((command.at, command.end))
            return
        head = f"@{command.type_name}{command.opener}{key}"
        if len(fields) == len(command.fields) and not sources:
            body = self.text[command.key_end : command.end - 1]
        else:
            body = "".join(
                f",\n  {field.name} = {sources.get(index, self.source(field))}"
                for index, field in enumerate(fields)
            )
            body += ",\n"
        # The key keeps its control characters: removing them could make it repeat another.
        self.pieces.append(head + body.translate(_CONTROL_TABLE) + command.closer)

    def unique_fields(self, command: _Command) -> tuple[list[_Field], list[str]]:
        """The fields without repeats (the first is kept, as in pybtex) and their lowercased
        names, reporting repeats."""
        names = [field.name.lower() for field in command.fields]
        if len(set(names)) == len(names):
            return command.fields, names
        seen: dict[str, _Field] = {}
        for field, name in zip(command.fields, names, strict=True):
            first = seen.setdefault(name, field)
            if first is field:
                continue
            self.problem(
                f"entry '{_visible(command.key)}' has the field '{field.name}' twice (lines "
                f"{self.lines.line(first.pos)} and {self.lines.line(field.pos)}); delete one "
                "(the first was kept)",
                self.lines.line(field.pos),
                command.key,
            )
        return list(seen.values()), list(seen)

    def macro_sources(self, command: _Command, fields: list[_Field]) -> dict[int, str]:
        """Report undefined @string names; return rewritten sources of the fields using them."""
        sources: dict[int, str] = {}
        for index, field in enumerate(fields):
            if not any(kind == _MACRO for kind, _, _ in field.parts):
                continue
            rewritten = []
            changed = False
            for kind, start, end in field.parts:
                part = self.text[start:end]
                if kind == _MACRO and part.lower() not in self.macros:
                    self.undefined(command, field, part, start)
                    # In a @string, read as empty (as lenient pybtex does), so that the entries
                    # using it, which are not reported, read the same as there.
                    changed = True
                    part = "{}" if command.kind == "string" else f"{{{part}}}"
                rewritten.append(part)
            if changed:
                sources[index] = " # ".join(rewritten)
        return sources

    def undefined(self, command: _Command, field: _Field, name: str, pos: int) -> None:
        if command.kind == "entry":
            label = f"entry '{_visible(command.key)}', field '{field.name}'"
            fix = f"put the value in braces, {field.name} = {{{name}}}, or define it"
            used = f"the text '{name}'"
        elif command.kind == "string":
            label, fix = f"@string '{_visible(command.key)}'", "put it in braces or define it"
            used = "empty text"
        else:
            label, fix = "@preamble", "put it in braces or define it"
            used = f"the text '{name}'"
        broken = self.broken_strings.get(name.lower())
        hint = (
            f" (the @string on line {broken} that defines it could not be read)" if broken else ""
        )
        self.problem(
            f"{label}: '{name}' is not a defined @string abbreviation{hint}; BibTeX reads a bare "
            f"word as one: {fix} earlier in the file with @string{{{name} = {{...}}}} (it was "
            f"used as {used} for now)",
            self.lines.line(pos),
            command.key if command.kind == "entry" else None,
        )

    def fix_names(
        self, command: _Command, fields: list[_Field], names: list[str], sources: dict[int, str]
    ) -> bool:
        """Report names with too many commas and fix them in ``sources``; False drops the
        entry (when the fix would change how the names split)."""
        for index, name in enumerate(names):
            if name not in _PERSON_FIELDS:
                continue
            field = fields[index]
            value = self.flatten(field)
            if _names_are_fine(value):
                continue
            bad, fixed = _fix_names(value)
            if not bad:
                continue
            line = self.lines.line(field.pos)
            for person, commas, read_as in bad:
                outcome = f"it was read as '{read_as}' for now" if fixed else _LEFT_OUT[1:-1]
                self.problem(
                    f"entry '{_visible(command.key)}', field '{field.name}': the name "
                    f"'{person}' has {commas} commas; write 'Last, First' and separate people "
                    f"with ' and ' ({outcome})",
                    line,
                    command.key,
                )
            if fixed is None:
                return False
            sources[index] = f"{{{fixed}}}"
        return True

    def check_early_close(self, command: _Command, limit: int) -> None:
        """An extra '}' closes the entry early; pybtex silently ignores the fields after it."""
        match = _EARLY_CLOSE.match(self.text, command.end, limit)
        if match is None:
            return
        self.problem(
            f"entry '{_visible(command.key)}' is closed early by the '{command.closer}' on line "
            f"{self.lines.line(command.end - 1)}: the fields after it (from "
            f"'{match.group(1)}') are ignored; remove the extra '{command.closer}' (the entry "
            "is used without them)",
            self.lines.line(command.at),
            command.key,
        )

    def source(self, field: _Field) -> str:
        return self.text[field.start : field.end]

    def flatten(self, field: _Field, undefined: str | None = None) -> str:
        """The value's text as pybtex joins it; an undefined name reads as ``undefined``, or
        as itself by default."""
        text = self.text
        out = []
        for kind, start, end in field.parts:
            if kind in (_BRACE, _QUOTE):
                out.append(text[start + 1 : end - 1])
            elif kind == _NUMBER:
                out.append(text[start:end])
            else:
                name = text[start:end]
                out.append(self.macros.get(name.lower(), name if undefined is None else undefined))
        return "".join(out)

    # -- control characters --

    def report_controls(self, command: _Command) -> bool:
        """Report the C0 control characters in a command that was read; True if any."""
        found = _CONTROL.search(self.text, command.at, command.end)
        if found is None:
            return False
        count = len(_CONTROL.findall(self.text, found.start(), command.end))
        it, it_was = ("them", "they were") if count > 1 else ("it", "it was")
        if command.kind != "entry":
            outcome = f"delete {it} ({it_was} kept, so that the entries using it read the same)"
        elif found.start() < command.key_end:
            outcome = f"delete {it} (the key was kept as it is, so that it stays distinct)"
        else:
            outcome = f"delete {it} ({it_was} removed for now)"
        if command.kind == "entry":
            label = f"entry '{_visible(command.key)}'"
        else:
            label = (
                f"@{command.type_name.lower()} '{_visible(command.key)}'"
                if command.key
                else "@preamble"
            )
        self.problem(
            f"{label} holds {_describe_control(found.group(), count)} on line "
            f"{self.lines.line(found.start())}; {outcome}",
            self.lines.line(found.start()),
            command.key if command.kind == "entry" else None,
        )
        return True

    def report_controls_outside(self) -> None:
        """One problem for the C0 control characters outside the commands (pybtex skips them)."""
        text = self.text
        gap_starts = [0, *(end for _, end in self.spans)]
        gap_ends = [*(at for at, _ in self.spans), len(text)]
        first = None
        count = 0
        for start, end in zip(gap_starts, gap_ends, strict=True):
            found = _CONTROL.search(text, start, end) if start < end else None
            if found is not None:
                first = first or found
                count += len(_CONTROL.findall(text, start, end))
        if first is not None:
            line = self.lines.line(first.start())
            self.problem(
                f"line {line} holds {_describe_control(first.group(), count)} outside the "
                f"entries; delete {'them' if count > 1 else 'it'} (pybtex ignores text there)",
                line,
                None,
            )


def _visible(text: str | None) -> str:
    """``text`` for a message: control characters written as ``\\x01``."""
    return _CONTROL.sub(lambda control: f"\\x{ord(control.group()):02x}", text or "")


def _describe_control(char: str, count: int) -> str:
    """'an invisible NUL (U+0000)', and how many more there are."""
    name = _CONTROL_NAMES.get(ord(char), "control character")
    plural = "s" if count > 2 else ""
    more = f" and {count - 1} more control character{plural}" if count > 1 else ""
    return f"an invisible {name} (U+{ord(char):04X}){more}"
