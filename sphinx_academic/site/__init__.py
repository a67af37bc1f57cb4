"""Site-wide policy, for a site built around the components (``extensions = ["sphinx_academic"]``
loads it; ``"sphinx_academic.components"`` alone does not):

- ``assets``: each page loads only the CSS and JavaScript it uses;
- ``metadata``: the site's address, meta descriptions, OpenGraph, schema.org JSON-LD, sitemap
  and robots.txt;
- ``feed``: ``atom.xml``, the site's publications and news, announced on every page;
- ``sidebar``: the owner's profile and contact links on every page (furo's sidebar);
- ``navigation``: incremental builds rewrite every page when the site's navigation changes;
- ``minify``: Sphinx's own scripts minified in the output;
- ``envload``: the pickled environment loaded without the garbage collector in the way;
- ``templates/``: furo's templates with accessibility fixes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.builders.html import StandaloneHTMLBuilder

from .. import __version__
from .assets import setup_assets
from .envload import setup_envload
from .feed import setup_feed
from .metadata import setup_metadata
from .minify import setup_minify
from .navigation import setup_navigation
from .sidebar import setup_sidebar

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Overrides of furo's page and search templates (accessibility fixes), and the sidebar
#: fragment with the profile links.
TEMPLATES_DIR = Path(__file__).parent / "templates"


def add_templates_path(app: Sphinx, config: Config) -> None:
    if config.html_theme == "furo":
        config.templates_path.append(str(TEMPLATES_DIR))


def keep_templates_to_furo(app: Sphinx) -> None:
    """The overrides extend furo's own templates: a builder whose theme is another one
    (``epub`` uses ``epub_theme``) gets its templates back without them."""
    builder = app.builder
    if (
        not isinstance(builder, StandaloneHTMLBuilder)
        or builder.theme.name == "furo"
        or str(TEMPLATES_DIR) not in app.config.templates_path
    ):
        return
    app.config.templates_path.remove(str(TEMPLATES_DIR))
    builder.init_templates()


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_academic.components")
    app.connect("config-inited", add_templates_path)
    app.connect("builder-inited", keep_templates_to_furo)
    setup_assets(app)
    setup_metadata(app)
    setup_feed(app)
    setup_sidebar(app)
    setup_navigation(app)
    setup_minify(app)
    setup_envload(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
