"""The one resolver for local files that data names: bib link fields, card images, CV sources.

A name is resolved against its own folder *after following symbolic links*, and anything that
ends up outside that folder is refused: ``pdf = {../../conf.py}`` or a link inside
``assets/pdf/`` to ``/etc/passwd`` must never be copied into a published site.
"""

from __future__ import annotations

import os
import posixpath
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .urls import has_scheme


class FileRefused(ValueError):
    """The name cannot be used; the message says why and what to do."""


class FileMissing(FileRefused):
    """The name is fine, but no regular file is there (yet)."""


@dataclass(frozen=True, slots=True)
class LocalFile:
    """A file inside the site's folders: where it is, and its path in the built site."""

    source: Path  #: the real path, symbolic links followed
    site_path: str  #: posix path from the site's root, e.g. ``assets/pdf/paper.pdf``


def is_local_name(value: str) -> bool:
    """Whether a link value names a file rather than an address (no scheme, no ``/`` or ``#``)."""
    value = value.strip()
    return bool(value) and not has_scheme(value) and not value.startswith(("/", "#", "\\"))


def site_path(folder: str, name: str) -> str:
    """``folder/name`` normalised, as a posix path from the site's root; refuses ``..`` escapes."""
    joined = posixpath.normpath(posixpath.join(folder.strip("/"), name.strip().replace("\\", "/")))
    folder_path = PurePosixPath(posixpath.normpath(folder.strip("/") or "."))
    if (
        joined == ".."
        or joined.startswith("../")
        or not _inside(PurePosixPath(joined), folder_path)
    ):
        raise FileRefused(f"{name.strip()!r} leaves the {folder!r} folder; name a file inside it")
    inside = PurePosixPath(joined).parts[len(folder_path.parts) if str(folder_path) != "." else 0 :]
    if any(part.startswith(".") for part in inside):
        # .env, .git/config: with a folder such as "." a bib entry could publish them.
        raise FileRefused(
            f"{name.strip()!r} names a hidden file or folder (its name starts with '.'); "
            "publish only ordinary files"
        )
    return joined


def _inside(path: PurePosixPath, folder: PurePosixPath) -> bool:
    return str(folder) == "." or path == folder or folder in path.parents


def page_path(srcdir: Path, page_folder: Path, name: str) -> Path:
    """A file a page names, read as Sphinx reads it (a leading ``/`` from the source dir, else
    from the page's folder), symbolic links not followed yet: :func:`resolve_inside` decides."""
    if name.startswith(("/", "\\")):
        return srcdir / name.lstrip("/\\")
    return srcdir / page_folder / name


def resolve_inside(candidate: Path, folders: Sequence[Path], what: str) -> Path:
    """The real path of ``candidate`` if, links followed, it is a regular file in one of
    ``folders``; else :class:`FileRefused` (outside) or :class:`FileMissing` (not there)."""
    real_folders = [Path(os.path.realpath(f)) for f in folders]
    real = Path(os.path.realpath(candidate))
    if not any(real == f or real.is_relative_to(f) for f in real_folders):
        shown = " or ".join(dict.fromkeys(str(f) for f in folders))
        written = Path(os.path.normpath(candidate.absolute()))
        raise FileRefused(
            f"{what} {written} is outside {shown}"
            + (" once its symbolic links are followed" if real != written else "")
            + "; move the file inside"
        )
    try:
        mode = real.stat().st_mode
    except OSError:
        raise FileMissing(f"{what} {candidate} does not exist; check the name") from None
    if not stat.S_ISREG(mode):
        raise FileRefused(f"{what} {candidate} is not a regular file; name a file")
    return real


def local_file(confdir: Path, folder: str, name: str, what: str) -> LocalFile:
    """A file named in a bib entry: ``name`` inside ``confdir/folder``, links followed."""
    try:
        path = site_path(folder, name)
    except FileRefused as err:
        raise FileRefused(f"{what} {err}") from None
    source = resolve_inside(confdir / path, [confdir / folder], what)
    return LocalFile(source, path)


def file_stamp(path: Path) -> tuple[int, int] | None:
    """A file's modification time and size (None when it cannot be read): what changes when
    the file is written again."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)
