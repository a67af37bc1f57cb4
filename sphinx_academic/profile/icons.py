"""The icons of profile links: inline SVG shipped in ``icons/`` (no icon font, no request).

Each icon is one of Font Awesome Free's SVG files (CC BY 4.0, attribution in ``NOTICE.txt``
and in each file). A page gets only the path data, inside an ``<svg>`` that is hidden from
screen readers: the link around it carries the accessible name.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

#: Icon names: a file ``icons/<name>.svg`` each.
ICONS = frozenset(
    {"email", "github", "google-scholar", "orcid", "linkedin", "bluesky", "mastodon", "x", "link"}
)
_VIEW_BOX = re.compile(r'viewBox="([0-9 .-]+)"')
_PATH = re.compile(r'<path[^>]*\sd="([^"]+)"')


@cache
def _shape(name: str) -> tuple[str, str]:
    """The icon's viewBox and path data, read once from its file."""
    if name not in ICONS:
        raise KeyError(f"no icon {name!r}")
    text = resources.files(__package__).joinpath("icons", f"{name}.svg").read_text("utf-8")
    view_box, path = _VIEW_BOX.search(text), _PATH.search(text)
    if view_box is None or path is None:
        raise ValueError(f"icons/{name}.svg has no viewBox or path")
    return view_box.group(1), path.group(1)


def icon_svg(name: str) -> str:
    """The icon as inline SVG, sized by CSS (1em by default), drawn in the text's colour."""
    view_box, path = _shape(name)
    return (
        f'<svg class="academic-icon" viewBox="{view_box}" width="16" height="16" '
        f'aria-hidden="true" focusable="false"><path fill="currentColor" d="{path}"/></svg>'
    )
