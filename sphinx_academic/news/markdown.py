"""A news file's Markdown ``text``, parsed with markdown-it-py into the neutral structure.

CommonMark with raw HTML off (``<b>`` is shown as text, never as markup). What a news item
can show: paragraphs, bullet and numbered lists, emphasis, strong text, inline code, line
breaks and links. This module walks the blocks; each paragraph's inline tokens are read by
:func:`~sphinx_academic.inline.from_tokens`, the walker CV text uses, with relative links
allowed (every link still goes through :func:`~sphinx_academic.urls.checked_url`;
markdown-it-py's own check is turned off so that a refused link is reported, not silently
kept as text). Headings, quotes, rules and images are shown as plain text, with a problem
saying so. markdown-it-py's nesting limit (20 for CommonMark) bounds the structure; text
nested deeper is left out, with a problem saying so.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..inline import Inline, Run, from_tokens
from .model import Block, ListBlock, Paragraph

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

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
    parser.validateLink = lambda url: True  # type: ignore[method-assign]  # checked by inline.py
    return parser


def parse_markdown(text: str) -> tuple[tuple[Block, ...], list[str]]:
    """The text's blocks, and what could not be shown as written."""
    problems: list[str] = []
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
            inline = from_tokens(token.children or [], problems, relative_links=True)
            current().append(Paragraph(inline))
        elif kind in ("fence", "code_block"):
            code = Run(token.content.rstrip("\n"), code=True)
            current().append(Paragraph(Inline((code,))))
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
