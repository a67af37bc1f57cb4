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

from .bib.export import DEFAULT_BIBTEX_FIELDS
from .bib.names import check_name
from .bib.records import DEFAULT_FILE_DIRS, FILE_FIELDS, LINK_FIELDS
from .bib.roles import DEFAULT_ROLES
from .cv.dates import DEFAULT_FORMATS, FORMAT_FIELDS
from .urls import UnsafeURLError, checked_url, has_scheme

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

PREFIX = "academic_"
_FIELD_NAME = re.compile(r"[a-z][a-z0-9_+\-]*")
_ROLE_NAME = re.compile(r"[a-z][a-z0-9_]*")
#: Field names a role may not take (its name is also a field of positions).
_NOT_ROLE_NAMES = frozenset(
    {*DEFAULT_BIBTEX_FIELDS, *(name for name, _ in LINK_FIELDS), "highlight", "keywords"}
)
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


def _boolean(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Invalid("True or False")
    return value


def _whole_number(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _Invalid("a whole number, 0 or more (0 shows every author)")
    return value


def _entry_count(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _Invalid("a whole number, 0 or more (0 keeps every entry)")
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


def _author_roles(name: str, value: Any) -> dict[str, tuple[str, str]]:
    """The default roles, with the given ones changed, added, or (None) removed."""
    expects = (
        'a dict mapping role names to (mark, legend), e.g. {"equal": ("*", "equal '
        'contribution"), "advisor": ("§", "advisor")}; None removes a role'
    )
    if not isinstance(value, Mapping):
        raise _Invalid(expects)
    roles = dict(DEFAULT_ROLES)
    for role, pair in value.items():
        if not isinstance(role, str) or not _ROLE_NAME.fullmatch(role):
            raise _Invalid(f"{expects}; {role!r} is not a lower-case name (a-z, 0-9, _)")
        if role in _NOT_ROLE_NAMES:
            raise _Invalid(f"{expects}; {role!r} is a BibTeX field, choose another name")
        if pair is None:
            roles.pop(role, None)
            continue
        if (
            not isinstance(pair, list | tuple)
            or len(pair) != 2
            or not all(isinstance(p, str) and p.strip() for p in pair)
        ):
            raise _Invalid(f"{expects}; {role!r}: {_show(pair)} is not a (mark, legend) pair")
        mark = pair[0].strip()
        if len(mark) > 3 or any(c.isalnum() or c.isspace() or c in "{}\\,;=$^" for c in mark):
            raise _Invalid(
                f"{expects}; {role!r}: the mark {mark!r} must be 1 to 3 symbols (no letters, "
                "digits, spaces or {}\\,;=$^)"
            )
        roles[role] = (mark, pair[1].strip())
    marks = [mark for mark, _ in roles.values()]
    for mark in marks:
        if marks.count(mark) > 1:
            raise _Invalid(f"{expects}; the mark {mark!r} is used by two roles")
    return roles


def _bibtex_fields(name: str, value: Any) -> tuple[str, ...]:
    expects = (
        "a list of BibTeX field names (lower case), e.g. "
        '[*sphinx_academic.DEFAULT_BIBTEX_FIELDS, "isbn"]'
    )
    if not isinstance(value, list | tuple | set | frozenset):
        raise _Invalid(expects)
    names = []
    for each in value:
        if not isinstance(each, str) or not _FIELD_NAME.fullmatch(each.strip().lower()):
            raise _Invalid(f"{expects}; {each!r} is not one")
        names.append(each.strip().lower())
    return tuple(dict.fromkeys(names))


def _relative_path(name: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, str | PurePosixPath) or not str(value).strip():
        raise _Invalid('a path relative to the conf dir, e.g. "_data/coauthors.yml", or ""')
    return str(value).strip()


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


def _pdf_pages(name: str, value: Any) -> str | tuple[str, ...]:
    if value == "auto":
        return "auto"
    if value in (None, False):
        return ()
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise _Invalid(
            '"auto" (the pages with CV timelines), a list of page names such as ["cv"], '
            "or [] for no PDF"
        )
    return tuple(value)


def _pdf_fonts(name: str, value: Any) -> tuple[str, ...]:
    fonts = [value] if isinstance(value, str) else value
    if (
        not isinstance(fonts, list | tuple)
        or not fonts
        or not all(isinstance(f, str) and f.strip() for f in fonts)
    ):
        raise _Invalid(
            'a list of font family names, the first one preferred, e.g. ["Libertinus Serif"]'
        )
    return tuple(f.strip() for f in fonts)


def _folders(name: str, value: Any) -> tuple[str, ...]:
    expects = 'a list of folders inside the conf dir, relative to it, e.g. ["fonts"]'
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise _Invalid(expects)
    for folder in value:
        path = PurePosixPath(folder.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts or ":" in folder:
            raise _Invalid(f"{expects}; {folder!r} leaves the conf dir")
    return tuple(value)


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
    author_roles: Mapping[str, tuple[str, str]] = setting(
        DEFAULT_ROLES,
        "env",
        _author_roles,
        "author roles: name -> (mark, legend). A mark in a name (Sample*, Bob), a field of "
        "positions named after the role (equal = {1,2}) or a BibLaTeX annotation "
        "(author+an = {1=equal}) shows the mark, with the legend under the list; give only the "
        "roles you change, None removes one",
    )
    coauthors: str = setting(
        "",
        "env",
        _relative_path,
        "a YAML or JSON file, relative to the conf dir, mapping co-authors' names to a homepage "
        "or ORCID iD (al-folio's _data/coauthors.yml works as it is): their names become links",
    )
    bibtex_fields: tuple[str, ...] = setting(
        DEFAULT_BIBTEX_FIELDS,
        "env",
        _bibtex_fields,
        "the fields kept in the BibTeX readers copy (toggle and downloads): standard "
        "BibTeX/BibLaTeX fields; every other field (exporters' bookkeeping, file paths, "
        "display fields) is left out",
    )
    publication_pages: bool = setting(
        True,
        "html",
        _boolean,
        "a page of its own for each publication of the site's citable lists, at "
        "publications/<key>.html, with the citation_* meta tags Google Scholar indexes; lists, "
        "cards and the feed link to it",
    )
    publication_downloads: bool = setting(
        True,
        "html",
        _boolean,
        "the site's publications as publications.bib (BibTeX) and publications.json "
        "(CSL-JSON), linked above the first citable list of a page",
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
    feed_entries: int = setting(
        100,
        "html",
        _entry_count,
        "the newest entries (publications and news) atom.xml holds, as feeds keep the latest "
        "items; 0 keeps every entry",
    )

    pdf: str | tuple[str, ...] = setting(
        "auto",
        "html",
        _pdf_pages,
        'pages that get a PDF, written by the html build and linked under their title: "auto" '
        "(the pages with CV timelines), a list of page names, or [] for none",
    )
    pdf_paper: str = setting(
        "us-letter", "html", _choice("us-letter", "a4"), "the PDF's paper size: us-letter or a4"
    )
    pdf_fonts: tuple[str, ...] = setting(
        ("Libertinus Serif",),
        "html",
        _pdf_fonts,
        "font families of the PDF, the first preferred: Typst's own (Libertinus Serif, New "
        "Computer Modern, DejaVu Sans Mono) or fonts in academic_pdf_font_dirs",
    )
    pdf_font_dirs: tuple[str, ...] = setting(
        (),
        "html",
        _folders,
        "folders (inside the conf dir) with .ttf/.otf fonts for the PDF; system fonts are never "
        "used, so the PDF is the same on every machine",
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
