"""``atom.xml``: an Atom feed (RFC 4287) of the site's publications and news, at its root.

Made from the same data the pages show: the records of every entry a ``publications`` list
shows (each once; linked to its own page, :mod:`..pages`, else to its place in the citable
list) and every news item a page shows (each once; linked to the page that shows the full
list). Newest first.

- Written at ``build-finished`` by the html, dirhtml and singlehtml builders, from the
  domain, so incremental and clean builds write the same feed.
- Deterministic: dates come from the data (a publication's year, a news item's date), never
  the clock; an entry without a year is left out (Atom dates every entry); a feed without
  entries is dated by ``SOURCE_DATE_EPOCH``, else 1970-01-01.
- Ids are ``urn:uuid:`` names derived from the project and the entry's key (a bib key; a
  news item's file or page, date and place among that day's items), so they stay the same
  from build to build and do not depend on the site's address.
- Links are absolute with ``html_baseurl`` (or Read the Docs' address); without one they are
  relative to the feed, which is at the site's root.

Written with :mod:`xml.etree.ElementTree`: the feed is a few elements per entry, and a
library (feedgen) would add lxml and dateutil to every install for no gain; ElementTree
escapes every value.
"""

from __future__ import annotations

import datetime as dt
import inspect
import os
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..bib.kinds import KINDS
from ..bib.records import UNDATED
from ..config import AcademicConfig
from ..domain import AcademicDomain
from ..head import add_to_head
from ..news.html import blocks_html
from ..news.model import Block, NewsEntry, from_nodes, headline
from ..news.nodes import news_item
from ..pages.plan import plan_of, writes_pages
from ..profile import owner_name
from ..publications.display import EntryView, display
from ..publications.plain import authors_text, sentence
from ..websites import writes_website
from .metadata import absolute_url

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

    from ..bib.records import PublicationRecord

FEED = "atom.xml"
ATOM = "http://www.w3.org/2005/Atom"
EPOCH = "1970-01-01T00:00:00Z"


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    updated: str  #: RFC 3339
    link: str
    summary: str = ""  #: plain text
    content_html: str = ""
    related: str = ""  #: the work itself (its paper's address), for publications
    categories: tuple[tuple[str, str], ...] = field(default=())  #: (term, label)


def writes_feed(app: Sphinx) -> bool:
    config = AcademicConfig.from_config(app.config)
    return config.feed and writes_website(app.builder)


def _uuid(app: Sphinx, kind: str, key: str) -> str:
    name = f"sphinx-academic:{app.config.project}:{kind}:{key}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def _address(app: Sphinx, docname: str, anchor: str = "") -> str:
    """A page (and anchor) as the feed links it: from the site's root, or absolute."""
    uri = app.builder.get_target_uri(docname)
    if anchor:
        uri = f"{uri.split('#')[0]}#{anchor}"
    baseurl = app.config.html_baseurl
    return absolute_url(baseurl, uri) if baseurl else uri


def _publication(app: Sphinx, record: PublicationRecord, link: str, view: EntryView) -> FeedEntry:
    shown = display(record, view)
    authors = authors_text(shown.authors)
    summary = " ".join(sentence(p) for p in (authors, shown.venue, shown.summary) if p)
    primary = record.primary_link
    related = ""
    if primary is not None:
        related = primary.href()
        if primary.local:
            related = _address_of_file(app, related)
    categories: tuple[tuple[str, str], ...] = ((record.kind, KINDS.get(record.kind, record.kind)),)
    categories += tuple((tag, tag) for tag in record.tags)
    return FeedEntry(
        id=_uuid(app, "publication", record.key),
        title=record.title,
        updated=f"{record.year}-01-01T00:00:00Z",
        link=link,
        summary=summary,
        related=related,
        categories=categories,
    )


def _address_of_file(app: Sphinx, path: str) -> str:
    baseurl = app.config.html_baseurl
    return absolute_url(baseurl, path) if baseurl else path


@dataclass(frozen=True)
class ListedPublication:
    """A publication the feed may hold, before its record is read: where it links, and its
    date from what the build keeps of the entry (its year group), so that the feed's newest
    entries are chosen without reading the records of all the others."""

    key: str
    updated: str
    where: tuple[str, str]  #: (docname, anchor) it links to


def listed_publications(app: Sphinx) -> Iterator[ListedPublication]:
    """Every dated entry a list shows, once, in list order, linked to its own page if it has
    one (html, dirhtml), else to its place in the first citable list, else to its first list."""
    domain = AcademicDomain.of(app.env)
    plan = plan_of(app.env) if writes_pages(app.builder) else None
    citable = domain.citable_places()
    listed: dict[str, tuple[str, str]] = {}
    for docname, listing in domain.lists():
        for key, anchor in zip(listing.keys, listing.anchors, strict=True):
            listed.setdefault(key, (docname, anchor))
    for key, first in listed.items():
        state = domain.entry_state(key)
        if state is None or state.group == UNDATED:
            continue  # Atom dates every entry, and the site invents no date
        updated = f"{state.group}-01-01T00:00:00Z"
        page = plan.page(key) if plan is not None else None
        where = (page.pagename, "") if page else citable.get(key, first)
        yield ListedPublication(key, updated, where)


def publication_entry(app: Sphinx, listed: ListedPublication, view: EntryView) -> FeedEntry | None:
    record = AcademicDomain.of(app.env).record(listed.key)
    if record is None:
        return None
    return _publication(app, record, _address(app, *listed.where), view)


def resolved_body_items(app: Sphinx, docname: str) -> dict[str, tuple[Block, ...]]:
    """The text of the page's body news items with their references resolved (a citation
    reads "Lovelace [1843]" and links to the entry, as on the page), by anchor."""
    resolve = app.env.get_and_resolve_doctree
    if "tags" in inspect.signature(resolve).parameters:  # Sphinx 8.1+; required from 11
        doctree = resolve(docname, app.builder, tags=app.builder.tags)
    else:
        doctree = resolve(docname, app.builder)
    problems: list[str] = []  # already reported when the page was read
    return {
        node["ids"][0]: from_nodes(node.children, problems)
        for node in doctree.findall(news_item)
        if node["ids"] and not node["from_source"]
    }


def news_entries(app: Sphinx) -> Iterator[FeedEntry]:
    """Every news item a page shows, once, linked to a page that shows the full list."""
    chosen: dict[str, tuple[str, NewsEntry]] = {}
    for docname, entry in AcademicDomain.of(app.env).news():
        if entry.key not in chosen or (entry.complete and not chosen[entry.key][1].complete):
            chosen[entry.key] = (docname, entry)
    resolved: dict[str, dict[str, tuple[Block, ...]]] = {}
    for docname, entry in chosen.values():
        blocks = entry.item.blocks
        if entry.in_body:
            if docname not in resolved:
                resolved[docname] = resolved_body_items(app, docname)
            blocks = resolved[docname].get(entry.anchor, blocks)
        link = _address(app, docname, entry.anchor)
        year, month, day = entry.item.date.earliest
        yield FeedEntry(
            id=_uuid(app, "news", entry.key),
            title=headline(blocks),
            updated=f"{year:04d}-{month:02d}-{day:02d}T00:00:00Z",
            link=link,
            content_html=blocks_html(blocks, base=link),
        )


def _fallback_date() -> str:
    """``SOURCE_DATE_EPOCH`` (reproducible builds' convention) when set, else the epoch."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return EPOCH
    when = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def feed_entries(app: Sphinx) -> list[FeedEntry]:
    """Publications and news, newest first, at most ``academic_feed_entries`` of them;
    entries of one date keep their order (publications in list order, then news). Only the
    publications kept are read into records."""
    config = AcademicConfig.from_config(app.config)
    candidates: list[ListedPublication | FeedEntry] = [
        *listed_publications(app),
        *news_entries(app),
    ]
    candidates.sort(key=lambda each: each.updated, reverse=True)
    if config.feed_entries:
        candidates = candidates[: config.feed_entries]
    view = EntryView.from_config(config)
    entries: list[FeedEntry] = []
    for each in candidates:
        entry = publication_entry(app, each, view) if isinstance(each, ListedPublication) else each
        if entry is not None:
            entries.append(entry)
    return entries


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def feed_xml(app: Sphinx, entries: list[FeedEntry]) -> ET.Element:
    title = app.config.html_title or app.config.project
    author = owner_name(app, title)
    feed = ET.Element("feed", {"xmlns": ATOM})
    _text(feed, "id", _uuid(app, "feed", FEED))
    _text(feed, "title", title)
    _text(feed, "subtitle", f"Publications and news of {author}")
    _text(feed, "updated", entries[0].updated if entries else _fallback_date())
    ET.SubElement(_text(feed, "author", ""), "name").text = author
    ET.SubElement(feed, "link", {"rel": "self", "href": _address_of_file(app, FEED)})
    ET.SubElement(feed, "link", {"rel": "alternate", "href": _address(app, app.config.root_doc)})
    _text(feed, "generator", "sphinx-academic", version=__version__)
    for each in entries:
        entry = ET.SubElement(feed, "entry")
        _text(entry, "id", each.id)
        _text(entry, "title", each.title, type="text")
        _text(entry, "updated", each.updated)
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": each.link})
        if each.related:
            ET.SubElement(entry, "link", {"rel": "related", "href": each.related})
        for term, label in each.categories:
            ET.SubElement(entry, "category", {"term": term, "label": label})
        if each.summary:
            _text(entry, "summary", each.summary, type="text")
        if each.content_html:
            _text(entry, "content", each.content_html, type="html")
    return feed


def write_feed(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or not writes_feed(app):
        return
    tree = ET.ElementTree(feed_xml(app, feed_entries(app)))
    ET.indent(tree)
    target = Path(app.outdir, FEED)
    with target.open("wb") as out:
        tree.write(out, encoding="utf-8", xml_declaration=True)
        out.write(b"\n")


def announce_feed(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``<link rel="alternate">`` to the feed in every page's head (feed readers find it)."""
    if not writes_feed(app):
        return
    title = escape(f"{app.config.html_title or app.config.project}: publications and news")
    href = escape(context["pathto"](FEED, resource=True))
    link = f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{href}" />'
    add_to_head(context, link)


def setup_feed(app: Sphinx) -> None:
    app.connect("html-page-context", announce_feed)
    app.connect("build-finished", write_feed)
