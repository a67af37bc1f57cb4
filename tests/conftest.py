"""Shared fixtures: sphinx.testing's ``app`` with this project's test roots, and HTML parsing."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytest_plugins = ("sphinx.testing.fixtures",)

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).parent / "roots"


def html_of(app, page: str) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


def warnings_of(app) -> str:  # type: ignore[no-untyped-def]
    from sphinx.util.console import strip_colors

    return strip_colors(app._warning.getvalue())
