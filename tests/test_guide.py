"""The user guide builds with -W, renders its examples, and documents every option and value."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO

from sphinx_academic.cards.directive import WorkCardDirective, WorkCardsDirective
from sphinx_academic.cv.directive import CVEntryDirective, CVTimelineDirective
from sphinx_academic.news.directive import NewsDirective
from sphinx_academic.profile.directive import ProfileDirective
from sphinx_academic.publications.directive import PublicationsDirective

GUIDE = REPO / "guide"
DIRECTIVES = {
    "publications.md": [PublicationsDirective],
    "cards.md": [WorkCardsDirective, WorkCardDirective],
    "cv.md": [CVTimelineDirective, CVEntryDirective],
    "profile.md": [ProfileDirective],
    "news.md": [NewsDirective],
}


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("guide")
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", str(GUIDE), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return out


def page(out: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((out / name).read_text(encoding="utf-8"), "html.parser")


def test_examples_are_rendered_by_the_extension(guide: Path) -> None:
    publications = page(guide, "publications.html")
    rendered = publications.select(".guide-rendered")
    assert [len(r.select("li.academic-pub")) for r in rendered[:3]] == [4, 1, 2]
    assert rendered[0].select_one(".academic-me").get_text() == "Ada Lovelace"
    # Role marks with their legend, and a co-author link from examples/coauthors.yml.
    looms = rendered[0].select_one("#pub-lovelace2022looms")
    assert [m.get_text() for m in looms.select("sup.academic-mark")] == ["*", "*", "†"]
    assert looms.select_one("a.academic-coauthor")["href"] == "https://example.org/babbage"
    legend = rendered[0].select_one("p.academic-legend").get_text().replace("\u00a0", " ")
    assert legend == "* equal contribution · † corresponding author"
    cards = page(guide, "cards.html").select(".guide-rendered .academic-card")
    assert [c.select_one(".academic-card-title").get_text() for c in cards] == [
        "Analytical Engines for Sparse Attention",
        "Notes and numbers",
        "A talk without a bib entry",
    ]
    examples = page(guide, "cv.html").select(".guide-rendered")
    assert len(examples) == 4  # MyST, RenderCV, JSON Resume, al-folio
    assert [len(e.select("ol.academic-timeline")) for e in examples] == [1, 2, 2, 2]
    assert examples[1].select_one(".academic-cv-name").get_text() == "Ada Lovelace"
    assert examples[1].select_one("strong strong, .academic-cv-authors strong").get_text() == (
        "Ada Lovelace"
    )
    assert "Poetical science" in examples[3].get_text()
    news = [
        [t["datetime"] for t in r.select("li.academic-news-item time")]
        for r in page(guide, "news.html").select(".guide-rendered")
    ]
    assert news == [["2025-06-01", "2024-11"], ["2025-03-14", "2024-09"]]


@pytest.mark.parametrize("source", sorted(DIRECTIVES))
def test_every_directive_option_is_documented(source: str) -> None:
    text = (GUIDE / source).read_text(encoding="utf-8")
    for directive in DIRECTIVES[source]:
        for option in directive.option_spec:
            assert re.search(rf"`:{re.escape(option)}:`", text), f"{option} of {directive}"


@pytest.mark.sphinx("html", testroot="publications")
def test_every_config_value_and_warning_type_is_documented(app, guide: Path) -> None:
    from sphinx_academic.messages import Subtype

    config = page(guide, "config.html").select("table.guide-reference tbody tr")
    documented = {row.find("code").get_text(): row.find_all("td")[-1].get_text() for row in config}
    names = [value.name for value in app.config if value.name.startswith("academic_")]
    assert len(names) >= 6
    for name in names:
        assert documented.get(name, "").strip(), name
    troubleshooting = page(guide, "troubleshooting.html").get_text()
    for subtype in Subtype:
        assert f"academic.{subtype.value}" in troubleshooting, subtype


def test_every_bib_field_is_documented() -> None:
    from sphinx_academic.bib.records import LINK_FIELDS

    text = (GUIDE / "bibtex.md").read_text(encoding="utf-8")
    fields = [field for field, _ in LINK_FIELDS]
    fields += ["venue_label", "summary", "abstract", "selected", "abbr", "award", "preview"]
    fields += ["award_name", "month", "location", "additional_info"]
    fields += ["equal", "corresponding", "student", "author+an", "crossref", "journaltitle"]
    fields += ["keywords"]
    for field in [*fields, "bibtex_show"]:
        assert f"`{field}`" in text, field
