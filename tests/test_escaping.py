"""Hostile and unusual input: escaped everywhere, unsafe URLs dropped, odd data still rendered."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '" onmouseover="alert(1)'
CLOSE = "</script><b>x</b>"
UNSAFE_URLS = [
    "javascript:alert(1)",
    "  JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "DATA:text/html,<b>x</b>",
    "vbscript:msgbox(1)",
    " VBScript:msgbox(1)",
]
TEXT = f"T {SCRIPT} {ATTRIBUTE} {CLOSE}"  # no braces: valid inside a BibTeX value


def _bib(urls: list[str]) -> str:
    entries = []
    for i, url in enumerate(urls):
        entries.append(
            f"@article{{evil{i},\n  title = {{{TEXT}}},\n"
            f"  author = {{Evil, {TEXT} and Lovelace, Ada}},\n"
            f"  journal = {{{TEXT}}},\n  venue_label = {{{TEXT}}},\n  summary = {{{TEXT}}},\n"
            f"  abstract = {{{TEXT}}},\n  award = {{{TEXT}}},\n  abbr = {{{TEXT}}},\n"
            f"  year = {{2024}},\n  pdf = {{{url}}},\n  code = {{{url}}},\n"
            f"  keywords = {{{TEXT}}},\n"
            f"  website = {{{url}}},\n}}\n"
        )
    many = " and ".join(f"Author{i}, Person{i}" for i in range(500))
    entries.append(
        "@article{many,\n  title = {Five Hundred Authors},\n"
        f"  author = {{{many} and Lovelace, Ada}},\n  journal = {{J}},\n  year = {{2023}},\n}}\n"
    )
    entries.append(
        "@article{thai,\n  title = {การเรียนรู้ของเครื่อง 機械学習 Машинное обучение},\n"
        "  author = {สมชาย ใจดี and 王小明 and Ж{\\'o}zef M{\\\"u}ller},\n"
        "  journal = {วารสาร},\n  year = {2022},\n}\n"
    )
    return "\n".join(entries)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    src = tmp_path_factory.mktemp("hostile")
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_academic"]\nbibtex_bibfiles = ["refs.bib"]\n'
        'myst_enable_extensions = ["colon_fence"]\nhtml_theme = "furo"\n'
        'academic_author_names = ["Ada Lovelace", "สมชาย ใจดี"]\nacademic_max_authors = 5\n'
        f"academic_person = {{'name': {TEXT!r}, 'job_title': {TEXT!r}, 'works_for': {TEXT!r}}}\n"
    )
    news = "".join(
        f"- date: 2024-0{i + 1}\n  text: {json.dumps(f'{TEXT} [link]({url.strip()})')}\n"
        for i, url in enumerate(UNSAFE_URLS)
    )
    (src / "news.yaml").write_text(news, encoding="utf-8")
    (src / "refs.bib").write_text(_bib(UNSAFE_URLS), encoding="utf-8")
    cards = "\n".join(
        f":::{{work-card}}\n:title: {TEXT}\n:venue: {TEXT}\n:tags: {TEXT}\n"
        f":links: Bad <{url.strip()}>, Good <https://example.org/{i}>\n:image: {url.strip()}\n"
        f":alt: {TEXT}\n\n{i}\n:::\n"
        for i, url in enumerate(u for u in UNSAFE_URLS if "\t" not in u)
    )
    entries = (
        f":::{{cv-entry}}\n:title: {TEXT}\n:organization: {TEXT}\n:location: {TEXT}\n"
        f":when: {TEXT}\n:date: 2020\n:::\n"
    )
    (src / "index.md").write_text(
        f"# Home\n\n```{{toctree}}\ncv\n```\n\n::::{{work-cards}}\n{cards}::::\n\n"
        "```{publications}\n```\n\nCite {cite:p}`nosuchkey`.\n\n"
        ":::{profile}\n:::\n\n:::{news}\n:source: news.yaml\n:::\n",
        encoding="utf-8",
    )
    resume = {
        "work": [
            {
                "name": TEXT,
                "position": TEXT,
                "summary": TEXT,
                "highlights": [TEXT],
                "url": url,
                "startDate": "2020",
            }
            for url in UNSAFE_URLS
        ]
    }
    (src / "resume.json").write_text(json.dumps(resume), encoding="utf-8")
    rendercv = {
        "cv": {
            "sections": {
                "work": [
                    {
                        "company": TEXT,
                        "position": TEXT,
                        "summary": TEXT,
                        "highlights": [TEXT],
                        "url": url,
                    }
                    for url in UNSAFE_URLS
                ]
            }
        }
    }
    (src / "cv.yaml").write_text(json.dumps(rendercv), encoding="utf-8")
    (src / "cv.md").write_text(
        f"# CV\n\n::::{{cv-timeline}}\n{entries}::::\n\n"
        "```{cv-timeline}\n:source: resume.json\n```\n\n```{cv-timeline}\n:source: cv.yaml\n```\n",
        encoding="utf-8",
    )
    out = src / "_build"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return out, result.stderr


@pytest.mark.parametrize("page", ["index.html", "cv.html"])
def test_no_payload_reaches_a_page_unescaped(hostile: tuple[Path, str], page: str) -> None:
    out, _ = hostile
    html = (out / page).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the text is shown, escaped
    assert "<script>alert(1)" not in html
    # No tag gained an attribute (inside an attribute value, the quotes stay &quot;).
    assert re.search(r"""<[^>]*\sonmouseover\s*=\s*["']""", html) is None
    assert "</script><b>x</b>" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(attrs={"onmouseover": True})
    for tag in soup.find_all(href=True) + soup.find_all(src=True):
        url = re.sub(r"[\x00-\x20]", "", tag.get("href") or tag.get("src")).lower()
        assert not url.startswith(("javascript:", "data:", "vbscript:")), url


def test_the_feed_holds_every_payload_as_text(hostile: tuple[Path, str]) -> None:
    import xml.etree.ElementTree as ET

    out, _ = hostile
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(out / "atom.xml").getroot()  # well-formed, whatever the data held
    titles = [e.findtext(f"{atom}title") for e in feed.findall(f"{atom}entry")]
    assert any(t.startswith(TEXT) for t in titles)
    contents = [c.text for c in feed.iter(f"{atom}content")]
    assert len(contents) == 7  # one per unsafe link
    for html in contents:
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.find_all(["script", "b"]) and "<script>alert(1)</script>" in soup.get_text()
        assert not soup.find_all(attrs={"onmouseover": True})
        for tag in soup.find_all(href=True):
            assert tag["href"].startswith(("https:", "http:")), tag["href"]


def located(stderr: str, path: Path, message: str) -> bool:
    """Whether a warning with ``message`` (a regex) names ``path`` and a line."""
    return re.search(rf"{re.escape(str(path))}:\d+: WARNING: {message}", stderr) is not None


def test_unsafe_urls_are_dropped_with_located_warnings(hostile: tuple[Path, str]) -> None:
    out, stderr = hostile
    src = out.parent
    for scheme in ("javascript", "data", "vbscript"):
        unsafe = f"unsafe URL scheme '{scheme}'"
        assert located(stderr, src / "refs.bib", rf"\w+ of 'evil\d+': {unsafe}"), scheme
        assert located(stderr, src / "index.md", f"work-card :links: {unsafe}"), scheme
        assert located(stderr, src / "resume.json", f"CV source: .*{unsafe}"), scheme
        assert located(stderr, src / "cv.yaml", f"CV source: .*{unsafe}"), scheme
        assert located(stderr, src / "news.yaml", f"news file: text: {unsafe}"), scheme
    assert located(stderr, src / "index.md", 'could not find bibtex key "nosuchkey"')
    soup = BeautifulSoup((out / "index.html").read_text(), "html.parser")
    good = soup.select('a.academic-link[href^="https://example.org/"]')
    # Each card keeps its safe link, except the one whose :links: cannot be read at all
    # (its "URL" holds <b>x</b>): that card gets a warning and no links.
    assert [a.get_text() for a in good] == ["Good"] * 5
    assert "WARNING: work-card :links: cannot read" in stderr


def test_five_hundred_authors_and_non_latin_scripts_render(hostile: tuple[Path, str]) -> None:
    out, _ = hostile
    soup = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    many = soup.find(id="pub-many")
    assert many.select_one("details.academic-more-authors summary").get_text() == (
        "496 more authors, including Ada Lovelace"
    )
    assert len(many.select_one(".academic-hidden-authors").get_text().split(", ")) == 496
    thai = soup.find(id="pub-thai")
    assert thai.find("cite").get_text() == "การเรียนรู้ของเครื่อง 機械学習 Машинное обучение"
    assert thai.select_one("strong.academic-me").get_text() == "สมชาย ใจดี"
    assert "Жózef Müller" in thai.select_one(".academic-pub-authors").get_text()
