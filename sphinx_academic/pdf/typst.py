"""A page's resolved doctree as Typst markup: the renderer behind the PDF CV.

Every piece of text reaches Typst as a string literal (``#"…";``), never as markup: a title
with ``#``, ``$``, ``*``, ``_``, ``@``, ``<``, ``\\`` or brackets, or an injected
``#import`` or ``#read("/etc/passwd")``, is shown as written and never run. The extension's
own nodes are rendered from their model (an entry's :class:`~..publications.display.
EntryDisplay`, a CV entry's :class:`~..cv.model.CVItem`), through the same display decisions
as the web page; standard docutils nodes (paragraphs, lists, emphasis, links …) are
translated one by one. Nodes that only make sense in a browser are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from docutils import nodes
from sphinx import addnodes

from ..bib.records import Author, Link
from ..cards.nodes import card_header, work_card, work_cards
from ..cv.model import Person
from ..cv.nodes import cv_entry, cv_header, cv_numbered, cv_person, cv_timeline, date_parts
from ..inline import Inline
from ..publications.display import EntryDisplay, Legend
from ..publications.nodes import publication_entry, publication_legend
from ..publications.plain import sentence
from ..urls import UnsafeURLError, checked_url

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
#: Nodes that are interactive, invisible, or about the web page itself.
SKIPPED = (
    nodes.comment,
    nodes.raw,
    nodes.system_message,
    nodes.target,
    nodes.substitution_definition,
    nodes.image,
    nodes.figure,
    addnodes.toctree,
)


def string(text: str) -> str:
    """A Typst string literal holding ``text``: shown as it is, never read as markup or code."""
    clean = _CONTROL.sub(" ", text.replace("\n", " ").replace("\r", " ").replace("\t", " "))
    return '"' + clean.replace("\\", "\\\\").replace('"', '\\"') + '"'


def text(value: str) -> str:
    """``value`` as literal text in markup (the ``;`` ends the embedded expression)."""
    return f"#{string(value)};" if value else ""


def content(markup: str) -> str:
    """Markup as a content block, for a function argument."""
    return f"[{markup}]"


def link(url: str, label_markup: str) -> str:
    """A clickable link; a URL that is not http(s) or mailto is shown without one."""
    try:
        safe = checked_url(url)
    except UnsafeURLError:
        return label_markup
    if not safe.lower().startswith(("http://", "https://", "mailto:")):
        return label_markup
    return f"#link({string(safe)})[{label_markup}]"


def inline(value: Inline) -> str:
    """Inline runs (strong, emphasis, code, links, breaks) as markup around string literals."""
    out = []
    for run in value.runs:
        if run.is_break:
            out.append(" \\\n")
            continue
        piece = f"#raw({string(run.text)})" if run.code else text(run.text)
        if run.emphasis:
            piece = f"#emph[{piece}]"
        if run.strong:
            piece = f"#strong[{piece}]"
        if run.link:
            piece = link(run.link, piece)
        out.append(piece)
    return "".join(out)


def name(author: Author) -> str:
    """A name: the owner's bold, a co-author's a link to their page, then any role marks."""
    shown = text(author.name)
    if author.highlighted:
        shown = f"#strong[{shown}]"
    elif author.url:
        shown = link(author.url, shown)
    marks = f"#super[{text(''.join(author.marks))}]" if author.marks else ""
    return shown + marks


def names(authors: Sequence[Author]) -> str:
    """Authors separated by commas, as the web list shows them."""
    return text(", ").join(name(a) for a in authors)


def legend_markup(legend: Legend) -> str:
    """What the marks mean, under a list: "* equal contribution · † corresponding author"."""
    items = [f"#super[{text(mark)}]{text(' ' + meaning)}" for mark, meaning in legend]
    return f"#text(size: 8.5pt)[{text(' · ').join(items)}]\n\n" if items else ""


def entry_markup(entry: EntryDisplay, absolute: Callable[[Link], str]) -> str:
    """One publication: the same author cut, venue and links as the web list."""
    line = entry.authors
    authors = names(line.shown)
    if line.hidden:
        authors += text(f", and {line.hidden_note}")
        if line.hidden_owner:
            authors += text(", including ") + names(line.hidden_owner)
    if authors:
        authors += text(".")
    venue = " ".join(
        part
        for part in (
            f"#strong[{text(entry.badge)}]" if entry.badge else "",
            f"#emph[{text(sentence(entry.venue))}]" if entry.venue else "",
            inline(entry.venue_note) if entry.venue_note else "",
            f"#emph[{text(entry.award_name + ': ')}]" + inline(entry.award) if entry.award else "",
        )
        if part
    )
    links = text(" · ").join(link(absolute(k), text(k.label)) for k in entry.links)
    return (
        f"#pub-entry({content(text(sentence(entry.title)))}, {content(authors)}, "
        f"{content(venue)}, {content(links)})\n"
    )


class TypstTranslator(nodes.GenericNodeVisitor):
    """Walks a resolved doctree and collects Typst markup in ``body``."""

    def __init__(
        self,
        document: nodes.document,
        date_formats: Mapping[str, str],
        absolute: Callable[[Link], str],
    ) -> None:
        super().__init__(document)
        self.body: list[str] = []
        self.date_formats = date_formats
        self.absolute = absolute
        self.section_level = 0
        self.title_done = False

    def astext(self) -> str:
        return "".join(self.body)

    # -------------------------------------------------------------- generic

    def default_visit(self, node: nodes.Node) -> None:
        if isinstance(node, SKIPPED):
            raise nodes.SkipNode

    def default_departure(self, node: nodes.Node) -> None:
        pass

    def visit_Text(self, node: nodes.Text) -> None:
        self.body.append(text(node.astext()))

    def _wrap(self, node: nodes.Element, function: str) -> None:
        inner = self._render_children(node)
        self.body.append(f"#{function}[{inner}]")
        raise nodes.SkipNode

    def _render_children(self, node: nodes.Element) -> str:
        saved, self.body = self.body, []
        for child in node.children:
            child.walkabout(self)
        inner, self.body = "".join(self.body), saved
        return inner

    # -------------------------------------------------------------- structure

    def visit_section(self, node: nodes.section) -> None:
        self.section_level += 1

    def depart_section(self, node: nodes.section) -> None:
        self.section_level -= 1

    def visit_title(self, node: nodes.title) -> None:
        inner = self._render_children(node)
        if isinstance(node.parent, nodes.section):
            if not self.title_done and self.section_level <= 1:
                self.title_done = True
                self.body.append(f"#page-title({content(inner)})\n\n")
            else:
                level = max(self.section_level, 2)
                self.body.append(f"\n{'=' * min(level, 6)} {inner}\n\n")
        else:
            self.body.append(f"#strong[{inner}]\n\n")
        raise nodes.SkipNode

    def visit_paragraph(self, node: nodes.paragraph) -> None:
        pass

    def depart_paragraph(self, node: nodes.paragraph) -> None:
        self.body.append("\n\n")

    def visit_bullet_list(self, node: nodes.bullet_list) -> None:
        if "academic-publications" in node["classes"]:
            return  # entries follow one another, unbulleted
        self._list(node, "list")

    def visit_enumerated_list(self, node: nodes.enumerated_list) -> None:
        self._list(node, "enum")

    def _list(self, node: nodes.Element, function: str) -> None:
        items = [content(self._render_child(item)) for item in node.children]
        self.body.append(f"#{function}(tight: true, {', '.join(items)})\n\n")
        raise nodes.SkipNode

    def visit_definition_list(self, node: nodes.definition_list) -> None:
        pairs = []
        for item in node.findall(nodes.definition_list_item):
            term = next(iter(item.findall(nodes.term)), None)
            definition = next(iter(item.findall(nodes.definition)), None)
            pairs.append(
                "("
                + content(self._render_children(term) if term else "")
                + ", "
                + content(self._render_children(definition).strip() if definition else "")
                + ")"
            )
        self.body.append(f"#terms-grid({', '.join(pairs)})\n\n")
        raise nodes.SkipNode

    def visit_literal_block(self, node: nodes.literal_block) -> None:
        self.body.append(f"#raw(block: true, {string_block(node.astext())})\n\n")
        raise nodes.SkipNode

    def visit_table(self, node: nodes.table) -> None:
        rows = list(node.findall(nodes.row))
        if not rows:
            raise nodes.SkipNode
        columns = max(len(row.children) for row in rows)
        cells = [content(self._render_child(entry).strip()) for row in rows for entry in row]
        self.body.append(f"#table(columns: {columns}, {', '.join(cells)})\n\n")
        raise nodes.SkipNode

    # -------------------------------------------------------------- inline

    def visit_emphasis(self, node: nodes.emphasis) -> None:
        self._wrap(node, "emph")

    def visit_strong(self, node: nodes.strong) -> None:
        self._wrap(node, "strong")

    def visit_literal(self, node: nodes.literal) -> None:
        self.body.append(f"#raw({string(node.astext())})")
        raise nodes.SkipNode

    def visit_reference(self, node: nodes.reference) -> None:
        inner = self._render_children(node)
        uri = node.get("refuri", "")
        external = uri.lower().startswith(("http://", "https://", "mailto:"))
        self.body.append(link(uri, inner) if external else inner)
        raise nodes.SkipNode

    # -------------------------------------------------------------- the extension's nodes

    def visit_publication_entry(self, node: publication_entry) -> None:
        self.body.append(entry_markup(node["display"], self.absolute))
        raise nodes.SkipNode

    def visit_publication_legend(self, node: publication_legend) -> None:
        self.body.append(legend_markup(node["legend"]))
        raise nodes.SkipNode

    def visit_cv_timeline(self, node: cv_timeline) -> None:
        pass

    def visit_cv_entry(self, node: cv_entry) -> None:
        item = node["item"]
        dates = "".join(text(part.text) for part in date_parts(item, self.date_formats))
        pieces = []
        if item.title:
            pieces.append(f"#strong[{inline(item.title)}]")
        if item.organization:
            pieces.append(f"#emph[{inline(item.organization)}]")
        if item.location:
            pieces.append(inline(item.location))
        heading = text(", ").join(pieces)
        body = "".join(
            self._render_child(child) for child in node.children if not isinstance(child, cv_header)
        ).strip()
        self.body.append(
            f"#cv-entry(dates: {content(dates)}, heading: {content(heading)}){content(body)}\n\n"
        )
        raise nodes.SkipNode

    def visit_cv_person(self, node: cv_person) -> None:
        self.body.append(person_markup(node["person"]))
        raise nodes.SkipNode

    def visit_cv_numbered(self, node: cv_numbered) -> None:
        items = [content(self._render_child(item)) for item in node.children]
        count = len(items)
        numbering = f"start: {count}, reversed: true, " if node.get("reversed") else ""
        self.body.append(f"#enum({numbering}tight: true, {', '.join(items)})\n\n")
        raise nodes.SkipNode

    def visit_field_list(self, node: nodes.field_list) -> None:
        pairs = []
        for field in node.findall(nodes.field):
            name, body = field.children[0], field.children[1]
            pairs.append(
                "("
                + content(self._render_child(name))
                + ", "
                + content(self._render_child(body).strip())
                + ")"
            )
        self.body.append(f"#terms-grid({', '.join(pairs)})\n\n")
        raise nodes.SkipNode

    def _render_child(self, child: nodes.Node) -> str:
        saved, self.body = self.body, []
        child.walkabout(self)
        out, self.body = "".join(self.body), saved
        return out

    def visit_work_cards(self, node: work_cards) -> None:
        pass

    def visit_work_card(self, node: work_card) -> None:
        shown = node["display"]
        title = text(shown.title)
        if shown.title_href:
            title = link(shown.title_href, title)
        body = "".join(
            self._render_child(child)
            for child in node.children
            if not isinstance(child, card_header | nodes.image)
        ).strip()
        self.body.append(
            f"#cv-entry(dates: {content(text(shown.venue))}, heading: #strong[{title}])"
            f"{content(body)}\n\n"
        )
        raise nodes.SkipNode

    def unknown_visit(self, node: nodes.Node) -> None:
        self.default_visit(node)

    def unknown_departure(self, node: nodes.Node) -> None:
        pass


def person_markup(person: Person) -> str:
    """A CV file's person: name, headline and contacts (links clickable), summary."""
    lines = []
    if person.name:
        lines.append(f'#text(size: 13pt, weight: "bold")[{inline(person.name)}]')
    if person.headline:
        lines.append(inline(person.headline))
    contacts = [
        (text(f"{c.kind} ") if c.shows_kind else "")
        + (link(c.url, text(c.text)) if c.url else text(c.text))
        for c in person.contacts
        if c.text
    ]
    if contacts:
        lines.append(text(" · ").join(contacts))
    summary = "\n\n".join(inline(paragraph) for paragraph in person.summary)
    block = " \\\n".join(lines)
    return f"#block(below: 1em)[{block}]\n\n" + (f"{summary}\n\n" if summary else "")


def string_block(value: str) -> str:
    """A string literal that keeps its line breaks (for code blocks)."""
    clean = _CONTROL.sub(" ", value.replace("\r", ""))
    return '"' + clean.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def translate(
    doctree: nodes.document, date_formats: Mapping[str, str], absolute: Callable[[Link], str]
) -> str:
    translator = TypstTranslator(doctree, date_formats, absolute)
    doctree.walkabout(translator)
    return translator.astext()
