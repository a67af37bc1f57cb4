"""The components without any site-wide policy: ``extensions = ["sphinx_academic.components"]``.

``setup()`` reads as the table of contents: the config table, the domain that holds all state,
then one line per job.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .bib.reading import setup_reading
from .cards.directive import setup_cards
from .config import add_config_values
from .cv.directive import setup_cv
from .domain import AcademicDomain
from .head import add_to_head
from .news.directive import setup_news
from .pages import setup_pages
from .pages.skeleton import SKELETON_PAGE
from .pdf.output import setup_pdf
from .profile import setup_profile
from .publications import setup_publications
from .publications.controls import NOSCRIPT_STYLE

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parent / "static"
STYLESHEET = "sphinx-academic.css"
FILTER_SCRIPT = "sphinx-academic-filter.js"


def add_static_path(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC_DIR))


def add_stylesheet(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """The components' stylesheet, on the pages that have one of them only (and on the
    publications' own pages, made from the skeleton); the filter script (and the style that
    hides its controls without JavaScript), on the pages with a publication list that has
    filter controls only."""
    domain = AcademicDomain.of(app.env)
    data = domain.documents.get(pagename)
    if (data is not None and data.components) or pagename == SKELETON_PAGE:
        app.add_css_file(STYLESHEET)
    if domain.has_controls(pagename):
        app.add_js_file(FILTER_SCRIPT, loading_method="defer")
        add_to_head(context, NOSCRIPT_STYLE)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinxcontrib.bibtex")  # publication data, citations
    app.setup_extension("sphinx_design")  # the cards' grid
    add_config_values(app)  # config.py: every academic_* value
    app.add_domain(AcademicDomain)  # domain.py: all state
    setup_reading(app)  # bib/: bib files checked, entries read into records
    setup_publications(app)  # publications/: lists, and how each output shows an entry
    setup_cards(app)  # cards/: highlighted-work cards
    setup_cv(app)  # cv/: CV timelines and CV source files
    setup_pdf(app)  # pdf/: the CV page as a PDF, from the same doctree
    setup_pages(app)  # pages/: a page per publication, and the list as downloads
    setup_profile(app)  # profile/: the owner's photo, position and links
    setup_news(app)  # news/: dated news items, written or read from a file
    app.connect("builder-inited", add_static_path)
    app.connect("html-page-context", add_stylesheet)
    return {
        "version": __version__,
        "env_version": 5,
        # All state is in the academic domain, which clears and merges it per document.
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
