"""The formats' own example CV files, each given whole to one directive and built with -W:
RenderCV's example (written by RenderCV itself, validated by its own model), JSON Resume's
``sample.resume.json`` (validated by its own ``resume-schema`` package) and an al-folio site's
``_data/cv.yml`` and ``assets/json/resume.json`` (tests/roots/test-alfolio).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import html_of, warnings_of

TESTS = Path(__file__).parent
RESUME_SCHEMA = TESTS / "node_modules" / "resume-schema"


def rendercv_example(folder: Path) -> Path:
    """RenderCV's full example file, as ``rendercv new "John Doe"`` writes it."""
    from rendercv.data import create_a_sample_yaml_input_file, read_input_file

    path = folder / "John_Doe_CV.yaml"
    create_a_sample_yaml_input_file(path, name="John Doe")
    read_input_file(path)  # RenderCV's own validation: raises if the file is not valid
    return path


def json_resume_sample(folder: Path) -> Path:
    if not RESUME_SCHEMA.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{RESUME_SCHEMA} is missing: CI must run 'npm ci --prefix tests'")
        pytest.skip("resume-schema is missing: npm ci --prefix tests")
    path = folder / "sample.resume.json"
    shutil.copyfile(RESUME_SCHEMA / "sample.resume.json", path)
    assert json_resume_valid(path)
    return path


def json_resume_valid(path: Path) -> bool:
    """Whether JSON Resume's own validator (resume-schema, with z-schema) accepts the file."""
    script = (
        "const v = require(process.argv[1]); const fs = require('fs');"
        "v.validate(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')),"
        "(err, r) => { if (err) { console.log(JSON.stringify(err)); process.exit(1); } });"
    )
    result = subprocess.run(
        ["node", "-e", script, str(RESUME_SCHEMA), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0


@pytest.fixture
def cv_site(make_app, tmp_path: Path, rootdir: Path):  # type: ignore[no-untyped-def]
    """The test-cvfiles root with the official files written into it, built with -W."""
    src = tmp_path / "site"
    shutil.copytree(rootdir / "test-cvfiles", src)
    files = src / "files"
    files.mkdir()
    rendercv_example(files)
    json_resume_sample(files)
    app = make_app("html", srcdir=src, warningiserror=True)
    app.build()
    return app


def sections(soup):  # type: ignore[no-untyped-def]
    return {s.find(re.compile("h[1-6]")).get_text().rstrip("¶"): s for s in soup.select("section section")}


def text(node) -> str:  # type: ignore[no-untyped-def]
    return " ".join(node.get_text().split())


def test_rendercv_example_whole(cv_site) -> None:  # type: ignore[no-untyped-def]
    assert warnings_of(cv_site) == ""
    soup = html_of(cv_site, "rendercv.html")
    found = sections(soup)
    assert list(found) == [
        "Welcome to RenderCV!",
        "Education",
        "Experience",
        "Projects",
        "Skills",
        "Publications",
        "Extracurricular Activities",
        "Numbered Entries",
        "Reversed Numbered Entries",
    ]
    # Headings one level under the page's title, in the page's table of contents.
    assert [h.name for h in soup.select("section section > h2")] == ["h2"] * 9
    toc = {a.get_text() for a in soup.select(".toc-tree a")}
    assert {"Education", "Reversed Numbered Entries"} <= toc
    # The person's header: name, and contacts in the file's order, as links.
    person = soup.select_one(".academic-cv-person")
    assert person.select_one(".academic-cv-name").get_text() == "John Doe"
    contacts = [(li.get_text(" ", strip=True), li.a["href"] if li.a else None)
                for li in person.select("li")]
    assert contacts == [
        ("Location", None),
        ("john.doe@example.com", "mailto:john.doe@example.com"),
        ("+1-609-999-9995", "tel:+1-609-999-9995"),
        ("LinkedIn john.doe", "https://linkedin.com/in/john.doe"),
        ("GitHub john.doe", "https://github.com/john.doe"),
    ]
    # TextEntry: paragraphs, with their Markdown link rendered.
    welcome = found["Welcome to RenderCV!"]
    assert welcome.select_one("p a[href='https://rendercv.com']").get_text() == "RenderCV"
    assert "Each section title is arbitrary" in text(welcome)
    # Education: degree in area, institution, location, dates, highlights.
    phd = found["Education"].select("li.academic-cv-entry")[0]
    assert text(phd.select_one(".academic-cv-heading")) == (
        "PhD in Computer Science, Stanford University, Stanford, CA, USA"
    )
    assert [t["datetime"] for t in phd.find_all("time")] == ["2023-09"]
    assert phd.select_one(".academic-cv-present").get_text() == "present"
    # Experience: Markdown links in highlights.
    intern = found["Experience"].select("li.academic-cv-entry")[0]
    link = intern.select_one("ul a[href='https://example.com']")
    assert link.get_text() == "3 peer-reviewed research papers"
    # Projects: a Markdown link in the name, free-text dates kept as written.
    projects = found["Projects"].select("li.academic-cv-entry")
    assert projects[0].select_one(".academic-cv-title a")["href"] == "https://example.com"
    assert projects[1].select_one(".academic-cv-when").get_text() == "Fall 2023"
    # OneLineEntry: label and details.
    skills = found["Skills"].select("dl.academic-cv-pairs > dt")
    assert [dt.get_text().rstrip(":") for dt in skills] == ["Programming", "Mathematics", "Languages"]
    # PublicationEntry: authors (the owner's bold italics rendered), DOI as an absolute link.
    paper = found["Publications"].select_one("li.academic-cv-entry")
    authors = paper.select_one(".academic-cv-authors")
    assert text(authors) == "Frodo Baggins, John Doe, Samwise Gamgee"
    assert authors.select_one("strong em, em strong").get_text() == "John Doe"
    doi = paper.select_one("a[href='https://doi.org/10.1109/TASC.2023.3340648']")
    assert doi.get_text() == "10.1109/TASC.2023.3340648"
    assert paper.find("time")["datetime"] == "2004-01"
    # BulletEntry with Markdown italics; numbered and reversed numbered lists.
    bullets = found["Extracurricular Activities"]
    assert "BulletEntry" in [em.get_text() for em in bullets.select("li em")]
    numbered = found["Numbered Entries"].select_one("ol.academic-cv-numbered")
    assert not numbered.has_attr("reversed") and len(numbered.find_all("li")) == 3
    reversed_list = found["Reversed Numbered Entries"].select_one("ol.academic-cv-numbered")
    assert reversed_list.has_attr("reversed")
    assert text(reversed_list.li) == "This is a reversed numbered entry."
    # Nothing shown literally, nothing untitled.
    page = text(soup.select_one("article"))
    for literal in ("**", "](", "***", "Untitled"):
        assert literal not in page, literal


def test_json_resume_sample_whole(cv_site) -> None:  # type: ignore[no-untyped-def]
    soup = html_of(cv_site, "jsonresume.html")
    found = sections(soup)
    assert list(found) == [
        "Work", "Volunteer", "Education", "Awards", "Publications", "Skills", "Languages",
        "Interests", "References", "Projects",
    ]
    person = soup.select_one(".academic-cv-person")
    assert person.select_one(".academic-cv-name").get_text() == "Richard Hendriks"
    assert person.select_one(".academic-cv-headline").get_text() == "Programmer"
    assert "Richard hails from Tulsa" in person.select_one(".academic-cv-summary").get_text()
    contacts = text(person.select_one("ul"))
    for expected in ("2712 Broadway St, San Francisco, California CA 94115, US",
                     "richard.hendriks@mail.com", "(912) 555-4321",
                     "richardhendricks.example.com", "Twitter neutralthoughts",
                     "SoundCloud dandymusicnl"):
        assert expected in contacts, expected
    work = found["Work"].select_one("li.academic-cv-entry")
    # -01 placeholder days are not shown: December 2013, not December 1, 2013.
    assert [(t["datetime"], t.get_text()) for t in work.find_all("time")] == [
        ("2013-12", "December 2013"), ("2014-12", "December 2014")
    ]
    assert text(work.select_one(".academic-cv-heading")) == "CEO/President, Pied Piper, Palo Alto, CA"
    assert "Awesome compression company" in text(work)
    assert "Successfully won Techcrunch Disrupt" in text(work)
    assert work.select_one("a[href='http://piedpiper.example.com']")
    education = found["Education"].select_one("li.academic-cv-entry")
    assert "Score: 4.0" in text(education)
    assert "DB1101 - Basic SQL" in text(education) and "CS2011 - Java Introduction" in text(education)
    assert "Teacher" in text(found["Volunteer"]) and "CoderDojo" in text(found["Volunteer"])
    assert "There is no spoon." in text(found["Awards"])
    assert "Hooli" in text(found["Publications"])
    assert text(found["Skills"].dl) == (
        "Web Development: HTML, CSS, Javascript (Master) Compression: Mpeg, MP4, GIF (Master)"
    )
    assert text(found["Languages"].dl) == "English: Native speaker"
    assert text(found["Interests"].dl) == "Wildlife: Ferrets, Unicorns"
    quote = found["References"].select_one("blockquote")
    assert "It is my pleasure to recommend Richard" in text(quote)
    assert "Erlich Bachman" in quote.select_one(".attribution").get_text()
    project = found["Projects"].select_one("li.academic-cv-entry")
    # A same-day range is one date.
    assert [t.get_text() for t in project.find_all("time")] == ["August 24, 2016"]
    assert project.select_one(".academic-cv-when").get_text() == "August 24, 2016"
    for expected in ("Smoogle", "Roles: Team lead, Designer",
                     "Keywords: GoogleMaps, Chrome Extension, Javascript", "Type: application",
                     "Won award at AIHacks 2016", "A mapping engine that misguides you"):
        assert expected in text(project), expected
    # The sample's project URL has no scheme: read as https, never a relative link.
    assert project.select_one("a")["href"] == "https://missdirection.example.com"
    assert "Untitled" not in text(soup.select_one("article"))
