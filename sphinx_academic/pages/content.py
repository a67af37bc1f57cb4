"""What a publication's page holds: its body and its head tags, as HTML from the record.

The body shows the entry whole (title as the page's ``<h1>``, every author with the owner
highlighted and co-authors linked, venue, date, summary, link buttons, preview image,
award), its abstract, how to cite it (APA and IEEE, :mod:`..publications.cite_as`) and its
BibTeX with a one-entry ``.bib`` to download; a link leads back to its list. The head holds
the meta description, Google Scholar's ``citation_*`` tags, Dublin Core, OpenGraph's article
and a schema.org ``ScholarlyArticle`` (:mod:`..publications.meta`). Every value is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..bib.records import PublicationRecord
from ..escaping import encode, json_ld
from ..publications.display import PageDisplay
from ..publications.html import (
    award_html,
    legend_html,
    links_html,
    names_html,
    venue_html,
)
from ..publications.meta import (
    PageAddress,
    article_data,
    dublin_core_tags,
    head_tags,
    highwire_tags,
    opengraph_tags,
)

BACK_TEXT = "All publications"
BIB_TEXT = "Download .bib"


@dataclass(frozen=True, slots=True)
class PageLinks:
    """Where a page's own links lead, relative to it."""

    back: str  #: the entry in its list
    bib: str  #: the one-entry ``.bib``
    bib_name: str  #: the name a browser saves it under


def preview_html(shown: PageDisplay) -> str:
    preview = shown.entry.preview
    if preview is None:
        return ""
    src = encode(preview.href(shown.entry.root))
    return f'<img class="academic-page-preview" src="{src}" alt="" />\n'


def section(section_id: str, heading: str, content: str) -> str:
    return f'<section id="{section_id}">\n<h2>{heading}</h2>\n{content}</section>\n'


def body_html(shown: PageDisplay, links: PageLinks) -> str:
    entry = shown.entry
    out = [
        '<section class="academic-page" id="publication">\n',
        f"<h1>{encode(entry.title)}</h1>\n",
        '<p class="academic-page-back"><a class="reference internal" '
        f'href="{encode(links.back)}">{BACK_TEXT}</a></p>\n',
        preview_html(shown),
    ]
    names = (*entry.authors.shown, *entry.authors.hidden)
    if names:
        out.append(f'<p class="academic-pub-authors">{names_html(names)}</p>\n')
    out.append(legend_html(shown.legend))
    venue = venue_html(entry)
    if venue:
        out.append(f'<p class="academic-pub-venue">{venue}</p>\n')
    if shown.show_date:
        out.append(
            f'<p class="academic-page-date">Published <time datetime="{shown.date_iso}">'
            f"{encode(shown.date)}</time></p>\n"
        )
    out.append(award_html(entry))
    if entry.summary:
        out.append(f'<p class="academic-pub-summary">{encode(entry.summary)}</p>\n')
    if entry.links:
        out.append(f'<p class="academic-links">{links_html(entry.links, entry.root)}</p>\n')
    if entry.abstract:
        out.append(section("abstract", "Abstract", f"<p>{encode(entry.abstract)}</p>\n"))
    styles = "".join(
        f"<dt>{encode(style)}</dt>\n<dd>{encode(text)}</dd>\n" for style, text in shown.cite_as
    )
    out.append(section("cite-as", "Cite as", f'<dl class="academic-cite-as">\n{styles}</dl>\n'))
    download = (
        f'<p class="academic-links"><a class="academic-link reference external" '
        f'href="{encode(links.bib)}" download="{encode(links.bib_name)}" '
        f'type="application/x-bibtex">{BIB_TEXT}</a></p>\n'
    )
    bibtex = f'<pre class="academic-bibtex-source">{encode(entry.bibtex)}</pre>\n{download}'
    out.append(section("bibtex", "BibTeX", bibtex))
    out.append("</section>\n")
    return "".join(out)


def head_html(
    record: PublicationRecord, shown: PageDisplay, address: PageAddress, site_name: str
) -> str:
    """The page's own tags for the head: description, the index tags, JSON-LD."""
    tags = [("description", shown.description)]
    tags += highwire_tags(record, address)
    tags += dublin_core_tags(record)
    tags += opengraph_tags(record, address, shown.description, site_name)
    lines = [
        f'<meta {attribute}="{encode(name)}" content="{encode(content)}" />'
        for attribute, name, content in head_tags(tags)
    ]
    article = {
        "@context": "https://schema.org",
        **article_data(record, address.root, page=address, description=shown.description),
    }
    lines.append(json_ld(article))
    return "\n" + "\n".join(lines) + "\n"
