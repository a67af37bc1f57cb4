"""Located warnings: every message names its file and line, and has a subtype to silence it."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger("sphinx_academic")

Location = str | tuple[str | None, int | None] | nodes.Node


class Subtype(StrEnum):
    """The kinds of warning: ``suppress_warnings = ["academic.<value>"]`` silences one.

    Each member's description is shown in the user guide's troubleshooting page.
    """

    BIBTEX = "bibtex"
    PUBLICATIONS = "publications"
    CARD = "card"
    CV = "cv"
    DATE = "date"
    FILES = "files"
    PDF = "pdf"
    COAUTHORS = "coauthors"
    PAGES = "pages"
    PROFILE = "profile"
    NEWS = "news"

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]


_DESCRIPTIONS: dict[Subtype, str] = {
    Subtype.BIBTEX: "a bib file or one of its entries: syntax, missing title or year, an unsafe "
    "link",
    Subtype.PUBLICATIONS: "a publications directive: a bad filter, an unknown bib file, an "
    "empty list",
    Subtype.CARD: "a work-card: an unknown key, a missing title or alt text, a bad link",
    Subtype.CV: "a CV timeline or CV source file: unknown keys, a missing title, a file that "
    "cannot be read",
    Subtype.DATE: "a CV date that cannot be read, or a range that ends before it starts",
    Subtype.FILES: "a local file named by an entry, card or CV: missing, hidden, or outside its "
    "folder",
    Subtype.PDF: "the PDF of a page could not be made (a font that is not there, a Typst error)",
    Subtype.COAUTHORS: "the co-author file (academic_coauthors): missing, unreadable, unknown "
    "keys, a bad URL or ORCID iD",
    Subtype.PAGES: "a publication's page: its address taken by a document of the site",
    Subtype.PROFILE: "academic_person's photo (missing, outside the conf dir, not a picture), "
    "or a profile directive without academic_person",
    Subtype.NEWS: "a news directive or news file: an item without a date or text, unknown keys, "
    "Markdown it cannot show, an unsafe link",
}


def warn(message: str, subtype: Subtype, location: Location) -> None:
    """A warning at a place in a page (a node, ``"docname:line"`` or ``(docname, line)``)."""
    logger.warning(message, type="academic", subtype=str(subtype), location=location)


def warn_at(message: str, subtype: Subtype, path: Path | str, line: int | None) -> None:
    """A warning about a data file (bib file, CV source) rather than a page.

    Sphinx reads a location without ``:LINE`` as a docname (and appends ``.rst``), so a file
    whose line is unknown is named in the message instead.
    """
    if line:
        warn(message, subtype, f"{path}:{line}")
    else:
        logger.warning(f"{path}: {message}", type="academic", subtype=str(subtype))
