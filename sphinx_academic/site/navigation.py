"""Keep every page's navigation fresh on incremental builds.

furo shows the whole site's navigation (sidebar, previous/next links) on every page, but Sphinx
rewrites only the pages it re-read. When a page is added or removed, or a title or toctree
changes, the other pages would keep stale navigation; then every page is rewritten (not
re-read), which is what a clean build would produce.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import AcademicDomain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

Signature = tuple[
    tuple[str, ...], tuple[tuple[str, str], ...], tuple[tuple[str, tuple[str, ...]], ...]
]


def navigation_signature(env: BuildEnvironment) -> Signature:
    return (
        tuple(sorted(env.found_docs)),
        tuple(sorted((doc, title.astext()) for doc, title in env.titles.items())),
        tuple(sorted((doc, tuple(children)) for doc, children in env.toctree_includes.items())),
    )


def rewrite_all_if_navigation_changed(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = AcademicDomain.of(env)
    signature = navigation_signature(env)
    previous = domain.data["navigation"]
    domain.data["navigation"] = signature
    if previous is not None and previous != signature:
        return sorted(env.found_docs)
    return []


def delete_pages_of_removed_docs(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Sphinx leaves a removed page's HTML behind; a clean build would not have it."""
    builder = app.builder
    if builder.format != "html":
        return []
    outdir = Path(builder.outdir).resolve()
    for docname in removed:
        target = (outdir / builder.get_target_uri(docname)).resolve()
        if target.is_relative_to(outdir) and target.is_file():
            target.unlink()
    return []


def setup_navigation(app: Sphinx) -> None:
    app.connect("env-get-outdated", delete_pages_of_removed_docs)
    app.connect("env-updated", rewrite_all_if_navigation_changed)
