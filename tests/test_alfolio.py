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
    # abbr: a badge; award: shown with the venue; the owner's name highlighted.
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


def test_al_folio_cv_yml_sections(tmp_path: Path) -> None:
    from sphinx_academic.cv.sources import load_source

    source = load_source(ROOT / "_data" / "cv.yml")
    assert source.problems == []
    sections = {s.name: s.entries for s in source.sections}
    assert list(sections) == [
        "General Information",
        "Education",
        "Experience",
        "Awards",
        "Academic Interests",
        "Other Interests",
    ]
    name = sections["General Information"][0]
    assert (name.item.title, name.summary) == ("Full Name", "Albert Einstein")
    phd, diploma = sections["Education"]
    assert phd.highlights == [
        "Thesis on molecular dimensions",
        "Examiners: Alfred Kleiner; Heinrich Burkhardt",
    ]
    assert diploma.item.organization == "ETH Zurich, Physics and Mathematics"
    assert (diploma.item.start.iso, diploma.item.end.iso) == ("1896", "1900")
    professor, examiner = sections["Experience"]
    assert professor.item.end.present and professor.links == [("Page", "https://example.org/ias")]
    assert examiner.item.when == "Summer 1902"  # words are kept as written
    assert [e.item.title for e in sections["Awards"]] == ["Nobel Prize in Physics", "Another prize"]
    assert sections["Academic Interests"][0].highlights == ["Brownian motion", "Fluctuations"]
    assert [e.item.title for e in sections["Other Interests"]] == ["Sailing", "Violin"]


@pytest.mark.sphinx("html", testroot="alfolio", freshenv=True)
def test_cv_page_from_cv_yml_and_resume_json(app) -> None:
    app.build()
    soup = html_of(app, "cv.html")
    timelines = soup.select("ol.academic-timeline")
    assert len(timelines) == 4
    education = timelines[1].select("li.academic-cv-entry")
    assert education[1].select_one(".academic-cv-title").get_text() == "Diploma"
    times = [(t["datetime"], t.get_text()) for t in education[1].find_all("time")]
    assert times == [("1896", "1896"), ("1900", "1900")]
    assert timelines[1].select_one("a[href='https://example.org/ias']").get_text() == "Page"
    resume = timelines[3].get_text(" ", strip=True)
    for text in ("Member", "Prussian Academy of Sciences", "PhD in Physics", "Copley Medal"):
        assert text in resume


def test_unknown_cv_yml_keys_and_types_are_named(tmp_path: Path) -> None:
    from sphinx_academic.cv.sources import load_source

    path = tmp_path / "cv.yml"
    path.write_text(
        "- title: Education\n  type: time_tabel\n  contents:\n    - title: PhD\n"
        "- title: Work\n  type: time_table\n  contents:\n    - title: Job\n      instituton: X\n",
        encoding="utf-8",
    )
    problems = load_source(path).problems
    assert problems == [
        ("unknown section type 'time_tabel'; did you mean 'time_table'?", 2),
        ("unknown key 'instituton'; did you mean 'institution'?", 9),
    ]
