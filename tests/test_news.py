"""The news directive: dated items from its body or a news file, newest first, in every output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import html_of, warnings_of

from sphinx_academic.inline import Inline, Run
from sphinx_academic.news.html import blocks_html
from sphinx_academic.news.markdown import parse_markdown
from sphinx_academic.news.model import ListBlock, Paragraph, headline


def items(soup, scope: str = "") -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(datetime, shown date, text) of each news item."""
    return [
        (
            li.find("time")["datetime"],
            li.find("time").get_text(),
            " ".join(li.select_one(".academic-news-text").get_text().split()),
        )
        for li in soup.select(f"{scope} li.academic-news-item")
    ]


@pytest.mark.sphinx("html", testroot="profile")
def test_home_page_shows_the_newest_items_only(app) -> None:
    app.build()
    assert items(html_of(app, "index.html")) == [
        ("1844-01-15", "January 15, 1844", "Started on poetical science."),
        (
            "1843-09-01",
            "September 1, 1843",
            "Published the Notes with a table of Bernoulli numbers.",
        ),
    ]


@pytest.mark.sphinx("html", testroot="profile")
def test_full_list_merges_body_and_file_items_newest_first(app) -> None:
    app.build()
    soup = html_of(app, "news.html")
    assert [(iso, shown) for iso, shown, _ in items(soup)] == [
        ("1844-01-15", "January 15, 1844"),
        ("1843-09-01", "September 1, 1843"),
        ("1843-07-10", "July 10, 1843"),  # written in the directive's body
        ("1842-11", "November 1842"),  # a month: shown and kept as precise as written
        ("1841-06", "June 1841"),  # body item whose date is in bold
    ]
    item = soup.find(id="news-1843-09-01")
    assert item.find("em").get_text() == "Notes"
    assert item.find("a")["href"] == "https://example.org/notes"
    menabrea = soup.find(id="news-1842-11")
    assert [li.get_text(strip=True) for li in menabrea.select("ul li")] == [
        "With notes A to G",
        "And a table",
    ]
    # A citation in a body item is resolved as anywhere on the page.
    cite = soup.find(id="news-1843-07-10").select_one("span.bibtex-citation a")
    assert cite["href"].startswith("publications.html#")
    assert soup.find(id="news-1841-06").select_one(".academic-news-text").get_text(strip=True) == (
        "Began studying with De Morgan."
    )


@pytest.mark.sphinx("html", testroot="profile")
def test_rest_news_and_stylesheet(app) -> None:
    app.build()
    soup = html_of(app, "rest.html")
    assert items(soup) == [("1850-01-01", "January 1, 1850", "Written in reST.")]
    assert soup.find("link", href=lambda h: h and "sphinx-academic.css" in h)


@pytest.mark.sphinx("text", testroot="profile")
def test_text_output_starts_each_item_with_its_date(app) -> None:
    app.build()
    text = (Path(app.outdir) / "news.txt").read_text()
    assert "* **January 15, 1844**: Started on **poetical science**." in text
    assert "* **November 1842**: Finished the translation of Menabrea's paper." in text
    assert "With notes A to G" in text


@pytest.mark.sphinx("latex", testroot="profile")
def test_latex_output_has_dates_and_links(app) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text()
    assert r"\sphinxstylestrong{September 1, 1843}" in tex
    assert r"\sphinxhref{https://example.org/notes}{a table of Bernoulli numbers}" in tex


BAD_NEWS = """\
- date: 2021-02-30
  text: A date that is not on the calendar.
- date: 2020-05-01
  txt: A typo in a key.
- date: present
  text: Not a date.
- date: 2019-01-01
  text: "<script>alert(1)</script> and [a link](javascript:alert(1)) ![photo](me.png)"
- text: No date at all.
- date: 2018-03
  text: |
    # A heading

    Fine otherwise.
"""


@pytest.fixture
def project(tmp_path: Path, rootdir: Path) -> Path:
    shutil.copytree(rootdir / "test-profile", tmp_path / "site")
    return tmp_path / "site"


def test_a_bad_news_file_warns_at_each_line_and_shows_the_rest(make_app, project: Path) -> None:
    news = project / "news.yaml"
    news.write_text(BAD_NEWS)
    app = make_app("html", srcdir=project, freshenv=True)
    app.build()
    warnings = warnings_of(app)
    expected = [
        (1, "'2021-02-30' is not a calendar date"),
        (4, "unknown key 'txt'; did you mean 'text'?"),
        (3, "the item has no text"),
        (5, "a news item needs a date, not 'present'"),
        (8, "unsafe URL scheme 'javascript'"),
        (8, "an image is not shown here, only its description"),
        (9, "the item has no date"),
        (11, "a heading is shown as plain text"),  # the line of its text
    ]
    for line, message in expected:
        assert f"{news}:{line}: WARNING: news file: " in warnings
        assert any(
            w.startswith(f"{news}:{line}: WARNING: ") and message in w
            for w in warnings.splitlines()
        ), (line, message)
    assert warnings.count("a heading is shown as plain text") == 1  # two pages read the file
    soup = html_of(app, "news.html")
    assert [iso for iso, _, _ in items(soup)] == ["2019-01-01", "2018-03", "1843-07-10", "1841-06"]
    page = (Path(app.outdir) / "news.html").read_text()
    assert "<script>alert" not in page and "javascript:" not in page
    text = soup.find(id="news-2019-01-01").get_text()
    assert "<script>alert(1)</script> and a link photo" in " ".join(text.split())


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("date: 2020\ntext: not a list\n", "expected a list of items"),
        ("- [unclosed\n", "news file"),
    ],
)
def test_a_news_file_that_cannot_be_read_is_named(
    make_app, project: Path, content: str, expected: str
) -> None:
    (project / "news.yaml").write_text(content)
    app = make_app("html", srcdir=project, freshenv=True)
    app.build()
    warnings = warnings_of(app)
    assert str(project / "news.yaml") in warnings and expected in warnings
    assert "[academic.news]" in warnings
    assert [iso for iso, _, _ in items(html_of(app, "news.html"))] == ["1843-07-10", "1841-06"]


def test_news_files_outside_the_project_are_refused(
    make_app, project: Path, tmp_path: Path
) -> None:
    (tmp_path / "private.yaml").write_text("- date: 2020-01-01\n  text: secret\n")
    (project / "news.yaml").unlink()
    (project / "news.yaml").symlink_to(tmp_path / "private.yaml")
    app = make_app("html", srcdir=project, freshenv=True)
    app.build()
    assert "is outside" in warnings_of(app) and "[academic.files]" in warnings_of(app)
    assert "secret" not in (Path(app.outdir) / "news.html").read_text()


def test_body_items_without_a_date_are_named_at_their_line(make_app, project: Path) -> None:
    (project / "news.md").write_text(
        "# News\n\n:::{news}\n- 2020-01-01: Fine.\n- Undated item.\n- 2020-13-01: Bad month.\n"
        "- 2021-01-01:\n:::\n\nSome text.\n"
    )
    app = make_app("html", srcdir=project, freshenv=True)
    app.build()
    warnings = warnings_of(app)
    assert "news.md:5: WARNING: news: an item has no date; start each item with its date" in (
        warnings
    )
    assert "news.md:6: WARNING: news: '2020-13-01' is not a calendar date" in warnings
    assert "news.md:7: WARNING: news: an item has a date but no text" in warnings
    assert [iso for iso, _, _ in items(html_of(app, "news.html"))] == ["2020-01-01"]


def test_markdown_becomes_the_neutral_structure() -> None:
    blocks, problems = parse_markdown(
        "A *b* **c** [d](https://e.org/) [f](pubs.html)  \ng\n\n1. one\n2. two"
    )
    assert problems == []
    assert blocks[0] == Paragraph(
        Inline(
            (
                Run("A "),
                Run("b", emphasis=True),
                Run(" "),
                Run("c", strong=True),
                Run(" "),
                Run("d", link="https://e.org/"),
                Run(" "),
                Run("f", link="pubs.html"),  # news links may be relative to the page
                Run("\n", is_break=True),
                Run("g"),
            )
        )
    )
    assert blocks[1] == ListBlock(
        True, ((Paragraph(Inline.of("one")),), (Paragraph(Inline.of("two")),))
    )
    assert headline(blocks) == "A b c d f g"


def test_raw_html_stays_text_and_relative_links_join_the_feed_base() -> None:
    blocks, _ = parse_markdown('<img src=x onerror="alert(1)"> see [the list](pubs.html#x)')
    html = blocks_html(blocks, base="https://example.org/en/news.html#n")
    assert "<img" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert 'href="https://example.org/en/pubs.html#x"' in html


@pytest.mark.parametrize("text", ["> " * 5000 + "deep", "- " * 5000 + "deeper"])
def test_deeply_nested_markdown_is_bounded_and_said(text: str) -> None:
    blocks, problems = parse_markdown(text)
    assert blocks_html(blocks).count("<li>") <= 20
    assert any("nested more than 18 levels deep" in p for p in problems)


def test_runs_of_markup_characters_stay_text() -> None:
    blocks, problems = parse_markdown("*" * 20000 + "x" + "[" * 20000)
    assert problems == [] and blocks_html(blocks).count("*") == 20000


def test_long_headlines_are_cut_at_a_word() -> None:
    blocks, _ = parse_markdown("word " * 50)
    title = headline(blocks)
    assert len(title) <= 100 and title.endswith("word\u2026")
