"""The fast HTML path of publication lists writes what the docutils path writes."""

from __future__ import annotations

import pytest
from docutils import nodes
from docutils.utils import new_document
from pybtex.database import parse_string

from sphinx_academic.entry_html import entry_markup, searchable_text
from sphinx_academic.names import NameMatcher
from sphinx_academic.publications import entry_nodes
from sphinx_academic.records import EntryView, build_record

BIB = r"""
@inproceedings{full,
  title = {Fast {Sparse} Attention \& <script>alert(1)</script> "quoted"},
  author = {Turing, Alan and Lovelace, Ada and Hopper, Grace},
  booktitle = {Proceedings of ICML}, year = {2024}, abbr = {ICML}, award = {Oral},
  summary = {One line, with a mail@example.org address.}, abstract = {Long <b>text</b>.},
  arxiv = {2401.00001}, code = {https://github.com/example/x?a=1&b="2"},
  pdf = {full paper.pdf}, preview = {full.png}, bibtex_show = {false},
}
@article{many,
  title = {Many Authors}, year = {2025}, journal = {Journal},
  author = {A, One and B, Two and C, Three and D, Four and Lovelace, Ada and others},
}
@misc{bare, title = {Only a Title}, year = {2023}, bibtex_show = {true}}
"""


def docutils_html(app, item: nodes.list_item) -> str:  # type: ignore[no-untyped-def]
    document = new_document("<test>", app.builder.docsettings)
    document += nodes.bullet_list("", item)
    translator = app.builder.create_translator(document, app.builder)
    item.walkabout(translator)
    return "".join(translator.body)


@pytest.mark.parametrize(
    "view", [EntryView(0, True, ""), EntryView(3, False, "../"), EntryView(3, True, "../../")]
)
@pytest.mark.sphinx("html", testroot="publications")
def test_fast_path_writes_the_docutils_markup(app, view: EntryView) -> None:
    app.build()
    matcher = NameMatcher.from_variants(["Ada Lovelace"])
    for entry in parse_string(BIB, "bibtex").entries.values():
        record = build_record(entry, matcher)
        item = nodes.list_item("", *entry_nodes(record, view, "html"))
        expected = docutils_html(app, item).removeprefix("<li>").removesuffix("</li>\n")
        assert entry_markup(record, view) == expected, entry.key


def test_searchable_text_has_what_a_reader_searches_for() -> None:
    matcher = NameMatcher.from_variants(["Ada Lovelace"])
    record = build_record(parse_string(BIB, "bibtex").entries["full"], matcher)
    text = searchable_text(record)
    for words in ("Fast Sparse Attention", "Ada Lovelace", "ICML", "One line", "Long <b>text"):
        assert words in text
    assert "@inproceedings" not in text
