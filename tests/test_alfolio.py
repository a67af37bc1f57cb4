"""An al-folio site's files used as they are: papers.bib with al-folio's fields, assets/pdf and
assets/img/publication_preview, _data/cv.yml and _data/resume.json (tests/roots/test-alfolio)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import html_of, warnings_of

ROOT = Path(__file__).parent / "roots" / "test-alfolio"


def entry(soup, key: str):  # type: ignore[no-untyped-def]
    found = soup.select_one(f"li#pub-{key}")
    assert found is not None, key
    return found


def links(item) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {a.get_text(): a["href"] for a in item.select("a.academic-link")}


@pytest.mark.sphinx("html", testroot="alfolio", freshenv=True)
def test_papers_bib_fields_keep_their_al_folio_meaning(app) -> None:
    app.build()
    assert warnings_of(app) == ""
    out = Path(app.outdir)
    soup = html_of(app, "index.html")
    brownian = entry(soup, "einstein1905movement")
    # abbr: a badge; award: a toggle labelled "Award" (no award_name); the owner highlighted.
    assert brownian.select_one(".academic-badge").get_text() == "Ann. Phys."
    assert "Best paper of the volume" in brownian.select_one(".academic-award").get_text()
    assert brownian.select_one(".academic-me").get_text() == "Albert Einstein"
    # pdf and slides without a scheme are files in assets/pdf/, copied into the site.
    assert links(brownian) == {
        "PDF": "assets/pdf/movement.pdf",
        "Paper": "https://onlinelibrary.wiley.com/doi/abs/10.1002/andp.19053220806",
        "DOI": "https://doi.org/10.1002/andp.19053220806",
        "Slides": "assets/pdf/movement-slides.pdf",
    }
    for href in ("assets/pdf/movement.pdf", "assets/pdf/movement-slides.pdf"):
        assert (out / href).read_bytes() == (ROOT / href).read_bytes()
    # preview: a file in assets/img/publication_preview/, beside the entry.
    preview = brownian.select_one("img.academic-pub-preview")
    assert preview["src"] == "assets/img/publication_preview/brownian.png"
    assert (out / preview["src"]).is_file()
    assert preview["alt"] == ""  # decorative: the title next to it names the work
    # abstract: a toggle; bibtex_show = {true}: a BibTeX toggle without al-folio's fields.
    assert "heat" in brownian.select_one("details.academic-abstract").get_text()
    bibtex = brownian.select_one("details.academic-bibtex pre").get_text()
    assert "doi = {10.1002/andp.19053220806}" in bibtex
    for display_field in ("abbr", "preview", "bibtex_show", "google_scholar_id", "selected"):
        assert f"{display_field} =" not in bibtex
    # Fields al-folio uses for third-party badges (altmetric, dimensions, google_scholar_id)
    # load nothing from another site.
    assert "altmetric" not in str(brownian) and "dimensions" not in str(brownian)

    epr = entry(soup, "einstein1935can")
    # al-folio's periodical line: venue, location, month and year, then additional_info
    # (Markdown); award (Markdown) under award_name.
    venue = epr.select_one(".academic-pub-venue")
    assert " ".join(venue.get_text().split()) == (
        "PhysRev Physical Review, New Jersey, May 1935. More Information can be found here"
    )
    assert venue.select_one("em").get_text() == "More Information"
    assert venue.select_one("a")["href"] == "https://example.org/epr-info"
    award = epr.select_one("details.academic-award")
    assert award.summary.get_text() == "Best Paper"
    assert award.select_one("strong").get_text() == "Paper of the Year"
    assert award.select_one("a")["href"] == "https://example.org/award"
    assert "**" not in epr.get_text() and "](" not in epr.get_text()
    assert links(epr) == {
        "arXiv": "https://arxiv.org/abs/quant-ph/0000001",
        "Code": "https://github.com/example/epr",
        "Website": "https://example.org/epr",
        "Poster": "https://example.org/epr-poster.pdf",
    }
    assert epr.select_one("img.academic-pub-preview")["src"] == "https://example.org/epr.png"
    assert epr.select_one("details.academic-bibtex") is None  # no bibtex_show: none, as al-folio
    # The @string macro (publisher = aps) was expanded by the parser.
    assert entry(soup, "przibram1967letters").select_one("details.academic-bibtex") is not None


@pytest.mark.sphinx("html", testroot="alfolio", freshenv=True)
def test_selected_and_files_from_a_page_in_a_subfolder(app) -> None:
    app.build()
    soup = html_of(app, "pubs/selected.html")
    keys = [li["id"] for li in soup.select("li.academic-pub")]
    assert keys == ["pub-einstein1905movement"]  # selected = {true} only; {false} is not
    item = soup.select_one("li.academic-pub")
    assert links(item)["PDF"] == "../assets/pdf/movement.pdf"
    src = item.select_one("img.academic-pub-preview")["src"]
    assert (Path(app.outdir) / "pubs" / src).resolve().is_file()


@pytest.mark.sphinx(
    "html", testroot="alfolio", freshenv=True, confoverrides={"academic_bibtex_toggle": "always"}
)
def test_bibtex_toggle_on_every_entry_unless_the_entry_says_false(app) -> None:
    app.build()
    soup = html_of(app, "index.html")
    assert entry(soup, "einstein1935can").select_one("details.academic-bibtex") is not None


def test_a_missing_file_is_a_warning_at_the_bib_line(tmp_path: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "site"
    shutil.copytree(ROOT, src)
    (src / "assets/pdf/movement-slides.pdf").unlink()
    bib = (src / "_bibliography/papers.bib").read_text(encoding="utf-8")
    bib = bib.replace("pdf = {movement.pdf}", "pdf = {../../../etc/passwd}")
    (src / "_bibliography/papers.bib").write_text(bib, encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    warnings = warnings_of(app)
    line = bib.splitlines().index("@article{einstein1905movement,") + 1
    assert (
        f"papers.bib:{line}: WARNING: slides of 'einstein1905movement': no file "
        "assets/pdf/movement-slides.pdf in the conf dir" in warnings
    )
    assert f"papers.bib:{line}: WARNING: pdf of 'einstein1905movement':" in warnings
    assert "leaves the 'assets/pdf' folder" in warnings
    item = entry(html_of(app, "index.html"), "einstein1905movement")
    assert "PDF" not in links(item)  # the path outside assets/pdf was left out
    assert not (Path(app.outdir) / "etc").exists()


def test_al_folio_cv_yml_sections() -> None:
    from sphinx_academic.cv.model import Layout
    from sphinx_academic.cv.sources import load_source

    source = load_source(ROOT / "_data" / "cv.yml")
    assert source.problems == ()
    assert [(s.title, s.layout) for s in source.sections] == [
        ("General Information", Layout.PAIRS),  # map
        ("Education", Layout.TIMELINE),  # time_table
        ("Experience", Layout.TIMELINE),
        ("Honors and Awards", Layout.TIMELINE),
        ("Academic Interests", Layout.BULLETS),  # nested_list
        ("Skills", Layout.BULLETS),  # list_groups
        ("Other Interests", Layout.BULLETS),  # list
    ]
    sections = {s.title: s.entries for s in source.sections}
    name = sections["General Information"][0]
    assert (name.title.plain, name.details.plain) == ("Full Name", "Albert Einstein")
    phd, diploma = sections["Education"]
    assert [(h.text.plain, [c.text.plain for c in h.children]) for h in phd.highlights] == [
        ("Thesis on molecular dimensions", []),
        ("Examiners", ["Alfred Kleiner", "Heinrich Burkhardt"]),
    ]
    assert diploma.organization.plain == "ETH Zurich, Physics and Mathematics"
    assert (diploma.start.iso, diploma.end.iso) == ("1896", "1900")
    assert diploma.highlights == ()  # an empty description: no empty bullet
    professor, examiner = sections["Experience"]
    assert professor.end.present
    assert [(link.label, link.url) for link in professor.links] == [
        ("Page", "https://example.org/ias"),
        ("doc", "https://example.org/ias-report.pdf"),  # al-folio's label for a nameless link
    ]
    assert examiner.when == "Summer 1902"  # words are kept as written
    awards = sections["Honors and Awards"]
    assert [[h.text.plain for h in a.highlights] for a in awards] == [
        ["Nobel Prize in Physics", "Another prize"],
        ["Copley Medal"],
    ]


@pytest.mark.sphinx("html", testroot="alfolio", freshenv=True)
def test_cv_page_from_cv_yml_and_resume_json(app) -> None:
    app.build()
    assert warnings_of(app) == ""
    soup = html_of(app, "cv.html")
    headings = [h.get_text().rstrip("\u00b6") for h in soup.select("section#cv > section > h2")]
    assert headings == [
        "General Information",
        "Education",
        "Experience",
        "Honors and Awards",
        "Academic Interests",
        "Skills",
        "Other Interests",
        "From resume.json",
    ]
    page = soup.select_one("section#cv")
    # map: a name and value per row, with al-folio's HTML read and its links.
    info = page.select_one("section#general-information dl.academic-cv-pairs")
    assert info.select_one("dd strong").get_text() == "The Collected Papers"
    assert info.select_one("a")["href"] == "https://example.org/einstein-papers"
    # time_table: dates, title, institution and department, location, links, HTML in text.
    education = page.select("section#education li.academic-cv-entry")
    times = [(t["datetime"], t.get_text()) for t in education[1].find_all("time")]
    assert times == [("1896", "1896"), ("1900", "1900")]
    assert education[0].select_one("ul li em").get_text() == "molecular dimensions"
    assert education[1].select_one("p a")["href"] == "https://example.org/eth"
    assert education[1].find("ul") is None  # the empty description gives no bullet
    experience = page.select_one("section#experience")
    assert experience.select_one("a[href='https://example.org/ias']").get_text() == "Page"
    assert experience.select_one("li br") is not None  # <br> is a line break
    # Text keeps its straight quotes and is never shown as markup.
    assert "<b>" not in page.get_text() and "&lt;" not in str(page.get_text())
    # nested_list and list_groups: titles with their items under them.
    interests = page.select_one("section#academic-interests > ul")
    assert [li.p.get_text() for li in interests.find_all("li", recursive=False)] == [
        "Statistical physics",
        "Relativity",
    ]
    skills = page.select_one("section#skills")
    violin = skills.select_one("a[href='https://example.org/violin']")
    assert violin.get_text() == "Recording"
    assert "Violin \u2014 Private lessons, 1884 - 1891" in " ".join(skills.get_text().split())
    other = page.select_one("section#other-interests")
    assert other.select_one("li strong").get_text() == "Hobbies:"
    # resume.json (al-folio's assets/json/resume.json, a JSON Resume): header and sections.
    resume = page.select_one("section#from-resume-json")
    assert resume.select_one(".academic-cv-name").get_text() == "Albert Einstein"
    assert [h.get_text().rstrip("\u00b6") for h in resume.select("section > h3")] == [
        "Work",
        "Volunteer",
        "Education",
        "Awards",
        "Certificates",
        "Publications",
        "Skills",
        "Languages",
        "Interests",
        "References",
        "Projects",
    ]
    text = " ".join(resume.get_text().split())
    for shown in (
        "Member",
        "Prussian Academy of Sciences",
        "PhD in Physics",
        "Copley Medal",
        "Swiss citizenship",
        "Canton of Zurich",
        "summa cum laude",
        "Max Planck",
    ):
        assert shown in text, shown


def test_cv_yml_problems_are_named(tmp_path: Path) -> None:
    from sphinx_academic.cv.sources import load_source

    path = tmp_path / "cv.yml"
    path.write_text(
        "- title: Education\n  type: time_tabel\n  contents:\n    - title: PhD\n"
        "- title: Work\n  type: time_table\n  contents:\n    - title: Job\n      instituton: X\n"
        "      note: kept out, as al-folio does\n"
        "      description:\n        - <script>alert(1)</script> done\n"
        "      linkitems:\n        - link: slides/talk.pdf\n",
        encoding="utf-8",
    )
    problems = load_source(path).problems
    assert problems[0] == (
        "cv.yml section 'Education': al-folio has no type 'time_tabel'; did you mean "
        "'time_table'? (it has time_table, map, nested_list, list, list_groups); the section "
        "was left out",
        2,
    )
    assert problems[1] == (
        "Work entry: al-folio does not read 'instituton'; did you mean 'institution'?",
        9,
    )
    assert problems[2][1] == 12 and "<script> is not one of" in problems[2][0]
    assert problems[3][1] == 14 and "'slides/talk.pdf' is relative" in problems[3][0]
    assert len(problems) == 4
