"""What search engines and link previews read from the built site."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_academic.site.metadata import json_ld

CONTENT_PAGES = ("index", "publications", "cv")


def soup_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


def json_ld_of(soup: BeautifulSoup) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


@pytest.mark.parametrize("page", [*CONTENT_PAGES, "search"])
def test_every_page_has_a_description_and_opengraph_tags(site: Path, page: str) -> None:
    soup = soup_of(site, page)
    description = soup.find("meta", attrs={"name": "description"})
    assert description is not None and len(description["content"]) > 20
    if page == "search":
        return  # not a document: no OpenGraph preview
    for prop in ("og:title", "og:description", "og:type", "og:site_name"):
        tag = soup.find("meta", property=prop)
        assert tag is not None and tag["content"].strip(), prop
    assert soup.find("link", rel="icon") is not None


def test_home_page_describes_its_owner_with_what_the_site_shows(site: Path) -> None:
    people = [d for d in json_ld_of(soup_of(site, "index")) if d.get("@type") == "Person"]
    assert len(people) == 1
    person = people[0]
    shown = " ".join(soup_of(site, p).get_text(" ") for p in ("index", "cv"))
    values = [person["name"], person["jobTitle"], person["affiliation"]["name"]]
    values += [org["name"] for org in person["alumniOf"]]
    for value in values:
        assert value in shown, value
    assert all(url.startswith("https://") for url in person["sameAs"])


def test_publication_list_is_described_as_scholarly_articles(site: Path) -> None:
    soup = soup_of(site, "publications")
    articles = [
        item
        for data in json_ld_of(soup)
        for item in data.get("@graph", [])
        if item["@type"] == "ScholarlyArticle"
    ]
    titles = [p.get_text() for p in soup.select("li.academic-pub .academic-pub-title")]
    assert [a["headline"] for a in articles] == titles
    assert all(a["author"] and a["datePublished"].isdigit() for a in articles)
    assert all(a.get("url", "https://").startswith("https://") for a in articles)


def test_json_ld_cannot_be_broken_out_of() -> None:
    script = json_ld({"headline": "</script><script>alert(1)</script><!-- & -->"})
    inner = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner
    assert json.loads(inner)["headline"] == "</script><script>alert(1)</script><!-- & -->"


def test_robots_txt_allows_crawlers(site: Path) -> None:
    lines = (site / "robots.txt").read_text().splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]


def test_sitemap_and_canonical_urls_use_the_site_address(site_with_address: Path) -> None:
    base = "https://example.org/en/latest/"
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site_with_address / "sitemap.xml").getroot()
    urls = {loc.text for loc in root.findall("s:url/s:loc", namespace)}
    listed = soup_of(site_with_address, "publications").select("li.academic-pub")
    pages = {f"{base}publications/{item['id'].removeprefix('pub-')}.html" for item in listed}
    assert len(pages) == len(listed) > 40
    # Every document but the noindex search, and every publication's own page.
    assert urls == {f"{base}{page}.html" for page in CONTENT_PAGES} | pages
    robots = (site_with_address / "robots.txt").read_text()
    assert f"Sitemap: {base}sitemap.xml" in robots
    soup = soup_of(site_with_address, "cv")
    assert soup.find("meta", property="og:url")["content"] == f"{base}cv.html"
    assert soup.find("link", rel="canonical")["href"] == f"{base}cv.html"


def test_descriptions_keep_the_spaces_of_line_breaks(site: Path, tmp_path: Path) -> None:
    """MyST gives each line break its own text node; the description joins them with a space
    even where the next line starts with punctuation."""
    home = soup_of(site, "index").find("meta", attrs={"name": "description"})["content"]
    assert "Core ML (Turbo) Research" in home and "ML(Turbo)" not in home
    (tmp_path / "conf.py").write_text('extensions = ["myst_parser", "sphinx_academic"]\n')
    (tmp_path / "index.md").write_text(
        "# Home\n\nA line\n(in parentheses) then\n[brackets] and *emphasis\n(inside)* end.\n"
    )
    out = tmp_path / "out"
    command = [sys.executable, "-m", "sphinx", "-q", str(tmp_path), str(out)]
    assert subprocess.run(command, capture_output=True, check=False).returncode == 0
    soup = soup_of(out, "index")
    for tag in (
        soup.find("meta", attrs={"name": "description"}),
        soup.find(property="og:description"),
    ):
        assert (
            tag["content"] == "A line (in parentheses) then [brackets] and emphasis (inside) end."
        )


def test_feed_links_use_the_site_address(site_with_address: Path) -> None:
    base = "https://example.org/en/latest/"
    feed = ET.parse(site_with_address / "atom.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.find(f"{atom}link[@rel='self']").get("href") == f"{base}atom.xml"
    links = [e.find(f"{atom}link").get("href") for e in feed.findall(f"{atom}entry")]
    assert len(links) == 42
    for href in links:
        path = href.removeprefix(base)
        assert href.startswith(base) and path.startswith("publications/")  # its own page
        assert soup_of(site_with_address, path.removesuffix(".html")).find("h1")
