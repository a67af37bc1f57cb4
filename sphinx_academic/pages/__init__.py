"""What the site publishes beside its documents: a page per publication, and the list as
downloads.

``plan`` (``env-updated``: which entries get a page, at which address) → ``writer``
(``html-collect-pages``: each page is the theme's ``skeleton`` filled with its ``content``,
written only when it changed; the ``downloads``) → ``sitemap`` (``build-finished``).
Lists and cards link to the pages through :func:`.plan.page_href`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_pages(app: Sphinx) -> None:
    # Imported here: lists and cards import .plan, and the writer imports them.
    from .plan import plan_pages
    from .sitemap import add_pages_to_sitemap
    from .writer import write_pages

    app.connect("env-updated", plan_pages)
    app.connect("html-collect-pages", write_pages)
    # After sphinx-sitemap has written the file (at the default priority, 500).
    app.connect("build-finished", add_pages_to_sitemap, priority=600)
