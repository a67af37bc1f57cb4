"""The site owner as pages show them: read once per build from ``academic_person``.

``config.py`` has already checked the value's shape (text, addresses, lists). Here the photo,
when it is a file, is found inside the conf dir (links followed: :mod:`sphinx_academic.files`)
and measured, so pages can reserve its space; the profile links are named
(:mod:`.links`). What cannot be used is a problem, said once per build.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from ..files import FileRefused, resolve_inside
from ..urls import has_scheme
from .links import ProfileLink, profile_links

#: Formats browsers show in an ``<img>``: the file is copied into the site as it is.
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"})


@dataclass(frozen=True, slots=True)
class ProfileImage:
    """The photo: an http(s) address, or a file of the conf dir copied into the site."""

    url: str  #: the address, or the file's path from the site's root (URL-quoted)
    local: bool
    site_path: str = ""  #: where a file is copied, from the site's root (conf-dir relative)
    source: str = ""  #: the file's real path, for copying ("" for an address)
    width: int = 0  #: intrinsic size in pixels, 0 when unknown
    height: int = 0

    def href(self, root: str = "") -> str:
        return root + self.url if self.local else self.url


@dataclass(frozen=True, slots=True)
class Profile:
    """What the ``profile`` directive, the sidebar and the feed show of the owner."""

    name: str
    job_title: str = ""
    organizations: tuple[str, ...] = ()  #: ``works_for``, then ``affiliation`` if different
    image: ProfileImage | None = None
    links: tuple[ProfileLink, ...] = ()

    @property
    def position(self) -> str:
        """ "Senior Director, Together AI": the job title and the organizations."""
        return ", ".join(p for p in (self.job_title, *self.organizations) if p)


def _measure(path: Path) -> tuple[int, int]:
    import imagesize  # Sphinx's own dependency, for the same job

    try:
        width, height = imagesize.get(str(path))
    except (OSError, ValueError):
        return 0, 0
    return (int(width), int(height)) if width > 0 and height > 0 else (0, 0)


def read_image(image: str, confdir: Path) -> tuple[ProfileImage | None, str]:
    """The photo, or None and what is wrong with it."""
    if has_scheme(image):
        return ProfileImage(image, local=False), ""
    if PurePosixPath(image).suffix.lower() not in IMAGE_SUFFIXES:
        kinds = ", ".join(sorted(IMAGE_SUFFIXES))
        return None, f"image {image!r} is not a picture a browser shows ({kinds}); convert it"
    try:
        real = resolve_inside(confdir / image, [confdir], "academic_person image")
    except FileRefused as err:  # FileMissing too
        return None, f"{err}; the photo was left out"
    width, height = _measure(real)
    return ProfileImage(quote(image), True, image, str(real), width, height), ""


def read_profile(person: Mapping[str, Any], confdir: Path) -> tuple[Profile | None, list[str]]:
    """The profile ``academic_person`` describes (None if it is empty), and its problems."""
    if not person.get("name"):
        return None, []
    problems = []
    image = None
    if person.get("image"):
        image, problem = read_image(person["image"], confdir)
        if problem:
            problems.append(problem)
    named = (person.get("works_for", ""), person.get("affiliation", ""))
    organizations = tuple(dict.fromkeys(o for o in named if o))
    profile = Profile(
        name=person["name"],
        job_title=person.get("job_title", ""),
        organizations=organizations,
        image=image,
        links=profile_links(person),
    )
    return profile, problems
