"""Each page loads only what it uses; on Read the Docs, furo's extension styles stay."""

from __future__ import annotations

import re

import pytest
from conftest import html_of

FURO_EXTENSIONS = re.compile("furo-extensions")


@pytest.mark.sphinx("html", testroot="publications", freshenv=True)
def test_pages_without_design_parts_or_code_drop_furo_extensions(app, monkeypatch) -> None:
    monkeypatch.delenv("READTHEDOCS", raising=False)
    app.build()
    page = html_of(app, "index.html")
    assert not page.find("link", href=FURO_EXTENSIONS)
    assert not page.find("link", href=re.compile("sphinx-design"))
    assert not page.find("link", href=re.compile("pygments"))
    assert page.find("link", href=re.compile("sphinx-academic.css"))


@pytest.mark.sphinx("html", testroot="publications", freshenv=True)
def test_read_the_docs_keeps_furo_extensions_for_its_flyout(app, monkeypatch) -> None:
    # What Read the Docs sets in its build environment:
    monkeypatch.setenv("READTHEDOCS", "True")
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", "https://example.org/en/latest/")
    app.build()
    for page in ("index.html", "cites.html"):
        assert html_of(app, page).find("link", href=FURO_EXTENSIONS), page


@pytest.mark.sphinx("html", testroot="cards", freshenv=True)
def test_a_page_with_cards_inlines_only_the_design_rules_it_uses(app) -> None:
    app.build()
    page = html_of(app, "index.html")
    assert not page.find("link", href=re.compile("sphinx-design"))
    style = " ".join(s.get_text() for s in page.find_all("style"))
    assert ".sd-row" in style and ".sd-col" in style
    assert ".sd-tab-set" not in style and ".sd-card-header" not in style
    assert not page.find("script", src=re.compile("design-tabs"))
