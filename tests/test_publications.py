"""The publications directive, as a reader of the built pages sees it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import html_of, warnings_of


def bib_line(app, key: str) -> str:  # type: ignore[no-untyped-def]
    """``path:line`` where the entry starts in the test root's refs.bib."""
    bib = Path(app.srcdir) / "refs.bib"
    line = next(i for i, text in enumerate(bib.read_text().splitlines(), 1) if f"{{{key}," in text)
    return f"{bib}:{line}"


def entry(soup, key: str):  # type: ignore[no-untyped-def]
    item = soup.find(id=f"pub-{key}")
    assert item is not None, f"no entry {key}"
    return item


@pytest.mark.sphinx("html", testroot="publications")
def test_entries_grouped_by_year_newest_first(app) -> None:
    app.build()
    soup = html_of(app, "index.html")
    sections = soup.select("section.academic-year")
    assert [s["id"] for s in sections] == ["year-2025", "year-2024", "year-2019"]
    assert [s.find("h2").get_text(strip=True).rstrip("¶") for s in sections] == [
        "2025",
        "2024",
        "2019",
    ]
    keys_2024 = [li["id"] for li in soup.select("#year-2024 li.academic-pub")]
    assert keys_2024 == ["pub-lovelace2024engine", "pub-hidden2024owner"]  # bib-file order
    # A BibLaTeX date without a year field is filed under the date's year, as it shows.
    keys_2019 = [li["id"] for li in soup.select("#year-2019 li.academic-pub")]
    assert keys_2019 == ["pub-old2019", "pub-dated2019"]
    # (only a month field shows its month, as in al-folio: the date's stays out)
    assert entry(soup, "dated2019").select_one(".academic-pub-venue").get_text() == "2019"


@pytest.mark.sphinx("html", testroot="publications")
def test_owner_highlighted_in_every_variant(app) -> None:
    app.build()
    soup = html_of(app, "index.html")
    highlighted = {
        key: [s.get_text() for s in entry(soup, key).select("strong.academic-me")]
        for key in ("lovelace2024engine", "mueller2025accents", "old2019", "hidden2024owner")
    }
    assert highlighted == {
        "lovelace2024engine": ["Ada Lovelace"],  # "Lovelace, Ada" in the bib file
        "mueller2025accents": ["Jörg Müller"],  # LaTeX accents vs decomposed Unicode in conf.py
        "old2019": ["Ada Lovelace"],  # "First Last" in the bib file
        # initial variant, hidden past max_authors: named in the toggle's label and in the list
        "hidden2024owner": ["A. Lovelace", "A. Lovelace"],
    }
    assert entry(soup, "lovelace2024engine").select_one(
        ".academic-pub-authors"
    ).get_text().strip() == ("Ada Lovelace, Charles Babbage")


@pytest.mark.sphinx("html", testroot="publications")
def test_long_author_lists_fold_behind_native_details(app) -> None:
    app.build()
    soup = html_of(app, "index.html")
    authors = entry(soup, "mueller2025accents").select_one(".academic-pub-authors")
    more = authors.select_one("details.academic-more-authors")
    assert more is not None and more.find("summary").get_text() == "3 more authors"
    assert (
        more.select_one(".academic-hidden-authors").get_text()
        == "Carol Brown, Dan White, Eve Green"
    )
    visible = authors.get_text().strip().split(more.get_text())[0]
    assert visible == "Jörg Müller, Alice Smith, Bob Jones, "
    assert not soup.find_all("script", string=re.compile("academic"))
    # The owner is hidden past the cut: the toggle's label still names them.
    owner = entry(soup, "hidden2024owner").select_one("details.academic-more-authors summary")
    assert owner.get_text() == "3 more authors, including A. Lovelace"


@pytest.mark.sphinx("html", testroot="publications", freshenv=True)
def test_links_are_labelled_buttons_and_unsafe_urls_are_dropped(app) -> None:
    app.build()
    soup = html_of(app, "index.html")
    links = {
        a.get_text(): a["href"] for a in entry(soup, "lovelace2024engine").select("a.academic-link")
    }
    assert links == {
        "arXiv": "https://arxiv.org/abs/2403.08845",
        "Code": "https://github.com/example/engine",
    }
    links = {
        a.get_text(): a["href"] for a in entry(soup, "mueller2025accents").select("a.academic-link")
    }
    assert links == {"DOI": "https://doi.org/10.1000/xyz123"}
    assert "javascript" not in (Path(app.outdir) / "index.html").read_text().lower()
    assert (
        f"{bib_line(app, 'mueller2025accents')}: WARNING: "
        "website of 'mueller2025accents': unsafe URL scheme 'javascript'" in warnings_of(app)
    )


@pytest.mark.sphinx("html", testroot="publications", freshenv=True)
def test_html_in_titles_is_escaped_with_a_located_warning(app) -> None:
    app.build()
    page = (Path(app.outdir) / "index.html").read_text()
    soup = html_of(app, "index.html")
    assert entry(soup, "old2019").find("cite").get_text() == "An <b>Old</b> Paper"
    assert "&lt;b&gt;Old&lt;/b&gt;" in page
    assert (
        f"{bib_line(app, 'old2019')}: WARNING: the title of 'old2019' contains HTML markup"
        in warnings_of(app)
    )


@pytest.mark.sphinx("html", testroot="publications")
def test_venue_summary_abstract_and_clean_bibtex(app) -> None:
    app.build()
    item = entry(html_of(app, "index.html"), "lovelace2024engine")
    assert item.select_one(".academic-pub-title").get_text() == "Notes on the Analytical Engine"
    assert item.select_one(".academic-pub-venue").get_text() == "ICML 2024"
    assert item.select_one(".academic-pub-summary").get_text() == "A one-line summary."
    abstract = item.select_one("details.academic-abstract")
    assert abstract.find("summary").get_text() == "Abstract"
    assert abstract.find("p").get_text() == "An abstract with markup."
    bibtex = item.select_one("details.academic-bibtex pre").get_text()
    assert bibtex.startswith("@inproceedings{lovelace2024engine,")
    assert "eprint = {2403.08845}" in bibtex and "archiveprefix = {arXiv}" in bibtex
    for display_field in ("venue_label", "summary", "selected", "code", "abstract", "arxiv ="):
        assert display_field not in bibtex
    # A venue label without the year gets it appended; no label falls back to the journal.
    assert (
        entry(html_of(app, "index.html"), "mueller2025accents")
        .select_one(".academic-pub-venue")
        .get_text()
        == "Journal of Tests, 2025"
    )


@pytest.mark.sphinx("html", testroot="publications")
def test_filter_selected_and_group_by_none(app) -> None:
    app.build()
    soup = html_of(app, "filtered.html")
    articles = soup.select_one("section#articles")
    titles = [t.get_text() for t in articles.select("li.academic-pub .academic-pub-title")]
    assert titles == ["Accents and Others", "Owner Far Down the List"]
    selected = soup.select_one("section#selected")
    assert not selected.select("section.academic-year")  # :group-by: none
    titles = [t.get_text() for t in selected.select("li.academic-pub .academic-pub-title")]
    assert titles == ["Notes on the Analytical Engine", "Owner Far Down the List"]
    # Ids stay unique on a page that lists an entry twice.
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids))


@pytest.mark.sphinx("html", testroot="publications", freshenv=True)
def test_citations_link_to_the_citable_list_and_no_index_lists_warn_nothing(app) -> None:
    app.build()
    ref = html_of(app, "cites.html").select_one("span.bibtex-citation a")
    page, anchor = ref["href"].split("#")
    assert page == "index.html"
    # The citation lands on the entry (or an anchor at its start), whose own id is stable.
    target = html_of(app, "index.html").find(id=anchor)
    item = target if target.name == "li" else target.find_parent("li")
    assert item["id"] == "pub-lovelace2024engine"
    assert ref.get_text() == "Lovelace and Babbage, 2024"
    # The tooltip says what the list shows: the same authors, title and venue.
    assert (
        ref["title"] == "Ada Lovelace, Charles Babbage. Notes on the Analytical Engine. ICML 2024."
    )
    assert "duplicate" not in warnings_of(app)


@pytest.mark.sphinx("html", testroot="publications")
def test_stylesheet_only_on_pages_with_a_list(app) -> None:
    app.build()
    assert html_of(app, "index.html").find("link", href=re.compile("sphinx-academic.css"))
    assert not html_of(app, "cites.html").find("link", href=re.compile("sphinx-academic.css"))


@pytest.mark.sphinx("text", testroot="publications")
def test_text_builder_gives_a_clean_list(app) -> None:
    app.build()
    text = (Path(app.outdir) / "index.txt").read_text()
    assert "* **Notes on the Analytical Engine**" in text
    assert "**Ada Lovelace**, Charles Babbage" in text
    assert "**Jörg Müller**, Alice Smith, Bob Jones, and 3 more authors" in text
    assert "arXiv: https://arxiv.org/abs/2403.08845" in text
    assert "BibTeX" not in text and "Abstract" not in text


@pytest.mark.sphinx("latex", testroot="publications")
def test_latex_builder_gives_a_clean_list_with_citation_targets(app) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text()
    assert r"\sphinxstylestrong{Ada Lovelace}, Charles Babbage" in tex
    assert r"\sphinxhref{https://arxiv.org/abs/2403.08845}{arXiv}" in tex
    # {cite} links (\hyperlink) land on an anchor written with the entry (\hypertarget).
    links = set(re.findall(r"\\hyperlink\{(cite\.[^}]+)\}", tex))
    targets = set(re.findall(r"\\hypertarget\{(cite\.[^}]+)\}", tex))
    assert links and links <= targets
    assert r"An \textless{}b\textgreater{}Old" in tex
    assert "details" not in tex


@pytest.mark.sphinx("html", testroot="publications", confoverrides={"academic_max_authors": -1})
def test_bad_config_value_is_named(make_app, app_params) -> None:
    from sphinx.errors import ConfigError

    args, kwargs = app_params
    with pytest.raises(
        ConfigError, match=r"academic_max_authors = -1 is not valid: expected a whole number"
    ):
        make_app(*args, **kwargs)


@pytest.mark.sphinx("html", testroot="publications")
def test_a_file_warning_without_a_line_names_the_file_not_a_page(app) -> None:
    from sphinx_academic.messages import Subtype, warn_at

    bib = Path(app.srcdir) / "refs.bib"
    warn_at("something is wrong", Subtype.BIBTEX, bib, None)
    warn_at("something is wrong here", Subtype.BIBTEX, bib, 3)
    warnings = warnings_of(app)
    assert f"WARNING: {bib}: something is wrong [academic.bibtex]" in warnings
    assert f"{bib}:3: WARNING: something is wrong here" in warnings
    assert ".bib.rst" not in warnings
