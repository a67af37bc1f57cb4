"""Helpers every component uses: output flavours, ``<details>`` nodes, ids, warnings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, TypeVar

from docutils import nodes
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger("sphinx_academic")

Flavour = Literal["html", "latex", "text"]
T = TypeVar("T")


def flavour_of(env: BuildEnvironment) -> Flavour:
    """html for every html-format builder, latex for latex, a plain form for everything else."""
    builder_cls = getattr(env, "_builder_cls", None)  # Sphinx 9; earlier: the app's builder
    builder_format = builder_cls.format if builder_cls else env.app.builder.format
    if builder_format == "html":
        return "html"
    if builder_format == "latex":
        return "latex"
    return "text"


Location = str | tuple[str | None, int | None] | nodes.Node


def builder_of(env: BuildEnvironment) -> Builder:
    """The running builder (Sphinx 9 keeps it on the private ``env._app``, as its own code does)."""
    app = getattr(env, "_app", None) or env.app
    return app.builder


def site_root(env: BuildEnvironment, docname: str) -> str:
    """The path from a page to the site's root ("" or "../" …), for links to local files."""
    if flavour_of(env) != "html":
        return ""
    root = relative_uri(builder_of(env).get_target_uri(docname), "")
    return "" if root == "./" else root


def add_to_head(context: dict[str, object], markup: str) -> None:
    """Put markup in the page's ``<head>`` (through the template's ``metatags``)."""
    context["metatags"] = f"{context.get('metatags', '')}\n{markup}"


def warn(message: str, subtype: str, location: Location) -> None:
    """A located warning that ``suppress_warnings = ["academic.<subtype>"]`` can silence."""
    logger.warning(message, type="academic", subtype=subtype, location=location)


def warn_at(message: str, subtype: str, path: object, line: int | None) -> None:
    """A warning about a data file (bib file, CV source) rather than a page.

    Sphinx reads a location without ``:LINE`` as a docname (and appends ``.rst``), so a file
    whose line is unknown is named in the message instead.
    """
    if line:
        warn(message, subtype, f"{path}:{line}")
    else:
        logger.warning(f"{path}: {message}", type="academic", subtype=subtype)


def interleave(items: Sequence[T], separator: T) -> list[T]:
    """``[a, sep, b, sep, c]``: items joined by a separator, for node and richtext lists."""
    out: list[T] = []
    for i, item in enumerate(items):
        if i:
            out.append(separator)
        out.append(item)
    return out


def unique_id(document: nodes.document, base: str) -> str:
    """``base`` made a valid id, suffixed if the document already has it."""
    id_ = nodes.make_id(base) or "academic"
    candidate, n = id_, 1
    while candidate in document.ids:
        n += 1
        candidate = f"{id_}-{n}"
    return candidate


class details(nodes.General, nodes.Element):
    """A native ``<details>`` disclosure: keyboard and screen-reader usable, no JavaScript.

    Only made for html builders; other builders get plain text instead.
    """


class summary(nodes.General, nodes.TextElement):
    """The always-visible label of a :class:`details`."""


def visit_details(self: HTML5Translator, node: details) -> None:
    self.body.append(self.starttag(node, "details"))


def depart_details(self: HTML5Translator, node: details) -> None:
    self.body.append("</details>")


def visit_summary(self: HTML5Translator, node: summary) -> None:
    self.body.append(self.starttag(node, "summary", suffix=""))


def depart_summary(self: HTML5Translator, node: summary) -> None:
    self.body.append("</summary>")


class source_block(nodes.General, nodes.FixedTextElement):
    """Preformatted text shown as is, without syntax highlighting (BibTeX to copy).

    Pygments builds a formatter per block, which dominated the write time of long lists.
    """


def visit_source_block(self: HTML5Translator, node: source_block) -> None:
    self.body.append(self.starttag(node, "pre", suffix=""))
    self.body.append(self.encode(node.astext()))
    self.body.append("</pre>\n")
    raise nodes.SkipNode


def _skip(self: object, node: nodes.Element) -> None:
    raise nodes.SkipNode


def setup_shared_nodes(app: Sphinx) -> None:
    skip = (_skip, None)
    app.add_node(
        source_block, html=(visit_source_block, None), latex=skip, text=skip, man=skip, texinfo=skip
    )
    for node, visit, depart in (
        (details, visit_details, depart_details),
        (summary, visit_summary, depart_summary),
    ):
        app.add_node(node, html=(visit, depart), latex=skip, text=skip, man=skip, texinfo=skip)
