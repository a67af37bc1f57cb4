"""The one loader for data files: it never crashes, hangs or eats memory, and keeps lines."""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import re
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_academic import datafiles
from sphinx_academic.datafiles import (
    DataFileError,
    Limits,
    Lined,
    load_data_file,
    load_data_text,
)


def plain(node: Lined) -> Any:
    """The value as plain Python (recursion is fine: depth is at most Limits.max_depth)."""
    if isinstance(node.value, dict):
        return {key: plain(value) for key, value in node.value.items()}
    if isinstance(node.value, list):
        return [plain(value) for value in node.value]
    return node.value


def error_of(text: str, limits: Limits = datafiles.DEFAULT_LIMITS) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        load_data_text(text, limits)
    assert type(caught.value) is DataFileError  # no private subclass leaks out
    return caught.value


def timed(call: Callable[[], object]) -> tuple[float, int]:
    """Seconds and peak traced bytes of ``call`` (its DataFileError is expected)."""
    tracemalloc.start()
    start = time.process_time()
    with contextlib.suppress(DataFileError):
        call()
    seconds = time.process_time() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak


# --- Alias bombs, recursion and depth ------------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        name, prev = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_fails_fast_with_little_memory() -> None:
    text = billion_laughs()
    assert len(text) < 500
    seconds, peak = timed(lambda: load_data_text(text))
    assert seconds < 5  # bounded: no blow-up (speed itself is for benchmarks)
    assert peak < 5_000_000
    err = error_of(text)
    assert "billion laughs" in str(err)
    assert "100,000" in str(err)
    assert err.line == 6  # the first alias that takes the count past the limit


def test_aliases_are_shared_not_copied_and_counted_in_full() -> None:
    root = load_data_text("base: &b {x: '1', y: [a, b]}\nuse: [*b, *b]\n")
    use = root.get("use")
    assert use is not None
    assert all(item is root.get("base") for item in use.elements())
    assert plain(root)["use"] == [{"x": "1", "y": ["a", "b"]}] * 2
    # base counts 5 values (mapping, '1', list, a, b); each alias adds 5 again.
    text = "base: &b {x: '1', y: [a, b]}\nuse: [*b, *b]\n"
    assert load_data_text(text, Limits(max_nodes=1 + 5 + 1 + 10))
    assert "alias *b" in str(error_of(text, Limits(max_nodes=1 + 5 + 1 + 9)))


def test_alias_depth_counts_where_it_is_used() -> None:
    text = "deep: &d [[[x]]]\nuse: [[*d]]\n"  # *d is 3 deep, used 3 deep
    assert load_data_text(text, Limits(max_depth=6))
    assert error_of(text, Limits(max_depth=5)).line == 2


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("&x [ {highlights: *x} ]\n", 1),
        ("top: &x\n  a: 1\n  b:\n    - *x\n", 4),
        ("- &x {a: [1, 2, {b: *x}]}\n", 1),
    ],
)
def test_recursive_alias_is_located(text: str, line: int) -> None:
    err = error_of(text)
    assert str(err).startswith(f"recursive alias *x at line {line}")
    assert err.line == line


def test_undefined_alias() -> None:
    err = error_of("a: 1\nb: *nope\n")
    assert err.line == 2
    assert "*nope is not defined" in str(err)


def deep_inputs() -> list[tuple[str, str]]:
    n = 3000
    return [
        ("yaml block mappings", "".join(" " * i + "k:\n" for i in range(n))),
        ("yaml block sequences", "- " * n + "x\n"),
        ("yaml flow", "a: " + "[" * n + "]" * n + "\n"),
        ("yaml flow mappings", "{a: " * n + "x" + "}" * n),
        ("json arrays", "[" * n + "]" * n),
        ("json objects", '{"a": ' * n + "1" + "}" * n),
    ]


@pytest.mark.parametrize(("kind", "text"), deep_inputs(), ids=[k for k, _ in deep_inputs()])
def test_deep_nesting_is_refused_at_the_depth_limit(kind: str, text: str) -> None:
    limits = Limits(max_bytes=10_000_000)  # the indented form is 4.5 MB
    seconds, _ = timed(lambda: load_data_text(text, limits))
    assert seconds < 5  # bounded: no blow-up (speed itself is for benchmarks)
    err = error_of(text, limits)
    assert "nested more than 50 levels" in str(err)
    if kind == "yaml block mappings":
        assert err.line == 51


def test_deep_nesting_within_a_raised_limit_loads_without_recursion() -> None:
    root = load_data_text("[" * 3000 + "x" + "]" * 3000, Limits(max_depth=5000))
    depth, node = 0, root
    while node.is_list:
        depth, node = depth + 1, node.elements()[0]
    assert (depth, node.value) == (3000, "x")


# --- Size, time and memory --------------------------------------------------------------------


def cv_data(entries: int) -> dict[str, Any]:
    experience = [
        {
            "company": f"Analytical Engines {i} — Zürich",
            "position": "Research Engineer",
            "start_date": "2019-08",
            "end_date": "present",
            "highlights": [
                f"Result {j}: a moderately long description of the work" for j in range(4)
            ],
        }
        for i in range(entries)
    ]  # distinct objects: yaml.safe_dump would write one anchor and aliases for shared ones
    return {"cv": {"name": "Ada Lovelace", "sections": {"experience": experience}}}


@pytest.mark.parametrize(
    "dump",
    [
        lambda data: yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
        lambda data: json.dumps(data, indent=2),
    ],
    ids=["yaml", "json"],
)
def test_one_megabyte_loads_quickly(dump: Callable[[object], str]) -> None:
    entries = 10
    while len(dump(cv_data(entries * 2)).encode()) < 1_000_000:
        entries *= 2
    while len(dump(cv_data(entries + 100)).encode()) < 1_000_000:
        entries += 100
    text = dump(cv_data(entries))
    assert 500_000 < len(text.encode()) <= 1_000_000
    tracemalloc.start()
    start = time.process_time()
    root = load_data_text(text)
    seconds = time.process_time() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert plain(root) == json.loads(json.dumps(cv_data(entries)))
    assert seconds < 10  # linear: no blow-up (speed itself is for benchmarks)
    assert peak < 100_000_000


def test_ten_megabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "cv.yaml"
    path.write_bytes(b"- item\n" * 1_500_000)
    seconds, peak = timed(lambda: load_data_file(path))
    assert seconds < 5  # refused before reading
    assert peak < 1_000_000  # not read at all
    with pytest.raises(DataFileError, match=r"is 10\.5 MB, over the 1\.0 MB limit") as caught:
        load_data_file(path)
    assert "usually under 100 KB" in str(caught.value)
    assert str(path) in str(caught.value)
    err = error_of("- item\n" * 1_500_000)
    assert "the data is 10.5 MB" in str(err)


def test_too_many_values_without_aliases() -> None:
    err = error_of("- a\n" * 100_001, Limits(max_bytes=1_000_000))
    assert "more than 100,000 values" in str(err)
    assert err.line == 100_000  # the list itself is a value too


# --- Characters and encodings -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x00", "U+0000 (NUL)"),
        ("\x07", "U+0007 (bell)"),
        ("\x0c", "U+000C (form feed)"),
        ("\x1b", "U+001B (escape)"),
        ("\x7f", "U+007F (delete)"),
        ("\x85", "U+0085 (next line (NEL))"),
        ("\x9b", "U+009B"),
        ("\uffff", "U+FFFF"),
    ],
)
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_control_characters_are_located(char: str, name: str, fmt: str) -> None:
    text = f"name: Ada\nlabel: Engi{char}neer\n"
    if fmt == "json":
        text = f'{{"name": "Ada",\n"label": "Engi{char}neer"}}'
    err = error_of(text)
    assert err.line == 2
    assert f"control character {name} at column" in str(err)
    assert "save it as UTF-8" in str(err) if char == "\x00" else "remove the character" in str(err)


def test_control_character_column() -> None:
    assert "at column 4;" in str(error_of("a: 1\r\nb: \x01\n"))


def test_tabs_and_line_breaks_are_not_control_characters() -> None:
    root = load_data_text("a: 'x\ty'\r\nb: |\r\n  one\r\n  two\r\nc: 3\rd: 4\n")
    assert plain(root) == {"a": "x\ty", "b": "one\ntwo\n", "c": "3", "d": "4"}
    assert root.key_lines == {"a": 1, "b": 2, "c": 5, "d": 6}


def test_escaped_controls_in_values_are_data() -> None:
    assert load_data_text('{"a": "x\\u0007"}').text("a") == "x\x07"


def test_surrogate_escaped_json_is_joined() -> None:
    text = json.dumps({"name": "Ada 🚀", "note": "café"}, ensure_ascii=True)
    assert "\\ud83d\\ude80" in text
    root = load_data_text(text)
    assert root.text("name") == "Ada 🚀"
    assert root.text("note") == "café"


def test_lone_surrogates_become_replacement_characters() -> None:
    root = load_data_text('{"a": "x\\ud800y", "\\udc00": "\\ude80\\ud83d"}')
    assert plain(root) == {"a": "x\ufffdy", "\ufffd": "\ufffd\ufffd"}
    assert load_data_text("a: x\ud800\n").text("a") == "x\ufffd"  # from text, not a file


def test_surrogate_escapes_with_pure_python_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(datafiles, "_LOADER", yaml.SafeLoader)
    root = load_data_text('a: "\\ud83d\\ude80 \\ud800"\n')
    assert root.text("a") == "🚀 \ufffd"


def test_line_and_paragraph_separators_are_text_not_line_breaks() -> None:
    root = load_data_text("a: x\u2028y\nb: 'p\u2029q'\nc: 3\n")
    assert plain(root) == {"a": "x\u2028y", "b": "p\u2029q", "c": "3"}
    assert root.key_lines == {"a": 1, "b": 2, "c": 3}
    private = "\U000f0000\U000f0001"  # the first stand-ins the loader would pick
    assert plain(load_data_text(f"a: {private}\u2028x\n"))["a"] == private + "\u2028x"
    json_root = load_data_text('{"a": "x\u2028y",\n"b": 2}')
    assert json_root.key_lines == {"a": 1, "b": 2}
    assert json_root.text("a") == "x\u2028y"


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "cv.yaml"
    path.write_bytes("\ufeffname: Zoë\nlabel: x\n".encode())
    root = load_data_file(path)
    assert plain(root) == {"name": "Zoë", "label": "x"}
    assert root.key_lines == {"name": 1, "label": 2}
    path.write_bytes(b'\xef\xbb\xbf{"a": 1}')
    assert plain(load_data_file(path)) == {"a": "1"}


def test_non_utf8_file_is_located(tmp_path: Path) -> None:
    path = tmp_path / "cv.yaml"
    path.write_bytes(b"name: Ada\r\ncompany: Caf\xe9 Zo\xeb\n")
    with pytest.raises(DataFileError) as caught:
        load_data_file(path)
    assert caught.value.line == 2
    assert "byte 0xe9 at column 13 is not valid UTF-8" in str(caught.value)
    assert "save it as UTF-8" in str(caught.value)


def test_utf16_file(tmp_path: Path) -> None:
    path = tmp_path / "cv.yaml"
    path.write_bytes("name: Ada\n".encode("utf-16"))
    with pytest.raises(DataFileError, match="UTF-16"):
        load_data_file(path)
    path.write_bytes("name: Ada\n".encode("utf-16-le"))  # no byte-order mark: NULs
    with pytest.raises(DataFileError, match=r"NUL.*save it as UTF-8"):
        load_data_file(path)


# --- Files that are not data files ------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="does not exist; check the path") as caught:
        load_data_file(tmp_path / "cv.yaml")
    assert caught.value.line is None
    with pytest.raises(DataFileError, match="part of the path is a file"):
        (tmp_path / "file").write_text("a: 1")
        load_data_file(tmp_path / "file" / "cv.yaml")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="is a folder, not a data file"):
        load_data_file(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "cv.yaml"
    os.mkfifo(fifo)
    outcome: list[BaseException | Lined] = []

    def load() -> None:
        try:
            outcome.append(load_data_file(fifo))
        except BaseException as err:
            outcome.append(err)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "load_data_file hung on a FIFO"
    assert isinstance(outcome[0], DataFileError)
    assert "is a named pipe (FIFO)" in str(outcome[0])


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_device_is_refused() -> None:
    with pytest.raises(DataFileError, match="is a device"):
        load_data_file(Path("/dev/zero"))


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "cv.yaml"
    path.write_text("a: 1\n")

    def refuse(*args: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(datafiles.os, "open", refuse)  # chmod 0 does not stop root
    with pytest.raises(DataFileError, match="permission denied; make the file readable"):
        load_data_file(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\t\n", "the file is empty"),
        (b"\xef\xbb\xbf", "the file is empty"),
        (b"# only a comment\n", "holds no data, only comments"),
        (b"just some text\n", "holds a single value"),
    ],
)
def test_files_without_data(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "cv.yaml"
    path.write_bytes(content)
    with pytest.raises(DataFileError, match=message):
        load_data_file(path)


# --- What a value is ------------------------------------------------------------------------


def test_yaml_11_scalars_stay_text() -> None:
    text = """\
on: yes
off: no
y: n
date: 2019-08-01
month: 2019-08
float: 1e3
hex: 0x1F
octal: 012
sexagesimal: 12:30
underscored: 1_000
infinity: .inf
bool: True
tilde: ~
null: null
empty:
quoted: 'null'
tagged: !!str ~
version: 1.10
"""
    assert plain(load_data_text(text)) == {
        "on": "yes",
        "off": "no",
        "y": "n",
        "date": "2019-08-01",
        "month": "2019-08",
        "float": "1e3",
        "hex": "0x1F",
        "octal": "012",
        "sexagesimal": "12:30",
        "underscored": "1_000",
        "infinity": ".inf",
        "bool": "True",
        "tilde": "",
        "null": "",
        "empty": "",
        "quoted": "null",
        "tagged": "~",
        "version": "1.10",
    }


def test_json_scalars_stay_as_written() -> None:
    root = load_data_text('{"n": 12.50, "e": -1E+3, "t": true, "f": false, "z": null, "s": "1"}')
    assert plain(root) == {"n": "12.50", "e": "-1E+3", "t": "true", "f": "false", "z": "", "s": "1"}


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['touch {marker}']\n",
        "a: !!python/object/new:os.system ['touch {marker}']\n",
        "!!python/object/apply:os.system\nargs: ['touch {marker}']\n",
        "a: !!python/name:os.system\n",
        "a: !custom 'touch {marker}'\n",
    ],
)
def test_python_tags_are_refused_and_never_run(tmp_path: Path, text: str) -> None:
    marker = tmp_path / "ran"
    err = error_of(text.format(marker=marker))
    assert "unsupported YAML tag" in str(err)
    assert "remove the tag" in str(err)
    assert err.line == 1
    assert not marker.exists()


def test_python_tag_shown_as_written() -> None:
    err = error_of("a:\n  b: !!python/object/apply:os.system ['true']\n")
    assert "!!python/object/apply:os.system" in str(err)
    assert err.line == 2


def test_merge_keys_and_explicit_keys_win() -> None:
    text = "defaults: &d\n  city: Paris\n  role: Engineer\njob:\n  <<: *d\n  role: Lead\n"
    root = load_data_text(text)
    job = root.get("job")
    assert job is not None
    assert plain(job) == {"city": "Paris", "role": "Lead"}
    assert job.key_lines == {"city": 5, "role": 6}
    assert root.warnings == ()
    assert plain(load_data_text("x: {'<<': 1}")) == {"x": {"<<": "1"}}  # quoted: a plain key
    assert "merge key" in str(error_of("x:\n  <<: 1\n"))


def test_duplicate_keys_keep_the_last_and_warn() -> None:
    for text, lines in [
        ("name: A\nrole: x\nname: B\n", (1, 3)),
        ('{\n"name": "A",\n"name": "B"\n}', (2, 3)),
    ]:
        root = load_data_text(text)
        assert root.text("name") == "B"
        assert root.key_line("name") == lines[1]
        assert [w.line for w in root.warnings] == [lines[1]]
        assert f"duplicate key 'name' (first on line {lines[0]})" in root.warnings[0].message


# --- Lines ------------------------------------------------------------------------------------

RENDERCV = """\
cv:
  name: Ada Lovelace

  sections:
    experience:
      - company: Analytical Engines
        highlights:
          - Wrote the first program
          - >-
            Folded text
            over two lines
      - company: Difference Engines
        position: Analyst
"""


def test_yaml_lines_of_keys_and_list_items() -> None:
    cv = load_data_text(RENDERCV).get("cv")
    assert cv is not None
    assert cv.key_lines == {"name": 2, "sections": 4}
    sections = cv.get("sections")
    assert sections is not None
    experience = sections.get("experience")
    assert experience is not None
    assert [entry.line for entry in experience.elements()] == [6, 12]
    first, second = experience.elements()
    assert first.key_lines == {"company": 6, "highlights": 7}
    highlights = first.get("highlights")
    assert highlights is not None
    assert [item.line for item in highlights.elements()] == [8, 9]
    assert highlights.elements()[1].text() == "Folded text over two lines"
    assert second.key_line("position") == 13
    assert second.key_line("missing") == 12


def test_json_lines_with_tab_indentation() -> None:
    resume = {"basics": {"name": "Ada 🚀"}, "work": [{"name": "ACME", "highlights": ["a", "b"]}]}
    text = json.dumps(resume, indent="\t")
    assert "\t" in text
    root = load_data_text(text)
    assert plain(root) == resume
    lines = text.splitlines()
    work = root.get("work")
    assert work is not None
    entry = work.elements()[0]
    assert lines[entry.line - 1].strip() == "{"
    assert lines[entry.key_line("name") - 1].strip() == '"name": "ACME",'
    highlights = entry.get("highlights")
    assert highlights is not None
    assert [lines[item.line - 1].strip() for item in highlights.elements()] == ['"a",', '"b"']


def test_helpers() -> None:
    root = load_data_text("a: ' x '\nb: [1, 2]\nc: {d: e}\n")
    assert root.is_mapping and not root.is_list
    assert root.text("a") == "x"
    assert root.text("b") == "" and root.text("missing") == ""
    b = root.get("b")
    assert b is not None and b.is_list and b.get("x") is None and list(b.items()) == []
    assert [item.text() for item in b.elements()] == ["1", "2"]
    assert [key for key, _ in root.items()] == ["a", "b", "c"]
    assert root.elements() == []


# --- Syntax errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a:\n\tb: 1\n", 2, "YAML does not allow tabs for indentation; indent with spaces"),
        ("a: x\n\tb: 1\n", 2, "YAML does not allow tabs for indentation"),
        ("a: |\n  b\n\tc\n", 3, "YAML does not allow tabs for indentation"),
        ('a: "unclosed\nb: 2\nc: 3\n', 1, "never closed: add the closing quote"),
        ("a: 1\nname\nb: 1\n", 2, "this line needs 'key: value'"),
        ("a: @home\n", 1, "cannot start with '@': put the value in quotes"),
        ("title: Talk: the sequel\n", 1, "a value that contains ': ' must be put in quotes"),
        ("a:\n  b: 1\n c: 2\n", 3, "check the indentation"),
        ("- a\nb: 1\n", 2, "is not a list item"),
        ("a: [1, 2\nb: 3\n", 2, "'[' or '{' is not closed"),
        ('a: "C:\\q"\n', 1, "use single quotes"),
        ("a: 1\n---\nb: 2\n", 2, "more than one YAML document"),
        ("? [a, b]\n: 1\n", 1, "a key must be text"),
    ],
)
def test_yaml_errors_are_located_with_a_fix(text: str, line: int, words: str) -> None:
    err = error_of(text)
    assert words in str(err)
    assert err.line == line


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('{"a": 1\n "b": 2}', 2, "expected ',' or '}' but found '\"' (column 2)"),
        ('{"a": [1,\n 2', 1, "the file ends before the [ here is closed"),
        ('{\n"a": "abc\n}', 2, "a string is not closed on this line"),
        ('{"a": 1, // note\n"b": 2}', 1, "JSON does not allow comments"),
        ('{"a": "x\\q"}', 1, "write \\\\ for a backslash"),
        ("[1, 2]\n]", 2, "after the end of the JSON data"),
        ('{"a":: 1}', 1, "expected a value"),
    ],
)
def test_json_errors_are_located_with_a_fix(text: str, line: int, words: str) -> None:
    err = error_of(text)
    assert words in str(err)
    assert "not valid JSON" in str(err)
    assert err.line == line


def test_yaml_flow_style_that_is_not_json_still_loads() -> None:
    assert plain(load_data_text("{name: Ada, tags: [a, b]}")) == {"name": "Ada", "tags": ["a", "b"]}
    assert plain(load_data_text('{"a": 1,}')) == {"a": "1"}


def test_error_keeps_its_line_through_pickle() -> None:
    err = pickle.loads(pickle.dumps(DataFileError("bad", 7)))
    assert (str(err), err.line) == ("bad", 7)


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        Limits(max_depth=0)


def test_libyaml_and_pure_python_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    text = RENDERCV + "other: &o [x, {y: z}]\nagain: *o\n"
    fast = load_data_text(text)
    monkeypatch.setattr(datafiles, "_LOADER", yaml.SafeLoader)
    assert load_data_text(text) == fast


# --- Random input: only DataFileError, and quickly ---------------------------------------------

TOKENS = [
    *"{}[]:,-&*!|>'\"#%@`?\\ \t\n\r~<.0a",
    "\x00",
    "\x07",
    "\x85",
    "\u2028",
    "\ufeff",
    "\ud800",
    "🚀",
    "é",
    "\\u",
    "\\ud83d",
    "- ",
    ": ",
    "&a ",
    "*a",
    "<<: ",
    "!!python/object/apply:os.system ",
    "!!str ",
    "---\n",
    '"k": ',
    "null",
    "true",
    "1e3",
    "\n  ",
]
RANDOM = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def only_data_file_errors(text: str) -> None:
    start = time.process_time()
    try:
        root = load_data_text(text)
    except DataFileError as err:
        assert str(err)
        assert err.line is None or err.line >= 1
    else:
        assert isinstance(root, Lined) and not isinstance(root.value, str)
    assert time.process_time() - start < 5  # no hang


@RANDOM
@given(st.text())
def test_random_text_gives_only_data_file_errors(text: str) -> None:
    only_data_file_errors(text)


@RANDOM
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join))
def test_random_yaml_and_json_fragments_give_only_data_file_errors(text: str) -> None:
    only_data_file_errors(text)
    only_data_file_errors("{" + text)
    only_data_file_errors("a:\n  " + text.replace("\n", "\n  "))


@RANDOM
@given(st.binary(max_size=200))
def test_random_bytes_give_only_data_file_errors(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.yaml"
        path.write_bytes(data)
        try:
            root = load_data_file(path)
        except DataFileError:
            return
    assert isinstance(root, Lined)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


REFUSED = re.compile("[\x7f-\x9f\ufffe\uffff]")


def expected(value: object) -> object:
    """What the loader gives for a JSON value: text as json.dumps wrote it."""
    if isinstance(value, dict):
        return {key: expected(item) for key, item in value.items()}
    if isinstance(value, list):
        return [expected(item) for item in value]
    if isinstance(value, str):
        return value
    return "" if value is None else json.dumps(value)


@RANDOM
@given(
    st.lists(JSON_VALUES, max_size=4) | st.dictionaries(st.text(max_size=8), JSON_VALUES),
    st.booleans(),
    st.sampled_from([None, 2, "\t"]),
)
def test_any_json_round_trips(value: object, ascii_only: bool, indent: int | str | None) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent)
    if REFUSED.search(text):  # json.dumps writes DEL, C1 and U+FFFE/U+FFFF unescaped
        assert "control character" in str(error_of(text))
    else:
        assert plain(load_data_text(text)) == expected(value)
