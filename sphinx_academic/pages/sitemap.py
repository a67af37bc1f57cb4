"""The publications' pages in ``sitemap.xml``.

sphinx-sitemap lists the pages Sphinx renders in a build (documents, and pages handed to it by
``html-collect-pages``) and offers no public way to add others, so after it has written the
file (``build-finished``) this module adds a ``<url>`` per publication page, with the address
sphinx-sitemap would give it (its ``sitemap_url_scheme``, the language and version), and
drops the skeleton page (:mod:`.skeleton`) and the pages of entries no longer listed. Every
build adds every page, and every document sphinx-sitemap left out because this build did not
write it again, and sorts the file by address: an incremental build writes the file a clean
build writes.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from .plan import FOLDER, plan_of, writes_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def sitemap_link(app: Sphinx, uri: str) -> str:
    """The address sphinx-sitemap gives a page whose URI (from the site's root) is ``uri``."""
    config = app.config
    base = config.site_url or config.html_baseurl or ""
    lang = f"{config.language}/" if config.language else ""
    version = f"{config.version}/" if config.version else ""
    return str(base) + str(config.sitemap_url_scheme).format(lang=lang, version=version, link=uri)


def add_unwritten_documents(app: Sphinx, root: ElementTree.Element) -> None:
    """The documents this build did not write again: sphinx-sitemap lists only the pages a
    build writes, so an incremental build would leave the others out (its issue #13)."""
    present = {url.findtext(f"{{{NAMESPACE}}}loc") for url in root.findall(f"{{{NAMESPACE}}}url")}
    excludes = [str(p) for p in app.config.sitemap_excludes or ()]
    for doc in sorted(app.env.found_docs):
        uri = app.builder.get_target_uri(doc)
        link = sitemap_link(app, uri)
        if link not in present and not any(fnmatch.fnmatch(uri, p) for p in excludes):
            url = ElementTree.SubElement(root, f"{{{NAMESPACE}}}url")
            ElementTree.SubElement(url, f"{{{NAMESPACE}}}loc").text = link


def add_pages_to_sitemap(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or not writes_pages(app.builder):
        return
    if "sphinx_sitemap" not in app.extensions or not (
        app.config.site_url or app.config.html_baseurl
    ):
        return
    path = Path(app.outdir, app.config.sitemap_filename)
    pages = list(plan_of(app.env).pages.values())
    if not pages and not path.is_file():
        return
    ElementTree.register_namespace("", NAMESPACE)
    ElementTree.register_namespace("xhtml", XHTML)
    if path.is_file():
        tree = ElementTree.parse(path)
        root = tree.getroot()
    else:
        root = ElementTree.Element(f"{{{NAMESPACE}}}urlset")
        tree = ElementTree.ElementTree(root)
    builder = app.builder
    documents = {sitemap_link(app, builder.get_target_uri(doc)) for doc in app.env.found_docs}
    ours = re.compile(re.escape(sitemap_link(app, f"{FOLDER}/")) + r"[A-Za-z0-9._~-]+(?:\.html|/)")
    for url in list(root.findall(f"{{{NAMESPACE}}}url")):
        loc = url.findtext(f"{{{NAMESPACE}}}loc") or ""
        if ours.fullmatch(loc) and loc not in documents:
            root.remove(url)
    for page in pages:
        url = ElementTree.SubElement(root, f"{{{NAMESPACE}}}url")
        link = sitemap_link(app, builder.get_target_uri(page.pagename))
        ElementTree.SubElement(url, f"{{{NAMESPACE}}}loc").text = link
    add_unwritten_documents(app, root)
    urls = root.findall(f"{{{NAMESPACE}}}url")
    for url in urls:  # one order whichever pages this build wrote
        root.remove(url)
    root.extend(sorted(urls, key=lambda url: url.findtext(f"{{{NAMESPACE}}}loc") or ""))
    indent = app.config.sitemap_indent
    if isinstance(indent, int) and indent > 0:
        ElementTree.indent(root, space=indent * " ")
    tree.write(path, xml_declaration=True, encoding="utf-8", method="xml")
