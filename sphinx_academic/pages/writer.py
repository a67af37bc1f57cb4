"""Writing the publications' pages, and only those that changed.

At ``html-collect-pages`` (after the documents are written, so lists have read the records
this process needs) each planned page (:mod:`.plan`) gets a stamp: a digest of everything it
is made from: its entry's content and local files, the settings entries are read with, the
entry's neighbours and list, the skeleton it fills (:mod:`.skeleton`: the theme,
configuration and navigation) and the extension's settings. A page is written when its
stamp differs from the one it was last written with, or its file is missing; the pages of
entries no longer listed are deleted. Editing one entry so rewrites its page and its two
neighbours' (their previous/next links name it), not every page.

The stamps of what was written are kept in the doctree folder (``academic-pages.json``),
written after the pages: the environment is saved before Sphinx writes anything, so it
cannot say what was written.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util.osutil import relative_uri

from ..config import AcademicConfig
from ..domain import AcademicDomain
from ..escaping import encode
from ..publications.display import EntryView, page_display
from ..publications.lists import page_root
from ..publications.meta import PageAddress
from ..urls import site_base
from . import skeleton as tokens
from .content import PageLinks, body_html, head_html
from .plan import FOLDER, EntryPage, PagePlan, plan_of, writes_pages
from .skeleton import Skeletons

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from ..bib.records import PublicationRecord

STAMPS_FILE = "academic-pages.json"
#: Changes whenever what a page holds changes for the same inputs (a new release's layout).
STAMP_VERSION = "1"


@dataclass
class Stamps:
    """What the last build wrote: page name -> stamp, and the downloads' stamp."""

    pages: dict[str, str] = field(default_factory=dict)
    downloads: str = ""

    @classmethod
    def load(cls, doctreedir: str | os.PathLike[str]) -> Stamps:
        try:
            data = json.loads(Path(doctreedir, STAMPS_FILE).read_text(encoding="utf-8"))
            pages = {str(k): str(v) for k, v in dict(data["pages"]).items()}
            return cls(pages, str(data.get("downloads", "")))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def save(self, doctreedir: str | os.PathLike[str]) -> None:
        path = Path(doctreedir, STAMPS_FILE)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"pages": self.pages, "downloads": self.downloads}, sort_keys=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)


def digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def entry_state(domain: AcademicDomain, key: str) -> tuple[object, ...]:
    """What an entry's record is made from (content and local files)."""
    state = domain.entry_state(key)
    return (state.digest, state.file_state) if state is not None else ()


def site_settings(app: Sphinx) -> str:
    """The settings a page shows besides the records: the extension's and the site's name."""
    config = app.config
    academic = AcademicConfig.from_config(config)
    site_name = getattr(config, "ogp_site_name", None) or config.html_title or config.project
    return digest(repr(academic), config.html_baseurl, site_name, config.language)


def page_stamp(
    domain: AcademicDomain, plan: PagePlan, page: EntryPage, skeleton: str, settings: str
) -> str:
    def neighbour(key: str) -> tuple[object, ...]:
        other = plan.page(key)
        return (key, other.slug if other else "", entry_state(domain, key)) if key else ()

    return digest(
        STAMP_VERSION,
        page,
        skeleton,
        settings,
        plan.settings,
        entry_state(domain, page.key),
        neighbour(page.previous),
        neighbour(page.next),
    )


def output_path(builder: Builder, pagename: str) -> Path:
    return Path(builder.get_outfilename(pagename))  # type: ignore[attr-defined]


def bib_file(builder: Builder, page: EntryPage) -> Path:
    return Path(builder.outdir, FOLDER, f"{page.slug}.bib")


class PageWriter:
    """Writes the pages of one build (see the module docstring)."""

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.builder = app.builder
        self.domain = AcademicDomain.of(app.env)
        self.plan = plan_of(app.env)
        self.skeletons = Skeletons(app)
        self.settings = site_settings(app)
        config = app.config
        self.site_name = str(
            getattr(config, "ogp_site_name", None) or config.html_title or config.project or ""
        )
        self.base = site_base(config.html_baseurl)
        self.config = AcademicConfig.from_config(config)
        self.views: dict[str, EntryView] = {}  #: by path to the root (pages share one)

    def write(self, stamps: Stamps) -> dict[str, str]:
        """Write what changed; return the stamps of every page of the plan."""
        written: dict[str, str] = {}
        for page in self.plan.pages.values():
            skeleton = self.skeletons.get(bool(page.previous), bool(page.next))
            stamp = page_stamp(self.domain, self.plan, page, skeleton.digest, self.settings)
            target = output_path(self.builder, page.pagename)
            current = (
                stamps.pages.get(page.slug) == stamp
                and target.is_file()
                and bib_file(self.builder, page).is_file()
            )
            if current or self.write_page(page, target):
                written[page.slug] = stamp
        return written

    def write_page(self, page: EntryPage, target: Path) -> bool:
        record = self.domain.record(page.key)
        if record is None:
            return False
        builder = self.builder
        here = builder.get_target_uri(page.pagename)
        root = page_root(builder, page.pagename)
        if root not in self.views:
            self.views[root] = EntryView.from_config(self.config, root)
        shown = page_display(record, self.views[root])
        bib_uri = f"{FOLDER}/{page.slug}.bib"
        links = PageLinks(
            back=builder.get_relative_uri(page.pagename, page.listed_in) + "#" + page.anchor,
            bib=relative_uri(here, bib_uri),
            bib_name=f"{page.slug}.bib",
        )
        url = self.base + here if self.base else here.rsplit("/", 1)[-1] or "./"
        address = PageAddress(url, root, self.base)
        skeleton = self.skeletons.get(bool(page.previous), bool(page.next))
        values = {
            tokens.SLUG: page.slug,
            tokens.TITLE: encode(record.title),
            tokens.BODY: body_html(shown, links),
            tokens.HEAD: head_html(record, shown, address, self.site_name),
        }
        for key, link, title in (
            (page.previous, tokens.PREVIOUS_LINK, tokens.PREVIOUS_TITLE),
            (page.next, tokens.NEXT_LINK, tokens.NEXT_TITLE),
        ):
            values[link], values[title] = self.neighbour(page, key)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(skeleton.fill(values), encoding="utf-8")
        write_if_changed(bib_file(builder, page), record.bibtex + "\n")
        return True

    def neighbour(self, page: EntryPage, key: str) -> tuple[str, str]:
        """(link, escaped title) of a neighbouring page; ("", "") for none."""
        other = self.plan.page(key) if key else None
        record = self.domain.record(key) if other else None
        if other is None or record is None:
            return "", ""
        link = self.builder.get_relative_uri(page.pagename, other.pagename)
        return encode(link), encode(record.title)


def write_if_changed(path: Path, text: str) -> None:
    """A page's ``.bib`` is rewritten with its page, but only touched when it changed."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    path.write_text(text, encoding="utf-8")


def remove_pages(builder: Builder, slugs: Iterable[str]) -> None:
    """Delete the pages (and their ``.bib``) of entries that are no longer listed."""
    outdir = Path(builder.outdir).resolve()
    for slug in slugs:
        pagename = f"{FOLDER}/{slug}"
        for path in (output_path(builder, pagename), Path(outdir, FOLDER, f"{slug}.bib")):
            resolved = path.resolve()
            if resolved.is_relative_to(outdir) and resolved.is_file():
                resolved.unlink()


def write_pages(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: the pages are written here, none is handed to Sphinx."""
    if not writes_pages(app.builder):
        return []
    from .downloads import write_downloads

    stamps = Stamps.load(app.doctreedir)
    written = PageWriter(app).write(stamps)
    remove_pages(app.builder, set(stamps.pages) - set(written))
    downloads = write_downloads(app, stamps.downloads)
    Stamps(written, downloads).save(app.doctreedir)
    return []


def records_of(domain: AcademicDomain, keys: Iterable[str]) -> list[PublicationRecord]:
    return [r for r in (domain.record(key) for key in keys) if r is not None]
