"""What kind of work an entry is, and its tags: what a publication list can be filtered by.

The kind comes from the entry type and the venue the entry shows, in this order:

1. ``@patent`` is a patent; ``@phdthesis``, ``@mastersthesis`` and ``@thesis`` a thesis.
2. A venue that says so is a preprint ("Preprint", "arXiv", "under review", "submitted" …):
   the owner's own ``venue_label`` wins over the entry type.
3. A venue or ``howpublished`` naming a talk ("invited talk", "keynote", "seminar" …) is a talk.
4. ``@article`` is a journal article, ``@inproceedings``/``@conference``/``@proceedings`` a
   conference paper.
5. Any other type (``@misc``, ``@online``, ``@unpublished`` …) by its venue: a conference
   ("Proceedings", "Workshop", or a well-known acronym such as ICML), a journal ("Journal",
   "Transactions"); with an arXiv id or ``eprint`` and no venue, a preprint; else other.

Tags are the entry's ``keywords`` (BibLaTeX's field, which al-folio's keyword filter also
reads), split at commas or semicolons. Zotero's automatic arXiv subject tags ("Computer
Science - Machine Learning") are left out: they are arXiv's categories, not the owner's topics.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .latex import latex_to_text

#: Kinds in the order a filter offers them, with their labels.
KINDS: Mapping[str, str] = {
    "journal": "Journal",
    "conference": "Conference",
    "preprint": "Preprint",
    "patent": "Patent",
    "thesis": "Thesis",
    "talk": "Talk",
    "other": "Other",
}
THESIS_TYPES = frozenset({"phdthesis", "mastersthesis", "thesis"})
CONFERENCE_TYPES = frozenset({"inproceedings", "conference", "proceedings"})
_PREPRINT = re.compile(
    r"\b(pre-?prints?|arxiv|biorxiv|medrxiv|chemrxiv|ssrn|corr|under review|"
    r"under submission|in submission|submitted|in preparation|working paper)\b",
    re.IGNORECASE,
)
_TALK = re.compile(
    r"\b(talks?|keynotes?|seminars?|colloqui(um|a)|lectures?|webinars?|presentations?|"
    r"panels?|tutorials?)\b",
    re.IGNORECASE,
)
_JOURNAL = re.compile(r"\b(journal|transactions|letters|review)\b", re.IGNORECASE)
_CONFERENCE = re.compile(
    r"\b(proceedings|conference|symposium|workshop|congress|"
    r"neurips|nips|icml|iclr|aistats|uai|colt|aaai|ijcai|kdd|www|sigir|wsdm|recsys|"
    r"acl|emnlp|naacl|eacl|coling|colm|cvpr|iccv|eccv|wacv|bmvc|icassp|interspeech|"
    r"mlsys|osdi|sosp|nsdi|eurosys|asplos|isca|micro|sigmod|vldb|icde|chi|uist|"
    r"icra|iros|rss|corl|miccai|isbi|fse|icse|pldi|popl)\b",
    re.IGNORECASE,
)
_TAG_SEPARATOR = re.compile(r"[,;]")
#: Zotero's arXiv translator tags an item with its arXiv subjects, as "Archive - Subject".
_ARXIV_SUBJECT = re.compile(
    r"^(Computer Science|Mathematics|Statistics|Physics|Astrophysics|Condensed Matter|"
    r"High Energy Physics|Nonlinear Sciences|Quantitative Biology|Quantitative Finance|"
    r"Economics|Electrical Engineering and Systems Science) - \S"
)


def kind_of(entry_type: str, fields: Mapping[str, str], venue: str) -> str:
    """The entry's kind (a key of :data:`KINDS`); ``fields`` have lower-case names."""
    entry_type = entry_type.lower()
    if entry_type == "patent":
        return "patent"
    if entry_type in THESIS_TYPES:
        return "thesis"
    howpublished = latex_to_text(fields.get("howpublished", ""))
    said = f"{venue} {howpublished}"
    if _PREPRINT.search(venue):
        return "preprint"
    if _TALK.search(said):
        return "talk"
    if entry_type == "article":
        return "journal"
    if entry_type in CONFERENCE_TYPES:
        return "conference"
    if _CONFERENCE.search(venue):
        return "conference"
    if _JOURNAL.search(venue):
        return "journal"
    if not venue.strip() and (fields.get("arxiv") or fields.get("eprint")):
        return "preprint"
    if entry_type == "unpublished" or _PREPRINT.search(howpublished):
        return "preprint"
    return "other"


def tags_of(fields: Mapping[str, str]) -> tuple[str, ...]:
    """The entry's keywords, as written, each once, in order (arXiv subject tags left out)."""
    text = latex_to_text(fields.get("keywords", ""))
    tags = (" ".join(t.split()) for t in _TAG_SEPARATOR.split(text))
    return tuple(dict.fromkeys(t for t in tags if t and not _ARXIV_SUBJECT.match(t)))


def classify(entry_type: str, fields: Mapping[str, str], venue: str) -> tuple[str, tuple[str, ...]]:
    """(kind, tags) of an entry: what :class:`~.records.PublicationRecord` keeps of it."""
    return kind_of(entry_type, fields, venue), tags_of(fields)
