"""Reading what exporters and researchers write: arXiv ids, DOIs and wrapped URLs; author marks,
position fields and BibLaTeX annotations; co-author files. Wrong input is a warning at its file
and line (tests/roots/test-roles), never a traceback, and the rest of the site builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import html_of, warnings_of
from pybtex.database import Person

from sphinx_academic.bib import links
from sphinx_academic.bib.coauthors import orcid_problem, read_coauthors
from sphinx_academic.bib.roles import DEFAULT_ROLES, RoleTable, explicit_roles, split_marks
from sphinx_academic.datafiles import load_data_text

ROLES = RoleTable.from_config(DEFAULT_ROLES)


@pytest.mark.parametrize(
    ("written", "arxiv"),
    [
        ("2403.01234", "2403.01234"),
        ("2403.01234v2", "2403.01234"),
        ("arXiv:2403.01234v12", "2403.01234"),
        ("https://arxiv.org/abs/2403.01234v3", "2403.01234"),
        ("http://arxiv.org/pdf/2403.01234.pdf", "2403.01234"),
        ("\\url{https://arxiv.org/abs/2403.01234}", "2403.01234"),
        ("hep-th/9901001v2", "hep-th/9901001"),
        ("math.GT/0309136", "math.GT/0309136"),
        ("https://example.org/abs/2403.01234", ""),
        ("2403.1", ""),
        ("not-an-id", ""),
    ],
)
def test_arxiv_ids_in_every_form(written: str, arxiv: str) -> None:
    assert links.arxiv_id(written) == arxiv


@pytest.mark.parametrize(
    ("fields", "arxiv"),
    [
        ({"eprint": "2403.01234", "archiveprefix": "arXiv"}, "2403.01234"),  # arXiv's export
        ({"eprint": "2205.01234", "eprinttype": "arxiv"}, "2205.01234"),  # BibLaTeX, DBLP
        ({"journal": "arXiv preprint arXiv:2511.05678"}, "2511.05678"),  # Google Scholar
        ({"journal": "ArXiv", "volume": "abs/2106.04321"}, "2106.04321"),  # Semantic Scholar
        ({"journal": "CoRR", "volume": "abs/2106.09876"}, "2106.09876"),  # DBLP
        ({"journal": "arXiv e-prints", "eprint": "2106.00001"}, "2106.00001"),  # ADS
        ({"url": "https://arxiv.org/abs/2403.01234"}, "2403.01234"),
        ({"doi": "10.48550/ARXIV.2403.01234"}, "2403.01234"),  # DataCite
        ({"eprint": "12345", "eprinttype": "pubmed"}, ""),
        ({"journal": "Nature", "volume": "abs/2106.04321"}, ""),
    ],
)
def test_the_arxiv_id_wherever_an_exporter_put_it(fields: dict[str, str], arxiv: str) -> None:
    assert links.find_arxiv(fields) == arxiv


@pytest.mark.parametrize(
    ("written", "doi"),
    [
        ("10.1000/xyz123", "10.1000/xyz123"),
        ("doi:10.1000/xyz123", "10.1000/xyz123"),
        ("DOI: 10.1000/xyz123", "10.1000/xyz123"),
        ("https://doi.org/10.1000/xyz123", "10.1000/xyz123"),
        ("http://dx.doi.org/10.1000/xyz123", "10.1000/xyz123"),
        ("10.1162/TACL\\_A\\_00999", "10.1162/TACL_A_00999"),  # DBLP's escapes
        ("\\url{https://doi.org/10.1000/a(b)c}", "10.1000/a(b)c"),
        ("N/A", ""),
        ("https://example.org/10.1000/xyz", ""),
    ],
)
def test_dois_in_every_form(written: str, doi: str) -> None:
    assert links.doi_of(written) == doi


def test_link_values_are_unwrapped() -> None:
    assert links.clean_link_value("\\url{https://x.org/a\\_b}") == "https://x.org/a_b"
    assert links.clean_link_value("{\\url{https://x.org/a}}") == "https://x.org/a"
    assert links.clean_link_value("\\href{https://x.org/c}{Code}") == "https://x.org/c"
    assert links.clean_link_value("https://x.org/\\~{}ada/\\%20") == "https://x.org/~ada/%20"
    assert links.implied_url({"howpublished": "\\url{https://x.org/blog}"}) == "https://x.org/blog"
    assert links.implied_url({"howpublished": "Together AI blog"}) == ""


@pytest.mark.parametrize(
    ("name", "unmarked", "marks"),
    [
        ("Sample*, Bob", "Sample, Bob", ("*",)),  # al-folio
        ("Bob Sample*", "Sample, Bob", ("*",)),
        ("Bob Sample *", "Sample, Bob", ("*",)),
        ("Bob Sample\u2217", "Sample, Bob", ("*",)),  # the asterisk operator
        ("Bob Sample$^*$", "Sample, Bob", ("*",)),
        ("Bob Sample$^{*,\\dagger}$", "Sample, Bob", ("*", "†")),
        ("Bob Sample\\textsuperscript{\\textdagger}", "Sample, Bob", ("†",)),
        ("Bob Sample\\textsuperscript{$\\ddagger$}", "Sample, Bob", ("‡",)),
        ("Sample{*}, Bob", "Sample, Bob", ("*",)),
        ("Sample†‡, B.", "Sample, B.", ("†", "‡")),
        ('M{\\"u}ller, J{\\"o}rg', 'M{\\"u}ller, J{\\"o}rg', ()),
        ("Smith, Jr.*, John", "Smith, Jr., John", ("*",)),
    ],
)
def test_marks_written_into_names(name: str, unmarked: str, marks: tuple[str, ...]) -> None:
    person, found = split_marks(Person(name), ROLES)
    assert (str(person), found) == (unmarked, marks)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("family=Lovelace, given=Ada", "Lovelace, Ada"),
        ("family=Gogh, given=Vincent, prefix=van, useprefix=true", "van Gogh, Vincent"),
        ("family=Smith, suffix=Jr., given=John", "Smith, Jr., John"),
        ("Lovelace, Ada", "Lovelace, Ada"),
        ("{Lovelace=Byron}, Ada", "{Lovelace=Byron}, Ada"),  # an = that is not the format
    ],
)
def test_biblatex_extended_name_format(written: str, read: str) -> None:
    from sphinx_academic.bib.names import from_extended_format

    person = Person(written) if written.count(",") <= 2 else _extended(written)
    assert str(from_extended_format(person)) == read


def _extended(written: str) -> Person:
    """A name with more commas than BibTeX reads, as pybtex's lenient reading keeps it (the
    bib file checker turns the third and later commas into spaces)."""
    first_two = written.split(",", 2)
    return Person(",".join(first_two[:2]) + "," + first_two[2].replace(",", " "))


def test_roles_given_as_positions_and_annotations() -> None:
    fields = {
        "equal": "1, 2",
        "corresponding": "3",
        "author+an": "1=highlight; 2=student; 3:family=equal",
    }
    roles = explicit_roles(fields, 3, ROLES, "k")
    assert roles.marks == {0: ("*",), 1: ("*", "‡"), 2: ("†", "*")}
    assert roles.highlighted == {0} and roles.problems == ()
    assert explicit_roles({"equal": "1--3"}, 3, ROLES, "k").marks == {
        0: ("*",),
        1: ("*",),
        2: ("*",),
    }
    assert "count authors from 1" in explicit_roles({"equal": "4"}, 3, ROLES, "k").problems[0]


def test_orcid_ids_are_checked() -> None:
    assert orcid_problem("0000-0002-1825-0097") == ""
    assert orcid_problem("https://orcid.org/0000-0001-5109-3700") == ""
    assert orcid_problem("0000-0002-1694-233X") == ""
    assert "check digit" in orcid_problem("0000-0002-1825-0098")
    assert "write an ORCID iD" in orcid_problem("orcid:12345")


def test_both_co_author_shapes_match_names_in_every_form() -> None:
    own, problems = read_coauthors(
        load_data_text("- name: Chris De Sa\n  variants: [C. De Sa]\n  url: https://x.org/cds\n")
    )
    assert problems == ()
    for written in ("Chris De Sa", "De Sa, Chris", "C. De Sa", "chris de sa"):
        found = own.find(Person(written))
        assert found is not None and found.url == "https://x.org/cds", written
    assert own.find(Person("Chris Sa")) is None
    alfolio, problems = read_coauthors(
        load_data_text('"muller":\n  - firstname: ["Jörg", "J."]\n    url: https://x.org/jm\n')
    )
    assert problems == ()
    found = alfolio.find(Person('M{\\"u}ller, J{\\"o}rg'))  # accents ignored, as al-folio does
    assert found is not None and found.same_as == ("https://x.org/jm",)


@pytest.mark.sphinx("html", testroot="roles", freshenv=True)
def test_wrong_roles_ids_and_co_authors_warn_at_their_line(app) -> None:
    app.build()
    warnings = warnings_of(app)
    bib = Path(app.srcdir) / "refs.bib"
    coauthors = Path(app.srcdir) / "coauthors.yaml"
    expected = [
        f"{bib}:1: WARNING: author 'Charles Babbage' of 'marked2024' is marked '¶', which no "
        "role has; add one to academic_author_roles",
        f"{bib}:8: WARNING: equal of 'positions2024' is 'first'; write the authors' positions",
        f"{bib}:17: WARNING: author+an of 'annotated2024': no role 'equl'",
        f"{bib}:17: WARNING: author+an of 'annotated2024' names author 5, but the entry has 1",
        f"{bib}:25: WARNING: author 'Ada Lovelace' of 'student2024' is marked '‡'",
        f"{bib}:32: WARNING: crossref of 'orphan2024' names 'nowhere', which no bib file has",
        f"{bib}:39: WARNING: doi of 'badids2024' is 'N/A', not a DOI",
        f"{bib}:39: WARNING: arxiv of 'badids2024' is 'not-an-id', not an arXiv id",
        f"{coauthors}:2: WARNING: co-author 'Charles Babbage': unsafe URL scheme 'javascript'",
        f"{coauthors}:3: WARNING: co-author 'Charles Babbage': unknown key 'homepage'",
        f"{coauthors}:5: WARNING: co-author 'Mary Somerville': orcid '0000-0002-1825-0098': "
        "its check digit is wrong",
        f"{coauthors}:6: WARNING: co-author at line 6: name is missing",
    ]
    for message in expected:
        assert message in warnings, message
    assert "Traceback" not in warnings
    soup = html_of(app, "index.html")
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "javascript" not in page and not soup.select("a.academic-coauthor")
    # The site's own role: a mark in a name and a position field give it; the legend says it.
    marked = soup.select_one("#pub-marked2024 .academic-pub-authors").get_text()
    assert marked.strip() == "Ada Lovelace§, Charles Babbage¶"
    positions = soup.select_one("#pub-positions2024 .academic-pub-authors").get_text()
    assert positions.strip() == "Ada Lovelace, Charles Babbage§"
    assert soup.select_one("p.academic-legend").get_text() == "§\u00a0advisor"
    # Every entry is still listed.
    assert len(soup.select("li.academic-pub")) == 6


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("missing.yaml", "academic_coauthors: {srcdir}/missing.yaml does not exist"),
        # The refused path is shown normalised (its ".." resolved).
        ("../outside.yaml", "academic_coauthors: {parent}/outside.yaml is outside"),
    ],
)
@pytest.mark.sphinx("html", testroot="roles", freshenv=True)
def test_a_co_author_file_that_cannot_be_read_is_named(
    make_app, app_params, setting: str, message: str
) -> None:
    args, kwargs = app_params
    kwargs["confoverrides"] = {"academic_coauthors": setting}
    outside = Path(kwargs["srcdir"]).parent / "outside.yaml"
    outside.write_text("- name: Eve\n  url: https://x.org/eve\n", encoding="utf-8")
    app = make_app(*args, **kwargs)
    app.build()
    expected = message.format(srcdir=app.srcdir, parent=Path(app.srcdir).parent)
    assert expected in warnings_of(app)
    assert "https://x.org/eve" not in (Path(app.outdir) / "index.html").read_text()
