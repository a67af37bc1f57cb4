"""Every ``academic_*`` config value: declared once, typed, validated at ``config-inited``."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.errors import ConfigError

from .dates import DEFAULT_FORMATS
from .names import NameMatcher
from .records import DEFAULT_FILE_DIRS, LINK_FIELDS, EntryView

BIBTEX_TOGGLE_CHOICES = ("always", "bibtex_show")
FILE_FIELDS = frozenset({field for field, _ in LINK_FIELDS} | {"preview"}) - {"arxiv", "doi"}

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


@dataclass(frozen=True)
class AcademicConfig:
    """The extension's settings, as read from conf.py."""

    #: The site owner's name as it appears in BibTeX author lists; every variant is
    #: highlighted ("Ben Athiwaratkun", "Athiwaratkun, B."). Order and accents don't matter.
    author_names: tuple[str, ...] = ()
    #: Authors shown before the rest fold into a "more authors" toggle; 0 shows all.
    max_authors: int = 10
    #: "always": every list entry gets a BibTeX toggle; "bibtex_show": only entries with
    #: ``bibtex_show = {true}`` (al-folio's rule). An entry's ``bibtex_show = {false}`` wins.
    bibtex_toggle: str = "always"
    #: Link fields whose value may be a file name in a local directory (relative to the
    #: conf dir), copied into the site: al-folio's layout by default.
    file_dirs: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FILE_DIRS))

    def entry_view(self, root: str = "") -> EntryView:
        """How list entries show on a page whose path to the site's root is ``root``."""
        return EntryView(self.max_authors, self.bibtex_toggle == "always", root)

    @property
    def name_matcher(self) -> NameMatcher:
        return NameMatcher.from_variants(self.author_names)


_DEFAULTS = AcademicConfig()


def add_config_values(app: Sphinx) -> None:
    app.add_config_value("academic_author_names", [], "html", types=(list, tuple))
    app.add_config_value("academic_max_authors", _DEFAULTS.max_authors, "html", types=(int,))
    app.add_config_value("academic_bibtex_toggle", _DEFAULTS.bibtex_toggle, "html", types=(str,))
    app.add_config_value("academic_file_dirs", {}, "html", types=(dict,))
    # "env": dates are formatted when a page is read.
    app.add_config_value("academic_date_format", dict(DEFAULT_FORMATS), "env", types=(dict,))
    app.connect("config-inited", validate_config)


def validate_config(app: Sphinx, config: Config) -> None:
    """Fail early, naming the value, instead of with a traceback later."""
    names = config.academic_author_names
    if isinstance(names, str):
        names = [names]
    if not all(isinstance(n, str) and n.strip() for n in names):
        raise ConfigError(
            "academic_author_names must be a list of non-empty strings, "
            'e.g. ["Ada Lovelace", "Lovelace, A."]'
        )
    max_authors = config.academic_max_authors
    if isinstance(max_authors, bool) or not isinstance(max_authors, int) or max_authors < 0:
        raise ConfigError(
            f"academic_max_authors must be a whole number, 0 or more (got {max_authors!r})"
        )
    config.academic_author_names = list(names)
    formats = config.academic_date_format
    unknown = set(formats) - set(DEFAULT_FORMATS)
    if unknown or not all(isinstance(v, str) for v in formats.values()):
        raise ConfigError(
            "academic_date_format maps 'year', 'month' and 'day' to format strings with "
            "{year}, {month}, {month_name}, {month_abbr} and {day}, e.g. "
            '{"month": "{month_abbr} {year}"}'
        )
    config.academic_date_format = {**DEFAULT_FORMATS, **formats}
    if config.academic_bibtex_toggle not in BIBTEX_TOGGLE_CHOICES:
        raise ConfigError(
            f"academic_bibtex_toggle must be one of {', '.join(BIBTEX_TOGGLE_CHOICES)} "
            f"(got {config.academic_bibtex_toggle!r})"
        )
    config.academic_file_dirs = _file_dirs(config.academic_file_dirs)


def _file_dirs(given: dict[object, object]) -> dict[str, str]:
    """al-folio's directories, with the given fields changed (None or "" turns one off)."""
    dirs = dict(DEFAULT_FILE_DIRS)
    for name, directory in given.items():
        if name not in FILE_FIELDS or not (directory is None or isinstance(directory, str)):
            raise ConfigError(
                f"academic_file_dirs maps link fields ({', '.join(sorted(FILE_FIELDS))}) to "
                f'directories relative to the conf dir, e.g. {{"pdf": "files"}} '
                f"(got {name!r}: {directory!r})"
            )
        if directory and (directory.startswith("/") or ".." in Path(directory).parts):
            raise ConfigError(
                f"academic_file_dirs[{name!r}] = {directory!r}: give a directory inside the "
                "conf dir, relative to it"
            )
        if directory:
            dirs[name] = directory.strip("/")
        else:
            dirs.pop(name, None)
    return dirs


def academic_config(config: Config) -> AcademicConfig:
    values: dict[str, Any] = {
        f.name: getattr(config, "academic_" + f.name) for f in fields(AcademicConfig)
    }
    values["author_names"] = tuple(values["author_names"])  # file_dirs: merged at config-inited
    return AcademicConfig(**values)
