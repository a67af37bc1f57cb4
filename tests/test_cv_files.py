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
from test_pdf import pdf_text

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
    return {
        s.find(re.compile("h[1-6]")).get_text().rstrip("¶"): s
        for s in soup.select("section section")
    }


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
    contacts = [
        (li.get_text(" ", strip=True), li.a["href"] if li.a else None) for li in person.select("li")
    ]
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
    assert [dt.get_text().rstrip(":") for dt in skills] == [
        "Programming",
        "Mathematics",
        "Languages",
    ]
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
        "Work",
        "Volunteer",
        "Education",
        "Awards",
        "Publications",
        "Skills",
        "Languages",
        "Interests",
        "References",
        "Projects",
    ]
    person = soup.select_one(".academic-cv-person")
    assert person.select_one(".academic-cv-name").get_text() == "Richard Hendriks"
    assert person.select_one(".academic-cv-headline").get_text() == "Programmer"
    assert "Richard hails from Tulsa" in person.select_one(".academic-cv-summary").get_text()
    contacts = text(person.select_one("ul"))
    for expected in (
        "2712 Broadway St, San Francisco, California CA 94115, US",
        "richard.hendriks@mail.com",
        "(912) 555-4321",
        "richardhendricks.example.com",
        "Twitter neutralthoughts",
        "SoundCloud dandymusicnl",
    ):
        assert expected in contacts, expected
    work = found["Work"].select_one("li.academic-cv-entry")
    # -01 placeholder days are not shown: December 2013, not December 1, 2013.
    assert [(t["datetime"], t.get_text()) for t in work.find_all("time")] == [
        ("2013-12", "December 2013"),
        ("2014-12", "December 2014"),
    ]
    assert (
        text(work.select_one(".academic-cv-heading")) == "CEO/President, Pied Piper, Palo Alto, CA"
    )
    assert "Awesome compression company" in text(work)
    assert "Successfully won Techcrunch Disrupt" in text(work)
    assert work.select_one("a[href='http://piedpiper.example.com']")
    education = found["Education"].select_one("li.academic-cv-entry")
    assert "Score: 4.0" in text(education)
    assert "DB1101 - Basic SQL" in text(education) and "CS2011 - Java Introduction" in text(
        education
    )
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
    for expected in (
        "Smoogle",
        "Roles: Team lead, Designer",
        "Keywords: GoogleMaps, Chrome Extension, Javascript",
        "Type: application",
        "Won award at AIHacks 2016",
        "A mapping engine that misguides you",
    ):
        assert expected in text(project), expected
    # The sample's project URL has no scheme: read as https, never a relative link.
    assert project.select_one("a")["href"] == "https://missdirection.example.com"
    assert "Untitled" not in text(soup.select_one("article"))


def build_site(
    make_app, src: Path, pages: dict[str, str], files: dict[str, str | bytes], builder: str = "html"
):  # type: ignore[no-untyped-def]
    src.mkdir(parents=True)
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_academic"]\nbibtex_bibfiles = []\n'
        'html_theme = "furo"\n',
        encoding="utf-8",
    )
    toctree = "\n".join(pages)
    (src / "index.md").write_text(f"# Site\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8")
    for name, body in pages.items():
        (src / f"{name}.md").write_text(body, encoding="utf-8")
    for name, content in files.items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    app = make_app(builder, srcdir=src)
    app.build()
    return app


WRONG_SHAPES_YAML = """\
cv:
  name: Ada Lovelace
  email: [ada@example.org, {x: y}]
  sections:
    experience:
      - company: Engines
        position: Programmer
        highlights: {a: b}
        location: [London, Paris]
        start_date: 1842
    skills:
      - label: Languages
        details: [English, French]
    talks: just text
"""
WRONG_SHAPES_JSON = """{
  "basics": {"name": ["Ada"], "profiles": "none"},
  "work": [{"name": "Engines", "highlights": "one line"}, "not an entry"],
  "skills": [{"name": "Maths", "keywords": [{"a": 1}, "Analysis"]}],
  "wrok": []
}
"""


def test_wrong_shapes_are_located_warnings_never_reprs(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pages = {
        "yaml": "# YAML\n\n```{cv-timeline}\n:source: shapes.yaml\n:header:\n```\n",
        "json": "# JSON\n\n```{cv-timeline}\n:source: shapes.json\n:header:\n```\n",
    }
    files = {"shapes.yaml": WRONG_SHAPES_YAML, "shapes.json": WRONG_SHAPES_JSON}
    app = build_site(make_app, tmp_path / "site", pages, files)
    warnings = warnings_of(app)
    yaml_file, json_file = tmp_path / "site" / "shapes.yaml", tmp_path / "site" / "shapes.json"
    for expected in [
        f"{yaml_file}:3: WARNING: CV source: cv: each item of 'email' should be text, not a "
        "mapping (key: value lines); it was left out",
        f"{yaml_file}:8: WARNING: CV source: experience entry: 'highlights' should be a list of "
        "text, not a mapping (key: value lines); it was left out",
        f"{yaml_file}:9: WARNING: CV source: experience entry: 'location' should be text, not a "
        "list; it was left out",
        f"{yaml_file}:13: WARNING: CV source: skills entry: 'details' should be text, not a list",
        f"{yaml_file}:14: WARNING: CV source: section 'talks' should be a list of entries, not "
        "text; it was left out",
        f"{json_file}:2: WARNING: CV source: JSON Resume basics: 'name' should be text, not a list",
        f"{json_file}:2: WARNING: CV source: JSON Resume basics: 'profiles' should be a list, "
        "not text",
        f"{json_file}:3: WARNING: CV source: work entry: 'highlights' should be a list of text, "
        "not text",
        f"{json_file}:3: WARNING: CV source: work entry: should be a mapping (key: value lines), "
        "not text",
        f"{json_file}:4: WARNING: CV source: skills entry: each item of 'keywords' should be "
        "text, not a mapping",
        f"{json_file}:5: WARNING: CV source: JSON Resume has no top-level property 'wrok'; did "
        "you mean 'work'?",
    ]:
        assert expected in warnings, expected
    assert "Traceback" not in warnings
    for page in ("yaml", "json"):
        shown = (Path(app.outdir) / f"{page}.html").read_text(encoding="utf-8")
        article = html_of(app, f"{page}.html").select_one("article").get_text()
        for repr_mark in ("{'", "['", "Lined(", "{&#39;"):
            assert repr_mark not in article and repr_mark not in shown, (page, repr_mark)
    yaml_page = html_of(app, "yaml.html")
    assert yaml_page.select_one(".academic-cv-title").get_text() == "Programmer"
    assert yaml_page.select_one("dl dt").get_text().rstrip(":") == "Languages"
    json_page = html_of(app, "json.html")
    assert "Analysis" in json_page.select_one("dl").get_text()


def test_links_must_be_absolute_http_or_mailto(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rendercv = """\
cv:
  name: Ada
  website: about.html
  sections:
    publications:
      - title: Notes
        authors: [Ada]
        url: notes/index.html
    projects:
      - name: "[Engine](../engine.html)"
        highlights:
          - "[mail](mailto:ada@example.org) and [unsafe](javascript:alert(1))"
          - "[site](https://example.org/ada)"
"""
    resume = (
        '{"basics": {"name": "Ada", "url": "/about"}, "work": [{"name": "X", "url": "x.html"}]}'
    )
    pages = {
        "a": "# A\n\n```{cv-timeline}\n:source: a.yaml\n:header:\n```\n",
        "b": "# B\n\n```{cv-timeline}\n:source: b.json\n:header:\n```\n",
    }
    app = build_site(make_app, tmp_path / "site", pages, {"a.yaml": rendercv, "b.json": resume})
    warnings = warnings_of(app)
    relative = "is relative; links in CV files must be full addresses (https://…, mailto:…)"
    for where in ("a.yaml:3:", "a.yaml:8:", "a.yaml:10:", "b.json:1:"):
        assert f"{where} WARNING: CV source: " in warnings and relative in warnings, where
    assert (
        "a.yaml:12: WARNING: CV source: projects entry: unsafe URL scheme 'javascript'" in warnings
    )
    hrefs = {
        a["href"]
        for page in ("a", "b")
        for a in html_of(app, f"{page}.html").select("article a[href]")
        if not a.find_parent(class_="academic-pdf-link")  # the site's own PDF of the page
    }
    assert not {h for h in hrefs if not h.startswith(("#", "https:", "mailto:"))}, hrefs
    assert "https://example.org/ada" in hrefs
    assert any(h.startswith("mailto:ada") for h in hrefs)  # docutils cloaks the @
    # The link text stays; only the link goes.
    text = html_of(app, "a.html").select_one("article").get_text()
    assert "Engine" in text and "unsafe" in text and "javascript" not in text


def test_json_written_by_python_and_tab_indented_renders_right(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = {
        "basics": {"name": "Zoë Ødegård", "label": "Rocket 🚀 scientist"},
        "work": [{"name": "Zürich Labs", "position": "Lead 👩‍🔬", "startDate": "2020-05"}],
    }
    dumped = json.dumps(data, indent="\t")  # ensure_ascii: "\ud83d\ude80" escapes
    assert "\\ud83d\\ude80" in dumped and "\t" in dumped
    pages = {"cv": "# CV\n\n```{cv-timeline}\n:source: resume.json\n:header:\n```\n"}
    app = build_site(make_app, tmp_path / "site", pages, {"resume.json": dumped})
    # The file reads without a warning; only the PDF says that no font of it has the emoji,
    # and is made all the same.
    warnings = [line for line in warnings_of(app).splitlines() if line]
    assert warnings and all(line.endswith("[academic.pdf]") for line in warnings), warnings
    assert "could not be displayed" in warnings[0]
    assert list(Path(app.outdir).glob("*-CV.pdf"))
    soup = html_of(app, "cv.html")
    assert soup.select_one(".academic-cv-name").get_text() == "Zoë Ødegård"
    assert soup.select_one(".academic-cv-headline").get_text() == "Rocket 🚀 scientist"
    entry = soup.select_one("li.academic-cv-entry")
    assert entry.select_one(".academic-cv-title").get_text() == "Lead 👩‍🔬"
    assert entry.select_one(".academic-cv-org").get_text() == "Zürich Labs"


def test_a_file_shown_by_several_directives_warns_once(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = (
        "cv:\n  sections:\n    experience:\n      - position: Tester\n        start_date: 2019-13\n"
    )
    directive = "```{cv-timeline}\n:source: bad.yaml\n:sections: experience\n:no-headings:\n```\n"
    pages = {
        "one": "# One\n\n" + directive * 3,
        "two": "# Two\n\n" + directive,
    }
    app = build_site(make_app, tmp_path / "site", pages, {"bad.yaml": bad})
    warnings = warnings_of(app)
    assert warnings.count("bad.yaml:4: WARNING") == 1, warnings
    assert warnings.count("bad.yaml:5: WARNING") == 1, warnings
    assert len(html_of(app, "one.html").select("li.academic-cv-entry")) == 3
    assert not html_of(app, "one.html").select("section section")  # :no-headings:


@pytest.mark.parametrize("builder", ["text", "latex"])
def test_other_builders_show_the_same_cv(
    make_app, tmp_path: Path, rootdir: Path, builder: str
) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "site"
    shutil.copytree(rootdir / "test-cvfiles", src)
    (src / "files").mkdir()
    rendercv_example(src / "files")
    json_resume_sample(src / "files")
    app = make_app(builder, srcdir=src, warningiserror=True)
    app.build()
    out = Path(app.outdir)
    if builder == "text":
        written = (out / "rendercv.txt").read_text(encoding="utf-8")
        assert "Welcome to RenderCV!\n====" in written  # a section heading
        shown = " ".join(written.split())
        for expected in [
            "**John Doe**",
            "Location · john.doe@example.com · +1-609-999-9995 · LinkedIn: john.doe",
            "**PhD in Computer Science**, *Stanford University*, Stanford, CA, USA",
            "September 2023 \u2013 present",
            "Frodo Baggins, ***John Doe***, Samwise Gamgee",
            "1. This is a numbered entry.",
            "[3] This is a reversed numbered entry.",
            "[1] This is the third reversed numbered entry.",
        ]:
            assert expected in shown, expected
        assert "](" not in shown
        resume = " ".join((out / "jsonresume.txt").read_text(encoding="utf-8").split())
        assert "* August 24, 2016 **Miss Direction**, *Smoogle*" in resume
        assert "Erlich Bachman" in resume
    else:
        tex = next(out.glob("*.tex")).read_text(encoding="utf-8")
        for expected in [
            r"\section{Welcome to RenderCV!}",
            r"\section{Reversed Numbered Entries}",
            r"\sphinxstylestrong{PhD in Computer Science}",
            r"\sphinxhref{https://doi.org/10.1109/TASC.2023.3340648}{10.1109/TASC.2023.3340648}",
            r"\sphinxhref{https://rendercv.com}{RenderCV}",
            r"\begin{enumerate}",
        ]:
            assert expected in tex, expected
        assert "{[}3{]} This is a reversed numbered entry." in tex


RENDERCV_NEWER = """\
cv:
  name: Ada Lovelace
  headline: Analyst of **engines**
  email: [ada@example.org, lovelace@example.org]
  website: [https://example.org/ada]
  custom_connections:
    - placeholder: Book a call
      url: https://example.org/call
      fontawesome_icon: calendar-days
  photo: ada.jpg
  sections:
    Work Experience:
      - company: Engines Ltd
        position: Analyst
        start_date: 1842-07
        end_date: 1842-07
        tags: [research]
        highlights:
          - Notes - on loops - on Bernoulli numbers
    Notes:
      - content: A text entry with tags.
        tags: [cv]
design:
  theme: classic
  page: {size: a4}
locale:
  language: english
settings:
  current_date: 2025-01-01
  bold_keywords: [Python]
  render_command: {pdf_path: out.pdf}
"""


def test_rendercv_newer_fields_and_settings_build_without_warnings(
    make_app, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pages = {"cv": "# CV\n\n```{cv-timeline}\n:source: cv.yaml\n:header:\n```\n"}
    app = build_site(make_app, tmp_path / "site", pages, {"cv.yaml": RENDERCV_NEWER})
    assert warnings_of(app) == ""
    soup = html_of(app, "cv.html")
    person = soup.select_one(".academic-cv-person")
    assert person.select_one(".academic-cv-headline strong").get_text() == "engines"
    assert [a["href"] for a in person.select("a")][-2:] == [
        "https://example.org/ada",
        "https://example.org/call",
    ]
    assert len(person.select("li.academic-cv-contact-email")) == 2
    work = sections(soup)["Work Experience"]
    entry = work.select_one("li.academic-cv-entry")
    # A same-day range is one date; " - " in a highlight starts sub-bullets, as in RenderCV.
    assert [t.get_text() for t in entry.find_all("time")] == ["July 1842"]
    top = entry.select_one("ul > li")
    assert top.p.get_text() == "Notes"
    assert [li.get_text() for li in top.select("ul li")] == ["on loops", "on Bernoulli numbers"]
    assert sections(soup)["Notes"].p.get_text() == "A text entry with tags."


def test_cv_files_feed_the_pdf_with_the_same_content(cv_site) -> None:  # type: ignore[no-untyped-def]
    """RenderCV's and JSON Resume's own example files: each section and entry of the page is
    in its PDF (several pages with timelines: a PDF each, named after the page)."""
    out = Path(cv_site.outdir)
    for page, pdf in (
        ("rendercv", "CV-files-rendercv.pdf"),
        ("jsonresume", "CV-files-jsonresume.pdf"),
    ):
        soup = html_of(cv_site, f"{page}.html")
        assert soup.select_one("p.academic-pdf-link a")["href"] == pdf
        text = pdf_text(out / pdf)
        headings = [h.get_text().rstrip("¶") for h in soup.select("section section > h2")]
        assert headings and all(h.upper() in text for h in headings), page  # sections, as rules
        for entry in soup.select(".academic-cv-heading"):
            assert " ".join(entry.get_text().split()) in text, page
        for bullet in soup.select("li.academic-cv-entry li > p"):
            assert " ".join(bullet.get_text().split()) in text, page
        assert "**" not in text and "](" not in text
