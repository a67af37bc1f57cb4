"""The one adapter to sphinxcontrib-bibtex, through what it offers publicly.

What it offers and what is used:
- its documented domain data (``BibtexDomain.bibdata``, ``citations``, ``citation_refs``,
  ``get_entries``), read only: the parsed entries, and where ``{cite}`` links to;
- its ``bibliography`` directive (``BibliographyDirective``), run with the keys a list shows
  as content and ``:filter: False``, so that the entries of a citable list are its citation
  targets exactly as if the user had written that directive;
- the pybtex plugin registry, for the ``academic`` style (:mod:`.style`).

Where its public surface cannot do something, this module does it and says so:
- sphinxcontrib-bibtex parses ``bibtex_bibfiles`` at ``builder-inited`` (priority 500) with
  pybtex in strict mode, where one malformed entry stops the build. :func:`check_bib_files`
  runs just before it (priority 400) and, when a file has problems, points
  ``bibtex_bibfiles`` at a checked copy that holds only the entries that parse
  (:mod:`.syntax`); warnings name the original file and line.
- In LaTeX, ``{cite}`` links to ``\\hyperlink{cite.DOC:ID}``, the anchor hyperref gives a
  ``\\bibitem``; its documented targets are ``citation`` nodes, which Sphinx's LaTeX writer
  moves into one bibliography at the end of the document. To keep a list where the page puts
  it, :func:`latex_citation_anchor` writes that anchor itself.
- Its filter expressions are evaluated by the extension's own evaluator (:mod:`.filters`),
  which bounds regular-expression time; sphinxcontrib-bibtex's evaluator is private.
- Its parsed entries are kept in the environment, which ``sphinx-build SRC OUT`` writes inside
  the output (``OUT/.doctrees``), where a site is published from. Fields that hold paths on the
  owner's machine (Zotero's and JabRef's ``file``, BibDesk's ``bdsk-file-N``) are the one thing
  changed in its data: :func:`drop_local_paths` removes them right after it parses, before
  anything is pickled. Nothing reads them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from docutils import nodes
from docutils.statemachine import StringList
from sphinxcontrib.bibtex.directives import BibliographyDirective

from ..files import file_stamp

if TYPE_CHECKING:
    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.docutils import SphinxDirective
    from sphinxcontrib.bibtex.domain import BibtexDomain

    from .syntax import BibProblem

#: The folder of the doctree directory that holds checked copies of broken bib files.
CHECKED_DIR = "academic-bib"
#: Fields that hold paths on the owner's machine: never kept (see the module docstring).
LOCAL_PATH_FIELDS = ("file", "local-url")
LOCAL_PATH_PREFIXES = ("bdsk-file-",)


@dataclass(frozen=True, slots=True)
class BibFileState:
    """What the check of one bib file found; kept until the file changes."""

    stamp: tuple[int, int] | None  #: (mtime in ns, size); None when the file is missing
    problems: tuple[BibProblem, ...]
    entry_lines: Mapping[str, int]  #: key (casefolded) -> line of its ``@``
    checked_copy: str | None  #: file name (in the doctree dir) of the copy to parse instead


def cite_domain(env: BuildEnvironment) -> BibtexDomain:
    return cast("BibtexDomain", env.get_domain("cite"))


def bib_entries(env: BuildEnvironment) -> Mapping[str, Entry]:
    """Every parsed entry of every file in ``bibtex_bibfiles``, in file order."""
    return cast("Mapping[str, Entry]", cite_domain(env).bibdata.data.entries)


def bibfile_paths(env: BuildEnvironment) -> list[Path]:
    """The files sphinxcontrib-bibtex parsed (checked copies where a file has problems)."""
    return list(cite_domain(env).bibdata.bibfiles)


def bibdata_stamp(env: BuildEnvironment) -> tuple[tuple[str, float], ...]:
    """Changes whenever sphinxcontrib-bibtex parses its files anew."""
    return tuple((str(p), f.mtime) for p, f in cite_domain(env).bibdata.bibfiles.items())


def drop_local_paths(env: BuildEnvironment) -> None:
    """Remove the fields that hold local paths from the parsed entries (module docstring)."""
    for entry in bib_entries(env).values():
        private = [
            name
            for name in entry.fields
            if name.lower() in LOCAL_PATH_FIELDS or name.lower().startswith(LOCAL_PATH_PREFIXES)
        ]
        for name in private:
            del entry.fields[name]


def entries_of(env: BuildEnvironment, bibfiles: Iterable[Path]) -> Iterator[Entry]:
    """Entries of the given parsed bib files, in file order."""
    return iter(cite_domain(env).get_entries(list(bibfiles)))


def register_citable_list(
    directive: SphinxDirective, keys: list[str], every_entry: bool, style: str
) -> str:
    """Make ``keys`` the entries of a sphinxcontrib-bibtex bibliography on this page, so that
    ``{cite}`` links to them; return its id, which :func:`citation_ids` takes.

    A list of every entry is ``:filter: True``; another lists its keys as the directive's
    content with ``:filter: False`` (sphinxcontrib-bibtex looks each key up in a list, so
    listing all 5,000 keys of a large file would cost it seconds on every build).
    """
    options = {"filter": "True" if every_entry else "False", "list": "citation", "style": style}
    content = [] if every_entry else keys
    bibliography = BibliographyDirective(
        "bibliography",
        [],
        options,
        StringList(content, source=directive.get_source_info()[0] or ""),
        directive.lineno,
        directive.content_offset,
        "",
        directive.state,
        directive.state_machine,
    )
    node = bibliography.run()[-1]
    assert isinstance(node, nodes.Element)
    return str(node["ids"][0])


def citation_ids(env: BuildEnvironment, docname: str, bibliography_id: str) -> dict[str, str]:
    """Key -> the id ``{cite}`` links to, for the entries of one list."""
    return {
        citation.key: citation.citation_id
        for citation in cite_domain(env).citations
        if citation.bibliography_key.docname == docname
        and citation.bibliography_key.id_ == bibliography_id
    }


def citing_docnames(env: BuildEnvironment, keys: set[str] | None = None) -> set[str]:
    """Documents with a ``{cite}`` of any of ``keys`` (of any key when ``keys`` is None)."""
    return {
        ref.docname
        for ref in cite_domain(env).citation_refs
        if keys is None or any(target.key in keys for target in ref.targets)
    }


def latex_citation_anchor(docname: str, citation_id: str) -> str:
    """The anchor sphinxcontrib-bibtex's LaTeX ``{cite}`` links to (see the module docstring)."""
    return f"\\hypertarget{{cite.{docname}:{citation_id}}}{{}}%\n"


def configured_bibfiles(app: Sphinx) -> list[Path]:
    """``bibtex_bibfiles`` as sphinxcontrib-bibtex resolves them: against the conf dir."""
    files = app.config.bibtex_bibfiles or []
    return [(Path(app.confdir) / file).resolve() for file in files if isinstance(file, str)]


def _check(path: Path, encoding: str) -> tuple[BibFileState, str | None]:
    """Check one bib file: its state, and the text to parse instead of it (if any)."""
    from .syntax import BibProblem, check_bibtex  # only when a file changed

    stamp = file_stamp(path)
    if stamp is None or not path.is_file():
        return BibFileState(stamp, (), {}, None), None
    try:
        data = path.read_bytes()
    except OSError as err:
        problem = BibProblem(f"cannot read the file: {err.strerror}", None, None)
        return BibFileState(stamp, (problem,), {}, None), None
    checked = check_bibtex(data, encoding or "utf-8-sig")
    lines = dict(checked.entry_lines)  # kept in the environment: a plain, picklable dict
    if checked.clean_text is None:
        return BibFileState(stamp, checked.problems, lines, None), None
    digest = hashlib.blake2b(checked.clean_text.encode(), digest_size=8).hexdigest()
    copy = f"{path.stem}-{digest}.bib"
    return BibFileState(stamp, checked.problems, lines, copy), checked.clean_text


def check_bib_files(app: Sphinx, known: Mapping[str, BibFileState]) -> dict[str, BibFileState]:
    """Check every bib file that changed since ``known``; where one has problems, point
    ``bibtex_bibfiles`` at a checked copy. Runs at ``builder-inited`` before
    sphinxcontrib-bibtex parses the files (see the module docstring)."""
    encoding = app.config.bibtex_encoding or "utf-8-sig"
    folder = Path(app.doctreedir) / CHECKED_DIR
    states: dict[str, BibFileState] = {}
    parsed: list[str] = []
    for path in configured_bibfiles(app):
        state, text = known.get(str(path)), None
        if state is None or state.stamp != file_stamp(path):
            state, text = _check(path, encoding)
        states[str(path)] = state
        if state.checked_copy is None:
            parsed.append(str(path))
            continue
        copy = folder / state.checked_copy
        if not copy.is_file():
            if text is None:
                state, text = _check(path, encoding)
                states[str(path)] = state
            folder.mkdir(parents=True, exist_ok=True)
            (folder / str(state.checked_copy)).write_text(text or "", encoding=encoding)
        parsed.append(str(folder / str(state.checked_copy)))
    if any(state.checked_copy for state in states.values()):
        app.config.bibtex_bibfiles = parsed
    return states


def original_of(parsed: Path, states: Mapping[str, BibFileState]) -> Path:
    """The bib file the user wrote, for a file sphinxcontrib-bibtex parsed."""
    for original, state in states.items():
        if state.checked_copy and parsed.name == state.checked_copy:
            return Path(original)
    return parsed
