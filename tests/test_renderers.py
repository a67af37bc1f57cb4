"""Every output shows an entry the same way: HTML, LaTeX, text and the ``{cite}`` tooltip give
the same title, authors (with the same cut) and venue for every entry of the reference site."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO


def words(text: str) -> str:
    return " ".join(text.split())


def build(tmp_path_factory: pytest.TempPathFactory, builder: str) -> Path:
    out = tmp_path_factory.mktemp(builder)
    command = [sys.executable, "-m", "sphinx", "-q", "-b", builder, "-c", str(REPO)]
    result = subprocess.run(
        [*command, str(REPO / "docs"), str(out)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def text_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory, "text")


@pytest.fixture(scope="module")
def latex_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory, "latex")


def shown_entries(site: Path, page: str) -> list[dict[str, str]]:
    """What the HTML list shows of each entry: title, authors (owner in **), venue."""
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    entries = []
    for item in soup.select("li.academic-pub"):
        authors = item.select_one(".academic-pub-authors")
        names = ""
        if authors is not None:
            for owner in authors.select("strong.academic-me"):
                owner.replace_with(f"**{owner.get_text()}**")
            more = authors.select_one("details.academic-more-authors")
            if more is not None:
                note = more.find("summary").get_text()
                more.replace_with(f"and {note}")
            names = words(authors.get_text())
        venue = item.select_one(".academic-pub-venue")
        entries.append(
            {
                "key": item["id"].removeprefix("pub-"),
                "title": words(item.select_one(".academic-pub-title").get_text()),
                "authors": names,
                "venue": words(venue.get_text()) if venue else "",
            }
        )
    return entries


def unspaced(text: str) -> str:
    return re.sub(r"\s+", "", text)


def sentences(parts: list[str]) -> str:
    """Each part ending in one full stop (or its own ? or !), as a citation reads."""
    return " ".join(p if p.endswith((".", "?", "!")) else f"{p}." for p in parts if p)


def latex_text(tex: str) -> str:
    """The LaTeX the writer made, read back as plain text with ``**`` for strong."""
    tex = tex.replace(r"\sphinxAtStartPar", " ").replace(r"\sphinxhyphen{}", "-")
    tex = tex.replace(r"\textasciitilde{}", "~").replace(r"\&", "&").replace(r"\%", "%")
    tex = re.sub(r"\\sphinxstylestrong\{([^{}]*)\}", r"**\1**", tex)
    return words(tex)


def test_html_latex_and_text_show_the_same_entries(
    site: Path, text_site: Path, latex_site: Path
) -> None:
    entries = shown_entries(site, "cv.html")  # the CV page is the one the LaTeX document holds
    assert len(entries) > 30
    text = words((text_site / "cv.txt").read_text(encoding="utf-8"))
    tex = latex_text(next(latex_site.glob("*.tex")).read_text(encoding="utf-8"))
    for entry in entries:
        expected = " ".join(p for p in (f"**{entry['title']}**", entry["authors"], entry["venue"]))
        # Compared without spaces: the text writer wraps lines, also after a hyphen.
        assert unspaced(expected) in unspaced(text), entry["key"]
        assert unspaced(expected) in unspaced(tex), entry["key"]


def test_tooltips_say_what_the_list_shows(site: Path) -> None:
    """Every ``{cite}`` on the site: its tooltip has the list's authors, title and venue."""
    listed = {e["key"]: e for e in shown_entries(site, "publications.html")}
    soup = html_of_site(site, "cv.html")
    links = soup.select("span.bibtex-citation a")
    assert links
    for link in links:
        anchor = link["href"].split("#")[1]
        target = html_of_site(site, "publications.html").find(id=anchor)
        item = target if target.name == "li" else target.find_parent("li")
        entry = listed[item["id"].removeprefix("pub-")]
        parts = [entry["authors"].replace("**", ""), entry["title"], entry["venue"]]
        assert link["title"] == sentences(parts)


def html_of_site(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.sphinx("html", testroot="publications")
def test_every_entry_tooltip_matches_its_list_entry(app) -> None:
    """The tooltip text of every entry, as sphinxcontrib-bibtex reads it from the style."""
    from pybtex.plugin import find_plugin

    from sphinx_academic.bib.adapter import bib_entries
    from sphinx_academic.publications.style import STYLE_NAME, LazyFormattedEntry

    app.build()
    assert find_plugin("pybtex.style.formatting", STYLE_NAME).view.max_authors == 3
    listed = {e["key"]: e for e in shown_entries(Path(app.outdir), "index.html")}
    for key, entry in bib_entries(app.env).items():
        tooltip = LazyFormattedEntry(entry, key).text.render_as("text")
        shown = listed[key]
        parts = [shown["authors"].replace("**", ""), shown["title"], shown["venue"]]
        assert tooltip == sentences(parts), key
