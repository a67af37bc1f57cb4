"""Text written as a literal of the language of the file it goes into.

``sphinx-academic new`` fills the owner's name and the site's title into Python, YAML, BibTeX
and Markdown files. Pasted as they are, ``Jane "JJ" Doe`` breaks ``conf.py`` and a crafted
name runs code on the first build (``"; import os; os.system(...); "``), adds MyST
directives, YAML anchors or BibTeX entries. Each function here returns a literal that the
file's own reader turns back into exactly the given text, and nothing more:

- :func:`python_literal` a Python string literal (``repr``);
- :func:`yaml_literal` a double-quoted YAML scalar, written by PyYAML's own emitter;
- :func:`toml_literal` a TOML basic string;
- :func:`markdown_text` inline Markdown (CommonMark, MyST), every ASCII punctuation escaped;
- :func:`bibtex_text` the inside of a braced BibTeX value: LaTeX's special characters as
  commands, ligatures (``--``) broken, and ``,`` and the word ``and`` in braces, so that a
  name stays one person.

Values are one line: :func:`one_line` makes them so before they are encoded.
"""

from __future__ import annotations

import re
import string
import unicodedata

import yaml

__all__ = [
    "bibtex_text",
    "markdown_text",
    "one_line",
    "python_literal",
    "toml_literal",
    "yaml_literal",
]


class ValueRefused(ValueError):
    """The value cannot be written into a site; the message says why."""


def one_line(value: str, what: str) -> str:
    """``value`` with every run of whitespace (line breaks included) made one space; refused
    if it still holds a control character or cannot be written as UTF-8."""
    text = " ".join(value.split())
    for char in text:
        category = unicodedata.category(char)
        if category == "Cs":
            raise ValueRefused(
                f"{what} is not valid text (it holds bytes that are not UTF-8); "
                "check the terminal's encoding"
            )
        if category == "Cc":
            raise ValueRefused(
                f"{what} holds the control character U+{ord(char):04X}; give plain text"
            )
    return text


def python_literal(value: str) -> str:
    """A Python string literal: ``repr`` escapes quotes, backslashes and invisible characters."""
    return repr(value)


def yaml_literal(value: str) -> str:
    """A double-quoted YAML scalar on one line (PyYAML's emitter escapes what YAML needs)."""
    dumped = yaml.safe_dump(value, default_style='"', allow_unicode=True, width=2**31 - 1)
    return dumped.strip()


_TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n"}
_TOML_ESCAPES |= {"\f": "\\f", "\r": "\\r"}


def toml_literal(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for char in value:
        if char in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[char])
        elif unicodedata.category(char) == "Cc":
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


_MARKDOWN_SPECIAL = re.compile(f"([{re.escape(string.punctuation)}])")


def markdown_text(value: str) -> str:
    """Inline Markdown showing ``value`` as written: CommonMark lets a backslash escape any
    ASCII punctuation, which turns off emphasis, links, HTML, roles (``{role}`...```),
    substitutions and every other construct that starts with one."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(value, "the text"))


#: LaTeX's special characters as commands that BibTeX keeps balanced and the extension's
#: LaTeX decoder turns back into the character.
_BIBTEX_SPECIAL = {
    "\\": "{\\textbackslash}",
    "{": "{\\textbraceleft}",
    "}": "{\\textbraceright}",
    "$": "{\\$}",
    "&": "{\\&}",
    "%": "{\\%}",
    "#": "{\\#}",
    "_": "{\\_}",
    "^": "{\\textasciicircum}",
    "~": "{\\textasciitilde}",
    ",": "{,}",  # BibTeX splits "Last, First" at a comma
}
_BIBTEX_WORD = re.compile(r"(?<!\S)(and|others)(?!\S)", re.IGNORECASE)
#: The second character of LaTeX's ligatures (``--``, two backticks, ``''``, ``!``` and
#: ``?```: dashes, quotes and Spanish marks), braced so that it stays as written.
_LIGATURE_END = re.compile(r"(?<=-)-|(?<=[`!?])`|(?<=')'")


def bibtex_text(value: str) -> str:
    """The inside of a braced BibTeX value that reads back as ``value``, one person if it is a
    name: special characters become LaTeX commands, and ``,`` and the words ``and`` and
    ``others`` (which split a name list) are put in braces."""
    text = "".join(_BIBTEX_SPECIAL.get(char, char) for char in one_line(value, "the text"))
    text = _LIGATURE_END.sub(lambda match: "{" + match.group(0) + "}", text)
    return _BIBTEX_WORD.sub(r"{\1}", text)
