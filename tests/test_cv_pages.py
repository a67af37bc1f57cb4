"""The formats' example CV pages in headless Chromium, at 1280 and 390 px, light and dark: no
horizontal overflow, no console error, axe-core finds no violation. With
``ACADEMIC_SCREENSHOTS=<folder>`` each view is also saved as a PNG there, to look at.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import _QuietHandler, axe_violations
from test_browser import open_page
from test_cv_files import json_resume_sample, rendercv_example

TESTS = Path(__file__).parent
PAGES = {
    "rendercv": "cv/rendercv.html",
    "jsonresume": "cv/jsonresume.html",
    "alfolio": "alfolio/cv.html",
}
VIEWS = [(w, s) for w in ("desktop", "phone") for s in ("light", "dark")]


@pytest.fixture(scope="module")
def cv_pages_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Both example sites built into one folder and served over HTTP."""
    root = tmp_path_factory.mktemp("cv-pages")
    cv_src = root / "src-cv"
    shutil.copytree(TESTS / "roots" / "test-cvfiles", cv_src)
    (cv_src / "files").mkdir()
    rendercv_example(cv_src / "files")
    json_resume_sample(cv_src / "files")
    alfolio_src = root / "src-alfolio"
    shutil.copytree(TESTS / "roots" / "test-alfolio", alfolio_src)
    for src, out in ((cv_src, root / "site" / "cv"), (alfolio_src, root / "site" / "alfolio")):
        # As the reference site: no "view this page" button (furo's fails axe's region rule).
        conf = src / "conf.py"
        conf.write_text(conf.read_text() + '\nhtml_theme_options = {"top_of_page_buttons": []}\n')
        # In a process of its own: an in-process Sphinx would leave docutils' registries set.
        command = [sys.executable, "-m", "sphinx", "-W", "-q", str(src), str(out)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
    # The served folder holds two sites, not one: Chromium still asks its root for a favicon.
    (root / "site" / "favicon.ico").write_bytes(b"")
    handler = functools.partial(_QuietHandler, directory=str(root / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(
    params=[(p, v) for p in PAGES for v in VIEWS], ids=lambda p: f"{p[0]}-{'-'.join(p[1])}"
)
def cv_page(request: pytest.FixtureRequest, browser: Any, cv_pages_url: str) -> Iterator[Any]:
    name, view = request.param
    page = open_page(browser, f"{cv_pages_url}/{PAGES[name]}", view)
    page.name = name
    yield page
    page.close()


def test_cv_page_fits_is_accessible_and_reads_as_a_cv(cv_page: Any, axe_source: str) -> None:
    page = cv_page
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.errors == []
    boxes = page.eval_on_selector_all(
        "article li, article dd, article p, article h2, article h3",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right] })",
    )
    width = page.evaluate("window.innerWidth")
    assert boxes and all(left >= 0 and right <= width + 0.5 for left, right in boxes)
    # Each section is a heading of the page, listed in its table of contents.
    headings = page.eval_on_selector_all("article section section > h2", "hs => hs.length")
    assert headings >= 4
    folder = os.environ.get("ACADEMIC_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=str(Path(folder) / f"{page.name}-{page.width}-{page.scheme}.png"), full_page=True
        )
    assert axe_violations(page, axe_source) == []
