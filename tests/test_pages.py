"""Every page of the built site, in headless Chromium: what visitors and crawlers get.

Each page at 1280 px and 390 px, light and dark: no horizontal overflow, no console error,
no failed or third-party request, every toggle opens from the keyboard, axe-core finds no
WCAG 2.1 A/AA or best-practice violation (with every toggle open), and the page weight stays
within budget.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import axe_violations
from test_browser import open_page

#: A publication's own page (sphinx_academic/pages/) is checked as the documents are.
PAGES = ("index", "publications", "cv", "search", "publications/athiwaratkun2024bifurcated")
VIEWS = [(w, s) for w in ("desktop", "phone") for s in ("light", "dark")]
KIB = 1024
#: Uncompressed bytes of CSS, JS, fonts and images a first visit loads.
ASSET_BUDGET = 100 * KIB
HOME_BUDGET = 150 * KIB
#: Sphinx's search page adds its scripts and search index (about 45 KiB, growing with the
#: site's text) to furo's 56 KiB: it gets a budget of its own, named in the README.
SEARCH_BUDGET = 110 * KIB


@pytest.fixture(
    params=[(p, v) for p in PAGES for v in VIEWS], ids=lambda p: f"{p[0]}-{'-'.join(p[1])}"
)
def page(request: pytest.FixtureRequest, browser: Any, site_url: str) -> Iterator[Any]:
    name, view = request.param
    responses: list[tuple[str, int]] = []
    opened = open_page(browser, f"{site_url}/{name}.html", view, on_response=responses)
    opened.name, opened.responses, opened.site_url = name, responses, site_url
    yield opened
    opened.close()


def test_page_fits_and_loads_cleanly(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.errors == []
    foreign = [url for url, _ in page.responses if not url.startswith(page.site_url)]
    assert foreign == [], "third-party requests"


def test_every_toggle_opens_with_the_keyboard(page: Any) -> None:
    summaries = page.locator("details > summary")
    for i in range(summaries.count()):
        summary = summaries.nth(i)
        if not summary.is_visible():
            continue  # inside a closed toggle; opened once its parent is
        summary.focus()
        page.keyboard.press("Enter")
        assert summary.evaluate("s => s.parentElement.open"), summary.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_theme_toggle_switches_the_theme(page: Any) -> None:
    toggle = page.locator("button.theme-toggle").locator("visible=true").first
    seen = set()
    for _ in range(3):
        toggle.click()
        seen.add(page.evaluate("document.body.dataset.theme"))
    assert {"light", "dark"} <= seen
    page.evaluate("document.body.dataset.theme = 'dark'")
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.evaluate("document.body.dataset.theme = 'light'")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != dark


def test_no_accessibility_violations(page: Any, axe_source: str) -> None:
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert axe_violations(page, axe_source) == []


def test_page_weight_within_budget(page: Any) -> None:
    assets = sum(size for url, size in page.responses if not url.split("?")[0].endswith(".html"))
    budget = SEARCH_BUDGET if page.name == "search" else ASSET_BUDGET
    assert assets <= budget, f"{assets / KIB:.1f} KiB of assets"
    if page.name == "index":
        total = sum(size for _, size in page.responses)
        assert total <= HOME_BUDGET, f"{total / KIB:.1f} KiB in all"


def test_content_shows_without_javascript(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    for name in ("index", "publications", "cv"):
        page = context.new_page()
        page.goto(f"{site_url}/{name}.html")
        assert page.locator("article h1").first.is_visible()
        text = page.locator("article").inner_text()
        assert len(text) > 1000, name
    context.close()


def test_search_finds_a_paper_and_highlights_it_on_arrival(
    browser: Any, site_url: str, site: Path
) -> None:
    """Sphinx's search scripts still work minified: a query lists the publications page, and
    its link highlights the word there."""
    doctools = (site / "_static" / "doctools.js").read_text(encoding="utf-8")
    assert "\n * " not in doctools  # comment blocks gone: minified
    page = open_page(browser, f"{site_url}/search.html?q=bifurcated", ("desktop", "light"))
    page.wait_for_selector("#search-results li a", timeout=10_000)
    links = page.eval_on_selector_all("#search-results li a", "as => as.map(a => a.href)")
    assert any("publications.html" in href for href in links), links
    result = next(href for href in links if "publications.html" in href)
    assert page.errors == []
    page.goto(result)
    page.wait_for_selector("span.highlighted", timeout=10_000)
    words = page.eval_on_selector_all("span.highlighted", "s => s.map(e => e.textContent)")
    assert words and all(w.lower() == "bifurcated" for w in words), words
    page.close()
