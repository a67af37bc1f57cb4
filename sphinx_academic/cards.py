"""Highlighted-work cards: ``work-cards`` (a responsive grid) of ``work-card`` (one work).

A card names zero or more bib keys; at write time the title, venue, year and links come from
those entries (as parsed by sphinxcontrib-bibtex, never re-read), options override them, and the
card links to the entry in the site's citable publication list. The grid is sphinx-design's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode
from sphinx_design.grids import row_columns_option

from . import bibdata
from .markup import link_nodes
from .records import Link, PublicationRecord, record_store
from .shared import Flavour, builder_of, flavour_of, interleave, site_root, warn
from .urls import UnsafeURLError, checked_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

_LINK = re.compile(r"\s*([^<>,]+?)\s*<([^<>\s]+)>\s*,?")
DEFAULT_COLUMNS = "1 2 2 2"


class work_cards(nodes.General, nodes.Element):
    """A grid of cards; lowered to sphinx-design's grid (html) or a bullet list."""


class work_card(nodes.General, nodes.Element):
    """One card's options and parsed body; completed from refs.bib at write time."""


class card_heading(nodes.General, nodes.TextElement):
    """A card's title: an ``<h2>``-``<h6>`` one level below the enclosing section."""


def visit_card_heading(self: HTML5Translator, node: card_heading) -> None:
    level = min(self.section_level + 1, 6)
    self.body.append(self.starttag(node, f"h{level}", suffix=""))


def depart_card_heading(self: HTML5Translator, node: card_heading) -> None:
    level = min(self.section_level + 1, 6)
    self.body.append(f"</h{level}>\n")


def _columns(argument: str | None) -> list[str]:
    return list(row_columns_option(argument))


def parse_links(value: str) -> list[tuple[str, str]]:
    """``Label <url>, Label <url>`` → pairs; raises ValueError if something is left over."""
    pairs, position = [], 0
    for match in _LINK.finditer(value):
        if value[position : match.start()].strip(" ,"):
            break
        pairs.append((match.group(1), match.group(2)))
        position = match.end()
    if value[position:].strip(" ,"):
        raise ValueError(
            f"cannot read {value[position:].strip()!r}; write links as "
            "Label <https://...>, Label <https://...>"
        )
    return pairs


class WorkCardsDirective(SphinxDirective):
    """``work-cards``: lays out the ``work-card`` directives of its body as a grid."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"columns": _columns}

    def run(self) -> Sequence[nodes.Node]:
        node = work_cards(columns=self.options.get("columns", _columns(DEFAULT_COLUMNS)))
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        for child in node.children:
            if not isinstance(
                child, work_card | nodes.comment | nodes.target | nodes.system_message
            ):
                warn(
                    "work-cards holds only work-card directives; move other content outside it",
                    "card",
                    child,
                )
        return [node]


class WorkCardDirective(SphinxDirective):
    """``work-card [bibkey ...]``: one highlighted work; the body is its description."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "title": directives.unchanged_required,
        "venue": directives.unchanged,
        "year": directives.unchanged,
        "links": directives.unchanged,
        "image": directives.uri,
        "alt": directives.unchanged,
        "tags": directives.unchanged,
    }

    def run(self) -> Sequence[nodes.Node]:
        location = self.get_location()
        entries = bibdata.bib_entries(self.env)
        keys = []
        for key in self.arguments[0].split() if self.arguments else []:
            if key in entries:
                keys.append(key)
            else:
                warn(
                    f"work-card: no entry {key!r} in bibtex_bibfiles; check the key, or give "
                    ":title: and the other options instead",
                    "card",
                    location,
                )
        if keys:
            for path in bibdata.bibfile_paths(self.env):
                self.env.note_dependency(str(path))
        title = self.options.get("title", "").strip()
        if not keys and not title:
            warn("work-card: a card without a bib key needs a :title:", "card", location)
            title = "Untitled work"
        node = work_card(
            keys=keys,
            title=title,
            venue=self.options.get("venue"),
            year=self.options.get("year"),
            links=self._links(location),
            tags=[t.strip() for t in self.options.get("tags", "").split(",") if t.strip()],
        )
        self.set_source_info(node)
        image = self._image(location)
        if image:
            # Made at read time, so Sphinx's image collector records (and copies) it.
            node += nodes.image(
                uri=image, alt=self.options["alt"].strip(), classes=["academic-card-image"]
            )
        body = nodes.container(classes=["academic-card-body"])
        self.state.nested_parse(self.content, self.content_offset, body)
        node += body
        return [node]

    def _links(self, location: str) -> list[tuple[str, str]]:
        if "links" not in self.options:
            return []
        try:
            pairs = parse_links(self.options["links"])
        except ValueError as err:
            warn(f"work-card :links: {err}", "card", location)
            return []
        safe = []
        for label, url in pairs:
            try:
                safe.append((label, checked_url(url)))
            except UnsafeURLError as err:
                warn(f"work-card :links: {err}; the link was left out", "card", location)
        return safe

    def _image(self, location: str) -> str:
        image = self.options.get("image", "")
        if image and not self.options.get("alt", "").strip():
            warn(
                "work-card: :image: needs :alt: text that says what the image shows; "
                "the image was left out",
                "card",
                location,
            )
            return ""
        if image:
            try:
                checked_url(image)
            except UnsafeURLError as err:
                warn(f"work-card :image: {err}; the image was left out", "card", location)
                return ""
        return str(image)


class WorkCardTransform(SphinxPostTransform):
    """Complete each card from refs.bib and lay cards out for the builder at hand."""

    default_priority = 6

    def run(self, **kwargs: Any) -> None:
        flavour = flavour_of(self.env)
        store = record_store(self.env)
        entries = bibdata.bib_entries(self.env)
        for card in list(self.document.findall(work_card)):
            records = [store.record(entries[k]) for k in card["keys"] if k in entries]
            card.replace_self(self._card(card, records, flavour))
        for grid in list(self.document.findall(work_cards)):
            grid.replace_self(self._grid(grid, flavour))

    def _card(
        self, card: work_card, records: list[PublicationRecord], flavour: Flavour
    ) -> nodes.Element:
        first = records[0] if records else None
        title = card["title"] or " and ".join(r.title for r in records)
        if card["venue"] is not None:
            venue = card["venue"]
        else:
            venue = first.venue_line(card["year"]) if first else (card["year"] or "")
        links = _card_links(card, records)
        out = nodes.container(classes=["academic-card"])
        out.source, out.line = card.source, card.line
        image = next(iter(card.findall(nodes.image)), None)
        body = card.children[-1]
        if image is not None and flavour != "text":
            out += image
        root = site_root(self.env, self.env.docname)
        primary = links[0].href(root) if links else ""
        text = nodes.reference(title, title, refuri=primary) if primary else nodes.Text(title)
        if flavour == "html":
            out += card_heading("", "", text, classes=["academic-card-title"])
        else:
            out += nodes.paragraph("", "", nodes.strong("", "", text))
        if venue:
            out += nodes.paragraph(venue, venue, classes=["academic-card-venue"])
        out.extend(body.children)  # the description
        buttons = link_nodes(tuple(links), flavour, root)
        entry_link = self._entry_link(records, flavour)
        if entry_link is not None:
            buttons += [nodes.Text(" " if flavour == "html" else ", "), entry_link]
        if buttons:
            out += nodes.paragraph("", "", *buttons, classes=["academic-links"])
        if card["tags"]:
            tags = [nodes.inline(t, t, classes=["academic-tag"]) for t in card["tags"]]
            out += nodes.paragraph(
                "", "", *interleave(tags, nodes.Text(" ")), classes=["academic-tags"]
            )
        return out

    def _entry_link(self, records: list[PublicationRecord], flavour: Flavour) -> nodes.Node | None:
        """A link to the first card entry that the site's publication list shows."""
        if flavour != "html":
            return None
        for record in records:
            target = bibdata.citation_target(self.env, record.key)
            if target:
                docname, target_id = target
                label = nodes.Text("In publications")
                ref = make_refnode(
                    builder_of(self.env), self.env.docname, docname, target_id, label
                )
                ref["classes"] += ["academic-link", "academic-link-entry"]
                return ref
        return None

    def _grid(self, grid: work_cards, flavour: Flavour) -> nodes.Element:
        cards = [c for c in grid.children if isinstance(c, nodes.container)]
        if flavour != "html":
            return nodes.bullet_list(
                "", *[nodes.list_item("", *c.children) for c in cards], classes=["academic-cards"]
            )
        row = nodes.container(classes=["sd-row", *grid["columns"], "sd-g-3", "academic-cards"])
        for card in cards:
            row += nodes.container("", card, classes=["sd-col", "sd-d-flex-row"])
        return nodes.container(
            "", row, classes=["sd-container-fluid", "sd-sphinx-override", "sd-mb-4"]
        )


def _card_links(card: work_card, records: list[PublicationRecord]) -> list[Link]:
    """``:links:`` replaces the bib links; otherwise every entry's links, each URL once."""
    if card["links"]:
        return [Link("custom", label, url) for label, url in card["links"]]
    seen: set[str] = set()
    links = []
    for record in records:
        for link in record.links:
            if link.url not in seen:
                seen.add(link.url)
                links.append(link)
    return links


def setup_cards(app: Sphinx) -> None:
    app.add_node(work_cards)
    app.add_node(work_card)
    app.add_node(card_heading, html=(visit_card_heading, depart_card_heading))
    app.add_directive("work-cards", WorkCardsDirective)
    app.add_directive("work-card", WorkCardDirective)
    app.add_post_transform(WorkCardTransform)
