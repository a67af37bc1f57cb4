"""The site's publications as files to download: ``publications.bib`` and ``publications.json``.

Both hold the entries of the site's citable lists (:mod:`.plan`), in the order the site shows
them, made from the same records as every page: the BibTeX is each entry's cleaned copy
(:mod:`..bib.export`: the allow list of ``academic_bibtex_fields``, no marks, no site or
bookkeeping fields) and the JSON is CSL-JSON (:mod:`..bib.csl`), which Zotero, Mendeley and
pandoc import. They are written again only when an entry in them, the settings entries are
read with, or the list of entries changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..bib.csl import csl_json
from ..config import AcademicConfig
from ..domain import AcademicDomain
from .plan import plan_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx

BIBTEX_FILE = "publications.bib"
CSL_JSON_FILE = "publications.json"
BIBTEX_TYPE = "application/x-bibtex"
CSL_JSON_TYPE = "application/vnd.citationstyles.csl+json"


def downloads_on(app: Sphinx) -> bool:
    return AcademicConfig.from_config(app.config).publication_downloads


def write_downloads(app: Sphinx, previous: str) -> str:
    """Write both files if they changed; return their stamp ("" when there are none)."""
    from .writer import STAMP_VERSION, digest, entry_state, records_of

    outdir = Path(app.outdir)
    files = (outdir / BIBTEX_FILE, outdir / CSL_JSON_FILE)
    domain = AcademicDomain.of(app.env)
    plan = plan_of(app.env)
    if not downloads_on(app) or not plan.keys:
        if previous:  # written by an earlier build: a clean build would not have them
            for path in files:
                path.unlink(missing_ok=True)
        return ""
    states = [(key, entry_state(domain, key)) for key in plan.keys]
    stamp = digest(STAMP_VERSION, "downloads", plan.settings, states)
    if stamp == previous and all(path.is_file() for path in files):
        return stamp
    records = records_of(domain, plan.keys)
    bibtex = "\n\n".join(record.bibtex for record in records) + "\n"
    files[0].write_text(bibtex, encoding="utf-8")
    files[1].write_text(csl_json(records), encoding="utf-8")
    return stamp
