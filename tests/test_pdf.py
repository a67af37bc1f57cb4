"""The CV as a PDF, written by the html build: what a reader of the PDF finds in it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, html_of, warnings_of
from pypdf import PdfReader
from test_site import CV_ITEMS, EXPECTED

PDF_NAME = "Ben-Athiwaratkun-CV.pdf"


def pdf_text(path: Path) -> str:
    """The PDF's text in reading order (poppler's pdftotext -raw: the order a reader's copy
    follows, where -layout would interleave the dates column), whitespace collapsed."""
    result = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return " ".join(result.stdout.split())


def link_targets(path: Path) -> list[str]:
    return [
        annotation.get_object()["/A"]["/URI"]
        for page in PdfReader(path).pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/A", {}).get("/URI")
    ]


def test_the_cv_page_links_its_pdf(site: Path) -> None:
    link = html_of_page(site, "cv.html").select_one("p.academic-pdf-link a")
    assert link.get_text() == "Download CV (PDF)" and link["href"] == PDF_NAME
    assert (site / PDF_NAME).is_file()
    assert not html_of_page(site, "index.html").select("p.academic-pdf-link")


def html_of_page(site: Path, page: str):  # type: ignore[no-untyped-def]
    from bs4 import BeautifulSoup

    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def test_the_pdf_holds_every_fact_of_the_cv_and_every_publication(site: Path) -> None:
    text = pdf_text(site / PDF_NAME)
    assert [item for item in CV_ITEMS if item not in text] == []
    assert [title for title in EXPECTED if title not in text] == []
    assert "Curriculum Vitae" in text and "Download CV" not in text


def test_the_pdf_is_a_real_document(site: Path) -> None:
    path = site / PDF_NAME
    reader = PdfReader(path)
    assert reader.metadata.title == "Ben Athiwaratkun: Curriculum Vitae"
    assert reader.metadata.author == "Ben Athiwaratkun"
    assert 2 <= len(reader.pages) <= 4
    assert reader.pages[0].mediabox.width == 612  # US Letter by default
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(row[-5] == "yes" for row in rows), fonts  # every font embedded
    targets = link_targets(path)
    assert "https://arxiv.org/abs/2403.08845" in targets  # an entry's link, clickable
    assert all(t.startswith(("https://", "http://", "mailto:")) for t in targets)
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged (PDF/UA-1)


def test_two_builds_give_the_same_bytes(site: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "sphinx", "-q", "-c", str(REPO), str(REPO / "docs")]
    result = subprocess.run([*command, str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / PDF_NAME).read_bytes() == (site / PDF_NAME).read_bytes()


@pytest.mark.sphinx("html", testroot="pdf", freshenv=True)
def test_data_is_shown_literally_never_run(app) -> None:
    app.build()
    text = pdf_text(Path(app.outdir) / "Ada-Lovelace-CV.pdf")
    assert 'Analyst #read("/etc/passwd") $x^2$ *not bold* _not em_ @ref <label> \\ [b]' in text
    assert '#set page(width: 1pt) #read("/etc/passwd") *x* _y_ @z [w]' in text
    assert "root:" not in text  # nothing was read
    assert "July 1842 \u2013 September 1843" in text and "Calculus, Bernoulli numbers" in text


@pytest.mark.sphinx("html", testroot="pdf", freshenv=True)
def test_rebuilt_when_its_sources_change_and_not_otherwise(app, make_app) -> None:
    app.build()
    pdf = Path(app.outdir) / "Ada-Lovelace-CV.pdf"
    first = pdf.stat().st_mtime_ns
    rebuild = make_app("html", srcdir=app.srcdir)
    rebuild.build()
    assert pdf.stat().st_mtime_ns == first  # nothing changed: not compiled again
    index = Path(app.srcdir) / "index.md"
    index.write_text(index.read_text() + "\nMore text.\n")
    make_app("html", srcdir=app.srcdir).build()
    assert pdf.stat().st_mtime_ns == first  # another page changed
    bib = Path(app.srcdir) / "refs.bib"
    bib.write_text(bib.read_text().replace("Scientific Memoirs", "Taylor's Scientific Memoirs"))
    make_app("html", srcdir=app.srcdir).build()
    assert pdf.stat().st_mtime_ns != first
    assert "Taylor's Scientific Memoirs" in pdf_text(pdf)


@pytest.mark.sphinx(
    "html",
    testroot="pdf",
    freshenv=True,
    confoverrides={"academic_pdf_paper": "a4", "academic_pdf_fonts": ["NoSuchFont"]},
)
def test_paper_size_and_an_unknown_font_warn_at_the_page(app) -> None:
    app.build()
    pdf = Path(app.outdir) / "Ada-Lovelace-CV.pdf"
    assert round(float(PdfReader(pdf).pages[0].mediabox.height)) == 842  # A4
    cv = Path(app.srcdir) / "cv.md"
    assert f"{cv}: WARNING: in the PDF of this page: unknown font family: nosuchfont" in (
        warnings_of(app)
    )


@pytest.mark.sphinx(
    "html", testroot="pdf", srcdir="pdf-off", freshenv=True, confoverrides={"academic_pdf": []}
)
def test_turned_off(app) -> None:
    app.build()
    assert not list(Path(app.outdir).glob("*.pdf"))
    assert not html_of(app, "cv.html").select("p.academic-pdf-link")


@pytest.mark.sphinx("html", testroot="pdf", freshenv=True)
def test_a_typst_error_is_a_warning_at_the_page_and_the_site_builds(app) -> None:
    from sphinx_academic.pdf.output import compile_pdf

    app.build()
    assert compile_pdf(app, "cv", "#let broken = (\n") is None
    cv = Path(app.srcdir) / "cv.md"
    assert re.search(
        rf"{re.escape(str(cv))}: WARNING: the PDF of this page could not be made",
        (warnings_of(app)),
    )
    assert (Path(app.outdir) / "cv.html").is_file()


def test_source_date_epoch_sets_the_creation_date(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(REPO / "tests" / "roots" / "test-pdf", site)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    command = [sys.executable, "-m", "sphinx", "-q", str(site), str(tmp_path / "out")]
    subprocess.run(command, env=env, check=True, capture_output=True)
    reader = PdfReader(tmp_path / "out" / "Ada-Lovelace-CV.pdf")
    assert reader.metadata.creation_date.year == 2023
