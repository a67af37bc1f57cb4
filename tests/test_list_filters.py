"""Filtering a publication list in the browser: by year, type, topic and words; kept in the URL,
announced to screen readers, usable by keyboard; without JavaScript every entry shows."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, html_of
from test_browser import WIDTHS, open_page

from sphinx_academic.bib.kinds import kind_of, tags_of

SCRIPT = REPO / "sphinx_academic" / "static" / "sphinx-academic-filter.js"
VISIBLE_KEYS = """els => els.filter(e => e.offsetParent !== null).map(e => e.id.slice(4))"""


def page_soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def visible(page: Any) -> list[str]:
    return page.eval_on_selector_all("li.academic-pub", VISIBLE_KEYS)


def keys_in(soup: BeautifulSoup, selector: str) -> list[str]:
    return [li["id"].removeprefix("pub-") for li in soup.select(selector)]


# ------------------------------------------------------------------ what the page holds


def test_script_is_small_and_only_on_pages_with_controls(site: Path) -> None:
    size = SCRIPT.stat().st_size
    assert size < 5 * 1024, f"{size} bytes"
    assert (site / "_static" / SCRIPT.name).read_bytes() == SCRIPT.read_bytes()
    for name, wanted in (("publications.html", True), ("index.html", False), ("cv.html", False)):
        soup = page_soup(site, name)
        assert bool(soup.find("script", src=re.compile(SCRIPT.name))) == wanted, name
        assert not soup.find("script", string=re.compile("academic-filter"))  # no inline script
    assert page_soup(site, "cv.html").select_one("form.academic-filter") is None  # :no-controls:


def test_controls_are_above_the_list_and_hidden_without_scripts(site: Path) -> None:
    soup = page_soup(site, "publications.html")
    form = soup.select_one("form.academic-filter")
    # Shown from the first paint (nothing moves when the script arrives); without scripts,
    # a <noscript> style in the head hides them.
    noscript = [n.decode_contents() for n in soup.head.find_all("noscript")]
    assert "<style>form.academic-filter{display:none}</style>" in noscript
    assert not page_soup(site, "cv.html").head.find("noscript")
    assert form.find_next("section", class_="academic-year") is not None  # above the list
    years = [o["value"] for o in form.select("select[name=year] option")]
    assert years == ["", "2026", "2025", "2024", "2023", "2021", "2019", "2018", "2017"]
    types = [o["value"] for o in form.select("select[name=type] option")]
    assert types == ["", "journal", "conference", "preprint"]
    assert form.select_one("select[name=tag]") is None  # the bib file has no keywords
    for li in soup.select("li.academic-pub"):
        year = li.find_parent("section", class_="academic-year")["id"].removeprefix("year-")
        assert li["data-year"] == year


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("chen2018adan", "journal"),  # @article
        ("zhou2026care", "conference"),  # @inproceedings
        ("thapa2024dragonfly", "conference"),  # @misc whose venue label names ICLR
        ("wei2023greener", "preprint"),  # venue label "Preprint"
        ("kwiatkowski2023fusiontoken", "preprint"),  # @inproceedings the owner calls a preprint
        ("yu2026introspective", "preprint"),  # "Under review at COLM 2026"
        ("maheswaran2026squeeze", "preprint"),  # arXiv id, no venue
    ],
)
def test_kind_of_reference_entries(site: Path, key: str, kind: str) -> None:
    li = page_soup(site, "publications.html").find(id=f"pub-{key}")
    assert li["data-kind"] == kind


@pytest.mark.parametrize(
    ("entry_type", "fields", "venue", "kind"),
    [
        ("patent", {}, "US 12,014,155 B2", "patent"),
        ("phdthesis", {}, "Cornell University", "thesis"),
        ("misc", {"howpublished": "Invited talk, Example University"}, "", "talk"),
        ("misc", {}, "Keynote at ACL 2024", "talk"),
        ("article", {}, "arXiv preprint arXiv:2403.08845", "preprint"),
        ("unpublished", {}, "", "preprint"),
        ("misc", {}, "Journal of Tests", "journal"),
        ("online", {"howpublished": "Together AI blog"}, "Together AI blog", "other"),
        ("book", {}, "A Publisher", "other"),
    ],
)
def test_kind_from_type_and_venue(
    entry_type: str, fields: dict[str, str], venue: str, kind: str
) -> None:
    assert kind_of(entry_type, fields, venue) == kind


def test_tags_are_keywords_split_at_commas_or_semicolons() -> None:
    assert tags_of({"keywords": "LLM inference; sparsity,  quantization , LLM inference,"}) == (
        "LLM inference",
        "sparsity",
        "quantization",
    )


@pytest.mark.sphinx("html", testroot="profile")
def test_topics_come_from_keywords_and_escape(app) -> None:
    app.build()
    soup = html_of(app, "publications.html")
    topics = [o.get_text() for o in soup.select("select[name=tag] option")]
    assert topics == ["All topics", "computing (1)", "engines (3)", "history (1)"]
    assert soup.find(id="pub-lovelace1842sketch")["data-tags"] == "engines;history"
    kinds = [o["value"] for o in soup.select("select[name=type] option")][1:]
    assert kinds == ["journal", "conference", "preprint", "thesis", "talk"]


@pytest.mark.sphinx("text", testroot="profile")
def test_other_outputs_have_no_controls(app) -> None:
    app.build()
    text = (Path(app.outdir) / "publications.txt").read_text()
    assert "All years" not in text and "Show all" not in text
    assert "Poetical Science" in text


# ------------------------------------------------------------------ in the browser


@pytest.fixture(params=[("desktop", "light"), ("phone", "dark")], ids=lambda p: "-".join(p))
def publications(request: pytest.FixtureRequest, browser: Any, site_url: str) -> Iterator[Any]:
    page = open_page(browser, f"{site_url}/publications.html", request.param)
    yield page
    page.close()


def test_without_javascript_every_entry_shows_and_no_control(
    browser: Any, site_url: str, site: Path
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/publications.html?year=2024&type=journal")
    assert page.locator("form.academic-filter").count() == 1
    assert not page.locator("form.academic-filter").is_visible()
    assert len(visible(page)) == 42
    context.close()


@pytest.mark.parametrize("view", [("desktop", "light"), ("phone", "dark")], ids="-".join)
def test_nothing_moves_when_the_script_arrives_late(
    browser: Any, site_url: str, view: tuple[str, str]
) -> None:
    """The controls are there from the first paint: when the script arrives after it (a slow
    network, as Lighthouse simulates), no layout shift (Lighthouse's CLS)."""
    page = browser.new_page(viewport={"width": WIDTHS[view[0]], "height": 900})
    page.route(f"**/{SCRIPT.name}*", lambda route: (time.sleep(0.6), route.continue_()))
    page.goto(f"{site_url}/publications.html")
    page.wait_for_load_state("networkidle")
    shift = page.evaluate(
        """() => new Promise(done => {
            let total = 0;
            new PerformanceObserver(list => {
                for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
            }).observe({type: "layout-shift", buffered: true});
            setTimeout(() => done(total), 300);
        })"""
    )
    assert shift < 0.01
    assert page.locator("form.academic-filter [role=status]").inner_text() == (
        "42 of 42 entries shown"
    )
    page.close()


def test_filter_by_year_then_type_narrows_to_exactly_the_right_entries(
    publications: Any, site: Path
) -> None:
    page = publications
    soup = page_soup(site, "publications.html")
    assert page.locator("form.academic-filter").is_visible()
    assert len(visible(page)) == 42
    page.select_option("select[name=year]", "2023")
    assert visible(page) == keys_in(soup, "#year-2023 li.academic-pub")
    page.select_option("select[name=type]", "preprint")
    # The two 2023 entries whose venue label says "Preprint".
    assert visible(page) == ["wei2023greener", "kwiatkowski2023fusiontoken"]
    hidden = page.eval_on_selector_all(
        "section.academic-year", "ss => ss.filter(s => s.hidden).map(s => s.id)"
    )
    assert "year-2023" not in hidden and len(hidden) == 7  # emptied years hide their heading
    page.select_option("select[name=year]", "")
    page.select_option("select[name=type]", "journal")
    assert visible(page) == ["chen2018adan"]  # the one @article
    page.wait_for_function(
        "document.querySelector('.academic-filter-status').textContent === '1 of 42 entries shown'"
    )
    assert page.evaluate("location.search") == "?type=journal"
    assert page.errors == []


def test_the_url_restores_the_choice(browser: Any, site_url: str, site: Path) -> None:
    page = open_page(browser, f"{site_url}/publications.html", ("desktop", "light"))
    page.select_option("select[name=year]", "2024")
    page.select_option("select[name=type]", "conference")
    page.fill("form.academic-filter input[name=q]", "attention")
    chosen = visible(page)
    assert chosen == ["athiwaratkun2024bifurcated"]
    assert page.evaluate("location.search") == "?year=2024&type=conference&q=attention"
    page.reload()
    page.wait_for_load_state("load")
    assert page.input_value("select[name=year]") == "2024"
    assert page.input_value("select[name=type]") == "conference"
    assert page.input_value("form.academic-filter input[name=q]") == "attention"
    assert visible(page) == chosen
    shared = open_page(
        browser, f"{site_url}/publications.html?year=2025&type=conference#x", ("phone", "light")
    )
    expected = [
        key
        for key in keys_in(page_soup(site, "publications.html"), "#year-2025 li.academic-pub")
        if page_soup(site, "publications.html").find(id=f"pub-{key}")["data-kind"] == "conference"
    ]
    assert len(expected) == 6 and visible(shared) == expected
    page.click("button.academic-filter-reset")
    page.wait_for_function("document.querySelectorAll('li.academic-pub[hidden]').length === 0")
    assert page.evaluate("location.search") == ""
    assert page.errors == [] and shared.errors == []
    page.close()
    shared.close()


def test_filters_work_by_keyboard_and_announce_the_count(publications: Any) -> None:
    page = publications
    status = page.locator("form.academic-filter [role=status]")
    assert status.get_attribute("role") == "status"  # a polite live region
    page.focus("select[name=type]")
    page.keyboard.press("ArrowDown")  # the first type: journal
    if page.input_value("select[name=type]") == "":  # some platforms open the list instead
        page.keyboard.press("Enter")
    assert page.input_value("select[name=type]") == "journal"
    page.wait_for_function(
        "document.querySelector('.academic-filter-status').textContent.startsWith('1 of 42')"
    )
    page.keyboard.press("Tab")  # the search box: the next control (no topics on this site)
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.type("no such words anywhere")
    page.wait_for_function(
        "document.querySelector('.academic-filter-status').textContent === '0 of 42 entries shown'"
    )
    assert visible(page) == []
    page.keyboard.press("Tab")  # the reset button
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('.academic-filter-status').textContent === '42 of 42 entries shown'"
    )
    focus = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focus != "none"
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
