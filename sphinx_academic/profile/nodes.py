"""The ``profile`` node, and how each builder writes it.

The node holds the directive's options and body; what it shows of the owner comes from the
build's :class:`~.model.Profile` (kept in the academic domain), read when the page is
written, so a change to ``academic_person`` only rewrites pages. HTML gets the photo, name,
position and links with their icons (:mod:`.html`); LaTeX, text, man and texinfo get
paragraphs: the name, the position, the body, and the links ("GitHub: https://…" in text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..domain import AcademicDomain
from ..publications.lists import page_root
from ..visitors import add_node
from .html import profile_end_html, profile_start_html
from .model import Profile

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class academic_profile(nodes.General, nodes.Element):
    """The owner's profile: ``show_name``, ``alt`` and ``loading``; children: the body."""


def _profile(translator: Any) -> Profile | None:
    profile: Profile | None = AcademicDomain.of(translator.builder.env).data["profile"]
    return profile


def visit_profile_html(self: Any, node: academic_profile) -> None:
    profile = _profile(self)
    if profile is None:
        return  # academic_person was emptied since the page was read: the body alone
    root = page_root(self.builder, self.builder.current_docname)
    alt = node["alt"] or f"Photo of {profile.name}"
    self.body.append(
        profile_start_html(
            profile, root, alt=alt, loading=node["loading"], show_name=node["show_name"]
        )
    )


def depart_profile_html(self: Any, node: academic_profile) -> None:
    profile = _profile(self)
    if profile is not None:
        self.body.append(profile_end_html(profile))


def _lowered(node: academic_profile, profile: Profile | None, links_as_text: bool) -> None:
    if profile is None:
        return
    head: list[nodes.Node] = []
    if node["show_name"]:
        head.append(nodes.paragraph("", "", nodes.strong(profile.name, profile.name)))
    if profile.position:
        head.append(nodes.paragraph(profile.position, profile.position))
    links: list[nodes.Node] = []
    for link in profile.links:
        if links:
            links.append(nodes.Text(", "))
        if links_as_text:
            address = link.text if link.icon == "email" else link.url
            links.append(nodes.Text(f"{link.label}: {address}"))
        else:
            links.append(nodes.reference(link.text, link.text, refuri=link.url))
    tail = [nodes.paragraph("", "", *links)] if links else []
    node[:] = [*head, *node.children, *tail]


def visit_profile_latex(self: Any, node: academic_profile) -> None:
    _lowered(node, _profile(self), links_as_text=False)
    self.visit_container(node)


def visit_profile_as_text(self: Any, node: academic_profile) -> None:
    _lowered(node, _profile(self), links_as_text=True)
    self.visit_container(node)


def depart_profile(self: Any, node: academic_profile) -> None:
    self.depart_container(node)


def setup_nodes(app: Sphinx) -> None:
    add_node(
        app,
        academic_profile,
        html=(visit_profile_html, depart_profile_html),
        lowered=(visit_profile_latex, depart_profile),
        as_text=(visit_profile_as_text, depart_profile),
    )
