"""nox -s site: build into _build/html (warnings as errors); nox -s serve: live preview."""

import nox

nox.options.sessions = ["site"]
nox.options.reuse_venv = "yes"

SPHINX_ARGS = ["-W", "--keep-going", "-c", ".", "docs"]


@nox.session
def site(session: nox.Session) -> None:
    session.install("-r", "requirements.txt")
    session.run("sphinx-build", *SPHINX_ARGS, "_build/html", *session.posargs)


@nox.session
def serve(session: nox.Session) -> None:
    session.install("-r", "requirements.txt", "sphinx-autobuild")
    session.run(
        "sphinx-autobuild",
        "--host",
        "127.0.0.1",
        "--watch",
        "refs.bib",
        "--watch",
        "cv.yaml",
        "--watch",
        "news.yaml",
        *SPHINX_ARGS,
        "_build/html",
        *session.posargs,
    )
