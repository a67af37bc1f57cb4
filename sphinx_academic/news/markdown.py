"""A news file's Markdown ``text``, parsed with markdown-it-py into the neutral structure.

CommonMark with raw HTML off (``<b>`` is shown as text, never as markup). What a news item
can show: paragraphs, bullet and numbered lists, emphasis, strong text, inline code, line
breaks and links. Every link goes through :func:`~sphinx_academic.urls.checked_url`
(markdown-it-py's own check is turned off so that a refused link is reported, not silently
kept as text). Headings, quotes, rules and images are shown as plain text, with a problem
saying so. markdown-it-py's nesting limit (20 for CommonMark) bounds the structure; text
nested deeper is left out, with a problem saying so.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..urls import UnsafeURLError, checked_url
from .model import Block, Break, Code, Inline, Link, ListBlock, Paragraph, Styled, Text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

#: Block tokens that only wrap others: their content is kept, their look is not.
_UNSUPPORTED = {
    "heading_open": "a heading",
    "blockquote_open": "a quote",
    "hr": "a rule",
    "table_open": "a table",
}


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False})
    parser.validateLink = lambda url: True  # type: ignore[method-assign]  # checked below
    return parser


class _Inlines:
    """Builds inlines from an ``inline`` token's children (open/close pairs, iteratively)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems

    def build(self, tokens: list[Token]) -> tuple[Inline, ...]:
        stack: list[tuple[str, str, list[Inline]]] = [("", "", [])]
        for token in tokens:
            kind = token.type
            if kind in ("em_open", "strong_open"):
                stack.append((kind, "", []))
            elif kind == "link_open":
                stack.append((kind, str(token.attrs.get("href", "")), []))
            elif kind in ("em_close", "strong_close", "link_close") and len(stack) > 1:
                opened, href, children = stack.pop()
                stack[-1][2].extend(self._close(opened, href, tuple(children)))
            elif kind == "text":
                stack[-1][2].append(Text(token.content))
            elif kind == "softbreak":
                stack[-1][2].append(Text("\n"))
            elif kind == "hardbreak":
                stack[-1][2].append(Break())
            elif kind == "code_inline":
                stack[-1][2].append(Code(token.content))
            elif kind == "image":
                self.problems.append(
                    "images are not shown in news items; its description is shown instead"
                )
                stack[-1][2].append(Text(token.content))
            else:
                stack[-1][2].append(Text(token.content))
        while len(stack) > 1:  # unbalanced (cannot happen with markdown-it): keep the words
            _, _, children = stack.pop()
            stack[-1][2].extend(children)
        return tuple(stack[0][2])

    def _close(self, opened: str, href: str, children: tuple[Inline, ...]) -> list[Inline]:
        if opened == "em_open":
            return [Styled("emphasis", children)]
        if opened == "strong_open":
            return [Styled("strong", children)]
        try:
            return [Link(checked_url(href), children)]
        except UnsafeURLError as err:
            self.problems.append(f"{err}; the link was left out")
            return list(children)


def parse_markdown(text: str) -> tuple[tuple[Block, ...], list[str]]:
    """The text's blocks, and what could not be shown as written."""
    problems: list[str] = []
    inlines = _Inlines(problems)
    root: list[Block] = []
    lists: list[tuple[bool, list[tuple[Block, ...]]]] = []  # open lists: ordered?, items
    items: list[list[Block]] = []  # open list items: their blocks

    def current() -> list[Block]:
        return items[-1] if items else root

    parser = _parser()
    limit = int(parser.options.get("maxNesting", 20))
    for token in parser.parse(text):
        if token.level >= limit - 1:
            problems.append(
                f"the text is nested more than {limit - 2} levels deep (lists, quotes); "
                "the deepest parts are left out"
            )
        kind = token.type
        if kind in _UNSUPPORTED:
            what = _UNSUPPORTED[kind]
            problems.append(f"{what} is shown as plain text in a news item")
        elif kind == "inline":
            current().append(Paragraph(inlines.build(token.children or [])))
        elif kind in ("fence", "code_block"):
            current().append(Paragraph((Code(token.content.rstrip("\n")),)))
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append((kind == "ordered_list_open", []))
        elif kind == "list_item_open":
            items.append([])
        elif kind == "list_item_close" and items and lists:
            lists[-1][1].append(tuple(items.pop()))
        elif kind in ("bullet_list_close", "ordered_list_close") and lists:
            ordered, done = lists.pop()
            current().append(ListBlock(ordered, tuple(done)))
    return tuple(root), list(dict.fromkeys(problems))
