"""Reference tables generated from the code, so the guide cannot drift from it.

``config-table``: every ``academic_*`` value from :class:`sphinx_academic.config.AcademicConfig`
(name, default, rebuild, meaning). ``warning-types``: every warning subtype from
:class:`sphinx_academic.messages.Subtype`. ``input-limits``: the bounds on data files and
filters, from :mod:`sphinx_academic.datafiles` and :mod:`sphinx_academic.bib.filters`.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from sphinx_academic.bib.filters import MAX_DEPTH, MAX_LENGTH, MAX_REGEX_SIZE
from sphinx_academic.config import PREFIX, AcademicConfig, default_of
from sphinx_academic.datafiles import DEFAULT_LIMITS
from sphinx_academic.messages import Subtype


def _table(header: list[str], rows: list[list[nodes.Node | str]]) -> nodes.table:
    table = nodes.table(classes=["guide-reference"])
    group = nodes.tgroup(cols=len(header))
    table += group
    group.extend(nodes.colspec(colwidth=1) for _ in header)
    head = nodes.thead()
    head += nodes.row("", *[nodes.entry("", nodes.paragraph(text=h)) for h in header])
    group += head
    body = nodes.tbody()
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            content = cell if isinstance(cell, nodes.Node) else nodes.Text(cell)
            row += nodes.entry("", nodes.paragraph("", "", content))
        body += row
    group += body
    return table


def _literal(text: str) -> nodes.literal:
    return nodes.literal(text, text)


class ConfigTable(SphinxDirective):
    """``config-table``; ``:only: pdf`` keeps the values whose names start with ``pdf``."""

    option_spec: ClassVar[dict[str, Any]] = {"only": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        only = self.options.get("only", "")
        rows: list[list[nodes.Node | str]] = [
            [
                _literal(PREFIX + f.name),
                _literal(repr(default_of(f))),
                f.metadata["rebuild"],
                f.metadata["doc"],
            ]
            for f in fields(AcademicConfig)
            if f.name.startswith(only)
        ]
        return [_table(["name", "default", "rebuild", "meaning"], rows)]


class WarningTypes(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        rows: list[list[nodes.Node | str]] = [
            [_literal(f"academic.{subtype.value}"), subtype.description] for subtype in Subtype
        ]
        return [_table(["type", "what it is about"], rows)]


#: (what is bounded, the limit, words of the warning when it is passed): tests/test_hostile.py
#: passes each limit and checks that the warning has these words.
LIMITS = [
    (
        "size of a CV or other data file",
        f"{DEFAULT_LIMITS.max_bytes / 1_000_000:.1f} MB",
        f"over the {DEFAULT_LIMITS.max_bytes / 1_000_000:.1f} MB limit for data files",
    ),
    (
        "nesting of lists and mappings in a data file",
        f"{DEFAULT_LIMITS.max_depth} levels",
        f"nested more than {DEFAULT_LIMITS.max_depth} levels deep",
    ),
    (
        "values in a data file, YAML aliases expanded",
        f"{DEFAULT_LIMITS.max_nodes:,} values",
        f"past {DEFAULT_LIMITS.max_nodes:,} values once aliases are expanded",
    ),
    (
        "length of a :filter: expression",
        f"{MAX_LENGTH:,} characters",
        f"characters long and the limit is {MAX_LENGTH:,}",
    ),
    (
        "nesting of a :filter: expression",
        f"{MAX_DEPTH} levels",
        f"levels deep and the limit is {MAX_DEPTH}",
    ),
    (
        "a regular expression in a :filter:, compiled",
        f"{MAX_REGEX_SIZE:,} RE2 steps",
        "the regular expression is too large for linear-time matching",
    ),
]


class InputLimits(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        rows: list[list[nodes.Node | str]] = [
            [what, limit, f"“…{said}…”"] for what, limit, said in LIMITS
        ]
        return [_table(["what", "limit", "the warning says"], rows)]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("config-table", ConfigTable)
    app.add_directive("warning-types", WarningTypes)
    app.add_directive("input-limits", InputLimits)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
