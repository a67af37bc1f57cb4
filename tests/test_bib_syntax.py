"""The bib syntax checker (sphinx_academic.bib.syntax), checked against pybtex itself.

The property tests generate bib-ish texts from fragments (good entries, broken ones, stray
braces and quotes, @string, @comment, names with commas, repeated keys, control characters,
unicode, deep braces) and check the module's promise against pybtex 0.26:

* ``clean_text is None`` only if pybtex's strict parser reads the original without an error;
* otherwise pybtex reads ``clean_text`` without an error, and every entry that lenient pybtex
  reads from the original, and that no problem names, is in it with the same fields.

After an error, lenient pybtex resumes at the next ``@`` anywhere, even inside the text of the
broken entry, while the checker resumes at the next line that starts an entry. So an entry that
lenient pybtex starts reading on another line than the checker (``entry_lines``) is exempt, and
so is one that uses a @string that lenient pybtex lost in a broken entry (the checker reads the
@string, so the entry gets its value, not the empty text). A second property makes the first
exemption sound: every good entry fragment, each starting its own line, is seen by the checker
and either kept or named by a problem.
"""

from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass
from typing import Any

import pybtex.errors
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pybtex.database import BibliographyData, Entry
from pybtex.database.input.bibtex import LowLevelParser, Parser

from sphinx_academic.bib.syntax import BibProblem, CheckedBib, check_bibtex

# --- helpers --------------------------------------------------------------------------------


def pybtex_read(text: str) -> tuple[list[Exception], BibliographyData]:
    """pybtex's own reading: the errors strict mode would raise (the first one), and what
    lenient mode keeps."""
    with pybtex.errors.capture() as errors:
        data = Parser().parse_string(text)
    return list(errors), data


def strings_pybtex_missed(text: str) -> set[str]:
    """@string names written in the text that lenient pybtex did not define: it skipped them
    as part of a broken entry."""
    parser = Parser()
    with pybtex.errors.capture():
        parser.parse_string(text)
    written = re.findall(r"@\s*string\s*[{(]\s*([^\s=,{}()]+)", text, re.IGNORECASE)
    return {name.lower() for name in written} - {name.lower() for name in parser.macros}


def mentions(text: str, line: int, names: set[str]) -> bool:
    """Whether the entry starting on ``line`` (up to the next line starting with '@') uses one
    of ``names``."""
    lines = re.split(r"\r\n?|\n", text)[line - 1 :]
    end = next((i for i, rest in enumerate(lines[1:], 1) if rest.lstrip().startswith("@")), None)
    region = "\n".join(lines[:end])
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", region, re.I) for name in names)


def summary(entry: Entry) -> tuple[Any, ...]:
    """What pybtex read of an entry. Its type's leading '@' is left out: pybtex reads
    '@ @article{' as type '@article' from the first '@' but as 'article' when it resumes at the
    second after an error, and lines cannot tell which '@' the checker started at."""
    people = {role: [str(person) for person in persons] for role, persons in entry.persons.items()}
    return entry.type.lstrip("@"), sorted(entry.fields.items()), sorted(people.items())


def pybtex_entry_lines(text: str) -> dict[str, int]:
    """The line where lenient pybtex starts reading each entry it keeps (the first of a key)."""
    lines: dict[str, int] = {}
    parser = LowLevelParser(text, handle_error=lambda error: None, macros={})
    for command, body in parser:
        key = body[0] if command.lower() not in ("string", "preamble") else None
        if key is not None:
            start = parser.command_start
            line = text.count("\n", 0, start) + text.count("\r", 0, start) + 1
            lines.setdefault(key.lower(), line - text.count("\r\n", 0, start))
    return lines


def check(text: str) -> CheckedBib:
    checked = check_bibtex(text.encode("utf-8"))
    assert not any("could not check" in p.message for p in checked.problems), checked.problems
    return checked


def assert_promise(text: str, checked: CheckedBib) -> None:
    """The module's guarantee, checked with pybtex."""
    errors, original = pybtex_read(text)
    if checked.clean_text is None:
        assert errors == [], f"pybtex strict raises {errors[0]!s} but no problem was reported"
        assert checked.problems == ()
        return
    assert checked.problems
    clean_errors, clean = pybtex_read(checked.clean_text)
    assert clean_errors == [], f"pybtex raises {clean_errors[0]!s} on:\n{checked.clean_text}"
    # Keys ignore case: a problem about 'k4' is one about 'K4' (an entry on the same line after
    # a broken one is part of it for the checker, not for lenient pybtex).
    named = {problem.key.lower() for problem in checked.problems if problem.key is not None}
    starts = pybtex_entry_lines(text)
    missed = strings_pybtex_missed(text)
    for key, entry in original.entries.items():
        line = starts.get(key.lower())  # None for pybtex's 'unnamed-1' of an entry without key
        if key.lower() in named or line is None or line != checked.entry_lines.get(key.casefold()):
            continue  # named, or read from another '@' after an error (see the module docstring)
        if missed and mentions(text, line, missed):
            continue  # uses a @string that lenient pybtex lost in a broken entry, and we did not
        assert key in clean.entries, f"entry {key!r} was lost: {checked.problems}"
        assert summary(clean.entries[key]) == summary(entry)


def only(checked: CheckedBib) -> BibProblem:
    assert len(checked.problems) == 1, checked.problems
    return checked.problems[0]


# --- generated texts ------------------------------------------------------------------------

TYPES = ["article", "inproceedings", "misc", "Book", "ARTICLE"]
FIELDS = ["title", "author", "editor", "year", "journal", "note", "Title", "url", "abstract"]
MACROS = ["foo", "Bar", "journ"]
BITS = [
    "word", "Müller", "Zoë", "東京", "naïve", " ", " ", ",", ", ", "\n", '"', "@", "#", "=",
    "%", "(", ")", "\\'e", "~", " and ", "@misc{x, ", "a@b.org", "\t", "\xa0", "\u2028", "\x85",
    "\r", "\n@article{",
]  # fmt: skip
NAMES = [
    "Lovelace, Ada", "Ada Lovelace", "von Neumann, Jr, John", "A, B, C, D", "{A, B, C, D}",
    "{Org and Co}", "Last,First,X,Y,Z", "and", "Knuth, D., E., F.", "Hopper, {G, M}",
    "X, {a and b}, Y, Z", "{A}, B AND, C, D", 'M{\\"u}ller, J{\\"u}rgen', "A,\x00B, C",
    "{\\'E}mile, X, Y, Z", "A, B, C{, D}",
]  # fmt: skip
NAME_SEPARATORS = [" and ", " AND ", "\nand ", " and  and ", "  and\t"]
CONTROL = ["\x00", "\x01", "\x0b", "\x0c", "\x1b", "\x1f"]
NOISE = ["{", "}", '"', ",", "=", "@", "#", "(", ")", "\n", " ", "\x00", "a", "{{", "}}"]


def braced_content(max_leaves: int = 10) -> st.SearchStrategy[str]:
    """Text with balanced braces, nested up to a few levels."""
    return st.recursive(
        st.sampled_from(BITS),
        lambda inner: (
            st.lists(inner, max_size=4).map(lambda parts: "{" + "".join(parts) + "}")
            | st.lists(inner, min_size=1, max_size=4).map("".join)
        ),
        max_leaves=max_leaves,
    )


quoted_content = st.lists(
    st.sampled_from([bit for bit in BITS if '"' not in bit])
    | braced_content(4).map(lambda text: "{" + text + "}"),
    max_size=4,
).map("".join)

simple_value = st.one_of(
    braced_content().map(lambda text: "{" + text + "}"),
    quoted_content.map(lambda text: f'"{text}"'),
    st.integers(0, 3000).map(str),
    st.sampled_from(["jan", "DEC", "may", *MACROS, "undefinedname"]),
)
value = st.lists(simple_value, min_size=1, max_size=3).map(lambda parts: " # ".join(parts))
names_value = st.lists(
    st.tuples(st.sampled_from(NAMES), st.sampled_from(NAME_SEPARATORS)), min_size=1, max_size=4
).map(lambda pairs: "{" + "".join(name + sep for name, sep in pairs)[: -len(pairs[-1][1])] + "}")


@st.composite
def entry_text(draw: st.DrawFn, key: str) -> str:
    kind = draw(st.sampled_from(TYPES))
    fields = []
    for name in draw(st.lists(st.sampled_from(FIELDS), max_size=5)):
        person = name.lower() in ("author", "editor") and draw(st.booleans())
        fields.append(f"{name} = {draw(names_value if person else value)}")
    separator = draw(st.sampled_from([",\n  ", ", ", ",\n\t", ","]))
    body = separator.join([key, *fields]) + draw(st.sampled_from(["", ",", "\n"]))
    start = draw(st.sampled_from(["@", "@", "@", "  @", "\t@", "@ ", "@\n"])) + kind
    start += draw(st.sampled_from(["", "", "", " ", "\n"]))
    if draw(st.integers(0, 9)) == 0:
        return f"{start}({body}\n)"  # a key in parentheses may end with ')'"
    return f"{start}{{{body}}}"


@dataclass
class Generated:
    text: str
    good_keys: list[str]  # keys of unmutated entry fragments, each at the start of a line


@st.composite
def bib_texts(draw: st.DrawFn) -> Generated:
    pieces: list[str] = []
    good: list[str] = []
    keys: list[str] = []
    for index in range(draw(st.integers(0, 8))):
        if index:
            pieces.append(draw(st.sampled_from(["\n", "\n", "\n", "\r\n", "\r", "\n\n", " "])))
        kind = draw(
            st.sampled_from(
                ["entry", "entry", "entry", "mutated", "string", "comment", "noise", "dup", "deep"]
            )
        )
        key = f"k{index}"
        if kind == "entry":
            pieces.append(draw(entry_text(key)))
            if pieces[-2:-1] != [" "]:  # it starts a line
                good.append(key)
            keys.append(key)
        elif kind == "mutated":
            text = draw(entry_text(key))
            for _ in range(draw(st.integers(1, 3))):
                at = draw(st.integers(0, len(text)))
                cut = draw(st.integers(0, 2))
                text = text[:at] + draw(st.sampled_from(NOISE + CONTROL)) + text[at + cut :]
            pieces.append(text)
            keys.append(key)
        elif kind == "string":
            name = draw(st.sampled_from(MACROS))
            if draw(st.booleans()):
                pieces.append(f"@string{{{name} = {draw(value)}}}")
            else:
                pieces.append(f"@STRING( {name}={draw(value)} )")
        elif kind == "comment":
            pieces.append(
                draw(
                    st.sampled_from(
                        [
                            "% a comment",
                            "---\n---",
                            "@comment{jabref-meta: x;}",
                            '@preamble{"\\newcommand{\\x}{y}"}',
                            "mail me@example.org",
                            "@Comment{ has {braces} }",
                            "just text { with an open brace",
                        ]
                    )
                )
            )
        elif kind == "noise":
            pieces.append("".join(draw(st.lists(st.sampled_from(NOISE + CONTROL), max_size=6))))
        elif kind == "dup" and keys:
            old = draw(st.sampled_from(keys))
            dup_key = "".join(c.upper() if draw(st.booleans()) else c for c in old)
            pieces.append(draw(entry_text(dup_key)))
        elif kind == "deep":
            depth = draw(st.integers(99, 103))
            if draw(st.booleans()):
                pieces.append(f"@misc{{{key}, title = {'{' * depth}x{'}' * depth}}}")
            else:
                pieces.append(f'@misc{{{key}, title = "{"{" * depth}x{"}" * depth}"}}')
            keys.append(key)
    return Generated("".join(pieces), good)


@settings(
    max_examples=600,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(bib_texts())
def test_promise_holds_for_generated_texts(generated: Generated) -> None:
    checked = check(generated.text)
    assert_promise(generated.text, checked)
    lines = len(re.split(r"\r\n?|\n", generated.text))
    for problem in checked.problems:
        assert problem.line is None or 1 <= problem.line <= lines
    named = {problem.key for problem in checked.problems}
    clean_keys = set()
    if checked.clean_text is not None:
        clean_keys = {key.casefold() for key in pybtex_read(checked.clean_text)[1].entries}
    for key in generated.good_keys:
        assert key.casefold() in checked.entry_lines
        assert checked.clean_text is None or key in named or key.casefold() in clean_keys


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*NOISE, *CONTROL, *BITS, "@misc{k,", "}\n@article{", "\r"])).map(
        "".join
    )
)
def test_promise_holds_for_random_noise(text: str) -> None:
    assert_promise(text, check(text))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_never_raises_on_bytes(data: bytes) -> None:
    checked = check_bibtex(data)
    assert not any("could not check" in p.message for p in checked.problems)


# --- each kind of problem -------------------------------------------------------------------

GOOD = "@article{good1,\n  title = {Good One},\n  author = {Lovelace, Ada},\n  year = 2020,\n}\n"


def test_clean_file_has_no_problems_and_no_clean_text() -> None:
    text = "---\n---\n\n" + GOOD + "\n@misc{Good2, title = jan # { 1}}\n"
    checked = check(text)
    assert checked.problems == ()
    assert checked.clean_text is None
    assert dict(checked.entry_lines) == {"good1": 4, "good2": 10}


def test_unbalanced_brace_is_blamed_on_its_entry_and_the_rest_is_kept() -> None:
    text = GOOD + "\n@article{bad1,\n  title = {Unbalanced {brace},\n  year = {2021},\n}\n\n"
    text += "@article{good2, title = {Good Two}}\n"
    checked = check(text)
    problem = only(checked)
    assert (problem.line, problem.key) == (7, "bad1")
    assert problem.message == (
        "entry 'bad1' has an unbalanced brace: a '{' opened on line 8 (field 'title') is never "
        "closed; close it (the entry was left out, the entries after it are still used)"
    )
    assert checked.entry_lines["bad1"] == 7
    assert_promise(text, checked)
    assert set(pybtex_read(checked.clean_text or "")[1].entries) == {"good1", "good2"}


def test_unclosed_brace_at_the_end_of_the_file() -> None:
    checked = check(GOOD + "@misc{late, title = {never closed\n")
    assert only(checked).message.startswith(
        "entry 'late' has an unbalanced brace: a '{' opened on line 6 (field 'title') is never "
        "closed before the end of the file"
    )


def test_unterminated_quote() -> None:
    text = '@misc{q,\n  title = "Foo,\n  year = {2020},\n}\n\n' + GOOD
    problem = only(check(text))
    assert (problem.line, problem.key) == (1, "q")
    assert "unterminated quote: a '\"' opened on line 2 (field 'title')" in problem.message


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("@misc{a,\n title = {x}\n year = 2020}", "a comma is missing between field 'title' and"),
        ("@misc{a,\n title {x}}", "field 'title' has no '=' (found '{x}}' on line 2)"),
        ("@misc{, title = {x}}", "entry '@misc' has no key (found ', title = {x}}' on line 1)"),
        ("@misc{a, title = }", "field 'title' has no value (found '}' on line 1)"),
        ("@misc{title = {x}}", "has no key: 'title =' looks like a field"),
        ("@misc{a, title = {x},\n", "entry 'a' is never closed: its '}' is missing before"),
        ("@misc{a, title = {x}) ", "expected ',' or '}' after the value of field 'title'"),
    ],
)
def test_syntax_errors(body: str, expected: str) -> None:
    text = body + "\n" + GOOD
    checked = check(text)
    problem = only(checked)
    assert expected in problem.message
    assert problem.line == 1
    assert problem.message.endswith("(the entry was left out, the entries after it are still used)")
    assert_promise(text, checked)
    assert "good1" in pybtex_read(checked.clean_text or "")[1].entries


def test_entry_without_fields_is_fine_for_pybtex() -> None:
    assert check("@misc{key}\n@misc{other title = {x}}\n").problems == ()


def test_undefined_macro_is_used_as_its_name() -> None:
    text = '@misc{a, journal = nature}\n@string{nature = "Nature"}\n@misc{b, journal = nature}\n'
    checked = check(text)
    problem = only(checked)
    assert (problem.line, problem.key) == (1, "a")
    assert problem.message.startswith(
        "entry 'a', field 'journal': 'nature' is not a defined @string abbreviation"
    )
    assert "put the value in braces, journal = {nature}, or define it" in problem.message
    clean = pybtex_read(checked.clean_text or "")[1]
    assert clean.entries["a"].fields["journal"] == "nature"
    assert clean.entries["b"].fields["journal"] == "Nature"


def test_months_are_predefined() -> None:
    assert check("@misc{a, month = SEP, note = jan # { and } # feb}").problems == ()


def test_duplicate_field_keeps_the_first() -> None:
    checked = check("@misc{a,\n title = {First},\n TITLE = {Second}}\n")
    problem = only(checked)
    assert problem.message == (
        "entry 'a' has the field 'TITLE' twice (lines 2 and 3); delete one (the first was kept)"
    )
    assert (problem.line, problem.key) == (3, "a")
    assert pybtex_read(checked.clean_text or "")[1].entries["a"].fields["title"] == "First"


def test_duplicate_key_ignores_case_and_keeps_the_first() -> None:
    text = GOOD + "\n@misc{GOOD1, title = {Second}}\n"
    checked = check(text)
    problem = only(checked)
    assert (problem.line, problem.key) == (7, "GOOD1")
    assert problem.message == (
        "entry 'GOOD1' repeats the key of the entry on line 1 (keys ignore case); rename or "
        "delete one (the entry on line 1 was kept, this one was left out)"
    )
    assert checked.entry_lines["good1"] == 1
    entries = pybtex_read(checked.clean_text or "")[1].entries
    assert entries["good1"].fields["title"] == "Good One"


def test_names_with_too_many_commas_are_read_as_lenient_pybtex_reads_them() -> None:
    text = "@misc{a,\n  author = {Lovelace, Ada and Turing, Alan, M, x},\n}\n"
    checked = check(text)
    problem = only(checked)
    assert (problem.line, problem.key) == (2, "a")
    assert problem.message == (
        "entry 'a', field 'author': the name 'Turing, Alan, M, x' has 3 commas; write 'Last, "
        "First' and separate people with ' and ' (it was read as 'Turing, Alan, M x' for now)"
    )
    lenient = pybtex_read(text)[1].entries["a"]
    assert summary(pybtex_read(checked.clean_text or "")[1].entries["a"]) == summary(lenient)


def test_commas_in_braces_and_other_fields_do_not_count() -> None:
    text = "@misc{a, author = {{A, B, C, D} and E, F}, title = {A, B, C, D}}"
    assert check(text).problems == ()
    text = "@misc{a, author = {X, {a and b}, Y, Z}}"  # 'and' in braces does not split
    assert "the name 'X, {a and b}, Y, Z' has 3 commas" in only(check(text)).message


def test_names_from_string_macros_are_checked() -> None:
    text = '@string{p = "A, B, C, D"}\n@misc{a, editor = p # " and X, Y"}\n'
    problem = only(check(text))
    assert (problem.line, problem.key) == (2, "a")
    assert "the name 'A, B, C, D' has 3 commas" in problem.message


def test_control_characters_are_removed() -> None:
    text = "@misc{a,\n title = {x\x00y}}\n\x0c\n" + GOOD
    checked = check(text)
    assert [(p.line, p.key) for p in checked.problems] == [(2, "a"), (3, None)]
    assert [p.message for p in checked.problems] == [
        "entry 'a' holds an invisible NUL (U+0000) on line 2; delete it (it was removed for now)",
        "line 3 holds an invisible form feed (U+000C) outside the entries; delete it (pybtex "
        "ignores text there)",
    ]
    assert "\x00" not in (checked.clean_text or "\x00")
    assert pybtex_read(checked.clean_text or "")[1].entries["a"].fields["title"] == "xy"


def test_latin1_file_is_reported_and_read_as_windows_1252() -> None:
    data = "% comment\n@misc{a, author = {Müller, Jürgen}, note = {€ 5}}\n".encode("cp1252")
    checked = check_bibtex(data)
    problem = only(checked)
    assert (problem.line, problem.key) == (2, None)
    assert problem.message.startswith(
        "the file is not valid UTF-8: the byte 0xFC on line 2 and 2 more cannot be read"
    )
    assert "save it as UTF-8" in problem.message
    assert checked.clean_text is not None
    entry = pybtex_read(checked.clean_text)[1].entries["a"]
    assert str(entry.persons["author"][0]) == "Müller, Jürgen"
    assert entry.fields["note"] == "€ 5"


def test_mixed_file_keeps_its_utf8_characters() -> None:
    data = "@misc{a, title = {Zoë}}\n".encode() + b"@misc{b, title = {Mu\xe9}}\n"
    checked = check_bibtex(data)
    entries = pybtex_read(checked.clean_text or "")[1].entries
    assert (entries["a"].fields["title"], entries["b"].fields["title"]) == ("Zoë", "Mué")


def test_bom_is_fine_and_utf16_is_reported() -> None:
    assert check_bibtex(b"\xef\xbb\xbf" + GOOD.encode()).problems == ()
    checked = check_bibtex(GOOD.encode("utf-16"))
    assert only(checked).message.startswith("the file is UTF-16, not UTF-8; save it as UTF-8")
    assert "good1" in pybtex_read(checked.clean_text or "")[1].entries


def test_at_sign_in_a_comment_is_reported() -> None:
    text = "% written by me@example.org\n" + GOOD
    checked = check(text)
    problem = only(checked)
    assert problem.line == 1 and problem.key is None
    assert problem.message.startswith(
        "'@example.org' is not followed by '{' or '(' (found the entry on line 2)"
    )
    assert_promise(text, checked)


def test_value_that_runs_into_the_next_entry_is_reported() -> None:
    # pybtex strict reads this without an error, swallowing entry 'b' into a's title.
    text = "@misc{a, title = {x {y,\n}\n@misc{b, title = {b}}\n}\n}\n"
    assert pybtex_read(text)[0] == []
    checked = check(text)
    assert checked.problems[0].key == "a"
    assert "b" in pybtex_read(checked.clean_text or "")[1].entries


def test_extra_closing_brace_is_reported() -> None:
    text = "@misc{a,\n  title = {x}},\n  year = {2020},\n}\n"
    problem = only(check(text))
    assert problem.message == (
        "entry 'a' is closed early by the '}' on line 2: the fields after it (from 'year') are "
        "ignored; remove the extra '}' (the entry is used without them)"
    )


def test_too_many_nested_braces_follows_pybtex() -> None:
    def text(depth: int) -> str:
        return f"@misc{{a, title = {'{' * depth}x{'}' * depth}}}"

    assert check(text(101)).problems == ()
    assert pybtex_read(text(102))[0]
    assert "nested more than 100 deep on line 1" in only(check(text(102))).message


def test_crlf_and_cr_line_ends_count_lines() -> None:
    for newline in ("\r\n", "\r"):
        text = GOOD.replace("\n", newline) + newline + "@misc{bad, title = {x}" + newline
        problem = only(check(text))
        assert (problem.line, problem.key) == (7, "bad")


# --- speed ----------------------------------------------------------------------------------

FIRST = "Ada Alan Grace Barbara Edsger Donald Leslie Frances Tony John Zoë Jürgen".split()
LAST = "Lovelace Turing Hopper Liskov Dijkstra Knuth Lamport Allen Hoare Müller Nowak".split()
WORDS = "efficient scalable sparse attention quantization decoding language models".split()


def generated_entry(i: int, rng: random.Random) -> str:
    """An entry shaped like those of benchmarks/generate.py."""
    year = 2026 - i % 25
    authors = " and ".join(
        f"{rng.choice(LAST)}, {rng.choice(FIRST)}" for _ in range(rng.randint(1, 14))
    )
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 10))).capitalize()
    return (
        f"@inproceedings{{key{i},\n  title = {{{title}}},\n"
        f"  author = {{{authors} and Lovelace, Ada}},\n"
        f"  booktitle = {{Proceedings of ICML}},\n  venue_label = {{ICML {year}}},\n"
        f"  year = {{{year}}},\n  arxiv = {{{2000 + i % 600}.{i:05d}}},\n"
        f"  code = {{https://github.com/example/repo{i}}},\n"
        f"  summary = {{One-line summary of work {i}.}},\n"
        f"  abstract = {{Abstract of work {i} about {title.lower()}.}},\n}}\n"
    )


def timed(data: bytes) -> tuple[float, CheckedBib]:
    """The CPU time of a check: other processes on a busy machine do not count."""
    start = time.process_time()
    checked = check_bibtex(data)
    return time.process_time() - start, checked


def test_5000_entries_are_checked_fast() -> None:
    rng = random.Random(5000)
    data = "\n".join(generated_entry(i, rng) for i in range(5000)).encode()
    assert len(data) > 2_500_000
    seconds, checked = min(timed(data) for _ in range(3))
    assert checked.problems == ()
    assert checked.clean_text is None
    assert len(checked.entry_lines) == 5000
    assert seconds < 5  # linear (speed itself is measured by benchmarks)


@pytest.mark.parametrize(
    "text",
    [
        "{" * 1_000_000,
        "@misc{a, title = " + "{" * 1_000_000,
        '@misc{a, title = "' + "{" * 1_000_000,
        "@misc{a, title = {" + "x" * 1_000_000 + "}}",
        '@misc{a, title = "' + "x" * 1_000_000,
        "@" * 300_000,
        "@misc{a, title = {x}\n" * 40_000,
        "\x00" * 1_000_000,
    ],
    ids=["braces", "open-value", "open-quote", "long-value", "long-quote", "ats", "broken", "nul"],
)
def test_huge_inputs_finish_quickly(text: str) -> None:
    seconds, checked = timed(text.encode())
    assert seconds < 5  # no blow-up
    assert not any("could not check" in p.message for p in checked.problems)
