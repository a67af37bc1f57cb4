"""The Atom feed: valid (RFC 4287's rules, checked here), complete, every link in the site."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import html_of
from test_site import EXPECTED

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def only(parent: ET.Element, tag: str) -> ET.Element:
    found = parent.findall(A + tag)
    assert len(found) == 1, f"{parent.tag} has {len(found)} <{tag}>"
    return found[0]


def check_atom(path: Path) -> ET.Element:
    """The feed, after checking what RFC 4287 requires of it and of each entry."""
    feed = ET.parse(path).getroot()
    assert feed.tag == A + "feed"
    for tag in ("id", "title", "updated"):
        assert only(feed, tag).text.strip()
    assert RFC3339.match(only(feed, "updated").text)
    assert only(only(feed, "author"), "name").text.strip()  # so entries need no author
    assert [link.get("href") for link in feed.findall(A + "link[@rel='self']")] != []
    ids = []
    for entry in feed.findall(A + "entry"):
        for tag in ("id", "title", "updated"):
            assert only(entry, tag).text.strip()
        assert RFC3339.match(only(entry, "updated").text)
        alternate = entry.findall(A + "link[@rel='alternate']")
        assert len(alternate) == 1 or entry.find(A + "content") is not None
        ids.append(only(entry, "id").text)
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    assert all(i.startswith("urn:uuid:") for i in ids)
    updated = [only(e, "updated").text for e in feed.findall(A + "entry")]
    assert updated == sorted(updated, reverse=True), "newest first"
    if updated:
        assert only(feed, "updated").text == updated[0]
    return feed


def entry_links(feed: ET.Element) -> list[str]:
    return [e.find(A + "link[@rel='alternate']").get("href") for e in feed.findall(A + "entry")]


def lands_in(site: Path, href: str, page: str = "") -> bool:
    """Whether a relative link (from ``page``) reaches a file of the site, and its anchor."""
    target = urljoin(page, href)
    path, _, anchor = target.partition("#")
    file = site / path
    if not file.is_file():
        return False
    if not anchor:
        return True
    return (
        BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").find(id=anchor) is not None
    )


def test_reference_feed_is_valid_atom_and_lists_every_publication(site: Path) -> None:
    feed = check_atom(site / "atom.xml")
    titles = [only(e, "title").text for e in feed.findall(A + "entry")]
    assert sorted(titles) == sorted(EXPECTED)  # every publication, once
    assert only(feed, "title").text == "Ben Athiwaratkun"
    assert only(only(feed, "author"), "name").text == "Ben Athiwaratkun"
    assert only(feed, "updated").text == "2026-01-01T00:00:00Z"  # from the data, not the clock
    first = feed.find(A + "entry")
    assert only(first, "title").text == (
        "Squeeze Evolve: Unified Multi-Model Orchestration for Verifier-Free Evolution"
    )  # the newest year, in the bib file's order: new entries go on top


def test_every_feed_link_lands_in_the_built_site(site: Path) -> None:
    feed = check_atom(site / "atom.xml")
    links = entry_links(feed)
    assert links and all(not href.startswith(("http:", "https:", "/")) for href in links)
    for href in links:
        assert lands_in(site, href), href
        assert href.startswith("publications/")  # each publication's own page
    for entry in feed.findall(A + "entry"):
        page = site / entry.find(A + "link").get("href")
        heading = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("h1")
        assert heading.get_text() == only(entry, "title").text
    self_link = feed.find(A + "link[@rel='self']").get("href")
    assert (site / self_link).samefile(site / "atom.xml")
    for related in feed.findall(f"{A}entry/{A}link[@rel='related']"):
        assert related.get("href").startswith("https://")


@pytest.mark.parametrize("page", ["index", "publications", "cv", "search"])
def test_every_page_announces_the_feed(site: Path, page: str) -> None:
    soup = BeautifulSoup((site / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
    links = soup.find_all("link", rel="alternate", type="application/atom+xml")
    assert len(links) == 1 and links[0]["title"]
    assert lands_in(site, links[0]["href"], f"{page}.html")


def test_categories_say_the_kind(site: Path) -> None:
    feed = ET.parse(site / "atom.xml").getroot()
    kinds = {
        only(e, "title").text: [c.get("term") for c in e.findall(A + "category")]
        for e in feed.findall(A + "entry")
    }
    assert kinds[
        "Adversarial Deep Averaging Networks for Cross-Lingual Sentiment Classification"
    ] == ["journal"]


@pytest.mark.sphinx("html", testroot="profile")
def test_news_items_link_to_the_full_list_with_their_text(app) -> None:
    app.build()
    out = Path(app.outdir)
    feed = check_atom(out / "atom.xml")
    news = {
        only(e, "title").text: e
        for e in feed.findall(A + "entry")
        if e.find(A + "content") is not None
    }
    assert len(news) == 6  # five items of news.md (two of them also on the home page), one of rest
    item = news["Started on poetical science."]
    assert item.find(A + "link").get("href") == "news.html#news-1844-01-15"  # not index.html
    assert only(item, "updated").text == "1844-01-15T00:00:00Z"
    assert "<strong>poetical science</strong>" in only(item, "content").text
    cited = news["Wrote to Babbage about the notes, see Lovelace [1843]."]
    content = BeautifulSoup(only(cited, "content").text, "html.parser")
    assert lands_in(out, content.find("a")["href"])  # the citation, resolved as on the page
    for href in entry_links(feed):
        assert lands_in(out, href), href
    menabrea = news["Finished the translation of Menabrea's paper."]
    assert only(menabrea, "updated").text == "1842-11-01T00:00:00Z"


@pytest.fixture
def project(tmp_path: Path, rootdir: Path) -> Path:
    shutil.copytree(rootdir / "test-profile", tmp_path / "site")
    return tmp_path / "site"


def feed_ids(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    feed = ET.parse(Path(app.outdir) / "atom.xml").getroot()
    return {only(e, "title").text: only(e, "id").text for e in feed.findall(A + "entry")}


def test_ids_stay_the_same_when_entries_and_items_are_added(make_app, project: Path) -> None:
    app = make_app("html", srcdir=project, freshenv=True)
    app.build()
    before = feed_ids(app)
    bib = project / "refs.bib"
    bib.write_text(
        "@article{new1845,\n  title = {A New Paper},\n  author = {Lovelace, Ada},\n"
        "  journal = {J},\n  year = {1845},\n}\n\n" + bib.read_text()
    )
    news = project / "news.yaml"
    news.write_text("- date: 1843-09-01\n  text: Another item that day.\n" + news.read_text())
    app = make_app("html", srcdir=project, freshenv=True, confoverrides={"html_title": "Renamed"})
    app.build()
    after = feed_ids(app)
    assert {"A New Paper", "Another item that day."} <= set(after)
    assert len(set(after.values())) == len(after)
    for title, id_ in before.items():
        # An item's key is its file, date and place among that day's items: the one that
        # shares its day with the new item (written above it) is now that day's second.
        if title != "Published the Notes with a table of Bernoulli numbers.":
            assert after[title] == id_, title


def test_absolute_links_from_the_site_address(make_app, project: Path) -> None:
    base = "https://ada.example.org/site/"
    app = make_app("html", srcdir=project, freshenv=True, confoverrides={"html_baseurl": base})
    app.build()
    feed = check_atom(Path(app.outdir) / "atom.xml")
    assert feed.find(A + "link[@rel='self']").get("href") == base + "atom.xml"
    for href in entry_links(feed):
        assert href.startswith(base) and lands_in(Path(app.outdir), href.removeprefix(base))
    contents = [
        only(e, "content").text
        for e in feed.findall(A + "entry")
        if e.find(A + "content") is not None
    ]
    assert f'href="{base}publications.html#' in "".join(contents)  # the citation, absolute


def test_news_text_in_the_feed_reads_as_on_the_page(make_app, project: Path) -> None:
    """Body and file items alike: breaks, nested styles, relative links made absolute."""
    (project / "news.md").write_text(
        "# News\n\n:::{news}\n:source: news.yaml\n\n"
        "- 2020-01-01: A line  \n  broken, *emphasis with **strong** and [a link](rest.rst)*.\n"
        ":::\n"
    )
    (project / "news.yaml").write_text(
        "- date: 2020-02-01\n  text: See [the list](publications.html#top), *a **b** c*.\n"
    )
    base = "https://ada.example.org/site/"
    app = make_app("html", srcdir=project, freshenv=True, confoverrides={"html_baseurl": base})
    app.build()
    feed = check_atom(Path(app.outdir) / "atom.xml")
    news = {
        only(e, "title").text: only(e, "content").text
        for e in feed.findall(A + "entry")
        if e.find(A + "content") is not None
    }
    body = news["A line broken, emphasis with strong and a link."]  # no raw markup in the title
    assert body == (
        "<p>A line<br />broken, <em>emphasis with <strong>strong</strong> and "
        f'<a class="reference external" href="{base}rest.html">a link</a></em>.</p>\n'
    )
    assert news["See the list, a b c."] == (
        f'<p>See <a class="reference external" href="{base}publications.html#top">the list</a>, '
        "<em>a <strong>b</strong> c</em>.</p>\n"
    )


def test_a_feed_without_entries_is_dated_by_source_date_epoch(
    make_app, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("index.md", "news.md", "publications.md", "rest.rst"):
        (project / name).unlink()
    (project / "index.md").write_text("# Home\n\nNothing yet.\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    app = make_app("html", srcdir=project, freshenv=True)
    app.build()
    feed = check_atom(Path(app.outdir) / "atom.xml")
    assert feed.findall(A + "entry") == []
    assert only(feed, "updated").text == "2023-11-14T22:13:20Z"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    app = make_app("html", srcdir=project, freshenv=True)
    app.build()
    assert only(check_atom(Path(app.outdir) / "atom.xml"), "updated").text == "1970-01-01T00:00:00Z"


def test_feed_can_be_turned_off(make_app, project: Path) -> None:
    app = make_app("html", srcdir=project, freshenv=True, confoverrides={"academic_feed": False})
    app.build()
    assert not (Path(app.outdir) / "atom.xml").exists()
    assert html_of(app, "index.html").find("link", type="application/atom+xml") is None


def test_the_feed_keeps_the_newest_entries(make_app, project: Path) -> None:
    """``academic_feed_entries`` keeps the newest publications and news, as feeds do."""

    def entries(count: int) -> list[bytes]:
        overrides = {"academic_feed_entries": count}
        app = make_app("html", srcdir=project, freshenv=True, confoverrides=overrides)
        app.build()
        found = check_atom(Path(app.outdir) / "atom.xml").findall(A + "entry")
        return [ET.tostring(e).strip() for e in found]

    every = entries(0)
    assert len(every) > 3
    assert entries(3) == every[:3]


def test_an_undated_entry_is_left_out_and_the_owner_named(make_app, project: Path) -> None:
    """No invented date (1970, or the build's SOURCE_DATE_EPOCH) for an entry without a year;
    the feed's author is never Sphinx's placeholder for an unset ``author``."""
    bib = project / "refs.bib"
    bib.write_text(
        bib.read_text() + "\n@misc{undated,\n  title = {An Undated Note},\n"
        "  author = {Lovelace, Ada},\n}\n"
    )
    conf = project / "conf.py"
    conf.write_text(re.sub(r"(?m)^author = .*$", "", conf.read_text()))
    app = make_app("html", srcdir=project, freshenv=True, confoverrides={"academic_person": {}})
    app.build()
    assert "An Undated Note" in html_of(app, "publications.html").get_text()
    feed = check_atom(Path(app.outdir) / "atom.xml")
    titles = [only(e, "title").text for e in feed.findall(A + "entry")]
    assert titles and "An Undated Note" not in titles
    author = only(only(feed, "author"), "name").text
    assert author == app.config.project != "Author name not set"


@pytest.mark.sphinx("text", testroot="profile")
def test_other_builders_write_no_feed(app) -> None:
    app.build()
    assert not (Path(app.outdir) / "atom.xml").exists()
