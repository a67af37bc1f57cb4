"""Inline text as data: runs of plain, strong, emphasised, code or linked text.

Why: CV files and bib fields carry inline markup (RenderCV allows Markdown in every text
field, al-folio Markdown in ``award`` and HTML in ``cv.yml``). Turning it into HTML here would
tie the data to one output; instead it is read once into :class:`Inline` and every renderer
(HTML through :func:`to_html`, docutils nodes through :func:`to_nodes`, later Typst) writes the
runs its own way. Markdown is parsed by markdown-it (through MyST) with raw HTML off; al-folio's
small set of safe tags maps to the same runs. Every link passes :func:`~.urls.checked_url` and
must be absolute (http, https or mailto): a page cannot tell what a relative link in a data file
was relative to.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from docutils import nodes

from .escaping import encode
from .urls import UnsafeURLError, checked_url, has_scheme

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text and how it is set; ``link`` is a checked absolute URL or ""."""

    text: str
    strong: bool = False
    emphasis: bool = False
    code: bool = False
    link: str = ""

    @property
    def is_break(self) -> bool:
        """A line break (al-folio's ``<br>``, Markdown's hard break)."""
        return self.text == "\n"


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


def checked_link(raw: str) -> str:
    """An absolute http(s) or mailto URL, or :class:`LinkProblem`.

    A bare host name (``example.org/page``, as JSON Resume's own sample writes) is read as
    ``https://``; any other relative link is refused, since a data file cannot say what it
    is relative to.
    """
    url = raw.strip()
    try:
        url = checked_url(url)
    except UnsafeURLError as err:
        raise LinkProblem(str(err)) from None
    if has_scheme(url):
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
    strong: int = 0
    emphasis: int = 0
    link: str = ""


def markdown(text: str, problems: list[str] | None = None) -> Inline:
    """Inline Markdown (``**bold**``, ``*italic*``, `` `code` ``, ``[text](url)``) as runs.

    Raw HTML is shown as text. A link whose URL is unsafe or relative keeps its text, and
    why it was left out is added to ``problems``.
    """
    if not any(c in text for c in "*_`[<&\\\n"):
        return Inline.of(text)
    tokens = _markdown().parseInline(text)
    runs: list[Run] = []
    style = _Style()
    for token in _children(tokens):
        kind = token.type
        if kind == "text" or kind == "html_inline":
            _add(runs, token.content, style)
        elif kind == "softbreak":
            _add(runs, " ", style)
        elif kind == "hardbreak":
            runs.append(Run("\n"))
        elif kind == "code_inline":
            runs.append(
                Run(token.content, bool(style.strong), bool(style.emphasis), True, style.link)
            )
        elif kind == "strong_open":
            style.strong += 1
        elif kind == "strong_close":
            style.strong -= 1
        elif kind == "em_open":
            style.emphasis += 1
        elif kind == "em_close":
            style.emphasis -= 1
        elif kind == "link_open":
            href = str(token.attrs.get("href", ""))
            try:
                style.link = checked_link(href)
            except LinkProblem as err:
                if problems is not None:
                    problems.append(f"{err}; the link was left out, its text kept")
                style.link = ""
        elif kind == "link_close":
            style.link = ""
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
        runs.append(Run(text, bool(style.strong), bool(style.emphasis), False, style.link))


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
        self.code = 0
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
            self.code += 1
        elif tag == "br":
            self.runs.append(Run("\n"))
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            try:
                self.style.link = checked_link(href) if href else ""
            except LinkProblem as err:
                if self.problems is not None:
                    self.problems.append(f"{err}; the link was left out, its text kept")
                self.style.link = ""
        elif tag not in SAFE_TAGS:
            self._refuse(tag)
            self.handle_data(self.get_starttag_text() or f"<{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.runs.append(Run("\n"))
        elif tag not in SAFE_TAGS:
            self._refuse(tag)
            self.handle_data(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("b", "strong"):
            self.style.strong = max(0, self.style.strong - 1)
        elif tag in ("i", "em"):
            self.style.emphasis = max(0, self.style.emphasis - 1)
        elif tag == "code":
            self.code = max(0, self.code - 1)
        elif tag == "a":
            self.style.link = ""
        elif tag not in SAFE_TAGS:
            self._refuse(tag)
            self.handle_data(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if data:
            self.runs.append(
                Run(
                    data,
                    bool(self.style.strong),
                    bool(self.style.emphasis),
                    bool(self.code),
                    self.style.link,
                )
            )


def html_subset(text: str, problems: list[str] | None = None) -> Inline:
    """Text with al-folio's safe HTML (``<a href>``, ``<b>``, ``<i>``, ``<br>`` …) as runs;
    any other tag is shown as text, named in ``problems``. Entities are decoded."""
    if not _TAG.search(text):
        return Inline.of(html.unescape(text) if "&" in text else text)
    parser = _HTMLRuns(problems)
    parser.feed(text)
    parser.close()
    return Inline(tuple(_merged(parser.runs)))


# ------------------------------------------------------------------ writing


def to_html(inline: Inline) -> str:
    """The runs as HTML; every piece of text is escaped with :func:`~.escaping.encode`."""
    out = []
    for run in inline.runs:
        if run.is_break:
            out.append("<br />")
            continue
        piece = encode(run.text)
        if run.code:
            piece = f'<code class="docutils literal notranslate">{piece}</code>'
        if run.emphasis:
            piece = f"<em>{piece}</em>"
        if run.strong:
            piece = f"<strong>{piece}</strong>"
        if run.link:
            piece = f'<a class="reference external" href="{encode(run.link)}">{piece}</a>'
        out.append(piece)
    return "".join(out)


def to_nodes(inline: Inline) -> list[nodes.Node]:
    """The runs as standard docutils nodes (``strong``, ``emphasis``, ``literal``,
    ``reference``), which every builder writes and escapes its own way."""
    out: list[nodes.Node] = []
    for run in inline.runs:
        if run.is_break:
            out.append(nodes.raw("", "<br />", format="html"))
            out.append(nodes.Text("\n"))
            continue
        node: nodes.Node = nodes.Text(run.text)
        if run.code:
            node = nodes.literal(run.text, run.text)
        if run.emphasis:
            node = nodes.emphasis("", "", node)
        if run.strong:
            node = nodes.strong("", "", node)
        if run.link:
            node = nodes.reference("", "", node, refuri=run.link)
        out.append(node)
    return out
