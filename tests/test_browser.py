"""The built site in headless Chromium: layout, themes, keyboard access."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

WIDTHS = {"desktop": 1280, "phone": 390, "narrow": 320}
SCHEMES = ("light", "dark")


VIEWS = [(w, s) for w in WIDTHS for s in SCHEMES]


def open_page(
    browser: Any, url: str, view: tuple[str, str], on_response: list[tuple[str, int]] | None = None
) -> Any:
    """A loaded page at a width and colour scheme, recording console errors and failed loads
    (and, given ``on_response``, each response's URL and size in bytes)."""
    width, scheme = view
    page = browser.new_page(viewport={"width": WIDTHS[width], "height": 900}, color_scheme=scheme)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
    page.on(
        "response", lambda r: errors.append(f"{r.status}: {r.url}") if r.status >= 400 else None
    )
    if on_response is not None:
        page.on(
            "response",
            lambda r: on_response.append((r.url, len(r.body()))) if r.status < 300 else None,
        )
    page.goto(url)
    # networkidle when sizes are recorded: every response's event has then been handled.
    page.wait_for_load_state("networkidle" if on_response is not None else "load")
    page.width, page.scheme, page.errors = width, scheme, errors
    return page


@pytest.fixture(params=VIEWS, ids=lambda p: f"{p[0]}-{p[1]}")
def home(request: pytest.FixtureRequest, browser: Any, site_url: str) -> Iterator[Any]:
    page = open_page(browser, f"{site_url}/index.html", request.param)
    yield page
    page.close()


def test_cards_grid_columns_and_no_overflow(home: Any) -> None:
    tops = home.eval_on_selector_all(
        ".academic-cards > .sd-col",
        "cols => cols.map(c => Math.round(c.getBoundingClientRect().top))",
    )
    assert len(tops) == 10
    per_row = tops.count(tops[0])
    assert per_row == (2 if home.width == "desktop" else 1)
    overflow = home.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert home.errors == []


def test_theme_follows_the_colour_scheme(home: Any) -> None:
    background = home.eval_on_selector(
        ".academic-card", "c => getComputedStyle(c).backgroundColor.match(/\\d+/g).map(Number)"
    )
    brightness = sum(background[:3]) / 3
    assert (brightness > 200) if home.scheme == "light" else (brightness < 80)


def test_every_card_link_is_reachable_with_the_keyboard(home: Any) -> None:
    wanted = home.eval_on_selector_all(
        ".academic-card a", "as => as.map(a => a.href + ' ' + a.textContent)"
    )
    reached: set[str] = set()
    for _ in range(400):
        home.keyboard.press("Tab")
        focused = home.evaluate(
            "(() => { const a = document.activeElement; return a && a.closest('.academic-card') "
            "? [a.href + ' ' + a.textContent, getComputedStyle(a).outlineStyle] : null })()"
        )
        if focused:
            reached.add(focused[0])
            assert focused[1] != "none", f"no visible focus ring on {focused[0]}"
        if reached >= set(wanted):
            break
    assert set(wanted) - reached == set()


@pytest.fixture(params=VIEWS, ids=lambda p: f"{p[0]}-{p[1]}")
def cv(request: pytest.FixtureRequest, browser: Any, site_url: str) -> Iterator[Any]:
    page = open_page(browser, f"{site_url}/cv.html", request.param)
    yield page
    page.close()


def test_cv_timeline_stacks_inside_the_page_in_both_themes(cv: Any) -> None:
    assert cv.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    boxes = cv.eval_on_selector_all(
        "li.academic-cv-entry",
        "lis => lis.map(li => { const r = li.getBoundingClientRect(); return [r.left, r.right] })",
    )
    width = cv.evaluate("window.innerWidth")
    assert boxes and all(left >= 0 and right <= width for left, right in boxes)
    lefts = {round(left) for left, _ in boxes}
    assert len(lefts) == 1  # one column: entries stack
    dot = cv.eval_on_selector(
        "li.academic-cv-entry", "li => getComputedStyle(li, '::before').backgroundColor"
    )
    text = cv.eval_on_selector(
        ".academic-cv-title", "t => getComputedStyle(t).color.match(/\\d+/g).map(Number)"
    )
    assert dot not in ("", "rgba(0, 0, 0, 0)")
    brightness = sum(text[:3]) / 3
    assert (brightness < 80) if cv.scheme == "light" else (brightness > 170)
    assert cv.errors == []


@pytest.fixture(params=VIEWS, ids=lambda p: f"{p[0]}-{p[1]}")
def publications(request: pytest.FixtureRequest, browser: Any, site_url: str) -> Iterator[Any]:
    page = open_page(browser, f"{site_url}/publications.html", request.param)
    yield page
    page.close()


def test_publication_list_fits_and_its_toggles_open_with_the_keyboard(publications: Any) -> None:
    page = publications
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    for toggle in ("academic-more-authors", "academic-bibtex"):
        summary = page.locator(f"details.{toggle} > summary").first
        summary.focus()
        page.keyboard.press("Enter")
        assert page.locator(f"details.{toggle}").first.evaluate("d => d.open"), toggle
    # An opened BibTeX block wraps instead of widening the page.
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.errors == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_printing_the_cv_gives_the_content_in_black_on_white(
    browser: Any, site_url: str, scheme: str
) -> None:
    page = open_page(browser, f"{site_url}/cv.html", ("desktop", scheme))
    page.emulate_media(media="print")
    hidden = page.eval_on_selector_all(
        ".sidebar-drawer, .toc-drawer, .theme-toggle-container, p.academic-pdf-link",
        "els => els.map(e => getComputedStyle(e).display)",
    )
    assert hidden and set(hidden) == {"none"}
    colours = page.evaluate(
        """() => [document.body, document.querySelector('.academic-cv-title'),
                  document.querySelector('.academic-cv-when')].map(e => {
            const s = getComputedStyle(e); return [s.color, s.backgroundColor] })"""
    )
    body_background = colours[0][1]
    assert body_background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), colours
    for colour, _ in colours:
        channels = [int(c) for c in re.findall(r"\d+", colour)[:3]]
        assert max(channels) < 60, colours  # black (or nearly) text
    article = page.eval_on_selector("article", "a => a.getBoundingClientRect().width")
    assert article > 0.8 * page.evaluate("window.innerWidth")  # the content takes the page
    page.close()
