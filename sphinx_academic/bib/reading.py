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

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.errors import ConfigError

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
    from sphinx.config import Config
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


def check_bibtex_settings(app: Sphinx, config: Config) -> None:
    """sphinxcontrib-bibtex's settings that the extension reads, checked as ``academic_*``
    values are: one ConfigError naming the value, instead of a traceback (``[5]``) or an entry
    list emptied by a file listed twice. Text is read as Sphinx reads ``-D`` lists
    (``"a.bib,b.bib"``), where sphinxcontrib-bibtex warned once per character. A site without
    ``bibtex_bibfiles`` has no publications (sphinxcontrib-bibtex stops the build)."""
    files = config.bibtex_bibfiles
    if files is None:
        config.bibtex_bibfiles = []
        return
    if isinstance(files, str):  # one file, or -D bibtex_bibfiles=a.bib,b.bib
        files = [name.strip() for name in files.split(",") if name.strip()]
    if not isinstance(files, list | tuple) or not all(isinstance(f, str) and f for f in files):
        shown = repr(files) if len(repr(files)) <= 80 else repr(files)[:77] + "..."
        raise ConfigError(
            f"bibtex_bibfiles = {shown} is not valid: expected a list of bib files, relative to "
            'the conf dir, e.g. ["refs.bib"]'
        )
    config.bibtex_bibfiles = list(dict.fromkeys(posixpath.normpath(f) for f in files))
    encoding = config.bibtex_encoding
    try:
        if not isinstance(encoding, str):
            raise LookupError(encoding)
        "@".encode(encoding)  # LookupError for unknown names and for rot13, base64 ...
    except (LookupError, UnicodeError):
        raise ConfigError(
            f"bibtex_encoding = {encoding!r:.80} is not valid: expected the name of a text "
            'encoding, e.g. "utf-8-sig" (the default) or "latin-1"'
        ) from None


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
    app.connect("config-inited", check_bibtex_settings)
    app.connect("builder-inited", check_bib_files, priority=BEFORE_BIBTEX_PARSES)
    app.connect("builder-inited", drop_local_paths, priority=AFTER_BIBTEX_PARSES)
    app.connect("env-get-outdated", refresh_records)
    app.connect("env-updated", report_problems)
