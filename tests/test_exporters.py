"""BibTeX as researchers have it: what arXiv, Google Scholar, DBLP, the ACL Anthology, Semantic
Scholar, OpenReview, Zotero (Better BibTeX / BibLaTeX) and al-folio export, pasted as it comes
(tests/roots/test-exporters/exports.bib). Each entry reads as a reader expects; no exporter
bookkeeping and no local path reaches any output."""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import _QuietHandler, axe_violations, html_of, warnings_of
from test_browser import open_page

ROOT = Path(__file__).parent / "roots" / "test-exporters"
VIEWS = [(w, s) for w in ("desktop", "phone") for s in ("light", "dark")]
LEGEND = "* equal contribution · † corresponding author · ‡ student advisee"
BABBAGE = "https://example.org/people/babbage"
SOMERVILLE = "https://example.org/people/somerville"

#: What a reader sees of each entry: title, author line (marks as written after a name),
#: highlighted names, co-author links, venue line, year group and link buttons.
EXPECTED: dict[str, dict[str, object]] = {
    # arXiv's export: eprint + archivePrefix; its url is the same page as the arXiv button.
    "lovelace2024sparse": {
        "title": "Sparse Engines for Long Context",
        "authors": "Ada Lovelace, Charles Babbage",
        "venue": "2024",
        "links": {"arXiv": "https://arxiv.org/abs/2403.01234"},
    },
    # Google Scholar: the arXiv id is in the journal; the title keeps its lower case.
    "lovelace2025notes": {
        "title": "Notes on the analytical engine for sparse attention",
        "authors": "Ada Lovelace, Charles Babbage, Mary Somerville",
        "venue": "arXiv preprint, 2025",
        "links": {"arXiv": "https://arxiv.org/abs/2511.05678"},
    },
    "lovelace2023bernoulli": {
        "title": "Computing Bernoulli numbers with punched cards",
        "authors": "Ada Lovelace, Luigi F Menabrea",
        "venue": "International Conference on Machine Learning, 2023",
        "links": {},
    },
    # DBLP: timestamp, biburl, bibsource; PMLR's page; CoRR is arXiv; a doi.org url and an
    # escaped DOI (\_) in another case are one DOI button.
    "DBLP:conf/icml/LovelaceB24": {
        "title": "Difference Engines Revisited",
        "authors": "Ada Lovelace, Charles Babbage",
        "venue": "Forty-first International Conference on Machine Learning, ICML 2024, "
        "Vienna, Austria, July 21-27, 2024",
        "links": {"PMLR": "https://proceedings.mlr.press/v235/lovelace24a.html"},
    },
    "DBLP:journals/corr/abs-2106-09876": {
        "title": "Mechanical Evaluation of Series",
        "authors": "Ada Lovelace, Mary Somerville",
        "venue": "arXiv preprint, 2021",
        "links": {"arXiv": "https://arxiv.org/abs/2106.09876"},
    },
    "DBLP:journals/tacl/LovelaceS22": {
        "title": "Cross-Lingual Tables of Numbers",
        "authors": "Ada Lovelace, Mary Somerville",
        "venue": "Trans. Assoc. Comput. Linguistics, 2022",
        "links": {"DOI": "https://doi.org/10.1162/TACL_A_00999"},
    },
    # ACL Anthology: quoted values, month = dec, its page and its DOI.
    "lovelace-babbage-2020-tables": {
        "title": "Tables of Differences as Features",
        "authors": "Ada Lovelace, Charles Babbage",
        # The ACL Anthology's month = dec is shown, as al-folio shows a month field.
        "venue": "Proceedings of the 28th International Conference on Computational "
        "Linguistics, December 2020",
        "links": {
            "DOI": "https://doi.org/10.18653/v1/2020.coling-main.999",
            "ACL Anthology": "https://aclanthology.org/2020.coling-main.999/",
        },
    },
    # Semantic Scholar: journal = {ArXiv}, volume = {abs/…}; its corpus page.
    "Lovelace2021OnTM": {
        "title": "On the Mechanical Evaluation of Bernoulli Series",
        "authors": "Ada Lovelace, Mary Somerville",
        "venue": "arXiv preprint, 2021",
        "links": {
            "arXiv": "https://arxiv.org/abs/2106.04321",
            "Semantic Scholar": "https://api.semanticscholar.org/CorpusID:235367890",
        },
    },
    # OpenReview's export: the forum page.
    "lovelace2023looms": {
        "title": "Looms as Attention",
        "authors": "Ada Lovelace, Charles Babbage",
        "venue": "The Eleventh International Conference on Learning Representations, 2023",
        "links": {"OpenReview": "https://openreview.net/forum?id=AbCdEfGh12"},
    },
    # Zotero Better BibTeX: {{Protected}} words, urldate, langid, keywords, file.
    "lovelaceAnalyticalEngines2022": {
        "title": "Analytical Engines for Graph Attention",
        "authors": "Ada Lovelace, Charles Babbage",
        "venue": "Proceedings of the 39th International Conference on Machine Learning, July 2022",
        "links": {"PMLR": "https://proceedings.mlr.press/v162/lovelace22a.html"},
    },
    # Zotero Better BibLaTeX: date, journaltitle, @online with eprinttype, @thesis, @report,
    # @patent, author+an annotations, a doi: prefix.
    "lovelaceNotesEngine2023": {
        "title": "Notes on the Engine",
        "authors": "Ada Lovelace, Mary Somerville",
        "venue": "Journal of Mechanical Computation, 2023",
        "links": {
            "DOI": "https://doi.org/10.5555/jmc.2023.045",
            "Link": "https://example.org/jmc/2023/045",
        },
    },
    "lovelaceLoomsAttention2022": {
        "title": "Looms and Attention",
        "authors": "Ada Lovelace",
        "venue": "2022",
        "links": {"arXiv": "https://arxiv.org/abs/2205.01234"},
    },
    "lovelaceMechanicalNotes2019": {
        "title": "Mechanical Notes",
        "authors": "Ada Lovelace",
        "venue": "PhD thesis, University of London, London, 2019",  # location, as al-folio
        "links": {},
    },
    # BibLaTeX's extended name format (family=…, given=…): the owner still highlighted.
    "lovelaceTablesEngine2018": {
        "title": "Tables for the Engine",
        "authors": "Ada Lovelace, Charles Babbage",
        "venue": "Technical report TR-42, Analytical Society, London, 2018",
        "links": {},
    },
    "lovelaceCardReader2017": {
        "title": "Card Reader for Looms",
        "authors": "Ada Lovelace",
        "venue": "U.S. patent US1234567B2, 2017",
        "links": {},
    },
    "lovelaceAnnotatedEngines2022": {
        "title": "Annotated Engines",
        "authors": "A. Lovelace*, Luigi Menabrea*‡",
        "owner": ["A. Lovelace"],  # author+an highlight: not one of academic_author_names
        "venue": "Journal of Mechanical Computation, 2022",
        "links": {"DOI": "https://doi.org/10.5555/jmc.2022.011"},
    },
    # al-folio: marks in names, an arXiv id with its version, site-only fields.
    "lovelace2024equal": {
        "title": "Equal Engines",
        "authors": "Ada Lovelace*, Charles Babbage*, Mary Somerville†",
        # al-folio's additional_info follows the venue line.
        "venue": "ICML Proceedings of the 41st International Conference on Machine Learning, "
        "2024. Oral presentation",
        "links": {
            "arXiv": "https://arxiv.org/abs/2401.00002",
            "Paper": "https://proceedings.mlr.press/v235/lovelace24b.html",
            "Code": "https://github.com/example/equal-engines",
        },
    },
    # Explicit position fields: equal = {1,2}, corresponding = {3}.
    "lovelace2023explicit": {
        "title": "Explicitly Equal",
        "authors": "Charles Babbage*, Ada Lovelace*, Mary Somerville†",
        "venue": "Journal of Mechanical Computation, 2023",
        "links": {},
    },
    # By hand: crossref to a @proceedings volume (title from an @string), \url and \href.
    "lovelace2024inherited": {
        "title": "Inherited Engines",
        "authors": "Ada Lovelace, Charles Babbage",
        # The volume's month is inherited with its title and year.
        "venue": "Proceedings of the 41st International Conference on Machine Learning, July 2024",
        "links": {},
    },
    "lovelace2024blog": {
        "title": "Why Engines Need Notes",
        "authors": "Ada Lovelace",
        "venue": "2024",
        "links": {
            "Link": "https://example.org/blog/engines",
            "Code": "https://github.com/example/notes",
        },
    },
    "lovelace2022wrapped": {
        "title": "Wrapped Links",
        "authors": "Ada Lovelace",
        "venue": "Workshop on Engines, 2022",
        "links": {
            "DOI": "https://doi.org/10.5555/woe.2022.3",
            "OpenReview": "https://openreview.net/forum?id=XyZ123",
        },
    },
}

#: Bookkeeping values of the exports and the local paths of Zotero's file fields.
PRIVATE = [
    "/home/ada",
    "Zotero",
    "storage/ABCD1234",
    "application/pdf",
    "dblp.org/rec",
    "dblp computer science bibliography",
    "Mon, 12 Aug 2024",
    "2024-03-01",
    "2024-01-15",
    "2024-02-02",
    "attention,engines",
    "Computer Science - Machine Learning",
    "J. Mech. Comput.",
    "qyhmnyLat1gC",
]
#: Fields that never reach the BibTeX a reader copies.
BOOKKEEPING_FIELDS = [
    "timestamp",
    "biburl",
    "bibsource",
    "file",
    "urldate",
    "langid",
    "keywords",
    "shortjournal",
    "abstract",
    "crossref",
    "abbr",
    "selected",
    "bibtex_show",
    "altmetric",
    "dimensions",
    "google_scholar_id",
    "annotation",
    "additional_info",
    "equal",
    "corresponding",
    "author+an",
    "arxiv",
    "html",
    "code",
]


def plain(text: str) -> str:
    """Text with no-break spaces (mark and legend) as plain spaces."""
    return text.replace("\u00a0", " ")


def anchor(key: str) -> str:
    return "pub-" + re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


def entry(soup, key: str):  # type: ignore[no-untyped-def]
    found = soup.find(id=anchor(key))
    assert found is not None, key
    return found


def shown(item) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """What a reader sees of one list entry."""
    venue = item.select_one(".academic-pub-venue")
    return {
        "title": item.select_one(".academic-pub-title").get_text(),
        "authors": item.select_one(".academic-pub-authors").get_text().strip(),
        "venue": venue.get_text() if venue else "",
        "links": {a.get_text(): a["href"] for a in item.select("a.academic-link")},
    }


@pytest.mark.sphinx("html", testroot="exporters", freshenv=True)
def test_every_export_reads_as_a_reader_expects(app) -> None:
    app.build()
    assert warnings_of(app) == ""  # the whole file builds with -W
    soup = html_of(app, "index.html")
    listed = {li["id"] for li in soup.select("li.academic-pub")}
    assert listed == {anchor(key) for key in EXPECTED}  # the @proceedings volume is not
    for key, expected in EXPECTED.items():
        item = entry(soup, key)
        assert shown(item) == {k: expected[k] for k in ("title", "authors", "venue", "links")}, key
        owner = [s.get_text() for s in item.select("strong.academic-me")]
        assert owner == expected.get("owner", ["Ada Lovelace"]), key  # whatever the marks
        # Filed under the year shown: a crossref child under its parent's year.
        year = re.findall(r"[0-9]{4}", str(expected["venue"]))[-1]
        assert item.find_parent("section")["id"] == f"year-{year}", key
    # Co-authors from al-folio's _data/coauthors.yml, read as it is: links, never the owner.
    for key in ("lovelace2024equal", "lovelace2025notes"):
        names = entry(soup, key).select("a.academic-coauthor")
        coauthors = {a.get_text(): a["href"] for a in names}
        assert coauthors == {"Charles Babbage": BABBAGE, "Mary Somerville": SOMERVILLE}
    assert not entry(soup, "lovelace2023bernoulli").select("a.academic-coauthor")
    # Marks are superscripts after the name (outside the owner's highlight), one legend under
    # the list says what each mark used means.
    equal = entry(soup, "lovelace2024equal")
    assert [s.get_text() for s in equal.select("sup.academic-mark")] == ["*", "*", "†"]
    assert equal.select_one("strong.academic-me").find_next_sibling("sup").get_text() == "*"
    legends = soup.select("p.academic-legend")
    assert len(legends) == 1 and plain(legends[0].get_text()) == LEGEND
    last_year = soup.select("section.academic-year")[-1]
    assert legends[0].find_parent("section") is last_year  # under the list
    assert legends[0].find_previous_sibling("ul") is not None


@pytest.mark.sphinx("html", testroot="exporters")
def test_exported_keywords_are_topics_but_arxiv_subjects_are_not(app) -> None:
    """Zotero's tags become the list's topics; its automatic arXiv subject tags do not."""
    app.build()
    soup = html_of(app, "index.html")
    assert entry(soup, "lovelaceAnalyticalEngines2022")["data-tags"] == "attention;engines"
    assert entry(soup, "lovelaceNotesEngine2023")["data-tags"] == "computation;notes"
    assert not entry(soup, "lovelaceLoomsAttention2022").has_attr("data-tags")
    topics = [o["value"] for o in soup.select("select[name=tag] option") if o["value"]]
    assert sorted(topics) == ["attention", "computation", "engines", "notes"]
    kinds = {key: entry(soup, key)["data-kind"] for key in EXPECTED}
    assert kinds["lovelaceMechanicalNotes2019"] == "thesis"
    assert kinds["lovelaceCardReader2017"] == "patent"
    assert kinds["lovelaceLoomsAttention2022"] == "preprint"
    assert kinds["DBLP:journals/tacl/LovelaceS22"] == "journal"
    assert kinds["lovelaceAnalyticalEngines2022"] == "conference"


@pytest.mark.sphinx("html", testroot="exporters")
def test_the_bibtex_readers_copy_is_clean(app) -> None:
    app.build()
    soup = html_of(app, "index.html")
    for key in EXPECTED:
        bibtex = entry(soup, key).select_one("details.academic-bibtex pre").get_text()
        assert bibtex.startswith("@") and bibtex.endswith("}"), key
        written = set(re.findall(r"^  ([a-z+_]+) = ", bibtex, re.MULTILINE))
        assert not written & set(BOOKKEEPING_FIELDS), (key, written & set(BOOKKEEPING_FIELDS))
        assert "*" not in bibtex.split("title =")[0] and "†" not in bibtex, key  # no marks
        assert not re.search(r"^  url = \{\\", bibtex, re.MULTILINE), key  # \url{} unwrapped
    equal = entry(soup, "lovelace2024equal").select_one("pre").get_text()
    assert "author = {Lovelace, Ada and Babbage, Charles and Somerville, Mary}," in equal
    assert "eprint = {2401.00002},\n  archiveprefix = {arXiv}," in equal
    acl = entry(soup, "lovelace-babbage-2020-tables").select_one("pre").get_text()
    assert "  month = dec,\n" in acl and "  doi = {10.18653/v1/2020.coling-main.999},\n" in acl
    tacl = entry(soup, "DBLP:journals/tacl/LovelaceS22").select_one("pre").get_text()
    assert "  url = {https://doi.org/10.1162/tacl_a_00999},\n" in tacl
    assert "  doi = {10.1162/TACL_A_00999},\n" in tacl
    # A crossref child carries what it inherits; the parent is not shown, so no crossref.
    inherited = entry(soup, "lovelace2024inherited").select_one("pre").get_text()
    for line in (
        "  editor = {Editor, Erin and Chair, Frank},",
        "  year = {2024},",
        "  month = jul,",
        "  publisher = {PMLR},",
        "  booktitle = {Proceedings of the 41st International Conference on Machine Learning},",
    ):
        assert line in inherited
    blog = entry(soup, "lovelace2024blog").select_one("pre").get_text()
    assert "  howpublished = {\\url{https://example.org/blog/engines}},\n" in blog  # LaTeX's
    report = entry(soup, "lovelaceTablesEngine2018").select_one("pre").get_text()
    assert "  author = {Lovelace, Ada and Babbage, Charles},\n" in report
    wrapped = entry(soup, "lovelace2022wrapped").select_one("pre").get_text()
    assert "  url = {https://openreview.net/forum?id=XyZ123},\n" in wrapped
    assert "  doi = {10.5555/woe.2022.3},\n" in wrapped


@pytest.mark.sphinx("html", testroot="exporters")
def test_records_hold_what_citation_metadata_needs(app) -> None:
    """Per-publication pages, downloads and filters read these, never the BibTeX again."""
    from sphinx_academic.domain import AcademicDomain

    app.build()
    domain = AcademicDomain.of(app.env)

    def record(key: str):  # type: ignore[no-untyped-def]
        found = domain.record(key)
        assert found is not None
        return found

    acl = record("lovelace-babbage-2020-tables")
    assert (acl.year, acl.month, acl.day) == ("2020", 12, 0)
    assert acl.doi == "10.18653/v1/2020.coling-main.999" and acl.arxiv_id == ""
    assert acl.container_kind == "proceedings" and acl.pages == "1100\u20131112"
    assert acl.publisher == "International Committee on Computational Linguistics"
    biblatex = record("lovelaceNotesEngine2023")
    assert (biblatex.year, biblatex.month, biblatex.day) == ("2023", 5, 3)
    assert (biblatex.container, biblatex.container_kind) == (
        "Journal of Mechanical Computation",
        "journal",
    )
    assert (biblatex.volume, biblatex.number, biblatex.pages) == ("12", "3", "45\u201367")
    assert biblatex.doi == "10.5555/jmc.2023.045" and biblatex.publisher == "Example Press"
    tacl = record("DBLP:journals/tacl/LovelaceS22")
    assert tacl.doi == "10.1162/TACL_A_00999" and tacl.volume == "10"
    semantic = record("Lovelace2021OnTM")
    assert semantic.arxiv_id == "2106.04321"
    assert (semantic.container, semantic.volume) == ("", "")  # "ArXiv" / "abs/…" are not one
    online = record("lovelaceLoomsAttention2022")
    assert online.arxiv_id == "2205.01234" and online.doi == "10.48550/arXiv.2205.01234"
    assert record("lovelace2024equal").arxiv_id == "2401.00002"  # version dropped
    inherited = record("lovelace2024inherited")
    assert (inherited.year, inherited.month, inherited.volume, inherited.publisher) == (
        "2024",
        7,
        "235",
        "PMLR",
    )
    assert inherited.container_kind == "proceedings" and inherited.problems == ()
    assert record("lovelaceCardReader2017").month == 3
    assert record("lovelaceTablesEngine2018").month == 11


@pytest.mark.sphinx("html", testroot="exporters")
def test_a_volume_is_listed_only_when_asked(app) -> None:
    app.build()
    index = html_of(app, "index.html")
    assert anchor("icml2024") not in {li.get("id") for li in index.select("li")}
    page = html_of(app, "volumes.html")
    lists = page.select("ul.academic-publications")
    volumes = lists[0].select("li.academic-pub")
    assert [v.select_one(".academic-pub-title").get_text() for v in volumes] == [
        "Proceedings of the 41st International Conference on Machine Learning"
    ]
    assert not volumes[0].select(".academic-pub-authors")  # editors only: no author line
    # reST, :group-by: none: the legend follows the flat list it explains, and only it.
    legends = page.select("p.academic-legend")
    assert len(legends) == 1 and legends[0].find_previous_sibling("ul") is lists[1]
    assert plain(legends[0].get_text()) == "* equal contribution · † corresponding author"


@pytest.mark.sphinx("html", testroot="exporters")
def test_tooltips_cards_and_json_ld_show_marks_and_co_authors(app) -> None:
    app.build()
    cites = {
        a["href"].split("#")[1]: a["title"]
        for a in html_of(app, "cites.html").select("span.bibtex-citation a")
    }
    assert (
        "Ada Lovelace*, Charles Babbage*, Mary Somerville†. Equal Engines. Proceedings of the "
        "41st International Conference on Machine Learning, 2024." in cites.values()
    )
    # The crossref child's tooltip has the venue and year it inherits.
    assert (
        "Ada Lovelace, Charles Babbage. Inherited Engines. Proceedings of the 41st "
        "International Conference on Machine Learning, July 2024." in cites.values()
    )
    cards = html_of(app, "cards.html").select(".academic-card")
    authors = cards[0].select_one(".academic-card-authors")
    assert authors.get_text() == "Ada Lovelace*, Charles Babbage*, Mary Somerville†"
    assert authors.select_one("strong.academic-me").get_text() == "Ada Lovelace"
    assert [a["href"] for a in authors.select("a.academic-coauthor")] == [BABBAGE, SOMERVILLE]
    legend = plain(cards[0].select_one("p.academic-legend").get_text())
    assert legend == "* equal contribution · † corresponding author"
    assert not cards[1].select(".academic-card-authors, .academic-legend")  # no :authors:
    assert cards[2].select_one(".academic-card-venue").get_text() == (
        "Proceedings of the 41st International Conference on Machine Learning, July 2024"
    )
    script = html_of(app, "index.html").find("script", type="application/ld+json")
    articles = {a["headline"]: a for a in json.loads(script.string)["@graph"]}

    def person(given: str, family: str, **links: object) -> dict[str, object]:
        name = {"name": f"{given} {family}", "givenName": given, "familyName": family}
        return {"@type": "Person", **name, **links}

    assert articles["Equal Engines"]["author"] == [  # the names without their marks
        person("Ada", "Lovelace"),
        person("Charles", "Babbage", url=BABBAGE, sameAs=[BABBAGE]),
        person("Mary", "Somerville", url=SOMERVILLE, sameAs=[SOMERVILLE]),
    ]


@pytest.mark.sphinx(
    "html", testroot="exporters", confoverrides={"academic_coauthors": "coauthors.yaml"}
)
def test_the_extensions_own_co_author_file_links_homepages_and_orcid(app) -> None:
    app.build()
    assert warnings_of(app) == ""
    soup = html_of(app, "index.html")
    coauthors = {a.get_text(): a["href"] for a in entry(soup, "lovelace2025notes").select("a")}
    orcid = "https://orcid.org/0000-0002-1825-0097"
    assert coauthors["Charles Babbage"] == BABBAGE
    assert coauthors["Mary Somerville"] == orcid  # no homepage: the ORCID record
    script = soup.find("script", type="application/ld+json")
    articles = {a["headline"]: a for a in json.loads(script.string)["@graph"]}
    mary = articles["Equal Engines"]["author"][2]
    assert mary == {
        "@type": "Person",
        "name": "Mary Somerville",
        "givenName": "Mary",
        "familyName": "Somerville",
        "url": orcid,
        "sameAs": [orcid],
    }


@pytest.mark.sphinx("text", testroot="exporters")
def test_text_shows_marks_and_the_legend(app) -> None:
    app.build()
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert "**Ada Lovelace***, Charles Babbage*, Mary Somerville†" in text
    assert "\n" + LEGEND + "\n" in plain(text)
    assert "PMLR: https://proceedings.mlr.press/v235/lovelace24a.html" in text


@pytest.mark.sphinx("latex", testroot="exporters")
def test_latex_shows_marks_co_author_links_and_the_legend(app) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert (
        r"\sphinxstylestrong{Ada Lovelace}$^{\text{*}}$, "
        rf"\sphinxhref{{{BABBAGE}}}{{Charles Babbage}}$^{{\text{{*}}}}$, "
        rf"\sphinxhref{{{SOMERVILLE}}}{{Mary Somerville}}$^{{\text{{†}}}}$"
    ) in tex
    legend = r"$^{\text{*}}$ equal contribution · $^{\text{†}}$ corresponding author · "
    assert legend + r"$^{\text{‡}}$ student advisee" in plain(tex)


@pytest.mark.parametrize("builder", ["html", "text", "latex"])
@pytest.mark.sphinx(testroot="exporters")
def test_no_bookkeeping_or_local_path_anywhere_in_the_output(
    builder: str, make_app, app_params
) -> None:
    """Every file the build writes (pages, search index, JSON-LD, LaTeX, text) is read."""
    _, kwargs = app_params
    app = make_app(builder, **kwargs)
    app.build()
    out = Path(app.outdir)
    files = [p for p in out.rglob("*") if p.is_file()]
    assert any(p.name == "searchindex.js" for p in files) or builder != "html"
    for path in files:
        data = path.read_bytes()
        for private in PRIVATE:
            assert private.encode() not in data, (private, path)


@pytest.fixture(scope="module")
def exporters_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The exporters' site, built as the README builds a site: -W, and Sphinx's doctrees (the
    pickled environment) inside the output, where a site is published from."""
    out = tmp_path_factory.mktemp("exporters")
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", str(ROOT), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return out


def test_no_local_path_even_in_the_pickles_a_default_build_leaves_in_the_output(
    exporters_site: Path,
) -> None:
    pickles = list(exporters_site.glob(".doctrees/*.pickle"))
    assert pickles  # sphinx-build SRC OUT keeps them in OUT/.doctrees
    for path in (p for p in exporters_site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for private in ("/home/ada", "Zotero", "storage/ABCD1234"):
            assert private.encode() not in data, (private, path)


@pytest.fixture(scope="module")
def exporters_url(exporters_site: Path) -> Iterator[str]:
    """The exporters' site, served on 127.0.0.1."""
    out = exporters_site
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("name", ["index", "cards"])
@pytest.mark.parametrize("view", VIEWS, ids=lambda v: "-".join(v))
def test_marks_legends_and_co_author_links_are_accessible_in_every_theme(
    browser: Any, exporters_url: str, axe_source: str, name: str, view: tuple[str, str]
) -> None:
    """Co-author links and marks in the grey author line, and the legend, in light and dark:
    axe-core finds nothing (contrast, links told apart from text), and nothing overflows."""
    page = open_page(browser, f"{exporters_url}/{name}.html", view)
    assert page.locator("p.academic-legend").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert axe_violations(page, axe_source) == []
    page.close()
