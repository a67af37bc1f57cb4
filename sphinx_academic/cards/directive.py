"""The ``work-cards`` and ``work-card`` directives: highlighted works, read from bib keys.

A card names zero or more bib keys; at write time (:mod:`.nodes`) the title, venue, year and
links come from those entries' records, options override them, and the card links to the
entry in the site's citable publication list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective
from sphinx_design.grids import row_columns_option

from ..bib import adapter
from ..domain import AcademicDomain
from ..files import FileRefused, page_path, resolve_inside
from ..messages import Subtype, warn
from ..urls import UnsafeURLError, checked_url, has_scheme
from .nodes import setup_nodes, work_card, work_cards

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_NOT_IN_URL = re.compile(r"[\s<]")
DEFAULT_COLUMNS = "1 2 2 2"
COMPONENT = "cards"


def _columns(argument: str | None) -> list[str]:
    return list(row_columns_option(argument))


def parse_links(value: str) -> list[tuple[str, str]]:
    """``Label <url>, Label <url>`` → pairs; raises ValueError if something is left over.

    Read link by link up to each ``>``, in time linear in the value's length (a regular
    expression with a lazy label backtracks quadratically on a long value without ``<``).
    """
    pairs: list[tuple[str, str]] = []
    position = 0
    while True:
        while position < len(value) and (value[position] == "," or value[position].isspace()):
            position += 1
        if position == len(value):
            return pairs
        close = value.find(">", position)
        opening = value.find("<", position, close) if close != -1 else -1
        label = value[position:opening].strip() if opening != -1 else ""
        url = value[opening + 1 : close] if opening != -1 else ""
        if not label or "," in label or ">" in label or not url or _NOT_IN_URL.search(url):
            left = value[position:].strip()
            shown = left if len(left) <= 60 else left[:57] + "..."
            raise ValueError(
                f"cannot read {shown!r}; write links as Label <https://...>, Label <https://...>"
            )
        pairs.append((label, url))
        position = close + 1


class WorkCardsDirective(SphinxDirective):
    """``work-cards``: lays out the ``work-card`` directives of its body as a grid."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"columns": _columns}

    def run(self) -> Sequence[nodes.Node]:
        node = work_cards(columns=self.options.get("columns", _columns(DEFAULT_COLUMNS)))
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        messages = [c for c in node.children if isinstance(c, nodes.system_message)]
        for child in node.children:
            if not isinstance(
                child, work_card | nodes.comment | nodes.target | nodes.system_message
            ):
                warn(
                    "work-cards holds only work-card directives; move other content outside it",
                    Subtype.CARD,
                    child,
                )
        node[:] = [c for c in node.children if isinstance(c, work_card)]
        return [node, *messages]


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
        "authors": directives.flag,
    }

    def run(self) -> Sequence[nodes.Node]:
        location = self.get_location()
        entries = adapter.bib_entries(self.env)
        domain = AcademicDomain.of(self.env)
        keys: list[str] = []
        named = Counter(self.arguments[0].split() if self.arguments else [])
        for key, times in named.items():  # in the order written, each key once
            if times > 1:
                warn(
                    f"work-card: {key!r} is named {times} times; name each entry once",
                    Subtype.CARD,
                    location,
                )
            if key in entries:
                keys.append(key)
            else:
                warn(
                    f"work-card: no entry {key!r} in bibtex_bibfiles; check the key, or give "
                    ":title: and the other options instead",
                    Subtype.CARD,
                    location,
                )
        if keys:
            for path in domain.bibfiles:
                self.env.note_dependency(path)
        data = domain.document(self.env.docname)
        data.card_keys.update(keys)
        data.components.add(COMPONENT)
        title = self.options.get("title", "").strip()
        if not keys and not title:
            warn("work-card: a card without a bib key needs a :title:", Subtype.CARD, location)
            title = "Untitled work"
        node = work_card(
            keys=keys,
            title=title,
            venue=self.options.get("venue"),
            year=self.options.get("year"),
            links=self._links(location),
            tags=[t.strip() for t in self.options.get("tags", "").split(",") if t.strip()],
            authors="authors" in self.options,
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
            warn(f"work-card :links: {err}", Subtype.CARD, location)
            return []
        safe = []
        for label, url in pairs:
            try:
                safe.append((label, checked_url(url)))
            except UnsafeURLError as err:
                warn(f"work-card :links: {err}; the link was left out", Subtype.CARD, location)
        return safe

    def _image(self, location: str) -> str:
        image = self.options.get("image", "")
        if image and not self.options.get("alt", "").strip():
            warn(
                "work-card: :image: needs :alt: text that says what the image shows; "
                "the image was left out",
                Subtype.CARD,
                location,
            )
            return ""
        if not image:
            return ""
        try:
            checked_url(image)
        except UnsafeURLError as err:
            warn(f"work-card :image: {err}; the image was left out", Subtype.CARD, location)
            return ""
        if has_scheme(image):
            if not image.strip().lower().startswith(("https://", "http://")):
                warn(
                    f"work-card :image: {image.strip()[:60]!r} is neither a file of the project "
                    "nor an http(s) address; the image was left out",
                    Subtype.CARD,
                    location,
                )
                return ""
            return str(image)  # a remote image, shown from where it is
        return self._local_image(str(image), location)

    def _local_image(self, image: str, location: str) -> str:
        """A file of the project, resolved as Sphinx's image collector will (relative to the
        page, or to the source dir with a leading ``/``), links followed; refused outside
        the project, since Sphinx would copy it into the built site."""
        page_folder = self.env.doc2path(self.env.docname, base=False).parent
        path = page_path(Path(self.env.srcdir), page_folder, image)
        project = AcademicDomain.of(self.env).project_dirs()
        candidates = [path]
        if "*" in path.name:  # Sphinx's "image.*": one file per format, each one checked
            candidates = sorted(path.parent.glob(path.name)) or [path]
        try:
            for candidate in candidates:
                resolve_inside(candidate, project, "work-card :image:")
        except FileRefused as err:  # outside the project, or missing (FileMissing)
            warn(f"{err}; the image was left out", Subtype.FILES, location)
            return ""
        return image


class StandaloneCards(SphinxTransform):
    """A ``work-card`` outside ``work-cards`` gets a grid of its own."""

    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        for card in list(self.document.findall(work_card)):
            if not isinstance(card.parent, work_cards):
                grid = work_cards(columns=_columns("1"))
                card.replace_self(grid)
                grid += card


def setup_cards(app: Sphinx) -> None:
    setup_nodes(app)
    app.add_transform(StandaloneCards)
    app.add_directive("work-cards", WorkCardsDirective)
    app.add_directive("work-card", WorkCardDirective)
