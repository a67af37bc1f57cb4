"""Load YAML and JSON data files safely, keeping the line of every key and value.

Why: the extension reads data files researchers already keep (RenderCV YAML, JSON Resume,
al-folio's ``_data/cv.yml``, news and co-author lists). They come from many tools and many
hands, so loading one must never crash the build, hang or eat memory, and every problem must
point at the file's own line. PyYAML alone does not give that: its composer is recursive (deep
nesting raises RecursionError), converting its node graph expands aliases (a 400-byte "billion
laughs" file grows to gigabytes), it resolves YAML 1.1 types (``no`` becomes False,
``2019-08-01`` a date), it rejects tab-indented JSON, and it keeps JSON's ``\\ud83d\\ude80``
escapes as two broken characters.

How: YAML is read from PyYAML's event stream (iterative; libyaml when installed) and the tree
is built here, with the depth and value-count limits checked as each value arrives, before
anything large exists. An alias shares the (immutable) value it refers to instead of copying
it, and counts that value's full size toward the limit. A file whose first character is ``{``
or ``[`` is read by the small iterative JSON parser below (exact JSON rules, line numbers
kept); if it is not valid JSON but is valid YAML flow style, the YAML reading is used.

Rules for readers of the result, all of it :class:`Lined` values:

* Scalars are text exactly as written: ``on``, ``no``, ``2019-08``, ``1e3``, JSON ``true`` and
  ``12.50`` are all strings, and so are keys. Null (``~``, ``null``, an empty value, JSON
  ``null``) becomes ``""``.
* Duplicate keys: the last one wins (as in JSON and PyYAML); each one is reported in the
  root's :attr:`Lined.warnings`.
* Aliases (``*name``) are allowed and share the anchored value, so that value's ``line`` is
  where it was anchored. ``<<: *name`` merge keys are applied; explicit keys win.
* Standard YAML tags (``!!str`` and friends) are ignored; any other tag, such as
  ``!!python/object/apply:os.system``, is an error, so nothing is ever constructed.
* Control characters (C0 except tab, line feed and carriage return; DEL; C1) and U+FFFE and
  U+FFFF are an error naming line and column, never stripped: they are invisible, and usually
  mean the file is not UTF-8 text (UTF-16 is full of NULs) or came from a PDF by copy-paste.
* A UTF-8 byte-order mark at the start is dropped. Line breaks are LF, CRLF or CR; U+2028
  and U+2029 are text, not line breaks (as in YAML 1.2 and editors), so lines match the editor.
* Lone UTF-16 surrogates from escapes become U+FFFD; escaped surrogate pairs are joined.
* The top level must be one mapping or one list (one YAML document). JSON also accepts NaN
  and Infinity, as Python's json module writes them.
"""

from __future__ import annotations

import dataclasses
import json.decoder
import os
import re
import stat
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Final, NamedTuple

import yaml

__all__ = [
    "DEFAULT_LIMITS",
    "DataFileError",
    "DataFileWarning",
    "Limits",
    "Lined",
    "load_data_file",
    "load_data_text",
]

#: libyaml's parser when PyYAML was built with it (about 30 times faster), else PyYAML's own.
_LOADER: type[yaml.SafeLoader | yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: ``json.decoder.scanstring`` (C): decodes one JSON string, joining surrogate pairs.
_scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]

_NO_KEYS: Final[Mapping[str, int]] = MappingProxyType({})


class DataFileWarning(NamedTuple):
    """A problem that did not stop loading (a duplicate key): what, and on which line."""

    message: str
    line: int


@dataclass(frozen=True, slots=True)
class Lined:
    """A value from a data file with the line it starts on (1-based).

    ``value`` is text, a list or a mapping; ``key_lines`` maps each key of a mapping to the
    line the key is on. ``warnings`` is set on the root only (see :func:`load_data_text`).
    """

    value: str | list[Lined] | dict[str, Lined]
    line: int
    key_lines: Mapping[str, int] = field(default_factory=dict)
    warnings: tuple[DataFileWarning, ...] = field(default=(), compare=False, repr=False)

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_list(self) -> bool:
        return isinstance(self.value, list)

    def get(self, key: str) -> Lined | None:
        """The value under ``key``, or None if absent or this is not a mapping."""
        return self.value.get(key) if isinstance(self.value, dict) else None

    def text(self, key: str | None = None) -> str:
        """The stripped text under ``key`` (or of this value); "" if absent or not text."""
        node = self if key is None else self.get(key)
        return node.value.strip() if node is not None and isinstance(node.value, str) else ""

    def items(self) -> Iterator[tuple[str, Lined]]:
        """The (key, value) pairs of a mapping, in file order; none for text or a list."""
        return iter(self.value.items()) if isinstance(self.value, dict) else iter(())

    def elements(self) -> list[Lined]:
        """The items of a list; empty for text or a mapping."""
        return self.value if isinstance(self.value, list) else []

    def key_line(self, key: str) -> int:
        """The line ``key`` is on, or this value's own line if the key is absent."""
        return self.key_lines.get(key, self.line)


class DataFileError(ValueError):
    """The file cannot be used. ``str(err)`` says what is wrong and how to fix it.

    ``line`` is where in the file (1-based), if known: show it as the warning's location. The
    message gives the column where that helps and any other line involved (the anchor of a
    recursive alias, where an unclosed quote gave out). It names the path only when the file
    could not be read at all (missing, a folder, too big), where there is no line to point at.
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line

    def __reduce__(self) -> tuple[type[DataFileError], tuple[str, int | None]]:
        return type(self), (str(self), self.line)


@dataclass(frozen=True)
class Limits:
    """Bounds on a data file; the defaults are far above any real CV, news or co-author file.

    * ``max_bytes``: 1 MB. A RenderCV file with 300 publications is about 150 KB, a JSON
      Resume 20-60 KB; 1 MB loads in well under a second.
    * ``max_depth``: 50 nested lists or mappings. The formats need 4 to 7; 50 keeps code that
      walks the result recursively far from Python's recursion limit.
    * ``max_nodes``: 100,000 values (scalars, lists, mappings; keys not counted) after aliases
      are expanded. A large CV has a few thousand; this bounds the work of every reader.
    """

    max_bytes: int = 1_000_000
    max_depth: int = 50
    max_nodes: int = 100_000

    def __post_init__(self) -> None:
        if min(self.max_bytes, self.max_depth, self.max_nodes) < 1:
            raise ValueError(f"limits must be positive: {self}")


DEFAULT_LIMITS: Final = Limits()


# --- Reading and checking the text -------------------------------------------------------

_CONTROL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_CONTROL_NAMES: Final = {
    0x00: "NUL",
    0x07: "bell",
    0x08: "backspace",
    0x0B: "vertical tab",
    0x0C: "form feed",
    0x1B: "escape",
    0x7F: "delete",
    0x85: "next line (NEL)",
}
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_PRIVATE_USE: Final = re.compile("[\U000f0000-\U0010fffd]")
_JSON_START: Final = re.compile(r"[ \t\n]*[{\[]")
_TEXT_TAGS: Final = frozenset(
    "tag:yaml.org,2002:" + name
    for name in "str int float bool null timestamp binary map seq omap pairs set merge".split()
)
_NULLS: Final = frozenset({"", "~", "null", "Null", "NULL"})


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    return f"{n / 1000:.0f} KB" if n >= 10_000 else f"{n:,} bytes"


def _too_big(what: str, size: int, limit: int) -> DataFileError:
    return DataFileError(
        f"{what} is {_size(size)}, over the {_size(limit)} limit for data files; CV and news "
        "files are usually under 100 KB: check that this is the right file, or split it"
    )


def _read_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refusing anything but a readable regular file within the limit."""
    try:
        info = os.stat(path)
        if stat.S_ISREG(info.st_mode):
            if info.st_size > limits.max_bytes:
                raise _too_big(str(path), info.st_size, limits.max_bytes)
            # O_NONBLOCK: if the path was swapped for a FIFO since stat(), open cannot hang.
            flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
            fd = os.open(path, flags)
            try:
                info = os.fstat(fd)
                if stat.S_ISREG(info.st_mode):
                    chunks: list[bytes] = []
                    size = 0
                    while size <= limits.max_bytes and (chunk := os.read(fd, 1 << 20)):
                        chunks.append(chunk)
                        size += len(chunk)
                    if size > limits.max_bytes:  # it grew since stat()
                        raise _too_big(str(path), size, limits.max_bytes)
                    return b"".join(chunks)
            finally:
                os.close(fd)
    except DataFileError:
        raise
    except FileNotFoundError:
        raise DataFileError(f"{path} does not exist; check the path and the file name") from None
    except NotADirectoryError:
        raise DataFileError(
            f"{path} does not exist: part of the path is a file, not a folder; check the path"
        ) from None
    except PermissionError:
        raise DataFileError(
            f"cannot read {path}: permission denied; make the file readable"
        ) from None
    except (OSError, ValueError) as err:  # ValueError: a NUL in the path
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise DataFileError(f"cannot read {path}: {reason}; check the path") from None
    if stat.S_ISDIR(info.st_mode):
        raise DataFileError(
            f"{path} is a folder, not a data file; give the path of the YAML or JSON file in it"
        )
    mode = info.st_mode
    kind = "not a regular file"
    if stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    raise DataFileError(f"{path} is {kind}; give the path of a YAML or JSON file")


def _decode(data: bytes) -> str:
    """UTF-8 text (a leading byte-order mark dropped), or a located error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataFileError(
            "the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8",
            1,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = data[: err.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", "replace")) + 1
        raise DataFileError(
            f"the file is not UTF-8 text: byte 0x{data[err.start]:02x} at column {column} is not "
            "valid UTF-8 (the file may be Latin-1 or Windows-1252); save it as UTF-8 (in most "
            "editors: Save As, encoding UTF-8)",
            before.count(b"\n") + 1,
        ) from None


def _prepare(text: str, limits: Limits) -> str:
    """Check size and characters; normalise line breaks; replace lone surrogates."""
    text = text.removeprefix("\ufeff")
    if len(text) * 4 > limits.max_bytes:  # only then can the UTF-8 size be over
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > limits.max_bytes:
            raise _too_big("the data", size, limits.max_bytes)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _SURROGATE.search(text):  # only possible for text not read from a file
        text = _SURROGATE.sub("\ufffd", text)
    bad = _CONTROL.search(text)
    if bad:
        pos = bad.start()
        code = ord(bad.group())
        column = pos - text.rfind("\n", 0, pos)
        name = _CONTROL_NAMES.get(code)
        what = f"U+{code:04X}" + (f" ({name})" if name else "")
        fix = (
            "the file is probably not UTF-8 text (UTF-16 files are full of NULs); save it as UTF-8"
            if code == 0
            else "remove the character: it is invisible in most editors and often comes from "
            "copying out of a PDF or word processor"
        )
        raise DataFileError(
            f"control character {what} at column {column}; {fix}", text.count("\n", 0, pos) + 1
        )
    if not text.strip():
        raise DataFileError("the file is empty; add the data (key: value lines, or JSON)")
    return text


def _join_surrogates(text: str) -> str:
    if _SURROGATE.search(text):
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


# --- Building the tree, with the limits -----------------------------------------------------


@dataclass(slots=True, eq=False)
class _Open:
    """A list or mapping still being read."""

    is_map: bool
    line: int
    anchor: str | None
    start_total: int
    height: int = 0  #: levels of lists/mappings below this one
    items: list[Lined] = field(default_factory=list)
    mapping: dict[str, Lined] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    key: str | None = None  #: the key whose value comes next; None while expecting a key
    key_line: int = 0
    merge: bool = False  #: the pending key is YAML's merge key ``<<``
    merged: list[Lined] = field(default_factory=list)
    merge_line: int = 0


@dataclass(frozen=True, slots=True)
class _Anchored:
    node: Lined
    size: int  #: values, counting this one, after aliases are expanded
    height: int


class _Builder:
    """Assembles :class:`Lined` values bottom-up, counting values and depth as they come."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.stack: list[_Open] = []
        self.total = 0
        self.root: Lined | None = None
        self.warnings: list[DataFileWarning] = []

    def count(self, n: int, line: int, alias: str | None = None) -> None:
        self.total += n
        if self.total > self.limits.max_nodes:
            limit = f"{self.limits.max_nodes:,}"
            if alias is not None:
                raise DataFileError(
                    f"alias *{alias} takes the file past {limit} values once aliases are "
                    "expanded; aliases that repeat aliases grow exponentially (a 'billion "
                    "laughs' file): write the data out, or use fewer nested aliases",
                    line,
                )
            raise DataFileError(
                f"the file has more than {limit} values (lists, mappings and texts); CV and "
                "news files have a few thousand: check that this is the right file",
                line,
            )

    def check_depth(self, height: int, line: int) -> None:
        if len(self.stack) + height > self.limits.max_depth:
            raise DataFileError(
                f"lists and mappings are nested more than {self.limits.max_depth} levels deep "
                "here; data files need a few levels: check the indentation and the closing "
                "brackets",
                line,
            )

    def open(self, is_map: bool, line: int, anchor: str | None = None) -> _Open:
        self.check_depth(1, line)
        self.count(1, line)
        frame = _Open(is_map, line, anchor, self.total - 1)
        self.stack.append(frame)
        return frame

    def close(self) -> _Anchored:
        frame = self.stack.pop()
        if not frame.is_map:
            node = Lined(frame.items, frame.line, _NO_KEYS)
        elif frame.merged:
            value: dict[str, Lined] = {}
            lines: dict[str, int] = {}
            for source in frame.merged:
                for key, item in source.items():
                    if key not in value:
                        value[key] = item
                        lines[key] = frame.merge_line
            value.update(frame.mapping)
            lines.update(frame.key_lines)
            node = Lined(value, frame.line, lines)
        else:
            node = Lined(frame.mapping, frame.line, frame.key_lines)
        done = _Anchored(node, self.total - frame.start_total, frame.height + 1)
        self.add(node, done.height)
        return done

    def add(self, node: Lined, height: int) -> None:
        """Put a finished value into the open list or mapping, or make it the root."""
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if height > parent.height:
            parent.height = height
        if not parent.is_map:
            parent.items.append(node)
            return
        key = parent.key
        assert key is not None  # the callers read a key first
        if parent.merge:
            sources = [node] if node.is_mapping else node.elements()
            if not sources or not all(s.is_mapping for s in sources):
                raise DataFileError(
                    "the merge key '<<' needs a mapping or a list of mappings (for example "
                    "'<<: *defaults'); put '<<' in quotes if it is meant as an ordinary key",
                    parent.key_line,
                )
            parent.merged.extend(sources)
            parent.merge_line = parent.merge_line or parent.key_line
        else:
            if key in parent.mapping:
                self.warnings.append(
                    DataFileWarning(
                        f"duplicate key {key!r} (first on line {parent.key_lines[key]}); the "
                        "last one is used: remove or rename one of them",
                        parent.key_line,
                    )
                )
            parent.mapping[key] = node
            parent.key_lines[key] = parent.key_line
        parent.key = None
        parent.merge = False


def _complex_key(line: int) -> DataFileError:
    return DataFileError(
        "a key must be text, not a list or mapping; check the indentation, or put the key "
        "in quotes",
        line,
    )


# --- YAML -------------------------------------------------------------------------------------


def _hide_line_separators(text: str) -> tuple[str, dict[int, str] | None]:
    """Swap U+2028/U+2029 for unused private-use characters, which YAML parsers keep as text.

    PyYAML and libyaml count them as line breaks (YAML 1.1), which folds them out of values and
    puts every later line number off by one from what editors show.
    """
    if "\u2028" not in text and "\u2029" not in text:
        return text, None
    used = set(_PRIVATE_USE.findall(text))  # at most 131,070, so the range stays <= U+10FFFF
    free = [c for c in map(chr, range(0xF0000, 0xF0000 + len(used) + 2)) if c not in used][:2]
    swap = {0x2028: free[0], 0x2029: free[1]}
    return text.translate(swap), {ord(free[0]): "\u2028", ord(free[1]): "\u2029"}


def _show_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


def _parse_yaml(text: str, limits: Limits) -> Lined:
    parse_text, restore = _hide_line_separators(text)
    escapes = "\\u" in text or "\\U" in text

    def clean(value: str) -> str:
        if restore is not None:
            value = value.translate(restore)
        return _join_surrogates(value) if escapes else value

    plain = restore is None and not escapes
    build = _Builder(limits)
    stack = build.stack
    anchors: dict[str, _Open | _Anchored] = {}
    documents = 0
    try:
        for event in yaml.parse(parse_text, Loader=_LOADER):
            line = event.start_mark.line + 1 if event.start_mark is not None else 0
            if isinstance(event, yaml.ScalarEvent):
                if event.tag is not None and event.tag != "!" and event.tag not in _TEXT_TAGS:
                    raise _bad_tag(event.tag, line)
                value = event.value if plain else clean(event.value)
                frame = stack[-1] if stack else None
                if frame is not None and frame.is_map and frame.key is None:
                    frame.key, frame.key_line = value, line
                    frame.merge = event.implicit[0] and value == "<<"  # plain, untagged
                    if event.anchor is not None:
                        anchors[event.anchor] = _Anchored(Lined(value, line, _NO_KEYS), 1, 0)
                    continue
                if event.implicit[0] and value in _NULLS:  # plain, untagged
                    value = ""
                node = Lined(value, line, _NO_KEYS)
                build.count(1, line)
                build.add(node, 0)
                if event.anchor is not None:
                    anchors[event.anchor] = _Anchored(node, 1, 0)
            elif isinstance(event, yaml.AliasEvent):
                name = event.anchor or ""
                target = anchors.get(name)
                if target is None:
                    raise DataFileError(
                        f"alias *{name} is not defined; define it with &{name} earlier in the "
                        "file, or put the value in quotes if '*' is meant as text",
                        line,
                    )
                if isinstance(target, _Open):
                    raise DataFileError(
                        f"recursive alias *{name} at line {line}: it refers to &{name} (line "
                        f"{target.line}), which contains it, and a value cannot contain itself; "
                        "write the data out instead of the alias",
                        line,
                    )
                frame = stack[-1] if stack else None
                if frame is not None and frame.is_map and frame.key is None:
                    if not isinstance(target.node.value, str):
                        raise _complex_key(line)
                    frame.key, frame.key_line, frame.merge = target.node.value, line, False
                    continue
                build.check_depth(target.height, line)
                build.count(target.size, line, alias=name)
                build.add(target.node, target.height)
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                frame = stack[-1] if stack else None
                if frame is not None and frame.is_map and frame.key is None:
                    raise _complex_key(line)
                if event.tag is not None and event.tag != "!" and event.tag not in _TEXT_TAGS:
                    raise _bad_tag(event.tag, line)
                opened = build.open(isinstance(event, yaml.MappingStartEvent), line, event.anchor)
                if event.anchor is not None:
                    anchors[event.anchor] = opened
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                anchor = stack[-1].anchor
                done = build.close()
                if anchor is not None:
                    anchors[anchor] = done
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise DataFileError(
                        "the file holds more than one YAML document (a second one starts here, "
                        "after '---'); keep one document, or remove the extra '---'",
                        line,
                    )
    except yaml.MarkedYAMLError as err:
        raise _yaml_error(err, parse_text) from None
    except yaml.YAMLError as err:
        raise _YAMLSyntaxError(f"not valid YAML: {err}; check the file is YAML or JSON") from None
    if build.root is None:
        raise DataFileError(
            "the file holds no data, only comments or blank lines; add the data (key: value "
            "lines, or JSON)"
        )
    return _with_warnings(build)


def _bad_tag(tag: str, line: int) -> DataFileError:
    return DataFileError(
        f"unsupported YAML tag {_show_tag(tag)}: data files hold only text, lists and mappings; "
        "remove the tag",
        line,
    )


_INDENT = (
    "check the indentation (keys of one mapping must line up), and that a value starting with "
    "a quote ends with it"
)
_NOT_ITEM = "this line is not a list item ('- ') but the lines above it are: check its indentation"
#: (pattern for "problem / context" from PyYAML or libyaml, hint, whether the mistake is on
#: the line where the context began rather than where the parser gave up)
_YAML_HINTS: Final[tuple[tuple[re.Pattern[str], str, bool], ...]] = tuple(
    (re.compile(pattern), hint, at_context)
    for pattern, hint, at_context in [
        (
            r"end of stream.*quoted scalar",
            "this quoted value is never closed: add the closing quote (inside single quotes, "
            "write '' for one quote)",
            True,
        ),
        (
            r"simple key",
            "this line needs 'key: value'; if it continues the value above, indent it more "
            "than the key, or put the whole value in quotes",
            True,
        ),
        (
            r"unknown escape",
            "inside double quotes a backslash starts an escape: use single quotes, or write "
            "\\\\ for a backslash",
            False,
        ),
        (
            r"mapping values",
            "a value that contains ': ' must be put in quotes; otherwise check the "
            "indentation of this line against the line above",
            False,
        ),
        (r"expected '-'|found '\?'.*block collection", _NOT_ITEM, False),
        (r"expected ',' or", "a '[' or '{' is not closed, or an item in it needs quotes", False),
        (r"expected key|<block end>", _INDENT, False),
        (r"alphabetic or numeric", "'&' and '*' start anchors and aliases: quote the value", False),
        (r"incompatible YAML", "remove the %YAML line at the top", False),
        (r"tag handle", "remove the tag (the word starting with '!')", False),
    ]
)


def _yaml_hint(problem: str, context: str, char: str, line_text: str) -> tuple[str, bool]:
    indent = line_text[: len(line_text) - len(line_text.lstrip())]
    if char == "\t" or "tab character" in problem or "\t" in indent:
        return "YAML does not allow tabs for indentation; indent with spaces", False
    if "cannot start any token" in problem:
        return f"a YAML value cannot start with {char!r}: put the value in quotes", False
    both = f"{problem} / {context}"
    for pattern, hint, at_context in _YAML_HINTS:
        if pattern.search(both):
            return hint, at_context
    return (
        "check this line and the one above; put values with special characters "
        "(: # [ ] { } , & * ! | > ' \" % @ `) in quotes",
        False,
    )


class _YAMLSyntaxError(DataFileError):
    """Not valid YAML."""


def _yaml_error(err: yaml.MarkedYAMLError, text: str) -> _YAMLSyntaxError:
    problem = (err.problem or "invalid YAML").strip()
    context = (err.context or "").strip()
    mark = err.problem_mark or err.context_mark
    if mark is None:
        return _YAMLSyntaxError(f"not valid YAML: {problem}; check the file is YAML or JSON")
    char = text[mark.index] if 0 <= mark.index < len(text) else ""
    if problem == "found character that cannot start any token" and char:  # libyaml's wording
        problem = f"found character {char!r} that cannot start any token"
    start = text.rfind("\n", 0, max(0, mark.index)) + 1
    end = text.find("\n", start)
    line_text = text[start : end if end >= 0 else len(text)]
    hint, at_context = _yaml_hint(problem, context, char, line_text)
    line, column = mark.line + 1, mark.column + 1
    if at_context and err.context_mark is not None and err.context_mark.line + 1 != line:
        where = f"line {line}, column {column}, {context} that starts on this line"
        return _YAMLSyntaxError(
            f"not valid YAML: {problem} at {where}; {hint}", err.context_mark.line + 1
        )
    return _YAMLSyntaxError(f"not valid YAML: {problem} (column {column}); {hint}", line)


# --- JSON -------------------------------------------------------------------------------------

_JSON_TOKEN: Final = re.compile(r"[^ \t\n]")
#: A number, true, false or null; also NaN and Infinity, which Python's json.dump writes.
_JSON_ATOM: Final = re.compile(
    r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|NaN|-?Infinity"
)
_VALUE, _FIRST_VALUE, _KEY, _FIRST_KEY, _COLON, _AFTER, _DONE = range(7)


class _JSONSyntaxError(DataFileError):
    """Not valid JSON (the text may still be YAML flow style)."""

    #: Whether the parser got past the first token: then the file is meant as JSON, and this
    #: error is more useful than YAML's.
    json_like = False


def _json_error(text: str, pos: int, line: int, problem: str, hint: str) -> _JSONSyntaxError:
    column = pos - text.rfind("\n", 0, pos)
    return _JSONSyntaxError(f"not valid JSON: {problem} (column {column}); {hint}", line)


def _json_value_error(text: str, pos: int, line: int, after_comma: bool) -> _JSONSyntaxError:
    char = text[pos]
    if char in "]}" and after_comma:
        return _json_error(
            text,
            pos,
            line,
            f"found {char!r} after a comma",
            "JSON does not allow a comma after the last item: remove it",
        )
    if char == "'":
        hint = "JSON text needs double quotes, not single quotes"
    elif char in "/#":
        hint = "JSON does not allow comments: remove them"
    elif char.isalnum() or char in "-.+":
        hint = "put text in double quotes; write numbers like 12, -3.5 or 1e3"
    else:
        hint = "a value is missing here, or a character is out of place"
    return _json_error(
        text,
        pos,
        line,
        f"expected a value (text in double quotes, a number, true, false, "
        f"null, {{ or [) but found {char!r}",
        hint,
    )


def _json_string(text: str, pos: int, line: int, escapes: bool) -> tuple[str, int]:
    try:
        value, end = _scanstring(text, pos + 1, True)
    except json.decoder.JSONDecodeError as err:
        if err.msg.startswith("Invalid control"):
            hint = (
                "a string is not closed on this line, or holds a raw tab or line break: "
                "close the quote, or write \\t or \\n"
            )
        elif err.msg.startswith("Unterminated"):
            hint = "a string is not closed: add the closing double quote"
        else:
            hint = (
                'a backslash in a JSON string starts an escape such as \\n, \\" or '
                "\\u00e9: write \\\\ for a backslash"
            )
        raise _JSONSyntaxError(
            f"not valid JSON: {err.msg.removesuffix(' at').lower()} (column {err.colno}); {hint}",
            err.lineno,
        ) from None
    return (_join_surrogates(value) if escapes else value), end


def _parse_json(text: str, limits: Limits) -> Lined:
    """JSON by the standard's rules, iteratively, with the line of every value and key."""
    build = _Builder(limits)
    stack = build.stack
    escapes = "\\u" in text
    token = _JSON_TOKEN.search
    atom = _JSON_ATOM.match
    pos, line, size, state = 0, 1, len(text), _VALUE
    try:
        while True:
            found_token = token(text, pos)
            end = found_token.start() if found_token is not None else size
            if end != pos:
                line += text.count("\n", pos, end)
                pos = end
            if pos >= size:
                if state == _DONE:
                    break
                opened = stack[-1]
                raise _JSONSyntaxError(
                    f"not valid JSON: the file ends before the {'{' if opened.is_map else '['} "
                    f"here is closed; add the closing {'}' if opened.is_map else ']'}",
                    opened.line,
                )
            char = text[pos]
            if state in (_VALUE, _FIRST_VALUE):
                if char == '"':
                    value, pos = _json_string(text, pos, line, escapes)
                    build.count(1, line)
                    build.add(Lined(value, line, _NO_KEYS), 0)
                elif char == "{" or char == "[":
                    build.open(char == "{", line)
                    pos += 1
                    state = _FIRST_KEY if char == "{" else _FIRST_VALUE
                    continue
                elif char == "]" and state == _FIRST_VALUE:
                    build.close()
                    pos += 1
                else:
                    found = atom(text, pos)
                    if found is None:
                        after_comma = state == _VALUE and not stack[-1].is_map
                        raise _json_value_error(text, pos, line, after_comma)
                    word = found.group()
                    build.count(1, line)
                    build.add(Lined("" if word == "null" else word, line, _NO_KEYS), 0)
                    pos = found.end()
                state = _AFTER if stack else _DONE
            elif state in (_KEY, _FIRST_KEY):
                if char == '"':
                    key_line = line
                    key, pos = _json_string(text, pos, line, escapes)
                    stack[-1].key, stack[-1].key_line = key, key_line
                    state = _COLON
                elif char == "}" and state == _FIRST_KEY:
                    build.close()
                    pos += 1
                    state = _AFTER if stack else _DONE
                elif char == "}":
                    raise _json_error(
                        text,
                        pos,
                        line,
                        "found '}' after a comma",
                        "JSON does not allow a comma after the last item: remove it",
                    )
                else:
                    raise _json_error(
                        text,
                        pos,
                        line,
                        f"expected a key in double quotes but found {char!r}",
                        "JSON does not allow comments: remove them"
                        if char in "/#"
                        else 'JSON keys need double quotes: "key": value',
                    )
            elif state == _COLON:
                if char != ":":
                    raise _json_error(
                        text,
                        pos,
                        line,
                        f"expected ':' after the key but found {char!r}",
                        'write "key": value',
                    )
                pos += 1
                state = _VALUE
            elif state == _AFTER:
                frame = stack[-1]
                close = "}" if frame.is_map else "]"
                if char == ",":
                    pos += 1
                    state = _KEY if frame.is_map else _VALUE
                elif char == close:
                    build.close()
                    pos += 1
                    state = _AFTER if stack else _DONE
                else:
                    raise _json_error(
                        text,
                        pos,
                        line,
                        f"expected ',' or '{close}' but found {char!r}",
                        "add the missing comma between two items, or close the "
                        f"{'{' if frame.is_map else '['} opened on line {frame.line}",
                    )
            else:  # _DONE
                raise _json_error(
                    text,
                    pos,
                    line,
                    f"found {char!r} after the end of the JSON data",
                    "remove it (is there one closing bracket too many?)",
                )
    except _JSONSyntaxError as err:
        opening = token(text)  # the { or [
        second = token(text, opening.start() + 1) if opening is not None else None
        err.json_like = pos > (second.start() if second is not None else size)
        raise
    return _with_warnings(build)


def _with_warnings(build: _Builder) -> Lined:
    root = build.root
    assert root is not None
    return dataclasses.replace(root, warnings=tuple(build.warnings)) if build.warnings else root


# --- Entry points -----------------------------------------------------------------------------


def load_data_text(text: str, limits: Limits = DEFAULT_LIMITS) -> Lined:
    """Load YAML or JSON text into :class:`Lined` values; raises :class:`DataFileError` only.

    The root is a list or a mapping; duplicate keys are listed in its ``warnings``.
    See the module docstring for how values are kept.
    """
    try:
        text = _prepare(text, limits)
        if _JSON_START.match(text):
            try:
                root = _parse_json(text, limits)
            except _JSONSyntaxError as json_error:
                try:  # YAML flow style also starts with { or [
                    root = _parse_yaml(text, limits)
                except _YAMLSyntaxError:
                    if json_error.json_like:
                        raise json_error from None
                    raise
        else:
            root = _parse_yaml(text, limits)
    except DataFileError as err:
        if type(err) is DataFileError:
            raise
        raise DataFileError(str(err), err.line) from None  # not the private subclasses
    except RecursionError:
        raise DataFileError("the file is nested too deeply to read; simplify it") from None
    except MemoryError:
        raise DataFileError(
            "not enough memory to read the file; check that this is the right file"
        ) from None
    if isinstance(root.value, str):
        raise DataFileError(
            "the file holds a single value, not 'key: value' lines or a list; check that it is "
            "the right YAML or JSON data file",
            root.line,
        )
    return root


def load_data_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> Lined:
    """Read a UTF-8 YAML or JSON file and load it; raises :class:`DataFileError` only.

    Only a regular file is opened (never a FIFO or device), and at most ``limits.max_bytes``.
    """
    return load_data_text(_decode(_read_bytes(Path(path), limits)), limits)
