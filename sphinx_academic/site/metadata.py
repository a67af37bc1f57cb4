"""What search engines read: the site's address, schema.org JSON-LD and robots.txt.

Meta descriptions, OpenGraph tags and the sitemap come from sphinxext-opengraph and
sphinx-sitemap; this module gives them the site's address (``html_baseurl``, else Read the
Docs' ``READTHEDOCS_CANONICAL_URL`` or ``SITE_URL``) and adds what they don't: a ``Person``
on the home page (from ``academic_person``), a ``ScholarlyArticle`` per entry of the page's
citable publication lists (from the domain's records), and a ``robots.txt`` that points at
the sitemap when the address is known.
"""

from __future__ import annotations

import contextlib
import html
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.errors import ConfigError

from ..domain import AcademicDomain
from ..escaping import json_ld
from ..head import add_to_head
from ..pages.plan import plan_of, writes_pages
from ..profile import site_profile
from ..publications.lists import page_root
from ..publications.meta import PageAddress, article_data
from ..urls import site_base
from ..websites import writes_website

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


#: ``academic_person`` keys and the schema.org properties they become.
PERSON_FIELDS = {
    "name": "name",
    "job_title": "jobTitle",
    "description": "description",
    "works_for": "worksFor",
    "affiliation": "affiliation",
    "alumni_of": "alumniOf",
    "email": "email",
    "url": "url",
    "same_as": "sameAs",
}
_ORGANIZATION_FIELDS = ("works_for", "affiliation", "alumni_of")
#: sphinxext-opengraph's ``html-page-context`` handler runs at the default priority, 500.
BEFORE_OPENGRAPH = 400


def absolute_url(baseurl: str, path: str) -> str:
    """``path`` (from the site's root) at the site's address, with or without its final /."""
    return baseurl.rstrip("/") + "/" + path.lstrip("/")


def person_data(person: dict[str, Any], image: str = "") -> dict[str, Any]:
    """The schema.org ``Person``; ``image`` is the photo's address as the page links it."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Person"}
    for key, prop in PERSON_FIELDS.items():
        value = person.get(key)
        if not value:
            continue
        if key in _ORGANIZATION_FIELDS:
            names = [value] if isinstance(value, str) else list(value)
            organizations = [{"@type": "Organization", "name": n} for n in names]
            value = organizations if key == "alumni_of" else organizations[0]
        data[prop] = value
    if image:
        data["image"] = image
    return data


def add_person(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """The site owner as a schema.org ``Person``, on the home page: from the same values as
    the profile and its links (``academic_person``), the photo as the page shows it."""
    person = app.config.academic_person
    if not person or pagename != app.config.root_doc:
        return
    profile = site_profile(app)
    image = ""
    if profile is not None and profile.image is not None:
        image = profile.image.href(page_root(app.builder, pagename))
        if profile.image.local and app.config.html_baseurl:
            image = absolute_url(app.config.html_baseurl, profile.image.url)
    add_to_head(context, json_ld(person_data(person, image)))


def describe_search_page(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Sphinx's search page has no document, so no description from sphinxext-opengraph."""
    if pagename == "search" and 'name="description"' not in context.get("metatags", ""):
        title = html.escape(app.config.html_title or app.config.project)
        tag = f'<meta name="description" content="Search the pages of {title}." />'
        add_to_head(context, tag)


def add_articles(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """The entries of the page's citable lists as schema.org ``ScholarlyArticle`` items."""
    domain = AcademicDomain.of(app.env)
    data = domain.documents.get(pagename)
    if data is None:
        return
    keys = [key for each in data.lists if each.citable for key in each.keys]
    records = [r for r in (domain.record(key) for key in keys) if r is not None]
    if records:
        root = page_root(app.builder, pagename)
        base = site_base(app.config.html_baseurl)
        graph = {
            "@context": "https://schema.org",
            "@graph": [article_data(r, root, _page(app, r.key, base)) for r in records],
        }
        add_to_head(context, json_ld(graph))


def _page(app: Sphinx, key: str, base: str) -> PageAddress | None:
    """The entry's own page, as the address an index may follow: only an absolute one."""
    page = plan_of(app.env).page(key) if writes_pages(app.builder) else None
    if page is None or not base:
        return None
    return PageAddress(base + app.builder.get_target_uri(page.pagename))


def write_robots_txt(app: Sphinx, exception: Exception | None) -> None:
    """Allow every crawler; name the sitemap when sphinx-sitemap writes one."""
    if exception is not None or not writes_website(app.builder):
        return
    target = Path(app.outdir, "robots.txt")
    extra = [Path(app.confdir, p, "robots.txt") for p in app.config.html_extra_path]
    if any(p.is_file() for p in extra):
        return  # the site brings its own
    lines = ["User-agent: *", "Allow: /"]
    baseurl = app.config.html_baseurl
    if baseurl and "sphinx_sitemap" in app.extensions:
        filename = getattr(app.config, "sitemap_filename", "sitemap.xml")
        lines.append(f"Sitemap: {baseurl.rstrip('/')}/{filename}")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


#: sphinx-sitemap's default URL scheme; Read the Docs' address already holds language and version.
SITEMAP_DEFAULT_SCHEME = "{lang}{version}{link}"


def site_address(app: Sphinx, config: Config) -> None:
    """Fill in the site's address from the environment, for canonical links, ``og:url`` and
    a sitemap; load sphinx-sitemap only then (without an address it can only warn)."""
    source = "html_baseurl"
    if not config.html_baseurl:
        for variable in ("READTHEDOCS_CANONICAL_URL", "SITE_URL"):
            if os.environ.get(variable):
                source, config.html_baseurl = variable, os.environ[variable]
                break
    if not config.html_baseurl:
        return
    address = config.html_baseurl
    if not isinstance(address, str) or not address.strip().lower().startswith(
        ("https://", "http://")
    ):
        # It becomes every page's canonical link, og:url and the sitemap's addresses.
        raise ConfigError(
            f"{source} = {address!r:.80} is not valid: expected the site's address, http:// "
            "or https://, e.g. https://ada.example.org/"
        )
    if "sphinxext.opengraph" in app.extensions and not config.ogp_site_url:
        config.ogp_site_url = config.html_baseurl
    if "sphinx_sitemap" not in app.extensions:
        app.setup_extension("sphinx_sitemap")
    if config.sitemap_url_scheme == SITEMAP_DEFAULT_SCHEME:
        config.sitemap_url_scheme = "{link}"
    if not config.sitemap_excludes:  # pages marked noindex do not belong in a sitemap
        config.sitemap_excludes = ["search.html", "genindex.html"]


def complete_page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """What sphinxext-opengraph reads of every page, for the builders that leave it out.

    The json and pickle builders (sphinxcontrib-serializinghtml) emit ``html-page-context``
    without the ``pagename`` every HTML template gets, and sphinxext-opengraph fails on the
    first page without it.
    """
    context.setdefault("pagename", pagename)
    context.setdefault("metatags", "")
    context.setdefault("meta", None)


def join_text_runs(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Adjacent text nodes joined into one, so the page's description keeps its spaces.

    MyST makes each line break inside a paragraph a text node of its own (``"\\n"``), and
    sphinxext-opengraph, which reads the description from the doctree, strips each text node
    and joins them with a space unless the next one starts with punctuation: a paragraph with
    a line break before ``(Turbo)`` reads "Core ML(Turbo)". The page is already written, so
    only what reads the doctree after it sees the change.
    """
    if doctree is None:
        return
    for element in doctree.findall(nodes.TextElement):
        children = element.children
        if len(children) < 2:
            continue
        joined: list[nodes.Node] = []
        for child in children:
            if isinstance(child, nodes.Text) and joined and isinstance(joined[-1], nodes.Text):
                joined[-1] = nodes.Text(joined[-1] + child)
            else:
                joined.append(child)
        if len(joined) < len(children):
            element[:] = joined


def setup_metadata(app: Sphinx) -> None:
    with contextlib.redirect_stdout(io.StringIO()):  # its "matplotlib is not installed" note
        app.setup_extension("sphinxext.opengraph")
    app.connect("html-page-context", complete_page_context, priority=BEFORE_OPENGRAPH)
    app.connect("html-page-context", join_text_runs, priority=BEFORE_OPENGRAPH)
    app.connect("config-inited", site_address, priority=300)
    app.connect("html-page-context", add_person)
    app.connect("html-page-context", add_articles)
    app.connect("html-page-context", describe_search_page)
    app.connect("build-finished", write_robots_txt)
