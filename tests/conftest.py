"""Shared fixtures: sphinx.testing's ``app`` with this project's test roots, the built reference
site, a local server for it, and headless Chromium."""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

pytest_plugins = ("sphinx.testing.fixtures",)

# sphinx-sitemap starts a multiprocessing Manager in every build that loads it. Forked from
# this process, that server would inherit the Playwright driver's pipe and keep it open, so
# the browser fixture could never close (the session hangs at its end). A forkserver child
# is exec'd and inherits no descriptor.
multiprocessing.set_start_method("forkserver", force=True)

REPO = Path(__file__).resolve().parent.parent
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).parent / "roots"


def html_of(app, page: str) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


def warnings_of(app) -> str:  # type: ignore[no-untyped-def]
    from sphinx.util.console import strip_colors

    return strip_colors(app.warning.getvalue())


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference site, built as the README says (warnings as errors)."""
    out = tmp_path_factory.mktemp("site")
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q"]
    command += ["-c", str(REPO), str(REPO / "docs"), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return out


#: The address Read the Docs gives the site in ``site_with_address``.
SITE_ADDRESS = "https://example.org/en/latest/"


@pytest.fixture(scope="session")
def site_with_address(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built as on Read the Docs, which sets the canonical address."""
    out = tmp_path_factory.mktemp("site-rtd")
    env = {**os.environ, "READTHEDOCS_CANONICAL_URL": SITE_ADDRESS}
    command = [sys.executable, "-m", "sphinx", "-W", "-q", "-c", str(REPO), str(REPO / "docs")]
    result = subprocess.run([*command, str(out)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return out


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """A built site over HTTP on 127.0.0.1, until the block ends."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1; the server stops with the session."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, to inject into pages (``npm ci --prefix tests`` installs it)."""
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing: CI must run 'npm ci --prefix tests'")
        pytest.skip("axe-core is missing: npm ci --prefix tests")
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Any, axe_source: str) -> list[str]:
    """What axe-core finds on the page (WCAG 2.1 A/AA and best practice): id and elements."""
    page.add_script_tag(content=axe_source)
    violations: list[str] = page.evaluate(
        """async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))
            .violations.map(v => `${v.id}: ${v.nodes.map(n => n.target).join(' | ')}`)""",
        AXE_TAGS,
    )
    return violations


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (no browser download)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
