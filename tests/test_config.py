"""Every config value is checked at start-up: a wrong one stops the build with one message that
names the value, what it got and what it expects; never a traceback later."""

from __future__ import annotations

import pytest
from sphinx.errors import ConfigError

BAD_VALUES = [
    ("academic_author_names", 5, "a list of names"),
    ("academic_author_names", ["Ada", ""], "a list of names"),
    ("academic_author_names", ["A, B, C, D"], "too many commas"),
    ("academic_author_names", {"Ada"}, "a list of names"),
    ("academic_max_authors", -1, "a whole number, 0 or more"),
    ("academic_max_authors", True, "a whole number, 0 or more"),
    ("academic_max_authors", "3", "a whole number, 0 or more"),
    ("academic_bibtex_toggle", "sometimes", "one of 'always', 'bibtex_show'"),
    ("academic_bibtex_toggle", None, "one of 'always', 'bibtex_show'"),
    ("academic_date_format", None, "a dict mapping 'year', 'month' and 'day'"),
    ("academic_date_format", ["year"], "a dict mapping 'year', 'month' and 'day'"),
    ("academic_date_format", {"month": "{month_nam} {year}"}, "has {month_nam}"),
    ("academic_date_format", {"month": "{year"}, "write {{ for a brace"),
    ("academic_date_format", {"year": "{year:>999999999}"}, "has {year}"),
    ("academic_date_format", {"year": "{year.real}"}, "has {year.real}"),
    ("academic_date_format", {"week": "{year}"}, "'week'"),
    ("academic_file_dirs", None, "a dict mapping link fields"),
    ("academic_file_dirs", ["pdf"], "a dict mapping link fields"),
    ("academic_file_dirs", {"pdf": "../outside"}, "leaves the conf dir"),
    ("academic_file_dirs", {"pdf": "/etc"}, "leaves the conf dir"),
    ("academic_file_dirs", {"doi": "files"}, "'doi': 'files' is not one"),
    ("academic_file_dirs", {"pdf": 5}, "'pdf': 5 is not one"),
    ("academic_person", 5, "a dict with a 'name'"),
    ("academic_person", ["Ada"], "a dict with a 'name'"),
    ("academic_person", "Ada Lovelace", "a dict with a 'name'"),
    ("academic_person", {"name": "Ada", "nickname": "A"}, "unknown keys: nickname"),
    ("academic_person", {"job_title": "Countess"}, "'name' is missing"),
    ("academic_person", {"name": "Ada", "alumni_of": {"Home"}}, "'alumni_of' must be a list"),
    ("academic_person", {"name": "Ada", "same_as": "https://x.org"}, "'same_as' must be a list"),
    ("academic_person", {"name": "Ada", "same_as": [5]}, "'same_as' must be a list of text"),
    ("academic_person", {"name": "Ada", "same_as": ["javascript:alert(1)"]}, "unsafe URL"),
    ("academic_person", {"name": "Ada", "same_as": ["/relative"]}, "not an http(s) address"),
    ("academic_author_roles", ["equal"], "a dict mapping role names to (mark, legend)"),
    ("academic_author_roles", {"Equal": ("*", "x")}, "'Equal' is not a lower-case name"),
    ("academic_author_roles", {"title": ("§", "x")}, "'title' is a BibTeX field"),
    ("academic_author_roles", {"equal": "*"}, "is not a (mark, legend) pair"),
    ("academic_author_roles", {"equal": ("*", "")}, "is not a (mark, legend) pair"),
    ("academic_author_roles", {"equal": ("a", "x")}, "must be 1 to 3 symbols"),
    ("academic_author_roles", {"equal": ("{*}", "x")}, "must be 1 to 3 symbols"),
    ("academic_author_roles", {"other": ("†", "x")}, "the mark '†' is used by two roles"),
    ("academic_bibtex_fields", "title", "a list of BibTeX field names"),
    ("academic_bibtex_fields", ["title", "not a field"], "'not a field' is not one"),
    ("academic_bibtex_fields", ["title", 5], "5 is not one"),
    ("academic_coauthors", 5, "a path relative to the conf dir"),
    ("academic_coauthors", ["coauthors.yml"], "a path relative to the conf dir"),
    ("academic_person", {"name": "Ada", "same_as": ["https://"]}, "not an http(s) address"),
    ("academic_person", {"name": "Ada", "email": "ada at home"}, "email: 'ada at home' is not"),
    ("academic_person", {"name": "Ada", "email": "<a@b.org>"}, "an address like"),
    ("academic_person", {"name": "Ada", "email": ["a@b.org"]}, "'email' must be text"),
    ("academic_person", {"name": "Ada", "image": "javascript:alert(1)"}, "unsafe URL"),
    ("academic_person", {"name": "Ada", "image": "../photo.jpg"}, "not a file inside the conf"),
    ("academic_person", {"name": "Ada", "image": "/etc/passwd"}, "not a file inside the conf"),
    ("academic_person", {"name": "Ada", "image": "C:/photo.jpg"}, "not a file inside the conf"),
    ("academic_person", {"name": "Ada", "url": "/home"}, "url: '/home' is not an http(s)"),
    ("academic_person", {"name": "Ada", "works_for": {"name": "X"}}, "'works_for' must be text"),
    ("academic_feed", "yes", "True or False"),
    ("academic_feed", 1, "True or False"),
    ("academic_feed_entries", -1, "a whole number, 0 or more"),
    ("academic_feed_entries", "all", "a whole number, 0 or more"),
]


@pytest.mark.parametrize(("name", "value", "expects"), BAD_VALUES)
def test_a_bad_value_stops_the_build_naming_it(make_app, tmp_path, name, value, expects) -> None:  # type: ignore[no-untyped-def]
    # Written in conf.py as a user would (command-line overrides are converted first).
    (tmp_path / "conf.py").write_text(
        f'extensions = ["sphinx_academic"]\nbibtex_bibfiles = []\n{name} = {value!r}\n',
        encoding="utf-8",
    )
    (tmp_path / "index.rst").write_text("Home\n====\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        make_app("html", srcdir=tmp_path)
    message = str(raised.value)
    assert message.startswith(f"{name} = "), message
    assert "is not valid: expected" in message and expects in message, message


@pytest.mark.sphinx("html", testroot="publications")
def test_good_values_are_normalised(make_app, app_params) -> None:  # type: ignore[no-untyped-def]
    args, kwargs = app_params
    kwargs["confoverrides"] = {
        "academic_author_names": "Ada Lovelace",
        "academic_file_dirs": {"pdf": "papers/", "slides": None},
        "academic_date_format": {"month": "{month_abbr} {year}"},
        "academic_author_roles": {"student": None, "advisor": (" § ", " advisor ")},
        "academic_bibtex_fields": ["Title", "author", "title", "ISBN"],
        "academic_coauthors": " _data/coauthors.yml ",
        "academic_person": {
            "name": " Ada Lovelace ",
            "email": "mailto:ada@example.org",
            "image": "assets\\img\\ada.png",
            "same_as": ["https://orcid.org/0000-0002-1825-0097", "  "],
        },
    }
    app = make_app(*args, **kwargs)
    assert app.config.academic_author_roles == {
        "equal": ("*", "equal contribution"),
        "corresponding": ("†", "corresponding author"),
        "advisor": ("§", "advisor"),
    }
    assert app.config.academic_bibtex_fields == ("title", "author", "isbn")
    assert app.config.academic_coauthors == "_data/coauthors.yml"
    assert app.config.academic_author_names == ("Ada Lovelace",)
    assert app.config.academic_file_dirs["pdf"] == "papers"
    assert "slides" not in app.config.academic_file_dirs
    assert app.config.academic_file_dirs["preview"] == "assets/img/publication_preview"
    assert app.config.academic_date_format["month"] == "{month_abbr} {year}"
    assert app.config.academic_date_format["day"] == "{month_name} {day}, {year}"
    assert app.config.academic_person == {
        "name": "Ada Lovelace",
        "email": "ada@example.org",
        "image": "assets/img/ada.png",
        "same_as": ["https://orcid.org/0000-0002-1825-0097"],
    }
