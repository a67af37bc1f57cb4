"""CV files read into the one :class:`~..model.CV` model, by one reader per format.

The format is recognised by content: a top-level ``cv`` mapping is RenderCV
(:mod:`.rendercv`); JSON Resume's properties (``basics``, ``work`` …) are JSON Resume
(:mod:`.jsonresume`, also al-folio's ``assets/json/resume.json``); a list of sections is
al-folio's ``_data/cv.yml`` (:mod:`.alfolio`). Every file is loaded by
:func:`~...datafiles.load_data_file` (size, depth and alias limits; every value with its line).
"""

from __future__ import annotations

from pathlib import Path

from ..model import CV
from . import alfolio, jsonresume, rendercv
from .fields import Problems


class SourceError(ValueError):
    """The file cannot be used at all; ``line`` is where in the file, if known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line

    def __reduce__(self) -> tuple[type[SourceError], tuple[str, int | None]]:
        return type(self), (str(self), self.line)


def load_source(path: Path) -> CV:
    """Read a CV file; raises :class:`SourceError` if it cannot be used at all."""
    from ...datafiles import DataFileError, load_data_file  # only when a source changed

    try:
        root = load_data_file(path)
    except DataFileError as err:
        raise SourceError(f"CV source {path}: {err}", err.line) from None
    problems = Problems()
    for warning in root.warnings:
        problems.add(warning.message, warning.line)
    if alfolio.is_alfolio(root):
        cv = alfolio.read(root, problems)
    elif rendercv.is_rendercv(root):
        cv = rendercv.read(root, problems)
    elif jsonresume.is_json_resume(root):
        cv = jsonresume.read(root, problems)
    else:
        raise SourceError(
            f"CV source {path} is none of the formats read here: RenderCV (a 'cv' with "
            "'sections'), JSON Resume ('basics', 'work', 'education' …) or al-folio's cv.yml "
            "(a list of sections with title, type and contents)",
            1,
        )
    return CV(cv.format, cv.person, cv.sections, tuple(problems.items))


__all__ = ["CV", "SourceError", "load_source"]
