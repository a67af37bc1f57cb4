"""Inline text as data: runs of plain, strong, emphasised, code or linked text, and line breaks.

Why: CV files, bib fields and news items carry inline markup (RenderCV allows Markdown in every
text field, al-folio Markdown in ``award`` and HTML in ``cv.yml``, news files Markdown, a
``news`` directive's body MyST or reST). Turning it into HTML here would tie the data to one
output; instead it is read once into :class:`Inline` and every renderer (HTML through
:func:`to_html`, docutils nodes through :func:`to_nodes`, Typst) writes the runs its own way.

Readers: :func:`markdown` and :func:`from_tokens` (markdown-it, through MyST, with raw HTML off;
the one walker of inline tokens, also for the paragraphs of a news file), :func:`html_subset`
(al-folio's small set of safe tags) and :func:`from_docutils` (a parsed body's inline nodes).
Every link passes :func:`checked_link`: :func:`~.urls.checked_url` always, and it must be
absolute (http, https or mailto) unless the reader is told ``relative_links=True``: a page
cannot tell what a relative link in a data file was relative to, while a news item's link is
relative to the page that shows it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from docutils import nodes

from .escaping import encode
from .urls import UnsafeURLError, checked_url, has_scheme

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text and how it is set; ``link`` is a checked URL or "".

    A line break (al-folio's ``<br>``, Markdown's hard break) is a run of its own, ``"\n"``
    with ``is_break``; a newline in text (HTML source, a soft break) is only white space.
    """

    text: str
    strong: bool = False
    emphasis: bool = False
    code: bool = False
    link: str = ""
    is_break: bool = False


@dataclass(frozen=True, slots=True)
class Inline:
    """A line of text with inline markup, as runs; ``Inline.of("text")`` for plain text."""

    runs: tuple[Run, ...] = ()

    @classmethod
    def of(cls, text: str) -> Inline:
        return cls((Run(text),)) if text else cls()

    @property
    def plain(self) -> str:
        """The text without markup (breaks as spaces): for search, sorting and ``alt``."""
        return "".join(" " if run.is_break else run.text for run in self.runs).strip()

    def __bool__(self) -> bool:
        return any(run.text.strip() for run in self.runs)

    def __add__(self, other: Inline) -> Inline:
        return Inline(self.runs + other.runs)

    def styled(self, *, strong: bool = False, emphasis: bool = False) -> Inline:
        """The same runs, also strong and/or emphasised."""
        return Inline(
            tuple(
                replace(r, strong=r.strong or strong, emphasis=r.emphasis or emphasis)
                for r in self.runs
            )
        )


def join(parts: Iterable[Inline], separator: str = ", ") -> Inline:
    """The non-empty parts, separated by plain ``separator``."""
    runs: list[Run] = []
    for part in parts:
        if not part:
            continue
        if runs:
            runs.append(Run(separator))
        runs.extend(part.runs)
    return Inline(tuple(runs))


class LinkProblem(ValueError):
    """A link that was left out (its text is kept): what was wrong, and how to fix it."""


def checked_link(raw: str, *, relative: bool = False) -> str:
    """A safe URL (:func:`~.urls.checked_url`) that is absolute, or :class:`LinkProblem`.

    A bare host name (``example.org/page``, as JSON Resume's own sample writes) is read as
    ``https://``; any other relative link is refused, since a data file cannot say what it
    is relative to. With ``relative``, relative links are kept as written (a news item's
    ``publications.html``, relative to the page that shows it).
    """
    url = raw.strip()
    try:
        url = checked_url(url)
    except UnsafeURLError as err:
        raise LinkProblem(str(err)) from None
    if relative or has_scheme(url):
        return url
    host = _BARE_HOST.match(url)
    if host and host.group(1).lower() not in _FILE_ENDINGS:
        return "https://" + url
    raise LinkProblem(
        f"the link {url[:60]!r} is relative; links in CV files must be full addresses "
        "(https://…, mailto:…)"
    )


_BARE_HOST = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.([a-z]{2,})(?:[/?#]\S*)?$", re.I)
#: Endings of file names, which look like top-level domains but name a file: "about.html".
_FILE_ENDINGS = frozenset(
    "html htm php asp aspx jsp pdf md txt xml json png jpg jpeg gif svg".split()
)


# ------------------------------------------------------------------ reading Markdown


def _any_link(url: str) -> bool:
    return True


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt  # installed with MyST; imported when a file needs it

    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.disable("image")  # an image in a CV line is shown as its text (no fetches)
    md.validateLink = _any_link  # type: ignore[method-assign]  # checked below, with a warning
    return md


@dataclass
class _Style:
    """What the text being read is set in: open strong, emphasis and code, and the link."""

    strong: int = 0
    emphasis: int = 0
    code: int = 0
    link: str = ""

    def run(self, text: str, *, code: bool = False) -> Run:
        return Run(text, self.strong > 0, self.emphasis > 0, code or self.code > 0, self.link)

    def line_break(self) -> Run:
        return Run("\n", self.strong > 0, self.emphasis > 0, False, self.link, is_break=True)


def _link(href: str, problems: list[str] | None, relative: bool) -> str:
    """The checked URL, or "" (the text stays, unlinked) with why added to ``problems``."""
    try:
        return checked_link(href, relative=relative)
    except LinkProblem as err:
        if problems is not None:
            problems.append(f"{err}; the link was left out, its text kept")
        return ""


def markdown(
    text: str, problems: list[str] | None = None, *, relative_links: bool = False
) -> Inline:
    """Inline Markdown (``**bold**``, ``*italic*``, `` `code` ``, ``[text](url)``) as runs.

    Raw HTML and images are shown as text. A link whose URL is unsafe, or relative without
    ``relative_links``, keeps its text, and why it was left out is added to ``problems``.
    """
    if not any(c in text for c in "*_`[<&\\\n"):
        return Inline.of(text)
    tokens = _children(_markdown().parseInline(text))
    return from_tokens(tokens, problems, relative_links=relative_links)


def from_tokens(
    tokens: Iterable[Token], problems: list[str] | None = None, *, relative_links: bool = False
) -> Inline:
    """The children of a markdown-it ``inline`` token as runs: the one Markdown walker, for
    :func:`markdown` and for the paragraphs of a document parsed whole (a news file's text).

    Iterative (open and close tokens count up and down), so nesting costs no stack. An image,
    where the parser reads them, is shown as its description, with a problem saying so.
    """
    runs: list[Run] = []
    style = _Style()
    for token in tokens:
        kind = token.type
        if kind == "text" or kind == "html_inline":
            _add(runs, token.content, style)
        elif kind == "softbreak":
            _add(runs, " ", style)
        elif kind == "hardbreak":
            runs.append(style.line_break())
        elif kind == "code_inline":
            runs.append(style.run(token.content, code=True))
        elif kind == "strong_open":
            style.strong += 1
        elif kind == "strong_close":
            style.strong -= 1
        elif kind == "em_open":
            style.emphasis += 1
        elif kind == "em_close":
            style.emphasis -= 1
        elif kind == "link_open":
            style.link = _link(str(token.attrs.get("href", "")), problems, relative_links)
        elif kind == "link_close":
            style.link = ""
        elif kind == "image":
            if problems is not None:
                problems.append(
                    "an image is not shown here, only its description; "
                    "to offer it, link to it: [description](address)"
                )
            _add(runs, token.content, style)
        else:  # anything markdown-it adds later: its text, never markup
            _add(runs, token.content, style)
    return Inline(tuple(_merged(runs)))


def _children(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        if token.children:
            yield from token.children
        else:
            yield token


def _add(runs: list[Run], text: str, style: _Style) -> None:
    if text:
        runs.append(style.run(text))


def _merged(runs: list[Run]) -> Iterator[Run]:
    """Neighbouring runs of the same style as one (fewer nodes for every renderer)."""
    pending: Run | None = None
    for run in runs:
        if (
            pending is not None
            and not pending.is_break
            and not run.is_break
            and (pending.strong, pending.emphasis, pending.code, pending.link)
            == (run.strong, run.emphasis, run.code, run.link)
        ):
            pending = replace(pending, text=pending.text + run.text)
            continue
        if pending is not None:
            yield pending
        pending = run
    if pending is not None:
        yield pending


# ------------------------------------------------------------------ reading al-folio's HTML

#: Tags al-folio's own cv.yml examples use, and what each becomes.
SAFE_TAGS = frozenset({"a", "b", "strong", "i", "em", "code", "br", "span", "sup", "sub", "u"})
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z]")


class _HTMLRuns(HTMLParser):
    def __init__(self, problems: list[str] | None) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[Run] = []
        self.style = _Style()
        self.problems = problems
        self.refused: set[str] = set()

    def _refuse(self, tag: str) -> None:
        if tag not in self.refused and self.problems is not None:
            self.refused.add(tag)
            self.problems.append(
                f"the HTML tag <{tag}> is not one of {', '.join(sorted(SAFE_TAGS))}; "
                "it is shown as text: remove it or use one of those"
            )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("b", "strong"):
            self.style.strong += 1
        elif tag in ("i", "em"):
            self.style.emphasis += 1
        elif tag == "code":
            self.style.code += 1
        elif tag == "br":
            self.runs.append(self.style.line_break())
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.style.link = _link(href, self.problems, relative=False) if href else ""
        elif tag not in SAFE_TAGS:
            self._refuse(tag)
            self.handle_data(self.get_starttag_text() or f"<{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.runs.append(self.style.line_break())
        elif tag not in SAFE_TAGS:
            self._refuse(tag)
            self.handle_data(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("b", "strong"):
            self.style.strong = max(0, self.style.strong - 1)
        elif tag in ("i", "em"):
            self.style.emphasis = max(0, self.style.emphasis - 1)
        elif tag == "code":
            self.style.code = max(0, self.style.code - 1)
        elif tag == "a":
            self.style.link = ""
        elif tag not in SAFE_TAGS:
            self._refuse(tag)
            self.handle_data(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        _add(self.runs, data, self.style)


def html_subset(text: str, problems: list[str] | None = None) -> Inline:
    """Text with al-folio's safe HTML (``<a href>``, ``<b>``, ``<i>``, ``<br>`` …) as runs;
    any other tag is shown as text, named in ``problems``. Entities are decoded."""
    if not _TAG.search(text):
        return Inline.of(html.unescape(text) if "&" in text else text)
    parser = _HTMLRuns(problems)
    parser.feed(text)
    parser.close()
    return Inline(tuple(_merged(parser.runs)))


# ------------------------------------------------------------------ reading docutils nodes

_BREAK_HTML = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)


def from_docutils(
    node: nodes.Element, problems: list[str] | None = None, *, relative_links: bool = False
) -> Inline:
    """A parsed paragraph's inline content as runs (a ``news`` item's body, for the feed).

    Emphasis, strong, literals and references with a URL keep their look; any other inline
    element (a citation, a resolved cross-reference) gives its words. Raw output is left out,
    but for the HTML line break MyST writes for a hard break: it is a break.
    """
    runs: list[Run] = []
    _read_nodes(node, _Style(), runs, problems, relative_links)
    return Inline(tuple(_merged(runs)))


def _read_nodes(
    node: nodes.Element,
    style: _Style,
    runs: list[Run],
    problems: list[str] | None,
    relative: bool,
) -> None:
    for child in node.children:
        if isinstance(child, nodes.Text):
            _add(runs, str(child), style)
        elif isinstance(child, nodes.literal):
            runs.append(style.run(child.astext(), code=True))
        elif isinstance(child, nodes.raw):
            if "html" in child.get("format", "").split() and _BREAK_HTML.fullmatch(child.astext()):
                runs.append(style.line_break())
        elif isinstance(child, nodes.Element):
            inner = replace(style)
            if isinstance(child, nodes.strong):
                inner.strong += 1
            elif isinstance(child, nodes.emphasis):
                inner.emphasis += 1
            elif isinstance(child, nodes.reference) and child.get("refuri"):
                inner.link = _link(child["refuri"], problems, relative)
            _read_nodes(child, inner, runs, problems, relative)


# ------------------------------------------------------------------ writing

#: A run's look as elements, outermost first: ("link", url), ("strong", ""), ("emphasis", "").
#: Code is the text's own wrapper, innermost.
_Mark = tuple[str, str]


def _marks(run: Run) -> tuple[_Mark, ...]:
    link = (("link", run.link),) if run.link else ()
    strong = (("strong", ""),) if run.strong else ()
    emphasis = (("emphasis", ""),) if run.emphasis else ()
    return link + strong + emphasis


def _nesting(inline: Inline) -> Iterator[tuple[int, tuple[_Mark, ...], Run | None]]:
    """How to write the runs as nested elements: before each run, how many of the open
    elements to close (innermost first) and which to open (outermost first); at the end,
    ``None`` closes the rest. An element stays open while the next runs keep its mark, so
    ``*a **b** c*`` is one emphasis around a strong, as written; marks that open together
    nest in :func:`_marks` order."""
    open_marks: list[_Mark] = []
    for run in inline.runs:
        wanted = _marks(run)
        kept = 0
        while kept < len(open_marks) and open_marks[kept] in wanted:
            kept += 1
        opened = tuple(mark for mark in wanted if mark not in open_marks[:kept])
        yield len(open_marks) - kept, opened, run
        open_marks[kept:] = opened
    yield len(open_marks), (), None


def _absolute(url: str, base: str) -> str:
    """A relative link made absolute against ``base`` (a feed's readers would resolve it
    against the feed's own address, not the page's); absolute ones as they are."""
    if base and not has_scheme(url) and not url.startswith("//"):
        return urljoin(base, url)
    return url


def to_html(inline: Inline, base: str = "") -> str:
    """The runs as HTML; every piece of text is escaped with :func:`~.escaping.encode`.
    ``base``: the address relative links are made absolute against (the Atom feed)."""
    out: list[str] = []
    closing: list[str] = []
    for close, opened, run in _nesting(inline):
        for _ in range(close):
            out.append(closing.pop())
        for kind, url in opened:
            if kind == "link":
                href = encode(_absolute(url, base))
                out.append(f'<a class="reference external" href="{href}">')
                closing.append("</a>")
            else:
                tag = "strong" if kind == "strong" else "em"
                out.append(f"<{tag}>")
                closing.append(f"</{tag}>")
        if run is not None:
            out.append(_run_html(run))
    return "".join(out)


def _run_html(run: Run) -> str:
    if run.is_break:
        return "<br />"
    if run.code:
        return f'<code class="docutils literal notranslate">{encode(run.text)}</code>'
    return encode(run.text)


def to_nodes(inline: Inline) -> list[nodes.Node]:
    """The runs as standard docutils nodes (``strong``, ``emphasis``, ``literal``,
    ``reference``), nested as :func:`to_html` nests its elements, which every builder writes
    and escapes its own way."""
    out: list[nodes.Node] = []
    open_elements: list[nodes.Element] = []

    def add(node: nodes.Node) -> None:
        if open_elements:
            open_elements[-1].append(node)
        else:
            out.append(node)

    for close, opened, run in _nesting(inline):
        del open_elements[len(open_elements) - close :]
        for kind, url in opened:
            element: nodes.Element
            if kind == "link":
                element = nodes.reference("", "", refuri=url)
            elif kind == "strong":
                element = nodes.strong()
            else:
                element = nodes.emphasis()
            add(element)
            open_elements.append(element)
        for node in _run_nodes(run) if run is not None else ():
            add(node)
    return out


def _run_nodes(run: Run) -> list[nodes.Node]:
    if run.is_break:  # a break in HTML; other builders' writers see a newline
        return [nodes.raw("", "<br />", format="html"), nodes.Text("\n")]
    if run.code:
        return [nodes.literal(run.text, run.text)]
    return [nodes.Text(run.text)]
