"""The PDF of a page (the CV by default), written by the html build itself.

At ``doctree-resolved`` of a chosen page (after the lists and cards are filled in), the
page's doctree is rendered to Typst (:mod:`.typst`) and compiled with the ``typst`` compiler
(a PyPI wheel with fonts built in: no TeX) into the site's output, and a "Download CV (PDF)"
link is put under the page's title. The compiler runs in an empty temporary folder that is its
whole file system (``root``), with the system's fonts ignored (the same bytes on every
machine) and the creation date taken from ``SOURCE_DATE_EPOCH`` or the page's newest source.
The Typst source of the last compile is kept in the doctree folder: a page rewritten with the
same content is not compiled again.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.errors import NoUri

from ..config import AcademicConfig
from ..domain import AcademicDomain
from ..escaping import encode
from ..messages import Subtype, warn
from ..profile import owner_name
from ..publications.lists import page_root
from ..visitors import add_node
from ..websites import writes_website
from .typst import string, translate

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..bib.records import Link

LINK_TEXT = "Download CV (PDF)"
SOURCES_DIR = "academic-pdf"


class pdf_link(nodes.General, nodes.Element):
    """The link to the page's PDF, under its title (HTML only)."""


def visit_pdf_link_html(self: Any, node: pdf_link) -> None:
    href = encode(node["href"])
    self.body.append(
        f'<p class="academic-pdf-link"><a class="academic-link reference external" '
        f'href="{href}" type="application/pdf">{encode(LINK_TEXT)}</a></p>\n'
    )
    raise nodes.SkipNode


def pdf_pages(app: Sphinx) -> list[str]:
    """The pages that get a PDF: ``academic_pdf``'s list, or those with CV timelines."""
    chosen = AcademicConfig.from_config(app.config).pdf
    if chosen == "auto":
        documents = AcademicDomain.of(app.env).documents
        return sorted(doc for doc, data in documents.items() if "cv" in data.components)
    return [doc for doc in chosen if doc in app.env.found_docs]


def pdf_name(app: Sphinx, docname: str) -> str:
    """``Ada-Lovelace-CV.pdf``; with several pages, the page's name instead of ``CV``."""
    owner = re.sub(r"[^\w]+", "-", owner_name(app, "CV")).strip("-") or "CV"
    pages = pdf_pages(app)
    what = "CV" if len(pages) <= 1 else re.sub(r"[^\w]+", "-", docname).strip("-")
    return f"{owner}-{what}.pdf"


def _source_date(app: Sphinx, docname: str) -> dt.datetime:
    """``SOURCE_DATE_EPOCH``, else the newest of the page and the files it depends on."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    env = app.env
    paths = [env.doc2path(docname), *(Path(env.srcdir, dep) for dep in env.dependencies[docname])]
    newest = max((p.stat().st_mtime for p in map(Path, paths) if p.is_file()), default=0.0)
    return dt.datetime.fromtimestamp(int(newest), dt.UTC)


def typst_document(app: Sphinx, docname: str, doctree: nodes.document) -> str:
    """The whole Typst source: settings, the layout, then the page."""
    config = AcademicConfig.from_config(app.config)
    baseurl = (app.config.html_baseurl or "").rstrip("/")

    def absolute(link: Link) -> str:
        return f"{baseurl}/{link.url}" if link.local and baseurl else link.href("")

    title = app.env.titles[docname].astext() if docname in app.env.titles else docname
    owner = owner_name(app, "CV")
    settings = "\n".join(
        [
            f"#let cv-paper = {string(config.pdf_paper)}",
            f"#let cv-font = ({', '.join(string(f) for f in config.pdf_fonts)},)",
            f"#let cv-title = {string(f'{owner}: {title}')}",
            f"#let cv-author = {string(owner)}",
        ]
    )
    layout = resources.files(__package__).joinpath("template.typ").read_text(encoding="utf-8")
    body = translate(doctree, config.date_format, absolute)
    return f"{settings}\n{layout}\n{body}"


def compile_pdf(app: Sphinx, docname: str, source: str) -> bytes | None:
    """The PDF, or None; what Typst says (an unknown font, an error) is a warning at the page."""
    import typst

    config = AcademicConfig.from_config(app.config)
    fonts = [str(Path(app.confdir, folder)) for folder in config.pdf_font_dirs]
    with tempfile.TemporaryDirectory(prefix="academic-pdf-") as root:
        main = Path(root, "main.typ")
        main.write_text(source, encoding="utf-8")
        options: dict[str, Any] = {
            "root": root,
            "font_paths": fonts,
            "ignore_system_fonts": True,
            "timestamp": int(_source_date(app, docname).timestamp()),
        }
        try:
            pdf, notes = typst.compile_with_warnings(str(main), pdf_standards=["ua-1"], **options)
        except typst.TypstError as err:
            if not str(getattr(err, "message", err)).startswith("PDF/UA-1 error"):
                _warn_typst(docname, "the PDF of this page could not be made", err)
                return None
            # Text no font can show (an emoji, say) breaks PDF/UA-1, not the PDF: make it
            # tagged but without the claim, and say which text is missing.
            _warn_typst(docname, "the PDF of this page is not PDF/UA-1", err)
            try:
                pdf, notes = typst.compile_with_warnings(str(main), **options)
            except typst.TypstError as again:
                _warn_typst(docname, "the PDF of this page could not be made", again)
                return None
    for note in notes:
        _warn_typst(docname, "in the PDF of this page", note)
    return bytes(pdf)


def _warn_typst(docname: str, what: str, diagnostic: Any) -> None:
    message = str(getattr(diagnostic, "message", diagnostic))
    hints = "; ".join(str(h) for h in getattr(diagnostic, "hints", None) or [])
    warn(
        f"{what}: {message}"
        + (f" ({hints})" if hints else "")
        + "; check academic_pdf_fonts and academic_pdf_font_dirs",
        Subtype.PDF,
        (docname, None),
    )


def write_pdf(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """For a chosen page of an html build: the link under its title, and the PDF."""
    if not writes_website(app.builder) or docname not in pdf_pages(app):
        return
    name = pdf_name(app, docname)
    try:
        href = page_root(app.builder, docname) + name
    except NoUri:  # pragma: no cover - html builders always have a URI
        href = name
    title = next(iter(doctree.findall(nodes.title)), None)
    if title is not None and isinstance(title.parent, nodes.section):
        title.parent.insert(title.parent.index(title) + 1, pdf_link(href=href))
    source = typst_document(app, docname, doctree)
    kept = Path(app.doctreedir, SOURCES_DIR, f"{docname}.typ")
    target = Path(app.outdir, name)
    if target.is_file() and kept.is_file() and kept.read_text(encoding="utf-8") == source:
        return  # the same content as the PDF already written
    pdf = compile_pdf(app, docname, source)
    if pdf is None:
        return
    target.write_bytes(pdf)
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_text(source, encoding="utf-8")


def setup_pdf(app: Sphinx) -> None:
    add_node(app, pdf_link, html=(visit_pdf_link_html, None))
    # After the lists and cards are filled in (at the default priority, 500).
    app.connect("doctree-resolved", write_pdf, priority=800)
