"""``setup_extension()`` reads as the table of contents of the extension."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .assets import setup_assets
from .bibcheck import report_captured, start_capture
from .cards import setup_cards
from .config import add_config_values
from .entry_html import setup_entry_html
from .files import setup_files
from .metadata import setup_metadata
from .minify import setup_minify
from .navigation import setup_navigation
from .publications import setup_publications
from .shared import setup_shared_nodes
from .timeline import setup_timeline

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC_DIR = Path(__file__).parent / "static"
#: Overrides of furo's page and search templates (accessibility fixes).
TEMPLATES_DIR = Path(__file__).parent / "templates"


def setup_extension(app: Sphinx) -> None:
    app.setup_extension("sphinxcontrib.bibtex")
    app.setup_extension("sphinx_design")
    add_config_values(app)
    # Around sphinxcontrib-bibtex's own handler (priority 500), which parses the bib files:
    app.connect("builder-inited", start_capture, priority=400)
    app.connect("builder-inited", report_captured, priority=600)
    app.connect("config-inited", add_templates_path)
    app.connect("builder-inited", add_static_path)
    setup_shared_nodes(app)
    setup_entry_html(app)
    setup_publications(app)
    setup_files(app)
    setup_cards(app)
    setup_timeline(app)
    setup_navigation(app)
    setup_assets(app)
    setup_minify(app)
    setup_metadata(app)


def add_templates_path(app: Sphinx, config: Config) -> None:
    """furo's templates with names for its landmarks and a heading on the search page."""
    if config.html_theme == "furo":
        config.templates_path.append(str(TEMPLATES_DIR))


def add_static_path(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC_DIR))
