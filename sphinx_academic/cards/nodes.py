"""Card nodes, what a card shows, and how each builder writes it.

A ``work_card`` is completed from the domain's records at ``doctree-resolved``
(:func:`resolve_cards`): its :class:`CardDisplay` says the title, venue and links. HTML
builders lay cards out in sphinx-design's responsive grid (``sd-row`` / ``sd-col``); every
other builder gets a bullet list of cards from standard nodes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.errors import NoUri

from ..bib.records import Link, PublicationRecord
from ..config import AcademicConfig
from ..domain import AcademicDomain
from ..escaping import encode
from ..pages.plan import page_href
from ..publications.display import AuthorLine, EntryView, Legend, author_line, legend
from ..publications.html import authors_html, legend_html, links_html
from ..publications.lists import page_root
from ..publications.lowering import authors_nodes, legend_nodes, link_nodes
from ..visitors import add_node

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: sphinx-design's grid around the cards (its own ``grid`` directive's classes).
GRID_CLASSES = ("sd-container-fluid", "sd-sphinx-override", "sd-mb-4")
COLUMN_CLASSES = ("sd-col", "sd-d-flex-row")
DEFAULT_VIEW = EntryView()


class work_cards(nodes.General, nodes.Element):
    """A grid of cards; ``columns`` holds sphinx-design's row classes."""


class work_card(nodes.General, nodes.Element):
    """One card: options from the directive; children: an image (optional), then the body.

    Completed at write time: ``display`` is set and a :class:`card_header` follows the image.
    """


class card_header(nodes.Part, nodes.TextElement):
    """The card's title and venue; its text is what search reads."""


@dataclass(frozen=True, slots=True)
class CardDisplay:
    """What a card shows, from its bib entries and options."""

    title: str
    venue: str
    links: tuple[Link, ...]
    tags: tuple[str, ...]
    entry_href: str  #: the entry in the site's citable publication list ("" if none)
    root: str
    authors: AuthorLine | None = None  #: with ``:authors:``: the first entry's, as lists show
    legend: Legend = ()  #: what the authors' marks mean
    page: str = ""  #: the own page of its first entry that has one (:mod:`...pages`)

    @property
    def title_href(self) -> str:
        """The entry's own page, else the card's first link."""
        if self.page:
            return self.page
        return self.links[0].href(self.root) if self.links else ""


def card_display(
    card: work_card,
    records: Sequence[PublicationRecord],
    entry_href: str,
    root: str,
    view: EntryView = DEFAULT_VIEW,
) -> CardDisplay:
    """Options win over the bib entries; ``:links:`` replaces the entries' links; with
    ``:authors:`` the first entry's authors show as its list does (cut, marks, legend)."""
    first = records[0] if records else None
    authors: AuthorLine | None = None
    marks: Legend = ()
    if card.get("authors") and first is not None and first.authors:
        authors = author_line(first.authors, view.max_authors)
        marks = legend(first.authors, view)
    title = card["title"] or " and ".join(r.title for r in records)
    if card["venue"] is not None:
        venue = card["venue"]
    else:
        venue = first.venue_line(card["year"]) if first else (card["year"] or "")
    if card["links"]:
        links = tuple(Link("custom", label, url) for label, url in card["links"])
    else:
        seen: set[str] = set()
        found = []
        for record in records:
            for link in record.links:
                if link.url not in seen:
                    seen.add(link.url)
                    found.append(link)
        links = tuple(found)
    return CardDisplay(title, venue, links, tuple(card["tags"]), entry_href, root, authors, marks)


def resolve_cards(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Complete every card on the page from the domain's records."""
    cards = list(doctree.findall(work_card))
    if not cards:
        return
    domain = AcademicDomain.of(app.env)
    root = page_root(app.builder, docname)
    view = EntryView.from_config(AcademicConfig.from_config(app.config), root)
    for card in cards:
        records = [r for r in (domain.record(k) for k in card["keys"]) if r is not None]
        entry_href = ""
        for record in records:
            listed = domain.listed_at(record.key)
            if listed:
                try:
                    page = app.builder.get_relative_uri(docname, listed[0])
                except NoUri:
                    break
                entry_href = f"{page}#{listed[1]}"
                break
        shown = card_display(card, records, entry_href, root, view)
        page = next(filter(None, (page_href(app.builder, docname, r.key) for r in records)), "")
        shown = card["display"] = replace(shown, page=page)
        text = f"{shown.title} {shown.venue}".strip()
        images = [c for c in card.children if isinstance(c, nodes.image)]
        body = [
            part
            for child in card.children
            if not isinstance(child, nodes.image)
            for part in (child.children if isinstance(child, nodes.container) else [child])
        ]
        card[:] = [*images, card_header(text, text), *body]


# ------------------------------------------------------------------ HTML


def visit_cards_html(self: Any, node: work_cards) -> None:
    row = " ".join(["sd-row", *node["columns"], "sd-g-3", "academic-cards"])
    self.body.append(f'<div class="{" ".join(GRID_CLASSES)} docutils container">\n')
    self.body.append(f'<div class="{row} docutils container">\n')


def depart_cards_html(self: Any, node: work_cards) -> None:
    self.body.append("</div>\n</div>\n")


def visit_card_html(self: Any, node: work_card) -> None:
    self.body.append(f'<div class="{" ".join(COLUMN_CLASSES)} docutils container">\n')
    self.body.append('<div class="academic-card docutils container">\n')


def visit_card_header_html(self: Any, node: card_header) -> None:
    shown: CardDisplay = node.parent["display"]
    level = min(self.section_level + 1, 6)
    title = encode(shown.title)
    if shown.title_href:
        kind = "internal" if shown.page else "external"
        title = f'<a class="reference {kind}" href="{encode(shown.title_href)}">{title}</a>'
    self.body.append(f'<h{level} class="academic-card-title">{title}</h{level}>\n')
    if shown.authors:
        self.body.append(f'<p class="academic-card-authors">{authors_html(shown.authors)}</p>\n')
    if shown.venue:
        self.body.append(f'<p class="academic-card-venue">{encode(shown.venue)}</p>\n')
    raise nodes.SkipNode


def depart_card_html(self: Any, node: work_card) -> None:
    shown: CardDisplay = node["display"]
    links = links_html(shown.links, shown.root)
    if shown.entry_href:
        entry_link = (
            '<a class="academic-link academic-link-entry reference internal" '
            f'href="{encode(shown.entry_href)}">In publications</a>'
        )
        links = f"{links} {entry_link}" if links else entry_link
    if links:
        self.body.append(f'<p class="academic-links">{links}</p>\n')
    if shown.tags:
        tags = " ".join(f'<span class="academic-tag">{encode(t)}</span>' for t in shown.tags)
        self.body.append(f'<p class="academic-tags">{tags}</p>\n')
    self.body.append(legend_html(shown.legend))
    self.body.append("</div>\n</div>\n")


# ------------------------------------------------------------------ everything else


def _lowered(node: work_card, links_as_text: bool, with_image: bool) -> None:
    """The header as paragraphs, links and tags after the body."""
    shown: CardDisplay = node["display"]
    title: nodes.Node = nodes.Text(shown.title)
    if shown.title_href:
        title = nodes.reference(shown.title, shown.title, refuri=shown.title_href)
    header: list[nodes.Node] = [nodes.paragraph("", "", nodes.strong("", "", title))]
    if shown.authors:
        header.append(nodes.paragraph("", "", *authors_nodes(shown.authors, links_as_text)))
    if shown.venue:
        header.append(nodes.paragraph(shown.venue, shown.venue))
    parts: list[nodes.Node] = []
    for child in node.children:
        if isinstance(child, card_header):
            parts.extend(header)
        elif with_image or not isinstance(child, nodes.image):
            parts.append(child)
    if shown.links:
        parts.append(nodes.paragraph("", "", *link_nodes(shown.links, shown.root, links_as_text)))
    if shown.tags:
        parts.append(nodes.paragraph("", ", ".join(shown.tags)))
    parts.extend(legend_nodes(shown.legend, plain=links_as_text))
    node[:] = parts


def visit_cards_as_list(self: Any, node: work_cards) -> None:
    self.visit_bullet_list(node)


def depart_cards_as_list(self: Any, node: work_cards) -> None:
    self.depart_bullet_list(node)


def visit_card_latex(self: Any, node: work_card) -> None:
    _lowered(node, links_as_text=False, with_image=True)
    self.visit_list_item(node)


def visit_card_as_text(self: Any, node: work_card) -> None:
    """Text and man: no images, links as "label: URL"."""
    _lowered(node, links_as_text=True, with_image=False)
    self.visit_list_item(node)


def depart_card(self: Any, node: work_card) -> None:
    self.depart_list_item(node)


def setup_nodes(app: Sphinx) -> None:
    add_node(
        app,
        work_cards,
        html=(visit_cards_html, depart_cards_html),
        lowered=(visit_cards_as_list, depart_cards_as_list),
    )
    add_node(
        app,
        work_card,
        html=(visit_card_html, depart_card_html),
        lowered=(visit_card_latex, depart_card),
        as_text=(visit_card_as_text, depart_card),
    )
    app.add_node(card_header, html=(visit_card_header_html, None))
    app.connect("doctree-resolved", resolve_cards)
