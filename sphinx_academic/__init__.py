"""sphinx-academic: academic websites and CVs with Sphinx, MyST and one BibTeX file.

``extensions = ["sphinx_academic"]`` loads the components (:mod:`.components`: publication
lists, cards, CV timelines) and the site-wide policy (:mod:`.site`: assets, metadata,
navigation, templates).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.2.0"


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_academic.components")
    app.setup_extension("sphinx_academic.site")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
