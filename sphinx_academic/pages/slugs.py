"""The file name of a publication's page, made from its bib key: safe, stable and unique.

A key that is already a safe file name (ASCII letters, digits, ``.``, ``_`` and ``-``, starting
with a letter or digit, at most 100 characters, not a name Windows reserves) is the name as
it is: ``lovelace2024notes`` → ``publications/lovelace2024notes.html``. Any other key (``:``,
``/``, spaces, accents, …) keeps its safe characters, with each run of others as one ``-``,
accents dropped, and gets the first 8 hex digits of its BLAKE2b hash appended:
``smith:2020/a`` → ``smith-2020-a-<hash>``; ``..`` never stays in a name. The name depends
on the key alone, so it stays the same from build to build whatever else the bib file holds;
two keys never share one (a clash, which only a key written to imitate another's hashed name
could cause, gets the longer hash).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
UNSAFE_RUN = re.compile(r"[^A-Za-z0-9._-]+")
#: Two dots or more (with the dashes around them): a name never holds ``..``.
DOTS = re.compile(r"-*\.{2,}[-.]*")
#: Names Windows will not create (any extension), and ``index``, which ``dirhtml`` serves as
#: the folder itself.
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "index"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)
#: How much of an unsafe key's name is kept before its hash.
KEPT = 60


def _hash(key: str, size: int) -> str:
    return hashlib.blake2b(key.encode("utf-8"), digest_size=size).hexdigest()


def is_safe(name: str) -> bool:
    return (
        bool(SAFE.fullmatch(name))
        and not name.endswith(".")
        and ".." not in name
        and name.split(".", 1)[0].lower() not in RESERVED
    )


def key_slug(key: str, hash_size: int = 4) -> str:
    """The page name of ``key`` (see the module docstring)."""
    if hash_size == 4 and is_safe(key):
        return key
    plain = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    kept = DOTS.sub("-", UNSAFE_RUN.sub("-", plain))[:KEPT].strip("-.") or "entry"
    return f"{kept}-{_hash(key, hash_size)}"


def assign_slugs(keys: Iterable[str], taken: Iterable[str] = ()) -> dict[str, str]:
    """Key -> page name for every key, each name unique (case aside: some file systems
    ignore it) and none in ``taken`` (names the site's own documents use)."""
    used = {name.casefold() for name in taken}
    slugs: dict[str, str] = {}
    for key in keys:
        slug = key_slug(key)
        if slug.casefold() in used:
            slug = key_slug(key, hash_size=16)
        used.add(slug.casefold())
        slugs[key] = slug
    return slugs
