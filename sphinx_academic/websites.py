"""Which builders write a website: the ones that get the site's extra files (a PDF CV,
robots.txt, a feed). epub, json and pickle use HTML too, but are not websites."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.builders import Builder

WEBSITE_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})


def writes_website(builder: Builder) -> bool:
    return builder.name in WEBSITE_BUILDERS
