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


def __getattr__(name: str) -> Any:
    """``sphinx_academic.DEFAULT_BIBTEX_FIELDS``, for conf.py: ``academic_bibtex_fields =
    [*sphinx_academic.DEFAULT_BIBTEX_FIELDS, "isbn"]`` (imported only when asked for)."""
    if name == "DEFAULT_BIBTEX_FIELDS":
        from .bib.export import DEFAULT_BIBTEX_FIELDS

        return DEFAULT_BIBTEX_FIELDS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_academic.components")
    app.setup_extension("sphinx_academic.site")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
