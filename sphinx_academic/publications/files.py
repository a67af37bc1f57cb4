"""Local files that records link to (``pdf = {paper.pdf}``), copied into the built site.

The records have already resolved each file inside its folder (:mod:`sphinx_academic.files`);
a file keeps its path from the conf dir, so pages link to it as ``<root>/assets/pdf/paper.pdf``.
Every entry's files are copied, whether or not a page shows the entry (a card or a page may
link to it, and a clean build must give what an incremental one does); only the records of
entries that name local files are read for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.osutil import copyfile, ensuredir

from ..domain import AcademicDomain

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def copy_linked_files(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    domain = AcademicDomain.of(app.env)
    for key, state in domain.data["entries"].items():
        record = domain.record(key) if state.file_names else None
        for found in record.files if record else ():
            target = outdir / found.site_path
            ensuredir(target.parent)
            copyfile(found.source, target, force=True)


def setup_files(app: Sphinx) -> None:
    app.connect("build-finished", copy_linked_files)
