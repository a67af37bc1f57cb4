"""Every ``academic_*`` config value: declared once, typed, validated at ``config-inited``."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from sphinx.errors import ConfigError

from .dates import DEFAULT_FORMATS
from .names import NameMatcher

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

    @property
    def name_matcher(self) -> NameMatcher:
        return NameMatcher.from_variants(self.author_names)


_DEFAULTS = AcademicConfig()


def add_config_values(app: Sphinx) -> None:
    app.add_config_value("academic_author_names", [], "html", types=(list, tuple))
    app.add_config_value("academic_max_authors", _DEFAULTS.max_authors, "html", types=(int,))
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


def academic_config(config: Config) -> AcademicConfig:
    values: dict[str, Any] = {
        f.name: getattr(config, "academic_" + f.name) for f in fields(AcademicConfig)
    }
    values["author_names"] = tuple(values["author_names"])
    return AcademicConfig(**values)
