"""An entry as a reference in two common styles, APA (7th edition) and IEEE, as plain text.

A publication's page shows these under "Cite as" so that a reader can copy a reference
without a reference manager. They are written from the record (names' parts, container,
volume, pages, DOI), owner-neutral: no highlight, no role marks. Titles keep the case the
bib file gives them (neither style's case rules can be applied to arbitrary titles safely).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..bib.links import arxiv_url, doi_url
from ..bib.records import Author, PublicationRecord
from ..bib.venues import JOURNAL
from .plain import sentence

#: APA lists up to 20 authors; past that, the first 19, an ellipsis and the last one.
APA_MAX_AUTHORS = 20
#: IEEE lists up to 6 authors; past that, the first one and "et al.".
IEEE_MAX_AUTHORS = 6
IEEE_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.",
               "Nov.", "Dec.")  # fmt: skip


def initials(given: str) -> str:
    """ "Ada Augusta" -> "A. A."; "Jean-Paul" -> "J.-P."; an initial stays one."""
    words = []
    for word in given.split():
        parts = [p for p in word.split("-") if p]
        words.append("-".join(f"{p[0]}." for p in parts))
    return " ".join(words)


def _family(author: Author) -> str:
    return " ".join(p for p in (author.particle, author.family or author.name) if p)


def _apa_name(author: Author) -> str:
    """ "Lovelace, A. A." (an organisation's name as it is)."""
    name = _family(author)
    if author.given:
        name += f", {initials(author.given)}"
    if author.suffix:
        name += f", {author.suffix}"
    return name


def _ieee_name(author: Author) -> str:
    """ "A. A. Lovelace"."""
    name = " ".join(p for p in (initials(author.given), _family(author)) if p)
    return f"{name}, {author.suffix}" if author.suffix else name


def _named(authors: Sequence[Author]) -> tuple[list[Author], bool]:
    """The named authors, and whether the list ends in "and others"."""
    return [a for a in authors if not a.is_others], any(a.is_others for a in authors)


def apa_authors(authors: Sequence[Author]) -> str:
    named, others = _named(authors)
    names = [_apa_name(a) for a in named]
    if others:
        return ", ".join([*names, "et al."])
    if len(names) > APA_MAX_AUTHORS:
        return ", ".join(names[: APA_MAX_AUTHORS - 1]) + ", . . . " + names[-1]
    if len(names) > 1:
        return ", ".join(names[:-1]) + ", & " + names[-1]
    return names[0] if names else ""


def ieee_authors(authors: Sequence[Author]) -> str:
    named, others = _named(authors)
    names = [_ieee_name(a) for a in named]
    if not names:
        return ""
    if others or len(names) > IEEE_MAX_AUTHORS:
        return f"{names[0]} et al."
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _link(record: PublicationRecord) -> str:
    """The address a reference ends with: the DOI, else the arXiv page."""
    if record.doi:
        return doi_url(record.doi)
    return arxiv_url(record.arxiv_id) if record.arxiv_id else ""


def _arxiv_venue(record: PublicationRecord) -> str:
    return f"arXiv preprint arXiv:{record.arxiv_id}"


def apa(record: PublicationRecord) -> str:
    """APA 7: Authors (Year). Title. Source. https://doi.org/…"""
    parts = []
    authors = apa_authors(record.authors)
    if authors:
        parts.append(authors if authors.endswith(".") else authors + ".")
    parts.append(f"({record.year or 'n.d.'}).")
    parts.append(sentence(record.title))
    if record.container_kind == JOURNAL:
        source = record.container
        if record.volume:
            source += f", {record.volume}"
            if record.number:
                source += f"({record.number})"
        if record.pages:
            source += f", {record.pages}"
        parts.append(sentence(source))
    elif record.container:
        pages = f" (pp. {record.pages})" if record.pages else ""
        parts.append(sentence(f"In {record.container}{pages}"))
        if record.publisher:
            parts.append(sentence(record.publisher))
    elif record.arxiv_id:
        parts.append(sentence(_arxiv_venue(record)))
    elif record.venue:
        parts.append(sentence(record.venue))
    link = _link(record)
    if link:
        parts.append(link)
    return " ".join(parts)


def ieee(record: PublicationRecord) -> str:
    """IEEE: A. Author, B. Author, and C. Author, "Title," Source, vol., no., pp., Year."""
    authors = ieee_authors(record.authors)
    lead = f"{authors}, " if authors else ""
    details: list[str] = []
    if record.container_kind == JOURNAL:
        details.append(record.container)
        if record.volume:
            details.append(f"vol. {record.volume}")
        if record.number:
            details.append(f"no. {record.number}")
        if record.pages:
            details.append(f"pp. {record.pages}")
        when = " ".join(p for p in (_ieee_month(record), record.year) if p)
        if when:
            details.append(when)
    else:
        if record.container:
            details.append(f"in {record.container}")
        elif record.arxiv_id:
            details.append(_arxiv_venue(record))
        elif record.venue:
            details.append(record.venue)
        if record.year:
            details.append(record.year)
        if record.container and record.pages:
            details.append(f"pp. {record.pages}")
    if record.doi:
        details.append(f"doi: {record.doi}")
    if not details:
        return sentence(f'{lead}"{record.title}"')
    return sentence(f'{lead}"{record.title}," ' + ", ".join(details))


def _ieee_month(record: PublicationRecord) -> str:
    return IEEE_MONTHS[record.month - 1] if record.month and record.year else ""


#: The styles a publication's page shows, in order: (name, formatter).
CITE_STYLES: tuple[tuple[str, Callable[[PublicationRecord], str]], ...] = (
    ("APA", apa),
    ("IEEE", ieee),
)


def cite_as(record: PublicationRecord) -> tuple[tuple[str, str], ...]:
    """(style, reference) for every style of :data:`CITE_STYLES`."""
    return tuple((name, style(record)) for name, style in CITE_STYLES)
