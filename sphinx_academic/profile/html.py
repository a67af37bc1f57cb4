"""The profile and its links in HTML, written in one go (every value through :func:`encode`).

Links are a list: on the home page's profile each shows its icon and its name (or the e-mail
address); in the sidebar only the icon shows, and the name is the link's ``aria-label``
(and its ``title``, for a pointer). Profile links carry ``rel="me"``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..escaping import encode
from .icons import icon_svg
from .links import ProfileLink
from .model import Profile


def link_html(link: ProfileLink, with_text: bool) -> str:
    rel = ' rel="me"' if link.rel_me else ""
    icon = icon_svg(link.icon)
    if with_text:
        inner = f'{icon}<span class="academic-profile-link-text">{encode(link.text)}</span>'
        named = ""
    else:
        inner = icon
        named = f' aria-label="{encode(link.label)}" title="{encode(link.label)}"'
    return (
        f'<a class="academic-profile-link academic-profile-{link.icon}" '
        f'href="{encode(link.url)}"{rel}{named}>{inner}</a>'
    )


def links_html(links: Sequence[ProfileLink], with_text: bool, label: str = "") -> str:
    """The links as a list; ``label`` names it for screen readers ("Profiles and contact")."""
    if not links:
        return ""
    named = f' aria-label="{encode(label)}"' if label else ""
    items = "".join(f"<li>{link_html(link, with_text)}</li>" for link in links)
    return f'<ul class="academic-profile-links"{named}>{items}</ul>\n'


def photo_html(profile: Profile, root: str, alt: str, loading: str) -> str:
    image = profile.image
    if image is None:
        return ""
    size = f' width="{image.width}" height="{image.height}"' if image.width else ""
    return (
        f'<img class="academic-profile-photo" src="{encode(image.href(root))}" '
        f'alt="{encode(alt)}"{size} loading="{loading}" decoding="async" />\n'
    )


def profile_start_html(
    profile: Profile, root: str, *, alt: str, loading: str, show_name: bool
) -> str:
    """Photo, name and position; the directive's body follows, then :func:`profile_end_html`."""
    out = ['<div class="academic-profile">\n', photo_html(profile, root, alt, loading)]
    out.append('<div class="academic-profile-text">\n')
    if show_name:
        out.append(f'<p class="academic-profile-name">{encode(profile.name)}</p>\n')
    if profile.position:
        out.append(f'<p class="academic-profile-position">{encode(profile.position)}</p>\n')
    return "".join(out)


def profile_end_html(profile: Profile) -> str:
    return f"{links_html(profile.links, with_text=True)}</div>\n</div>\n"
