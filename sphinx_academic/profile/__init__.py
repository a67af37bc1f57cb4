"""The site owner's profile: ``academic_person`` read once per build, the ``profile``
directive, and the profile links (``links``, with inline SVG ``icons``) that the site policy
also shows on every page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.osutil import copyfile, ensuredir

from ..domain import AcademicDomain
from ..messages import Subtype, warn_at
from .directive import ProfileDirective
from .model import Profile, read_profile
from .nodes import setup_nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def read_person(app: Sphinx) -> None:
    """The build's profile, into the domain (build-wide); its problems, once, at conf.py."""
    profile, problems = read_profile(app.config.academic_person, Path(app.confdir))
    AcademicDomain.of(app.env).data["profile"] = profile
    for problem in problems:
        warn_at(f"academic_person: {problem}", Subtype.PROFILE, Path(app.confdir, "conf.py"), None)


def site_profile(app: Sphinx) -> Profile | None:
    profile: Profile | None = AcademicDomain.of(app.env).data["profile"]
    return profile


#: Sphinx's documented defaults of ``author`` and ``project``: not names to print.
UNSET = ("Author name not set", "Project name not set")


def owner_name(app: Sphinx, fallback: str) -> str:
    """The site owner's name: ``academic_person``'s, else ``author``, else ``project`` (not
    Sphinx's placeholders for them), else ``fallback``."""
    profile = site_profile(app)
    names = (profile.name if profile else "", app.config.author, app.config.project)
    return next((str(n) for n in names if n and n not in UNSET), fallback)


def copy_photo(app: Sphinx, exception: BaseException | None) -> None:
    """The photo file, at its conf-dir path in the built site (pages and JSON-LD link it)."""
    profile = site_profile(app)
    if exception is not None or app.builder.format != "html" or profile is None:
        return
    image = profile.image
    if image is not None and image.local:
        target = Path(app.outdir, image.site_path)
        ensuredir(target.parent)
        copyfile(image.source, target, force=True)


def setup_profile(app: Sphinx) -> None:
    setup_nodes(app)
    app.add_directive("profile", ProfileDirective)
    app.connect("builder-inited", read_person)
    app.connect("build-finished", copy_photo)
