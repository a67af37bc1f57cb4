"""``sphinx-academic new`` writes the owner's name and title as literals of each file's language:
whatever the name, the new site builds with -W, shows the name as typed, and runs no code."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import tomllib
import unicodedata
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
from pybtex.database import parse_string

from sphinx_academic.bib.latex import latex_to_text
from sphinx_academic.bib.names import display_name
from sphinx_academic.bib.syntax import check_bibtex
from sphinx_academic.datafiles import load_data_text
from sphinx_academic.scaffold.cli import ScaffoldError, fill, write_site
from sphinx_academic.scaffold.literals import (
    ValueRefused,
    bibtex_text,
    markdown_text,
    one_line,
    python_literal,
    toml_literal,
    yaml_literal,
)

#: Breaks out of every file the scaffold writes, if pasted as it is.
HOSTILE_NAME = (
    'Jane "JJ" O\'Doe"; import os; os.system("touch {canary}"); x = " '
    "{{raw}}`<b>` ```{{eval-rst}} <script>alert(1)</script> &a *a !!python/object:os.system "
    "and others, Doe, Jr, IV \\ {{}} $name ${{title}} % # _ ^ ~ -- `` '' @misc{{x,"
)
HOSTILE_TITLE = "Lab: ```{{raw}} html\n.. raw:: html\n\n   <b>{canary}</b>\n# Heading\n- item"

#: One line of text without control characters: what one_line lets through.
one_line_text = (
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=60)
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)

MYST = create_md_parser(MdParserConfig(enable_extensions={"colon_fence", "deflist"}), RendererHTML)


def scaffold(*args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "sphinx_academic", "new", *args]
    return subprocess.run(command, capture_output=True, check=False)


@settings(max_examples=300, deadline=None)
@given(one_line_text)
def test_literals_read_back_as_the_text(text: str) -> None:
    assert ast.literal_eval(python_literal(text)) == text
    assert yaml.safe_load(yaml_literal(text)) == text
    # The site reads cv.yaml through the extension's own loader.
    assert load_data_text(f"cv:\n  name: {yaml_literal(text)}\n").get("cv").text("name") == (
        text.strip()
    )
    assert tomllib.loads(f"name = {toml_literal(text)}\n")["name"] == text


@settings(max_examples=300, deadline=None)
@given(one_line_text)
def test_markdown_text_is_only_text(text: str) -> None:
    for block in (markdown_text(text), "# " + markdown_text(text)):
        tokens = MYST.parse(block)
        inline = [t for t in tokens if t.type == "inline"]
        assert len(inline) == 1, tokens  # one paragraph or heading: no list, fence, directive
        children = inline[0].children or []
        assert {child.type for child in children} <= {"text"}, children
        assert "".join(child.content for child in children) == text.strip()


@settings(max_examples=300, deadline=None)
@given(one_line_text)
def test_bibtex_text_is_one_person_shown_as_written(text: str) -> None:
    name = bibtex_text(text)
    bib = f"@misc{{k,\n  author = {{{name} and Collaborator, Ada}},\n  title = {{{name}}},\n}}\n"
    assert check_bibtex(bib.encode(), "utf-8").problems == ()
    entry = parse_string(bib, "bibtex").entries["k"]  # pybtex's strict parser
    people = entry.persons["author"]
    assert len(people) == 2
    shown = unicodedata.normalize("NFC", text)  # as every bib field is shown
    assert display_name(people[0]) == shown
    assert latex_to_text(entry.fields["title"]) == shown


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Ada\x00Lovelace", "control character U+0000"),
        ("Ada\x1bLovelace", "control character U+001B"),
        ("Ada\udcffLovelace", "not valid text"),
    ],
)
def test_control_characters_and_broken_text_are_refused(value: str, message: str) -> None:
    with pytest.raises(ValueRefused, match=re.escape(message)):
        one_line(value, "--name")


def test_line_breaks_and_tabs_become_spaces() -> None:
    assert one_line(" Ada\n\tLovelace\u2028 ", "--name") == "Ada Lovelace"


def test_a_placeholder_outside_a_literal_is_refused() -> None:
    owner = {"name": "Ada"}
    assert fill("conf.py", 'author = "$name"\n', owner, {}) == "author = 'Ada'\n"
    assert fill("cv.yaml", "name: '$name'\n", owner, {}) == 'name: "Ada"\n'
    for relative, template in [
        ("conf.py", '"""Site of $name."""\n'),  # a docstring: repr could close it
        ("conf.py", 'copyright = "2025, $name"\n'),  # part of a string
        ("cv.yaml", "name: $name\n"),
        ("requirements.txt", "$name\n"),  # no literal for this kind of file
    ]:
        with pytest.raises(ScaffoldError, match="cannot fill placeholder 'name'"):
            fill(relative, template, owner, {})


def test_every_template_fills_with_a_hostile_name(tmp_path: Path) -> None:
    """Every placeholder of every template file stands where a literal can go."""
    written = write_site(tmp_path / "site", HOSTILE_NAME, HOSTILE_TITLE)
    assert written
    conf = (tmp_path / "site" / "conf.py").read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(conf)):
        assert not isinstance(node, ast.Call | ast.Import | ast.ImportFrom), ast.dump(node)


def test_a_hostile_name_builds_shows_as_typed_and_runs_nothing(tmp_path: Path) -> None:
    canary = tmp_path / "canary"
    name, title = HOSTILE_NAME.format(canary=canary), HOSTILE_TITLE.format(canary=canary)
    site = tmp_path / "site"
    result = scaffold(str(site), "--name", name, "--title", title)
    assert result.returncode == 0, result.stderr
    shown_name, shown_title = " ".join(name.split()), " ".join(title.split())

    conf = ast.parse((site / "conf.py").read_text(encoding="utf-8"))
    values = {
        target.id: ast.literal_eval(node.value)
        for node in conf.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    assert values["author"] == values["academic_person"]["name"] == shown_name
    assert values["project"] == values["html_title"] == shown_title
    cv = yaml.safe_load((site / "cv.yaml").read_text(encoding="utf-8"))
    assert cv["cv"]["name"] == shown_name

    out = tmp_path / "html"
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-c", str(site)]
    command += ["-D", "smartquotes=0"]  # the text exactly as typed, quotes and dashes too
    build = subprocess.run(
        [*command, str(site / "docs"), str(out)], capture_output=True, text=True, check=False
    )
    assert build.returncode == 0, build.stderr
    assert not canary.exists()
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.find("h1").get_text().rstrip("¶") == shown_title
    article = home.find("article")
    assert not article.select("b, script, ul ul")  # no markup from the values
    assert [h.get_text().rstrip("¶") for h in article.select("h2")] == [
        "News",
        "Highlighted work",
    ]
    assert article.select_one(".academic-profile-name").get_text() == shown_name
    assert f"A few sentences about {shown_name}:" in " ".join(article.get_text().split())
    person = next(
        json.loads(s.string)
        for s in home.find_all("script", type="application/ld+json")
        if '"Person"' in s.string
    )
    assert person["name"] == shown_name
    publications = BeautifulSoup((out / "publications.html").read_text(), "html.parser")
    owner = [s.get_text() for s in publications.select(".academic-me")]
    assert owner == [shown_name, shown_name]  # both examples, the owner highlighted
    assert len(publications.select("li.academic-pub")) == 2


def test_unusable_names_are_refused_with_a_message(tmp_path: Path) -> None:
    control = scaffold(str(tmp_path / "a"), "--name", "Ada\x07Lovelace")
    assert control.returncode == 2
    assert b"--name holds the control character U+0007" in control.stderr
    not_utf8 = scaffold(str(tmp_path / "b"), "--name", b"Ada \xff Lovelace")
    assert not_utf8.returncode == 2
    assert b"--name is not valid text" in not_utf8.stderr
    for result in (control, not_utf8):
        assert b"Traceback" not in result.stderr
    assert not os.path.exists(tmp_path / "a") and not os.path.exists(tmp_path / "b")
