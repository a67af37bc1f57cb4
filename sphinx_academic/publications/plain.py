"""An entry as plain text: the author line, sentences, and the words the search index gets."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .display import AuthorLine, EntryDisplay


def authors_text(line: AuthorLine) -> str:
    """ "A, B, C, and 3 more authors": the same cut as the list's toggle."""
    names = ", ".join(a.name for a in line.shown)
    if line.hidden:
        names += f", and {line.hidden_note}"
    return names


def sentence(text: str) -> str:
    """The text ending in one full stop (or its own ?, ! or .)."""
    text = text.strip()
    return text if not text or text.endswith((".", "?", "!")) else text + "."


def search_text(entry: EntryDisplay) -> str:
    """The words a reader searches for: title, every author, venue, award, summary, abstract."""
    names = ", ".join(a.name for a in (*entry.authors.shown, *entry.authors.hidden))
    parts = (
        entry.title,
        names,
        entry.venue,
        entry.venue_note.plain,
        entry.award_name,
        entry.award.plain,
        entry.summary,
        entry.abstract,
    )
    return "\n".join(p for p in parts if p)
