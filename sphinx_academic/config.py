"""Every ``academic_*`` config value, declared once: default, rebuild flag, validator, doc.

``AcademicConfig`` is the table (MyST-Parser's config dataclass is the model). Each field's
metadata holds its rebuild flag, its validator and a one-line doc; ``add_config_values``
registers them with Sphinx, and ``validate_config`` checks and normalises every value at
``config-inited``: a bad value stops the build with one message naming the value, what it got
and what it expects, instead of a traceback later. The user guide's configuration table is
generated from these fields.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, dataclass, field, fields
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sphinx.errors import ConfigError

from .bib.names import check_name
from .bib.records import DEFAULT_FILE_DIRS, FILE_FIELDS
from .cv.dates import DEFAULT_FORMATS, FORMAT_FIELDS
from .urls import UnsafeURLError, checked_url, has_scheme

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

PREFIX = "academic_"
BIBTEX_TOGGLE_CHOICES = ("always", "bibtex_show")
#: ``academic_person`` keys (schema.org ``Person`` properties, in snake_case) and their shape.
PERSON_TEXT_KEYS = ("name", "job_title", "works_for", "affiliation", "description")
PERSON_ADDRESS_KEYS = ("email", "image", "url")
PERSON_LIST_KEYS = ("alumni_of", "same_as")
PERSON_KEYS = PERSON_TEXT_KEYS + PERSON_ADDRESS_KEYS + PERSON_LIST_KEYS
#: One address, no spaces, no markup: ``mailto:`` is made from it.
_EMAIL = re.compile(r"[^@\s<>\"'(),;:\\]+@[^@\s<>\"'(),;:\\/]+\.[^@\s<>\"'(),;:\\/.]+")

Validator = Callable[[str, Any], Any]


class _Invalid(Exception):
    """What a value should have been; the validator's caller names the value."""


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def setting(default: Any, rebuild: str, validate: Validator, doc: str) -> Any:
    """A field of :class:`AcademicConfig`: its default and how Sphinx treats it."""
    metadata = {"rebuild": rebuild, "validate": validate, "doc": doc}
    if isinstance(default, Mapping):
        return field(default_factory=lambda: dict(default), metadata=metadata)
    return field(default=default, metadata=metadata)


def default_of(f: Field[Any]) -> Any:
    """A field's default as conf.py would write it (lists and dicts)."""
    if f.default_factory is not MISSING:
        return f.default_factory()
    return list(f.default) if isinstance(f.default, tuple) else f.default


# ---------------------------------------------------------------------------- validators


def _author_names(name: str, value: Any) -> tuple[str, ...]:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list | tuple) or not all(
        isinstance(n, str) and n.strip() for n in names
    ):
        raise _Invalid(
            'a list of names as bib files write them, e.g. ["Ada Lovelace", "Lovelace, A."]'
        )
    for each in names:
        problem = check_name(each)
        if problem:
            raise _Invalid(f"names BibTeX can read; {each!r}: {problem}")
    return tuple(n.strip() for n in names)


def _whole_number(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _Invalid("a whole number, 0 or more (0 shows every author)")
    return value


def _flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Invalid("True or False")
    return value


def _choice(*choices: str) -> Validator:
    def validate(name: str, value: Any) -> str:
        if value not in choices:
            raise _Invalid("one of " + ", ".join(repr(c) for c in choices))
        return str(value)

    return validate


def _file_dirs(name: str, value: Any) -> dict[str, str]:
    """al-folio's directories, with the given fields changed (None or "" turns one off)."""
    expects = (
        f"a dict mapping link fields ({', '.join(sorted(FILE_FIELDS))}) to directories "
        'inside the conf dir, relative to it, e.g. {"pdf": "files"}'
    )
    if not isinstance(value, Mapping):
        raise _Invalid(expects)
    dirs = dict(DEFAULT_FILE_DIRS)
    for key, directory in value.items():
        if key not in FILE_FIELDS or not (directory is None or isinstance(directory, str)):
            raise _Invalid(f"{expects}; {key!r}: {directory!r} is not one")
        if not directory:
            dirs.pop(key, None)
            continue
        path = PurePosixPath(directory.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts or ":" in directory:
            raise _Invalid(f"{expects}; {key!r}: {directory!r} leaves the conf dir")
        dirs[key] = str(path)
    return dirs


def _date_formats(name: str, value: Any) -> dict[str, str]:
    expects = (
        "a dict mapping 'year', 'month' and 'day' to format strings using only "
        + ", ".join("{" + f + "}" for f in FORMAT_FIELDS)
        + ', e.g. {"month": "{month_abbr} {year}"}'
    )
    if not isinstance(value, Mapping):
        raise _Invalid(expects)
    formats = dict(DEFAULT_FORMATS)
    for precision, template in value.items():
        if precision not in DEFAULT_FORMATS or not isinstance(template, str):
            raise _Invalid(f"{expects}; {precision!r}: {template!r} is not one")
        try:
            parts = list(string.Formatter().parse(template))
        except ValueError as err:
            raise _Invalid(f"{expects}; {template!r}: {err} (write {{{{ for a brace)") from None
        for _, field_name, spec, conversion in parts:
            if field_name is None:
                continue
            if field_name not in FORMAT_FIELDS or spec or conversion:
                raise _Invalid(f"{expects}; {template!r} has {{{field_name}}}")
        formats[precision] = template
    return formats


def _http_url(url: str) -> str:
    """An http(s) address, checked by :func:`checked_url`; else why it is not one."""
    try:
        checked = checked_url(url)
    except UnsafeURLError as err:
        raise _Invalid(str(err)) from None
    parts = urlsplit(checked)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise _Invalid(f"{url!r} is not an http(s) address")
    return checked


def _person_image(image: str) -> str:
    """An http(s) address, or a file's path relative to the conf dir (posix, inside it)."""
    image = image.strip()
    if has_scheme(image) and not re.match(r"[A-Za-z]:[\\/]", image):  # C:\ is a path
        return _http_url(image)
    path = PurePosixPath(image.replace("\\", "/"))
    if not image or path.is_absolute() or ".." in path.parts or ":" in image:
        raise _Invalid(f"{image!r} is not a file inside the conf dir, relative to it")
    return str(path)


def _person(name: str, value: Any) -> dict[str, Any]:
    expects = (
        "a dict with a 'name' and optionally "
        + ", ".join(repr(k) for k in PERSON_TEXT_KEYS[1:])
        + " (text), 'email' (an address), 'image' (a file in the conf dir or an http(s) "
        "address), 'url' (an http(s) address) and "
        + ", ".join(repr(k) for k in PERSON_LIST_KEYS)
        + ' (lists of text; same_as: profile URLs), e.g. {"name": "Ada Lovelace", '
        '"same_as": ["https://github.com/ada"]}'
    )
    if not isinstance(value, Mapping):
        raise _Invalid(expects)
    if not value:
        return {}
    unknown = sorted(str(k) for k in value if k not in PERSON_KEYS)
    if unknown:
        raise _Invalid(f"{expects}; unknown keys: {', '.join(unknown)}")
    person: dict[str, Any] = {}
    for key, item in value.items():
        if key in PERSON_LIST_KEYS:
            if not isinstance(item, list | tuple) or not all(isinstance(i, str) for i in item):
                raise _Invalid(f"{expects}; {key!r} must be a list of text, not {_show(item)}")
            person[key] = [i.strip() for i in item if i.strip()]
        elif not isinstance(item, str):
            raise _Invalid(f"{expects}; {key!r} must be text, not {_show(item)}")
        elif item.strip():
            person[key] = item.strip()
    if not person.get("name"):
        raise _Invalid(f"{expects}; 'name' is missing")
    checks: dict[str, Callable[[str], str]] = {
        "email": _email,
        "image": _person_image,
        "url": _http_url,
    }
    try:
        for key, check in checks.items():
            if key in person:
                person[key] = _named(key, check, person[key])
        if "same_as" in person:
            person["same_as"] = [_named("same_as", _http_url, u) for u in person["same_as"]]
    except _Invalid as err:
        raise _Invalid(f"{expects}; {err}") from None
    return person


def _named(key: str, check: Callable[[str], str], value: str) -> str:
    try:
        return check(value)
    except _Invalid as err:
        raise _Invalid(f"{key}: {err}") from None


def _email(address: str) -> str:
    """An e-mail address as written (``mailto:`` is made from it), without the scheme."""
    bare = address.removeprefix("mailto:").strip()
    if not _EMAIL.fullmatch(bare):
        raise _Invalid(f"{address!r} is not an address like name@example.org")
    return bare


# ---------------------------------------------------------------------------- the table


@dataclass(frozen=True)
class AcademicConfig:
    """The extension's settings, as validated from conf.py (without the ``academic_`` prefix)."""

    author_names: tuple[str, ...] = setting(
        (),
        "env",
        _author_names,
        "your name as bib files write it; every variant is highlighted (order, LaTeX accents, "
        "case and trailing periods don't matter)",
    )
    max_authors: int = setting(
        10,
        "env",
        _whole_number,
        'authors shown before the rest fold into an "N more authors" toggle; 0 shows all',
    )
    bibtex_toggle: str = setting(
        "always",
        "html",
        _choice(*BIBTEX_TOGGLE_CHOICES),
        '"always": every entry gets a BibTeX toggle; "bibtex_show": only entries with '
        "bibtex_show = {true} (al-folio's rule); an entry's own bibtex_show wins",
    )
    file_dirs: Mapping[str, str] = setting(
        DEFAULT_FILE_DIRS,
        "env",
        _file_dirs,
        "where file names in link fields point, relative to the conf dir (al-folio's layout by "
        "default); give only the fields you change, None turns one off",
    )
    date_format: Mapping[str, str] = setting(
        DEFAULT_FORMATS,
        "env",
        _date_formats,
        "how CV dates show, per precision ('year', 'month', 'day'); give only the keys you change",
    )
    person: Mapping[str, Any] = setting(
        {},
        "html",
        _person,
        "you (schema.org Person properties): the profile directive, the profile links on every "
        "page, and a schema.org Person for search engines on the home page",
    )

    feed: bool = setting(
        True,
        "html",
        _flag,
        "write atom.xml (publications and news, newest first) and link it from every page "
        "(html builders, with the site policy)",
    )

    @classmethod
    def from_config(cls, config: Config) -> AcademicConfig:
        """The settings as ``validate_config`` left them in ``config``."""
        return cls(**{f.name: getattr(config, PREFIX + f.name) for f in fields(cls)})


def add_config_values(app: Sphinx) -> None:
    for f in fields(AcademicConfig):
        # Any type: the validator, not Sphinx's type check, says what is wrong.
        app.add_config_value(PREFIX + f.name, default_of(f), f.metadata["rebuild"], types=Any)
    app.connect("config-inited", validate_config)


def validate_config(app: Sphinx, config: Config) -> None:
    """Check and normalise every value; the first bad one stops the build, named."""
    for f in fields(AcademicConfig):
        name = PREFIX + f.name
        value = getattr(config, name)
        try:
            setattr(config, name, f.metadata["validate"](name, value))
        except _Invalid as err:
            raise ConfigError(f"{name} = {_show(value)} is not valid: expected {err}") from None
