"""sphinx-academic: academic websites and CVs with Sphinx, MyST and one BibTeX file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    from .extension import setup_extension

    setup_extension(app)
    return {
        "version": __version__,
        # Per-document data lives in sphinxcontrib-bibtex's cite domain, which purges and
        # merges it; pages are rendered from the environment alone.
        "parallel_read_safe": True,
        "parallel_write_safe": True,
        "env_version": 2,
    }
