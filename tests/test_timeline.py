"""CV timelines as a reader sees them: dates, order, markup, bad input, builders."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import html_of, warnings_of

from sphinx_academic.cv.dates import DateError, parse_date


@pytest.mark.parametrize(
    ("text", "iso", "shown"),
    [
        ("2019", "2019", "2019"),
        ("2019-08", "2019-08", "August 2019"),
        ("2019-08-01", "2019-08-01", "August 1, 2019"),
        (" PRESENT ", "", "present"),
    ],
)
def test_dates_keep_their_precision(text: str, iso: str, shown: str) -> None:
    from sphinx_academic.cv.dates import DEFAULT_FORMATS

    date = parse_date(text)
    assert (date.iso, date.display(DEFAULT_FORMATS)) == (iso, shown)


@pytest.mark.parametrize("text", ["2019-13", "2021-02-30", "Summer 2017", "19-08", ""])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text)


def entries(soup):  # type: ignore[no-untyped-def]
    return soup.select("ol.academic-timeline > li.academic-cv-entry")


@pytest.mark.sphinx("html", testroot="timeline")
def test_timeline_is_an_ordered_list_with_time_elements(app) -> None:
    app.build()
    items = entries(html_of(app, "index.html"))
    titles = [li.select_one(".academic-cv-title").get_text() for li in items]
    # :sort: reverse: ongoing first, then by end date, then by start date.
    assert titles == [
        "Senior Director",
        "Applied Scientist",
        "PhD in Statistics",
        "Research Intern",
    ]
    times = [[(t.get("datetime"), t.get_text()) for t in li.find_all("time")] for li in items]
    assert times == [
        [],  # "present" is not a date: plain text, not a <time>
        [("2019-08", "August 2019"), ("2022-08", "August 2022")],
        [("2014", "2014"), ("2019-05-20", "May 20, 2019")],
        [("2016", "Summer 2016")],
    ]
    heading = items[1].select_one(".academic-cv-heading").get_text()
    assert heading == "Applied Scientist, AWS AI Labs, Seattle"
    assert items[1].select_one("ul li strong").get_text() == "bifurcated attention"
    assert items[1].select_one("a[href='#id1']") or items[1].select_one("span.bibtex-citation a")
    assert "academic-cv-education" in items[2]["class"]


@pytest.mark.sphinx("html", testroot="timeline", freshenv=True)
def test_bad_entries_warn_with_file_and_line_and_still_render(app) -> None:
    app.build()
    src = Path(app.srcdir) / "bad.md"
    warnings = warnings_of(app)
    for expected in [
        f"{src}:5: WARNING: cv-entry start: '2019-13' is not a calendar date",
        f"{src}:10: WARNING: cv-entry date: '2021-02-30' is not a calendar date",
        f"{src}:15: WARNING: cv-entry: it ends (2020) before it starts (2022)",
        f"{src}:21: WARNING: cv-entry needs a :title:",
    ]:
        assert expected in warnings, expected
    assert "Traceback" not in warnings
    titles = [
        li.select_one(".academic-cv-title").get_text() for li in entries(html_of(app, "bad.html"))
    ]
    assert titles == ["Bad month", "Bad day", "Backwards", "Untitled entry"]


@pytest.mark.sphinx("html", testroot="timeline")
def test_rest_timeline(app) -> None:
    app.build()
    items = entries(html_of(app, "rest.html"))
    assert [li.find("time")["datetime"] for li in items] == ["2006", "2020-05"]
    standalone = html_of(app, "rest.html").select_one("section#standalone ol.academic-timeline")
    assert standalone.select_one(".academic-cv-title").get_text() == "On its own"


@pytest.mark.sphinx("text", testroot="timeline")
def test_text_builder_gives_a_plain_dated_list(app) -> None:
    app.build()
    text = (Path(app.outdir) / "index.txt").read_text()
    assert (
        "* August 2019 \u2013 August 2022\n\n  **Applied Scientist**, *AWS AI Labs*, Seattle"
        in text
    )
    assert "1." not in text


@pytest.mark.sphinx("latex", testroot="timeline")
def test_latex_builder_gives_a_plain_dated_list(app) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text()
    assert r"August 2019 \textendash{} August 2022" in tex
    assert r"\sphinxstylestrong{Applied Scientist}, \sphinxstyleemphasis{AWS AI Labs}" in tex
    assert r"\begin{enumerate}" not in tex


def summary(li) -> tuple[str, list[str | None]]:  # type: ignore[no-untyped-def]
    heading = li.select_one(".academic-cv-heading").get_text()
    return heading, [t.get("datetime") for t in li.find_all("time")]


def section(soup, heading: str):  # type: ignore[no-untyped-def]
    """The page section whose heading reads ``heading``."""
    for found in soup.find_all("section"):
        title = found.find(["h1", "h2", "h3", "h4"])
        if title is not None and title.get_text().rstrip("\u00b6") == heading:
            return found
    raise AssertionError(heading)


@pytest.mark.sphinx("html", testroot="timeline")
def test_rendercv_source(app) -> None:
    app.build()
    soup = html_of(app, "sources.html")
    rendercv = soup.select_one("section#rendercv")
    # :sections: picks and orders; each section under its own heading, one level down.
    assert [h.get_text().rstrip("\u00b6") for h in rendercv.select("section > h3")] == [
        "Experience",
        "Education",
    ]
    assert [summary(li) for li in entries(section(rendercv, "Experience"))] == [
        ("Programmer, Analytical Engines Ltd, London", ["1842-07", "1843-09"]),
        ("Correspondent, Royal Society", ["1844"]),  # no end_date: ongoing
    ]
    assert [summary(li) for li in entries(section(rendercv, "Education"))] == [
        ("Tutorials in Mathematics, Home schooling", ["1830", "1835"]),
    ]
    experience = entries(section(rendercv, "Experience"))
    assert experience[1].select_one(".academic-cv-when").get_text() == "1844 \u2013 present"
    assert experience[0].select_one("ul li").get_text() == "Wrote the first published algorithm."
    talks = section(soup.select_one("section#talks-only"), "Talks")
    assert [summary(li) for li in entries(talks)] == [("Notes on the Engine", [])]
    assert entries(talks)[0].select_one(".academic-cv-when").get_text() == "Fall 1843"  # as written


@pytest.mark.sphinx("html", testroot="timeline")
def test_json_resume_source(app) -> None:
    app.build()
    resume = html_of(app, "sources.html").select_one("section#json-resume")
    # The file's order: work, education, awards; the day is kept when it is not a placeholder.
    assert [summary(li) for li in entries(resume)] == [
        ("Programmer, Analytical Engines Ltd", ["1842-07", "1843-09-30"]),
        ("Tutorials in Mathematics, Home schooling", ["1830", "1835"]),
        ("Countess, The Crown", ["1838"]),
    ]
    work = entries(section(resume, "Work"))[0]
    assert work.find("a")["href"] == "https://example.org/engine"
    assert "academic-cv-awards" in entries(section(resume, "Awards"))[0]["class"]


@pytest.mark.sphinx("html", testroot="timeline", freshenv=True)
def test_bad_sources_warn_at_their_own_lines(app) -> None:
    app.build()
    data = Path(app.srcdir) / "data"
    page = Path(app.srcdir) / "badsources.md"
    warnings = warnings_of(app)
    for expected in [
        f"{data / 'typo.yaml'}:4: WARNING: CV source: experience entry: an ExperienceEntry "
        "needs 'company' ('compnay' on line 4 may be 'company' misspelt); RenderCV rejects",
        f"{data / 'typo.yaml'}:6: WARNING: CV source: experience entry start_date: '2019-13' is "
        "not a calendar date",
        f"{data / 'typo.yaml'}:9: WARNING: CV source: experience entry 'url': unsafe URL scheme "
        "'javascript'",
        f"{page}:3: WARNING: cv-timeline :sections: typo.yaml has no section 'experiance'; "
        "did you mean 'experience'?",
        f"{page}:8: WARNING: CV source {data / 'empty.yaml'}: the file is empty",
        f"{data / 'latin1.yaml'}:4: WARNING: CV source {data / 'latin1.yaml'}: the file is not "
        "UTF-8 text",
        f"{data / 'broken.yaml'}:",
        f"{page}:20: WARNING: CV source {data / 'missing.yaml'} does not exist",
    ]:
        assert expected in warnings, expected
    # JSON Resume allows extra properties: a misspelt one is ignored, as its schema says.
    assert "postion" not in warnings
    assert "Traceback" not in warnings
    soup = html_of(app, "badsources.html")
    assert [li.select_one(".academic-cv-title").get_text() for li in entries(soup)] == [
        "Tester",
        "Hacker",
        "Typo Inc",  # the misspelt position is ignored; the company stands in as title
    ]
    assert "javascript:" not in (Path(app.outdir) / "badsources.html").read_text()
    assert "Still here." in soup.get_text()


@pytest.mark.sphinx("html", testroot="timeline", freshenv=True)
def test_editing_a_source_file_rebuilds_the_page(app) -> None:
    app.build()
    source = Path(app.srcdir) / "data" / "rendercv.yaml"
    source.write_text(source.read_text().replace("position: Programmer", "position: Analyst"))
    app.build()
    headings = [
        li.select_one(".academic-cv-title").get_text()
        for li in entries(html_of(app, "sources.html").select_one("section#rendercv"))
    ]
    assert headings[0] == "Analyst"
