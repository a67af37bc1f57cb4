"""``sphinx-academic new DIR``: write a ready academic site that builds with ``-W`` at once.

The files are templates under ``sphinx_academic/scaffold/template/`` (``$name``, ``$title`` and
``$year`` are filled in); the example publications and CV entries are marked as examples for
the owner to replace.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Sequence
from importlib import metadata, resources
from pathlib import Path
from string import Template

from .. import __version__

TEMPLATE_PACKAGE = "sphinx_academic.scaffold.template"
#: Template file name -> path in the new site (dot files can't ship under their own names).
RENAMES = {"readthedocs.yaml": ".readthedocs.yaml", "gitignore": ".gitignore"}


class ScaffoldError(Exception):
    """Why the site could not be written, said so the user can act on it."""


def template_files() -> dict[str, str]:
    """Relative path in the new site -> template text."""
    root = resources.files(TEMPLATE_PACKAGE)
    files: dict[str, str] = {}
    pending = [(root, "")]
    while pending:
        folder, prefix = pending.pop()
        for item in folder.iterdir():
            if item.name.startswith("__") or item.name.endswith(".pyc"):
                continue
            if item.is_dir():
                pending.append((item, f"{prefix}{item.name}/"))
            else:
                name = RENAMES.get(item.name, item.name)
                files[f"{prefix}{name}"] = item.read_text(encoding="utf-8")
    return files


def requirement() -> str:
    """How the new site installs this extension: from PyPI, or (PEP 610) from the local
    directory, wheel or repository this copy was installed from, which PyPI may not have."""
    pinned = f"sphinx-academic>={__version__}"
    try:
        direct = metadata.distribution("sphinx-academic").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return pinned
    if not direct:
        return pinned
    info = json.loads(direct)
    url = info.get("url", "")
    if "vcs_info" in info:
        vcs = info["vcs_info"]
        return f"sphinx-academic @ {vcs['vcs']}+{url}@{vcs.get('commit_id', '')}".rstrip("@")
    return f"sphinx-academic @ {url}" if url else pinned


def write_site(target: Path, name: str, title: str | None = None) -> list[Path]:
    """Write the site into ``target`` (new or empty); return the files written."""
    if not name.strip():
        raise ScaffoldError("--name must not be empty: give the site owner's name")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"{target} exists and is not empty; choose a new directory")
    values = {
        "name": name.strip(),
        "title": (title or name).strip(),
        "year": str(datetime.date.today().year),
        "version": __version__,
        "requirement": requirement(),
    }
    written = []
    for relative, text in sorted(template_files().items()):
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(Template(text).substitute(values), encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="sphinx-academic", description="Tools for sphinx-academic sites."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="write a new academic site into DIR")
    new.add_argument("directory", type=Path, metavar="DIR")
    new.add_argument("--name", default="Your Name", help="the site owner's name")
    new.add_argument("--title", help="the site's title (default: the owner's name)")
    args = parser.parse_args(argv)
    try:
        written = write_site(args.directory, args.name, args.title)
    except ScaffoldError as err:
        print(f"sphinx-academic: {err}", file=sys.stderr)
        return 2
    print(f"Wrote {len(written)} files to {args.directory}. Build the site with:")
    print(f"  cd {args.directory} && python3 -m pip install nox && python3 -m nox -s site")
    return 0
