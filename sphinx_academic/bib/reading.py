"""When bib files are read, and what is said about them.

1. ``builder-inited``, just before sphinxcontrib-bibtex parses ``bibtex_bibfiles``: each file
   that changed is checked (:mod:`.syntax`); a file with problems is replaced by a checked
   copy, so one bad entry never stops the build or hides the entries after it. Just after it
   parses, fields holding local paths (Zotero's ``file``) are dropped from the entries.
2. ``env-get-outdated``, before documents are read: the records of changed entries are read
   again (:meth:`.AcademicDomain.refresh_records`), so every reader and writer shares them,
   and the pages that show them are read again (a changed co-author file changes records).
3. ``env-updated``, once per build: every problem of the bib files, and of each entry a page
   shows, is a warning at its file and line (again on every build until fixed, so ``-W``
   keeps failing); pages that only ``{cite}`` a changed entry are rewritten.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..config import AcademicConfig
from ..domain import AcademicDomain
from ..files import FileRefused, resolve_inside
from ..messages import Subtype, warn_at
from . import adapter
from .coauthors import CoauthorFile, CoauthorIndex, CoauthorProblem
from .names import NameMatcher
from .records import NO_COAUTHORS, RecordSettings
from .roles import RoleTable

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Before and after sphinxcontrib-bibtex's own ``builder-inited`` handler (the default, 500).
BEFORE_BIBTEX_PARSES = 400
AFTER_BIBTEX_PARSES = 600


def coauthor_file(app: Sphinx) -> CoauthorFile | None:
    """``academic_coauthors``, read once per change; None when the site has none."""
    domain = AcademicDomain.of(app.env)
    setting = AcademicConfig.from_config(app.config).coauthors
    if not setting:
        domain.data["coauthors"] = None
        return None
    candidate = Path(app.confdir) / setting
    try:
        path = resolve_inside(
            candidate, [Path(app.confdir), Path(app.srcdir)], "academic_coauthors:"
        )
    except FileRefused as err:
        refused = CoauthorFile(
            str(candidate), None, CoauthorIndex(), (CoauthorProblem(str(err), None),)
        )
        domain.data["coauthors"] = refused
        return refused
    return domain.coauthor_file(path)


def record_settings(app: Sphinx) -> RecordSettings:
    config = AcademicConfig.from_config(app.config)
    coauthors = coauthor_file(app)
    return RecordSettings(
        NameMatcher.from_variants(config.author_names),
        dict(config.file_dirs),
        str(app.confdir),
        RoleTable.from_config(config.author_roles),
        coauthors.index if coauthors else NO_COAUTHORS,
        frozenset(config.bibtex_fields),
    )


def check_bib_files(app: Sphinx) -> None:
    domain = AcademicDomain.of(app.env)
    domain.data["bibfiles"] = adapter.check_bib_files(app, domain.bibfiles)


def drop_local_paths(app: Sphinx) -> None:
    adapter.drop_local_paths(app.env)


def refresh_records(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Read again the records that changed; the pages that show them are read again too (a
    changed co-author file changes records without changing any page or bib file)."""
    domain = AcademicDomain.of(env)
    keys = domain.refresh_records(
        adapter.bib_entries(env), record_settings(app), adapter.bibdata_stamp(env)
    )
    return sorted(domain.docs_showing(keys)) if keys else []


def report_problems(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = AcademicDomain.of(env)
    for path, bibfile in domain.bibfiles.items():
        for syntax_problem in bibfile.problems:
            warn_at(syntax_problem.message, Subtype.BIBTEX, path, syntax_problem.line)
    coauthors = coauthor_file(app)
    if coauthors is not None:
        for coauthor_problem in coauthors.problems:
            warn_at(
                coauthor_problem.message, Subtype.COAUTHORS, coauthors.path, coauthor_problem.line
            )
    for key in sorted(domain.shown_keys()):
        entry = domain.entry_state(key)
        for problem in entry.problems if entry else ():
            warn_at(problem.message, problem.subtype, *domain.entry_position(key))
    changed = set(domain.data["changed_keys"])
    domain.data["changed_keys"] = set()  # only this build's changes matter
    return sorted(adapter.citing_docnames(env, changed)) if changed else []


def setup_reading(app: Sphinx) -> None:
    app.connect("builder-inited", check_bib_files, priority=BEFORE_BIBTEX_PARSES)
    app.connect("builder-inited", drop_local_paths, priority=AFTER_BIBTEX_PARSES)
    app.connect("env-get-outdated", refresh_records)
    app.connect("env-updated", report_problems)
