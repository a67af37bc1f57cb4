"""Sphinx's own scripts, minified in the built site.

Sphinx ships ``searchtools.js``, ``doctools.js``, ``sphinx_highlight.js`` and
``documentation_options.js`` with their comments and indentation: about 13 KB of the search
page's weight. After every html build (Sphinx copies its static files anew each time), they
are rewritten minified with rjsmin, which only drops comments and whitespace (``/*!``
licence comments stay). Pages keep Sphinx's ``?v=`` checksums, taken from the unminified
files, so they change when Sphinx's scripts do.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import rjsmin

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SPHINX_SCRIPTS = (
    "searchtools.js",
    "doctools.js",
    "sphinx_highlight.js",
    "documentation_options.js",
)


def minify_sphinx_scripts(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    for name in SPHINX_SCRIPTS:
        path = static / name
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            path.write_text(rjsmin.jsmin(text, keep_bang_comments=True) + "\n", encoding="utf-8")


def setup_minify(app: Sphinx) -> None:
    app.connect("build-finished", minify_sphinx_scripts)
