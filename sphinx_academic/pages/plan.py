"""Which publications get a page, at which address, next to which others: decided once per
build, after reading (``env-updated``), and kept in the academic domain.

The site's publications are the entries of its citable ``publications`` lists (the lists
``{cite}`` links to), in the order the site shows them: documents in name order, each list's
entries as it shows them, an entry listed twice where it first appears. Each gets a page at
``publications/<slug>.html`` (:mod:`.slugs`) with ``academic_publication_pages`` on; the
same entries make the downloads (:mod:`.downloads`). Every process of a parallel build
inherits the plan, so lists and cards link to the pages however the build is split.

When an entry gets a page, loses it, or moves, the documents that show it (lists, cards)
are written again: their titles link to the page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from typing import TYPE_CHECKING, Any

from sphinx.errors import NoUri

from ..config import AcademicConfig
from ..domain import AcademicDomain
from ..messages import Subtype, warn_at
from .slugs import assign_slugs

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: The folder of the pages, under the site's root.
FOLDER = "publications"
#: The builders that write a website of separate pages (not singlehtml, epub or json).
PAGE_BUILDERS = frozenset({"html", "dirhtml"})


@dataclass(frozen=True, slots=True)
class EntryPage:
    """One publication's page: its name, where its entry is listed, its neighbours."""

    key: str
    slug: str
    listed_in: str  #: the document of the citable list it belongs to
    anchor: str  #: the entry's id in that list
    previous: str = ""  #: the key of the page before it ("" for the first)
    next: str = ""  #: the key of the page after it ("" for the last)

    @property
    def pagename(self) -> str:
        return f"{FOLDER}/{self.slug}"


@dataclass(frozen=True)
class PagePlan:
    """The site's publications, and their pages (none with ``academic_publication_pages``
    off). ``settings`` fingerprints what reading an entry depends on besides the entry."""

    keys: tuple[str, ...] = ()
    pages: Mapping[str, EntryPage] = field(default_factory=dict)
    settings: str = ""

    def page(self, key: str) -> EntryPage | None:
        return self.pages.get(key)


def plan_of(env: BuildEnvironment) -> PagePlan:
    plan = AcademicDomain.of(env).data.get("entry_pages")
    return plan if isinstance(plan, PagePlan) else PagePlan()


def writes_pages(builder: Builder) -> bool:
    return builder.name in PAGE_BUILDERS


def page_href(builder: Builder, docname: str, key: str) -> str:
    """The link from a document to the entry's page, or "" (no page, or a builder that
    writes none)."""
    page = plan_of(builder.env).page(key) if writes_pages(builder) else None
    if page is None:
        return ""
    try:
        return builder.get_relative_uri(docname, page.pagename)
    except NoUri:  # pragma: no cover - html builders always have a URI
        return ""


def site_publications(domain: AcademicDomain) -> dict[str, tuple[str, str]]:
    """Key -> (document, anchor) of the citable list that holds it first, in site order."""
    places = domain.citable_places().items()
    return {key: place for key, place in places if domain.entry_state(key) is not None}


def stable_repr(value: Any) -> str:
    """A text that is the same for equal values in every process (sets sorted, dataclasses
    by their compared fields), unlike ``repr`` and ``hash`` of sets and strings."""
    if is_dataclass(value) and not isinstance(value, type):
        inner = ",".join(
            f"{f.name}={stable_repr(getattr(value, f.name))}" for f in fields(value) if f.compare
        )
        return f"{type(value).__name__}({inner})"
    if isinstance(value, Mapping):
        items = sorted(f"{stable_repr(k)}:{stable_repr(v)}" for k, v in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, set | frozenset):
        return "{" + ",".join(sorted(stable_repr(v) for v in value)) + "}"
    if isinstance(value, list | tuple):
        return "(" + ",".join(stable_repr(v) for v in value) + ")"
    return repr(value)


def fingerprint(value: Any) -> str:
    return hashlib.blake2b(stable_repr(value).encode(), digest_size=16).hexdigest()


def make_plan(env: BuildEnvironment, config: AcademicConfig) -> PagePlan:
    domain = AcademicDomain.of(env)
    listed = site_publications(domain)
    keys = tuple(listed)
    settings = fingerprint(domain.data["settings"])
    if not config.publication_pages:
        return PagePlan(keys, {}, settings)
    documents = taken_names(env.found_docs)
    slugs = assign_slugs(keys, taken=documents)
    pages: dict[str, EntryPage] = {}
    for i, key in enumerate(keys):
        docname, anchor = listed[key]
        pages[key] = EntryPage(
            key,
            slugs[key],
            docname,
            anchor,
            previous=keys[i - 1] if i else "",
            next=keys[i + 1] if i + 1 < len(keys) else "",
        )
    for key in _renamed(keys, slugs, documents):
        warn_at(
            f"the page of {key!r} would have the address of the document {FOLDER}/{key} (or "
            f"{FOLDER}/{key}/index); it is {FOLDER}/{slugs[key]} instead. Rename the document "
            "or the entry's key to keep the page's address stable",
            Subtype.PAGES,
            *domain.entry_position(key),
        )
    return PagePlan(keys, pages, settings)


def taken_names(docnames: Iterable[str]) -> list[str]:
    """The page names the site's own documents in the publications folder take: their own,
    and for ``<name>/index`` also ``<name>``, the address dirhtml gives both."""
    names = [doc[len(FOLDER) + 1 :] for doc in docnames if doc.startswith(FOLDER + "/")]
    return sorted({*names, *(n.removesuffix("/index") for n in names if n.endswith("/index"))})


def _renamed(
    keys: tuple[str, ...], slugs: Mapping[str, str], documents: list[str]
) -> Iterator[str]:
    taken = {name.casefold() for name in documents}
    return (key for key in keys if key.casefold() in taken and slugs[key] != key)


def plan_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: the plan for this build; documents showing an entry whose page
    changed are written again."""
    domain = AcademicDomain.of(env)
    old = plan_of(env)
    new = make_plan(env, AcademicConfig.from_config(app.config))
    domain.data["entry_pages"] = new
    moved = {
        key
        for key in old.pages.keys() | new.pages.keys()
        if _where(old.page(key)) != _where(new.page(key))
    }
    return sorted(domain.docs_showing(moved)) if moved else []


def _where(page: EntryPage | None) -> str | None:
    return page.slug if page is not None else None
