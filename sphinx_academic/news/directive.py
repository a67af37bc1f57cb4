"""The ``news`` directive: dated news items, newest first, written in its body or read from a file.

Body items are a bullet list whose items start with their date::

    - 2025-06-01: Our paper was accepted at ICML.

``:source:`` adds the items of a news file (:mod:`.sources`), read once per change and kept
in the domain; ``:limit:`` shows only the newest few (a home page), while a page without it
shows them all (the page the Atom feed links to). Each item the page shows is recorded in
the domain under a key that stays the same from build to build.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..cv.dates import DateError, parse_date
from ..domain import AcademicDomain
from ..files import FileMissing, FileRefused, resolve_inside
from ..messages import Subtype, warn, warn_at
from ..publications.directive import unique_id
from .model import NewsEntry, NewsItem, from_nodes, plain_text
from .nodes import news_item, news_list, setup_nodes
from .sources import NewsSourceError

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

COMPONENT = "news"
#: A date at the start of an item, then a colon or a dash (or only spaces) before the text.
_LEADING_DATE = re.compile(r"^\s*(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)(?:\s*[:\u2013\u2014]\s*|\s+|$)")
_AFTER_DATE = re.compile(r"^\s*[:\u2013\u2014]?\s*")
HOW = "start each item with its date: - 2025-06-01: what happened"


def _split_date(item: nodes.list_item) -> tuple[str, list[nodes.Node]] | None:
    """The date an item starts with, and its body without it; None if it has none."""
    first = item.children[0] if item.children else None
    if not isinstance(first, nodes.paragraph):
        return None
    while first.children and isinstance(first.children[0], nodes.Text):
        if str(first.children[0]).strip():
            break
        first.remove(first.children[0])  # MyST starts a paragraph with an empty text
    if not first.children:
        return None
    lead = first.children[0]
    if isinstance(lead, nodes.Text):
        match = _LEADING_DATE.match(str(lead))
        if not match:
            return None
        rest = str(lead)[match.end() :]
        first.replace(lead, nodes.Text(rest)) if rest else first.remove(lead)
        date = match.group(1)
    elif isinstance(lead, nodes.strong | nodes.emphasis | nodes.literal):
        date = lead.astext().strip()
        if not _LEADING_DATE.fullmatch(date):
            return None
        first.remove(lead)
        if first.children and isinstance(first.children[0], nodes.Text):
            rest = _AFTER_DATE.sub("", str(first.children[0]), count=1)
            first.replace(first.children[0], nodes.Text(rest))
    else:
        return None
    body = list(item.children)
    if not first.astext().strip():
        body.remove(first)
    return date, body


class NewsDirective(SphinxDirective):
    """``news``: dated items from the body and/or ``:source:``, newest first."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "source": directives.path,
        "limit": directives.positive_int,
    }

    def run(self) -> Sequence[nodes.Node]:
        found = self._body_items() + self._source_items()
        found.sort(key=lambda each: each[1].date.earliest, reverse=True)  # stable: ties in order
        limit = self.options.get("limit")
        shown = found[:limit] if limit else found
        complete = not limit  # the full list, however short: the page the feed links to
        data = AcademicDomain.of(self.env).document(self.env.docname)
        data.components.add(COMPONENT)
        listing = news_list()
        self.set_source_info(listing)
        for key, item, body, from_source in shown:
            anchor = unique_id(self.state.document, f"news-{item.date.iso}")
            node = news_item("", *body, item=item, from_source=from_source, ids=[anchor])
            listing += node
            data.news.append(NewsEntry(key, anchor, item, complete, in_body=not from_source))
        if not found:
            warn("news: no items; " + HOW + ", or give :source:", Subtype.NEWS, self.get_location())
        return [listing]

    def _body_items(self) -> list[tuple[str, NewsItem, list[nodes.Node], bool]]:
        if not self.content:
            return []
        parsed = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, parsed)
        out = []
        for child in parsed.children:
            if not isinstance(child, nodes.bullet_list):
                if not isinstance(child, nodes.comment | nodes.system_message):
                    warn(f"news holds a bullet list of dated items; {HOW}", Subtype.NEWS, child)
                continue
            for entry in child.children:
                item = self._body_item(entry)
                if item is not None:
                    out.append(item)
        return _keyed(self.env.docname, out)

    def _body_item(self, entry: nodes.Node) -> tuple[NewsItem, list[nodes.Node], bool] | None:
        if not isinstance(entry, nodes.list_item):
            return None
        split = _split_date(entry)
        if split is None:
            warn(f"news: an item has no date; {HOW}", Subtype.NEWS, entry)
            return None
        raw, body = split
        try:
            date = parse_date(raw)
        except DateError as err:
            warn(f"news: {err}; the item was left out", Subtype.DATE, entry)
            return None
        problems: list[str] = []
        blocks = from_nodes(body, problems)
        for problem in problems:
            warn(f"news: {problem}", Subtype.NEWS, entry)
        if not plain_text(blocks):
            warn("news: an item has a date but no text; write what happened", Subtype.NEWS, entry)
            return None
        return NewsItem(date, blocks), body, False

    def _source_items(self) -> list[tuple[str, NewsItem, list[nodes.Node], bool]]:
        if "source" not in self.options:
            return []
        relative, absolute = self.env.relfn2path(self.options["source"])
        self.env.note_dependency(relative)
        domain = AcademicDomain.of(self.env)
        try:
            path = resolve_inside(Path(absolute), domain.project_dirs(), "news file")
        except FileMissing as err:
            warn(str(err), Subtype.NEWS, self.get_location())
            return []
        except FileRefused as err:
            where = self.get_location()
            warn(f"{err}; news files must be inside the project", Subtype.FILES, where)
            return []
        domain.document(self.env.docname).news_sources[str(path)] = self.lineno
        try:
            source = domain.news_source(path)
        except NewsSourceError:
            return []  # reported once per build by report_news_problems
        items: list[tuple[NewsItem, list[nodes.Node], bool]] = [
            (item, [nodes.Text(plain_text(item.blocks))], True) for item, _ in source.items
        ]
        return _keyed(_origin(self.env, path), items)


def _origin(env: BuildEnvironment, path: Path) -> str:
    """A news file's name for keys: its path from the source dir, as a posix path."""
    return Path(os.path.relpath(path, env.srcdir)).as_posix()


def _keyed(
    origin: str, items: list[tuple[NewsItem, list[nodes.Node], bool]]
) -> list[tuple[str, NewsItem, list[nodes.Node], bool]]:
    """Each item's key: where it was written, its date, and its place among that day's."""
    seen: dict[str, int] = {}
    out = []
    for item, body, from_source in items:
        n = seen[item.date.iso] = seen.get(item.date.iso, 0) + 1
        out.append((f"{origin}#{item.date.iso}-{n}", item, body, from_source))
    return out


def report_news_problems(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Each news file's problems, once per build however many pages read it; a file that
    cannot be used at all, without a line of its own, is named at each directive reading it."""
    reported: set[str] = set()
    for docname, line, path, cached in AcademicDomain.of(env).news_source_uses():
        error = cached.error
        if error is not None and not error.line:
            warn(str(error), Subtype.NEWS, (docname, line))
            continue
        if path in reported:
            continue
        reported.add(path)
        if error is not None:
            warn_at(str(error), Subtype.NEWS, path, error.line)
        elif cached.source is not None:
            for message, at in cached.source.problems:
                warn_at(f"news file: {message}", Subtype.NEWS, path, at)
    return []


def setup_news(app: Sphinx) -> None:
    setup_nodes(app)
    app.add_directive("news", NewsDirective)
    app.connect("env-updated", report_news_problems)
