"""The ``profile`` directive: the site owner's photo, name, position and links, for a home page.

Everything it shows comes from ``academic_person`` (one source for this, the profile links on
every page and the schema.org Person); the directive's body (a short bio) is shown beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..domain import AcademicDomain
from ..messages import Subtype, warn
from .nodes import academic_profile

COMPONENT = "profile"
#: Content that, above the profile, pushes it down the page: its photo then loads lazily.
_CONTENT = (
    nodes.paragraph,
    nodes.Sequential,
    nodes.image,
    nodes.figure,
    nodes.table,
    nodes.literal_block,
    nodes.Admonition,
)


def has_content_above(document: nodes.document) -> bool:
    """Whether the page already holds body content (not only its title) where this is read."""
    return any(isinstance(node, _CONTENT) for node in document.findall(nodes.Element))


class ProfileDirective(SphinxDirective):
    """``profile``: the owner from ``academic_person``; the body is shown beside it."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "alt": directives.unchanged_required,
        "loading": lambda v: directives.choice(v, ("eager", "lazy")),
        "no-name": directives.flag,
    }

    def run(self) -> Sequence[nodes.Node]:
        if not self.config.academic_person:
            warn(
                "profile: academic_person is not set; give at least "
                'academic_person = {"name": "..."} in conf.py',
                Subtype.PROFILE,
                self.get_location(),
            )
        loading = self.options.get("loading") or (
            "lazy" if has_content_above(self.state.document) else "eager"
        )
        node = academic_profile(
            show_name="no-name" not in self.options,
            alt=self.options.get("alt", "").strip(),
            loading=loading,
        )
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        AcademicDomain.of(self.env).document(self.env.docname).components.add(COMPONENT)
        return [node]
