"""Publication lists: the ``publications`` directive, its entries, and how each output shows them.

``directive`` (read time) → ``lists`` (write time, from the domain's records) → ``display``
(what an entry shows) → one renderer per output: ``html``, ``lowering`` (LaTeX, text, man,
texinfo), ``style`` (``{cite}`` tooltips), with ``nodes`` tying them to Sphinx's builders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .directive import setup_directive
from .files import setup_files
from .lists import setup_lists
from .nodes import setup_nodes
from .style import setup_style

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_publications(app: Sphinx) -> None:
    setup_nodes(app)
    setup_directive(app)
    setup_lists(app)
    setup_style(app)
    setup_files(app)
