"""What indexes read of a publication, from its record: Highwire Press ``citation_*`` tags
(Google Scholar's), their Dublin Core equivalents, OpenGraph's article tags and a schema.org
``ScholarlyArticle``.

Google Scholar indexes a paper from a page of its own that carries ``citation_title``, one
``citation_author`` per author in order, ``citation_publication_date`` and the full text or
a PDF link (its inclusion guidelines); the rest of the tags help it file the paper right.
Every value is plain text from the record; the page writes it escaped. Addresses are
absolute when the site's address (``html_baseurl``) is known, else relative to the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..bib.links import arxiv_url, doi_url
from ..bib.records import Author, Link, PublicationRecord
from ..bib.venues import BOOK, JOURNAL, PROCEEDINGS
from .display import iso_date

Tag = tuple[str, str]  #: (name or property, content)

#: Authors named in the tags and the ``ScholarlyArticle``, in order: every author of all but
#: the largest collaborations; the bound keeps a page's head small whatever a bib file holds.
MAX_AUTHORS = 1000
#: The Highwire tag that names each kind of container.
CONTAINER_TAGS = {
    JOURNAL: "citation_journal_title",
    PROCEEDINGS: "citation_conference_title",
    BOOK: "citation_inbook_title",
}


@dataclass(frozen=True, slots=True)
class PageAddress:
    """Where a page is, for the addresses its metadata gives."""

    url: str  #: the page's own address (absolute with a site address, else relative to itself)
    root: str = ""  #: the path from the page to the site's root ("../")
    base: str = ""  #: the site's address, ending in "/" ("" when unknown)

    @property
    def absolute(self) -> bool:
        return bool(self.base)

    def of(self, link: Link) -> str:
        """A link's address as this page gives it: a local file under the site's address."""
        if link.local:
            return self.base + link.url if self.base else self.root + link.url
        return link.url


def citation_name(author: Author) -> str:
    """ "Family, Given" as Google Scholar's examples write names (an organisation as it is)."""
    family = " ".join(p for p in (author.particle, author.family) if p)
    if not family:
        return author.name
    name = f"{family}, {author.given}" if author.given else family
    return f"{name}, {author.suffix}" if author.suffix else name


def named_authors(record: PublicationRecord) -> list[Author]:
    """The authors (not BibTeX's "others"), at most :data:`MAX_AUTHORS` of them."""
    return [a for a in record.authors if not a.is_others][:MAX_AUTHORS]


def pdf_url(record: PublicationRecord, address: PageAddress) -> str:
    """The full text: a local PDF (``academic_file_dirs``) first, else the arXiv PDF, else a
    ``pdf`` link elsewhere."""
    pdfs = [link for link in record.links if link.field == "pdf"]
    local = next((link for link in pdfs if link.local), None)
    if local is not None:
        return address.of(local)
    if record.arxiv_id:
        return f"https://arxiv.org/pdf/{record.arxiv_id}"
    return pdfs[0].url if pdfs else ""


def pages_range(record: PublicationRecord) -> tuple[str, str]:
    """(first page, last page) of the pages as shown, "15725" to "15738" (the last may
    be "")."""
    first, _, last = record.pages.partition("\u2013")
    return first.strip(), last.strip()


def highwire_tags(record: PublicationRecord, address: PageAddress) -> list[Tag]:
    """Google Scholar's ``citation_*`` tags, in the order its guidelines list them."""
    tags: list[Tag] = [("citation_title", record.title)]
    tags += [("citation_author", citation_name(a)) for a in named_authors(record)]
    if record.year:
        tags.append(("citation_publication_date", iso_date(record).replace("-", "/")))
    if record.container_kind in CONTAINER_TAGS and record.container:
        tags.append((CONTAINER_TAGS[record.container_kind], record.container))
    first, last = pages_range(record)
    for name, value in (
        ("citation_volume", record.volume),
        ("citation_issue", record.number if record.container_kind == JOURNAL else ""),
        ("citation_firstpage", first),
        ("citation_lastpage", last),
        ("citation_publisher", record.publisher),
        ("citation_doi", record.doi),
        ("citation_arxiv_id", record.arxiv_id),
        ("citation_pdf_url", pdf_url(record, address)),
        ("citation_abstract_html_url", address.url),
    ):
        if value:
            tags.append((name, value))
    return tags


def dublin_core_tags(record: PublicationRecord) -> list[Tag]:
    """The Dublin Core equivalents (Google Scholar's last resort, read by other indexes)."""
    tags: list[Tag] = [("DC.title", record.title)]
    tags += [("DC.creator", citation_name(a)) for a in named_authors(record)]
    if record.year:
        tags.append(("DC.issued", iso_date(record)))
    if record.container:
        tags.append(("DC.relation.ispartof", record.container))
    if record.publisher:
        tags.append(("DC.publisher", record.publisher))
    if record.doi:
        tags.append(("DC.identifier", f"doi:{record.doi}"))
    return tags


def opengraph_tags(
    record: PublicationRecord, address: PageAddress, description: str, site_name: str
) -> list[Tag]:
    """OpenGraph's article: link previews name the paper, not the site."""
    tags: list[Tag] = [("og:title", record.title), ("og:type", "article")]
    if address.absolute:
        tags.append(("og:url", address.url))
    if site_name:
        tags.append(("og:site_name", site_name))
    if description:
        tags.append(("og:description", description))
    if record.preview is not None and (address.absolute or not record.preview.local):
        tags.append(("og:image", address.of(record.preview)))
    if record.year:
        tags.append(("article:published_time", iso_date(record)))
    return tags


def author_data(author: Author) -> dict[str, Any]:
    """A schema.org ``Person``: the name, and the co-author file's homepage and profiles."""
    data: dict[str, Any] = {"@type": "Person", "name": author.name}
    if author.given:
        data["givenName"] = author.given
    if author.family:
        data["familyName"] = " ".join(p for p in (author.particle, author.family) if p)
    if author.url:
        data["url"] = author.url
    if author.same_as:
        data["sameAs"] = list(author.same_as)
    return data


def identifiers(record: PublicationRecord) -> list[dict[str, str]]:
    found = []
    if record.doi:
        found.append({"@type": "PropertyValue", "propertyID": "DOI", "value": record.doi})
    if record.arxiv_id:
        found.append({"@type": "PropertyValue", "propertyID": "arXiv", "value": record.arxiv_id})
    return found


def article_data(
    record: PublicationRecord,
    root: str = "",
    page: PageAddress | None = None,
    description: str = "",
) -> dict[str, Any]:
    """A schema.org ``ScholarlyArticle``. With the entry's ``page``, that page is its ``url``
    and its arXiv and DOI pages are ``sameAs``; without one (a list's entry), its first link
    is the ``url`` and the others are ``sameAs``."""
    data: dict[str, Any] = {
        "@type": "ScholarlyArticle",
        "headline": record.title,
        "name": record.title,
        "author": [author_data(a) for a in named_authors(record)],
    }
    if record.year:
        data["datePublished"] = iso_date(record)
    if record.container:
        kind = "Periodical" if record.container_kind == JOURNAL else "CreativeWork"
        data["isPartOf"] = {"@type": kind, "name": record.container}
    elif record.venue or record.arxiv_id:  # a preprint is part of arXiv
        data["isPartOf"] = {"@type": "CreativeWork", "name": record.venue or "arXiv"}
    if description or record.summary:
        data["description"] = description or record.summary
    if record.abstract:
        data["abstract"] = record.abstract
    found = identifiers(record)
    if found:
        data["identifier"] = found
    if page is not None:
        data["url"] = data["mainEntityOfPage"] = page.url
        same = [arxiv_url(record.arxiv_id)] if record.arxiv_id else []
        same += [doi_url(record.doi)] if record.doi else []
        if same:
            data["sameAs"] = same
        return data
    if record.primary_link:
        data["url"] = record.primary_link.href(root)
    others = [link.href(root) for link in record.links if link is not record.primary_link]
    if others:
        data["sameAs"] = others
    return data


def head_tags(
    tags: Sequence[Tag],
) -> list[tuple[str, str, str]]:
    """(attribute, name, content): OpenGraph's ``og:``/``article:`` tags are ``property``
    tags, the others ``name`` tags."""
    return [
        ("property" if name.startswith(("og:", "article:")) else "name", name, content)
        for name, content in tags
    ]
