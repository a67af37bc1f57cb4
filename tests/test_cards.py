"""Highlighted-work cards, as a reader of the built pages sees them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import html_of, warnings_of


def cards(soup):  # type: ignore[no-untyped-def]
    return soup.select(".academic-card")


def card_data(card) -> dict[str, object]:  # type: ignore[no-untyped-def]
    venue = card.select_one(".academic-card-venue")
    return {
        "title": card.select_one(".academic-card-title").get_text(),
        "title_href": card.select_one(".academic-card-title a")["href"]
        if card.select_one(".academic-card-title a")
        else None,
        "venue": venue.get_text() if venue else None,
        "links": [(a.get_text(), a["href"]) for a in card.select("a.academic-link")],
    }


@pytest.mark.sphinx("html", testroot="cards")
def test_card_reads_its_entry_from_the_bib_file(app) -> None:
    app.build()
    card = cards(html_of(app, "index.html"))[0]
    assert card_data(card) == {
        "title": "Notes on the Analytical Engine",
        "title_href": "publications/engine2024.html",  # the entry's own page
        "venue": "ICML 2024",
        "links": [
            ("arXiv", "https://arxiv.org/abs/2403.08845"),
            ("Code", "https://github.com/example/engine"),
            ("In publications", "publications.html#pub-engine2024"),
        ],
    }
    assert card.find("strong").get_text() == "bold"  # the body is parsed MyST
    assert card.select_one(".academic-card-title").name == "h3"  # one below the h2 section


@pytest.mark.sphinx("html", testroot="cards")
def test_options_override_the_bib_entry(app) -> None:
    app.build()
    card = cards(html_of(app, "index.html"))[1]
    assert card_data(card) == {
        "title": "Engine Notes",
        "title_href": "publications/engine2024.html",
        "venue": "Best paper, ICML 2024",
        "links": [
            ("Slides", "https://example.org/slides.pdf"),
            ("Talk", "https://example.org/talk"),
            ("In publications", "publications.html#pub-engine2024"),
        ],
    }
    assert [t.get_text() for t in card.select(".academic-tag")] == ["engines", "notes"]


@pytest.mark.sphinx("html", testroot="cards")
def test_several_keys_and_no_key(app) -> None:
    app.build()
    both, manual = cards(html_of(app, "index.html"))[2:4]
    assert card_data(both) == {
        "title": "Blog and Engine",
        "title_href": "publications/blog2025.html",  # the first entry with a page
        "venue": "Our blog, 2025",
        "links": [
            ("Code", "https://github.com/example/engine"),  # once, though both entries have it
            ("Blog", "https://example.org/blog"),
            ("arXiv", "https://arxiv.org/abs/2403.08845"),
            ("In publications", "publications.html#pub-blog2025"),
        ],
    }
    assert card_data(manual) == {
        "title": "No Key At All",
        "title_href": "https://example.org/",
        "venue": "2023",
        "links": [("Home", "https://example.org/")],
    }
    image = manual.find("img")
    assert image["src"] == "https://example.org/shot.png"
    assert image["alt"] == "A screenshot of the engine"


@pytest.mark.sphinx("html", testroot="cards")
def test_grid_is_sphinx_designs_responsive_row(app) -> None:
    app.build()
    row = html_of(app, "index.html").select_one(".academic-cards")
    assert {"sd-row", "sd-row-cols-1", "sd-row-cols-sm-2", "sd-row-cols-lg-3"} <= set(row["class"])
    assert len(row.find_all(class_="sd-col", recursive=False)) == 4


@pytest.mark.sphinx("html", testroot="cards", freshenv=True)
def test_bad_input_warns_with_file_and_line_and_the_page_still_renders(app) -> None:
    app.build()
    warnings = warnings_of(app)
    src = Path(app.srcdir) / "bad.md"
    expected = [
        f"{src}:5: WARNING: work-card: no entry 'nosuchkey' in bibtex_bibfiles",
        f"{src}:11: WARNING: work-card: a card without a bib key needs a :title:",
        f"{src}:15: WARNING: work-card :links: unsafe URL scheme 'javascript'",
        f"{src}:15: WARNING: work-card: :image: needs :alt: text",
        f"{src}:22: WARNING: work-card :links: cannot read 'not a link at all'",
        f"{src}:29: WARNING: 'work-card': Unknown option key: 'titel' (allowed: ",
    ]
    for line in expected:
        assert line in warnings, line
    rest = Path(app.srcdir) / "rest.rst"
    assert (
        f'{rest}:10: ERROR: Error in "work-card" directive:\nunknown option: "titel".' in warnings
    )
    assert "Traceback" not in warnings and "holds only" not in warnings
    page = (Path(app.outdir) / "bad.html").read_text()
    soup = html_of(app, "bad.html")
    titles = [c.select_one(".academic-card-title").get_text() for c in cards(soup)]
    assert titles == [
        "Unknown Key <script>alert(1)</script>",
        "Untitled work",
        "Notes on the Analytical Engine",
        "Notes on the Analytical Engine",
        "Notes on the Analytical Engine",  # the unknown option is dropped, the card kept
    ]
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert "javascript:" not in page
    assert not soup.select(".academic-card img")
    links = [a["href"] for a in cards(soup)[2].select("a.academic-link")]
    assert links[0] == "https://example.org/good"


@pytest.mark.sphinx("html", testroot="cards")
def test_rest_cards(app) -> None:
    app.build()
    card = cards(html_of(app, "rest.html"))[0]
    assert card_data(card)["title"] == "Notes on the Analytical Engine"
    assert "Written in reStructuredText." in card.get_text()


@pytest.mark.sphinx("text", testroot="cards")
def test_text_builder_lists_cards(app) -> None:
    app.build()
    text = (Path(app.outdir) / "index.txt").read_text()
    assert "* **Notes on the Analytical Engine**\n\n  ICML 2024" in text
    assert "arXiv: https://arxiv.org/abs/2403.08845" in text
    assert "Every field overridden." in text


@pytest.mark.sphinx("latex", testroot="cards")
def test_latex_builder_lists_cards(app) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text()
    assert r"\sphinxhref{https://arxiv.org/abs/2403.08845}{Notes on the Analytical Engine}" in tex
    assert r"\sphinxhref{https://example.org/slides.pdf}{Slides}" in tex
    assert "sd-row" not in tex
