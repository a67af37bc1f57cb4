"""``sphinx-academic new DIR``: write a ready academic site that builds with ``-W`` at once.

The files are templates under ``sphinx_academic/scaffold/template/``; the example
publications and CV entries are marked as examples for the owner to replace.

The owner's values (``$name``, ``$title``, ``$copyright``, and ``$author_name``: the name as a
bib file writes it) are written as literals of each file's language (:mod:`.literals`), so
that no name can break a file, run code or add markup. In Python, YAML and TOML a placeholder
is a whole quoted string (``author = "$name"``, ``name: "$name"``), replaced by the literal,
quotes included; in Markdown and BibTeX it stands in running text (``# $title``). Elsewhere
(and outside those quotes) only the extension's own values are filled in (``$version``,
``$requirement``, ``$year``): a template that puts an owner's value anywhere else fails.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import shlex
import sys
from collections.abc import Callable, Mapping, Sequence
from importlib import metadata, resources
from pathlib import Path, PurePosixPath
from string import Template

from .. import __version__
from .literals import (
    ValueRefused,
    bibtex_text,
    markdown_text,
    one_line,
    python_literal,
    toml_literal,
    yaml_literal,
)

TEMPLATE_PACKAGE = "sphinx_academic.scaffold.template"
#: Template file name -> path in the new site (dot files can't ship under their own names).
RENAMES = {"readthedocs.yaml": ".readthedocs.yaml", "gitignore": ".gitignore"}
#: Languages whose owner's values are quoted strings: the literal replaces ``"$name"``.
QUOTED_LITERALS: Mapping[str, Callable[[str], str]] = {
    ".py": python_literal,
    ".yaml": yaml_literal,
    ".yml": yaml_literal,
    ".toml": toml_literal,
}
#: Languages whose owner's values stand in running text: ``$name`` is replaced.
TEXT_LITERALS: Mapping[str, Callable[[str], str]] = {".md": markdown_text, ".bib": bibtex_text}
_QUOTED_PLACEHOLDER = re.compile(r"""(["'])\$(?:(\w+)|\{(\w+)\})\1""")


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
    try:
        name = one_line(name, "--name")
        title = one_line(title or "", "--title") or name
    except ValueRefused as err:
        raise ScaffoldError(str(err)) from None
    if not name:
        raise ScaffoldError("--name must not be empty: give the site owner's name")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"{target} exists and is not empty; choose a new directory")
    owner = {
        "name": name,
        "title": title,
        "copyright": f"{datetime.date.today().year}, {name}",
        # academic_author_names holds names as bib files write them: as refs.bib has it.
        "author_name": bibtex_text(name),
    }
    own = {
        "version": __version__,
        "requirement": requirement(),
        "year": str(datetime.date.today().year),
    }
    written = []
    for relative, text in sorted(template_files().items()):
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(fill(relative, text, owner, own), encoding="utf-8")
        written.append(path)
    return written


def fill(relative: str, text: str, owner: Mapping[str, str], own: Mapping[str, str]) -> str:
    """The template with the owner's values as literals of the file's language."""
    suffix = PurePosixPath(relative).suffix
    values = dict(own)
    if suffix in QUOTED_LITERALS:
        literal = QUOTED_LITERALS[suffix]

        def quoted(match: re.Match[str]) -> str:
            key = match.group(2) or match.group(3)
            if key not in owner:
                return match.group(0)
            return literal(owner[key]).replace("$", "$$")  # kept through the next step

        text = _QUOTED_PLACEHOLDER.sub(quoted, text)
    elif suffix in TEXT_LITERALS:
        values |= {key: TEXT_LITERALS[suffix](value) for key, value in owner.items()}
    try:
        return Template(text).substitute(values)
    except (KeyError, ValueError) as err:  # a template that cannot be filled safely
        raise ScaffoldError(f"template {relative}: cannot fill placeholder {err}") from None


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
    where = shlex.quote(str(args.directory))
    print(f"  cd {where} && python3 -m pip install nox && python3 -m nox -s site")
    return 0
