"""Local files that bib entries name (``pdf = {paper.pdf}``): checked, then copied into the site.

A file field without a URL scheme names a file under its directory in ``academic_file_dirs``
(al-folio's ``assets/pdf`` and ``assets/img/publication_preview`` by default), relative to
the conf dir. The file keeps that path in the built site, so pages link to it as
``<root>/assets/pdf/paper.pdf``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.osutil import copyfile, ensuredir

from . import bibdata
from .config import academic_config
from .records import local_files
from .shared import warn_at

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def _named_files(app: Sphinx, env: BuildEnvironment) -> Iterator[tuple[str, str, str]]:
    """(entry key, field, path from the conf dir) of every local file the bib files name."""
    file_dirs = academic_config(app.config).file_dirs
    for key, entry in bibdata.bib_entries(env).items():
        for field, path in local_files(entry, file_dirs):
            yield key, field, path


def report_missing_files(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Warn, at the entry's line, about each named file that is not there (every build)."""
    confdir = Path(app.confdir)
    for key, field, path in _named_files(app, env):
        if not (confdir / path).is_file():
            warn_at(
                f"{field} of {key!r}: no file {path} in the conf dir; put the file there, "
                "correct the name, or give a URL (https://…)",
                "bibtex",
                *bibdata.entry_position(env, key),
            )
    return []


def copy_named_files(app: Sphinx, exception: BaseException | None) -> None:
    """Copy every named file that exists into the html output, at the same path."""
    if exception is not None or app.builder.format != "html":
        return
    confdir, outdir = Path(app.confdir), Path(app.outdir)
    for _key, _field, path in _named_files(app, app.env):
        source = confdir / path
        if source.is_file():
            ensuredir((outdir / path).parent)
            copyfile(source, outdir / path, force=True)


def setup_files(app: Sphinx) -> None:
    app.connect("env-updated", report_missing_files)
    app.connect("build-finished", copy_named_files)
