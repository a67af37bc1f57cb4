"""``example``: show MyST source, then what it renders to, from one copy of the text.

The guide's examples cannot drift from what they show: the block is parsed as the page's
own content, and printed above it as a code block.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


class ExampleDirective(SphinxDirective):
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"caption": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        text = "\n".join(self.content)
        source = nodes.literal_block(text, text, language="markdown")
        rendered = nodes.container(classes=["guide-rendered"])
        self.state.nested_parse(self.content, self.content_offset, rendered)
        caption = self.options.get("caption", "This MyST")
        return [
            nodes.paragraph(caption, caption + ":", classes=["guide-caption"]),
            source,
            nodes.paragraph("", "renders as:", classes=["guide-caption"]),
            rendered,
        ]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("example", ExampleDirective)
    app.add_css_file("guide.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
