"""Turn BibTeX syntax errors into located warnings instead of a crashed build.

pybtex raises on the first syntax error (strict mode), which stops sphinxcontrib-bibtex's
``builder-inited`` handler and the whole build with a traceback. Around that handler,
pybtex's error capture is switched on: the parser then recovers, the good entries load, and
each error becomes a warning naming the file, the line and the entry to fix. The warnings are
kept with the environment and repeated on builds that reuse the parsed file, so a ``-W``
build fails for as long as the file is broken.
"""

from __future__ import annotations

import re
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pybtex.errors

from . import bibdata
from .shared import warn_at

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_REPEATED = re.compile(r"repeated bibliography entry: (\S+)")
_capture: dict[int, tuple[AbstractContextManager[list[Any]], list[Any], object]] = {}


def start_capture(app: Sphinx) -> None:
    """Runs just before sphinxcontrib-bibtex parses the bib files."""
    context = pybtex.errors.capture()
    errors = context.__enter__()
    _capture[id(app)] = (context, errors, bibdata.cite_domain(app.env).data.get("bibdata"))


def report_captured(app: Sphinx) -> None:
    """Runs just after: warn about each captured error, or repeat the last parse's warnings."""
    context, errors, before = _capture.pop(id(app))
    context.__exit__(None, None, None)
    env: Any = app.env
    env.academic_bib_reread = bibdata.cite_domain(app.env).data.get("bibdata") is not before
    if env.academic_bib_reread:
        paths = bibdata.bibfile_paths(app.env)
        env.academic_bib_problems = [_located(error, paths) for error in errors]
    for message, path, line in getattr(env, "academic_bib_problems", []):
        warn_at(message, "bibtex", path, line)


def _located(error: Exception, bibfiles: list[Path]) -> tuple[str, Path, int | None]:
    """(message, file, line) for one captured pybtex error."""
    filename = str(getattr(error, "filename", "") or "")
    path = Path(filename).resolve() if filename else bibfiles[0]
    repeated = _REPEATED.search(str(error))
    if repeated:
        key = repeated.group(1)
        found = [(p, line) for p in bibfiles for line in bibdata.entry_lines(p, key)]
        where, line = found[-1] if found else (path, None)
        message = (
            f"duplicate key {key!r}: another entry already uses it, and only the first is "
            "kept; rename or delete one"
        )
        return message, where, line
    lineno = int(getattr(error, "lineno", 0) or 0)
    message = str(error).replace(f"in line {lineno}: ", "")
    culprit = bibdata.entry_before(path, lineno) if lineno else None
    hint = (
        f" in or after entry {culprit[0]!r} (line {culprit[1]}): look for an unbalanced brace "
        "or a missing comma or quote there"
        if culprit
        else ": look for an unbalanced brace or a missing comma or quote"
    )
    return f"BibTeX {message}{hint}; the other entries are still used", path, lineno or None
