"""Sessions: site (build with -W), guide (the user guide, -W), tests (then lint), serve (live
preview), lint (ruff + mypy)."""

from __future__ import annotations

import nox

nox.options.sessions = ["site", "tests"]
nox.options.reuse_venv = "yes"

SPHINX_ARGS = ["-W", "--keep-going", "-c", ".", "docs"]


@nox.session
def site(session: nox.Session) -> None:
    """Build the site into _build/html, warnings as errors."""
    session.install("-e", ".")
    session.run("sphinx-build", *SPHINX_ARGS, "_build/html", *session.posargs)


@nox.session
def guide(session: nox.Session) -> None:
    """Build the user guide into _build/guide, warnings as errors."""
    session.install("-e", ".")
    session.run("sphinx-build", "-W", "--keep-going", "guide", "_build/guide", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (axe-core for the accessibility tests comes from npm), then lint."""
    session.install("-e", ".[test]")
    session.run("npm", "ci", "--prefix", "tests", "--no-audit", "--no-fund", external=True)
    session.run("pytest", *session.posargs)
    session.notify("lint")  # so the README's test command (and CI) checks the code style too


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview at http://127.0.0.1:8000, rebuilt on every save."""
    session.install("-e", ".", "sphinx-autobuild")
    session.run(
        "sphinx-autobuild",
        "--host",
        "127.0.0.1",
        "--watch",
        "refs.bib",
        "--watch",
        "sphinx_academic",
        *SPHINX_ARGS,
        "_build/html",
        *session.posargs,
    )


@nox.session
def lint(session: nox.Session) -> None:
    """ruff on everything, mypy (strict) on the extension."""
    session.install("-e", ".[lint]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", "sphinx_academic")
    session.run("mypy", "sphinx_academic")
