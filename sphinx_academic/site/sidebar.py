"""The owner's profile and contact links on every page, in furo's sidebar.

furo builds its sidebar from template fragments (``html_sidebars``, its documented way to
change the sidebar). When the site has not set ``html_sidebars`` itself, this adds the
``sidebar/academic-profile.html`` fragment after furo's brand (the site's name); a site that
sets ``html_sidebars`` lists the fragment where it wants it. The sidebar is on every page, and
on phones it is furo's navigation drawer, opened from the menu button. The links are the
profile's (:mod:`sphinx_academic.profile.links`): icons with accessible names, ``rel="me"`` on
profiles, ``mailto:`` for the e-mail address. Their few style rules are inlined in the head:
the components' stylesheet is not loaded on every page, and a stylesheet of its own would be
one more request that blocks rendering.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..head import add_to_head
from ..profile import site_profile
from ..profile.html import links_html

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

FRAGMENT = "sidebar/academic-profile.html"
AFTER = "sidebar/brand.html"
STYLE = (
    ".academic-sidebar-profile{padding:0 var(--sidebar-item-spacing-horizontal)}"
    ".academic-sidebar-profile ul{display:flex;flex-wrap:wrap;gap:.25rem;margin:0;padding:0;"
    "list-style:none}"
    ".academic-sidebar-profile a{display:inline-flex;align-items:center;justify-content:center;"
    "min-width:2.25rem;min-height:2.25rem;border-radius:.25rem;"
    "color:var(--color-sidebar-link-text)}"
    ".academic-sidebar-profile a:hover{color:var(--color-brand-content);"
    "background:var(--color-sidebar-item-background--hover)}"
    ".academic-sidebar-profile a:focus-visible{outline:2px solid var(--color-brand-primary);"
    "outline-offset:1px}"
    ".academic-sidebar-profile svg{width:1.25rem;height:1.25rem}"
)


def add_profile_links(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    profile = site_profile(app)
    sidebars = context.get("sidebars")
    if profile is None or not profile.links or not isinstance(sidebars, list):
        return
    if app.config.html_theme != "furo":
        return  # the fragment is among furo's template overrides (site/__init__.py)
    if not app.config.html_sidebars and FRAGMENT not in sidebars and AFTER in sidebars:
        sidebars.insert(sidebars.index(AFTER) + 1, FRAGMENT)
    if FRAGMENT in sidebars:
        label = "Profiles and contact"
        context["academic_profile_links"] = links_html(profile.links, with_text=False, label=label)
        add_to_head(context, f"<style>{STYLE}</style>")


def setup_sidebar(app: Sphinx) -> None:
    app.connect("html-page-context", add_profile_links)
