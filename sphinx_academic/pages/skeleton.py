"""The theme's page around a publication's content, rendered once per build and filled per page.

Sphinx renders a full theme page (furo's: head, sidebar navigation, header, footer) in about
3 ms; for 5,000 publications that is longer than the rest of the build. So the theme's
``page.html`` is rendered through Sphinx's own templating (``handle_page``, with every
``html-page-context`` handler run: the theme's, the site policy's) for a page in the pages'
folder whose title, body, head tags, name and neighbours are placeholder tokens; each
publication's page is then that text with the tokens replaced (its values escaped). A page
looks exactly as a document of the site would, at a fraction of the cost.

The skeleton is rendered in four variants (with or without a previous and a next page: the
theme writes the footer's links only when there is one). Each variant's digest says whether
the pages made from it must be written again (a changed theme, configuration or navigation
changes the skeleton).
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .plan import FOLDER

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.application import Sphinx

#: The placeholders: letters and digits only, so no escaping or URL quoting changes them.
SLUG = "academicskeletonpage5f3759df"
TITLE = "ACADEMICPAGETITLE5f3759df"
BODY = "ACADEMICPAGEBODY5f3759df"
HEAD = "ACADEMICPAGEHEAD5f3759df"
PREVIOUS_LINK = "ACADEMICPREVIOUSLINK5f3759df"
PREVIOUS_TITLE = "ACADEMICPREVIOUSTITLE5f3759df"
NEXT_LINK = "ACADEMICNEXTLINK5f3759df"
NEXT_TITLE = "ACADEMICNEXTTITLE5f3759df"
TOKENS = (SLUG, TITLE, BODY, HEAD, PREVIOUS_LINK, PREVIOUS_TITLE, NEXT_LINK, NEXT_TITLE)
_TOKEN = re.compile("(" + "|".join(TOKENS) + ")")
#: The skeleton's page name: in the pages' folder, so its relative links are theirs.
SKELETON_PAGE = f"{FOLDER}/{SLUG}"


@dataclass(frozen=True)
class Skeleton:
    """A rendered page split at its tokens: even items are text, odd items token names."""

    parts: tuple[str, ...]
    digest: str

    @classmethod
    def from_text(cls, text: str) -> Skeleton:
        digest = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
        return cls(tuple(_TOKEN.split(text)), digest)

    def fill(self, values: Mapping[str, str]) -> str:
        """The page with every token replaced by its (already escaped) value."""
        return "".join(values[part] if i % 2 else part for i, part in enumerate(self.parts))


def render_skeleton(app: Sphinx, previous: bool, next_: bool) -> Skeleton:
    """The theme's ``page.html`` for a publication page, with tokens for what each fills."""
    context: dict[str, object] = {
        "title": TITLE,
        "body": BODY,
        "metatags": HEAD,
        "toc": "",
        "display_toc": False,
        "meta": None,
        "parents": [],
        "rellinks": [],
        "sourcename": "",
        "page_source_suffix": "",
        "prev": {"link": PREVIOUS_LINK, "title": PREVIOUS_TITLE} if previous else None,
        "next": {"link": NEXT_LINK, "title": NEXT_TITLE} if next_ else None,
    }
    with tempfile.TemporaryDirectory(prefix="academic-skeleton-", dir=app.doctreedir) as tmp:
        target = Path(tmp, "page.html")
        app.builder.handle_page(  # type: ignore[attr-defined]
            SKELETON_PAGE, context, "page.html", outfilename=target
        )
        text = target.read_text(encoding="utf-8")
    return Skeleton.from_text(text)


class Skeletons:
    """The four variants, each rendered when first needed."""

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.made: dict[tuple[bool, bool], Skeleton] = {}

    def get(self, previous: bool, next_: bool) -> Skeleton:
        variant = (previous, next_)
        if variant not in self.made:
            self.made[variant] = render_skeleton(self.app, previous, next_)
        return self.made[variant]
