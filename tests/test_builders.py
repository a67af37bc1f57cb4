"""Every Sphinx builder finishes on the reference site and on every test root, and a build with
nothing to say says nothing."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO

BUILDERS = [
    "html",
    "dirhtml",
    "singlehtml",
    "json",
    "pickle",
    "latex",
    "text",
    "man",
    "texinfo",
    "epub",
    "linkcheck",
]
#: Per builder: the settings a build needs that are not the extension's business. EPUB wants
#: a version; linkcheck checks nothing (no network in tests), but still reads every page.
SETTINGS = {"epub": ["-D", "version=1"], "linkcheck": ["-D", "linkcheck_ignore=.*"]}
ROOTS = sorted(p for p in (REPO / "tests" / "roots").iterdir() if p.name.startswith("test-"))
#: A publication of the reference site, without characters any output changes.
TITLE = "Introspective Diffusion Language Models"


def sphinx(builder: str, src: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sphinx", "-q", "-N", "-b", builder, *options]
    doctrees = out.with_name(out.name + "-doctrees")  # outside: EPUB packs all it finds
    command += [*SETTINGS.get(builder, []), "-d", str(doctrees), str(src), str(out)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)


def output_text(out: Path) -> str:
    """Everything the build wrote, as one text with whitespace collapsed."""
    parts = []
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".fpickle":
            parts.append(str(pickle.loads(path.read_bytes()).get("body", "")))
        else:
            parts.append(path.read_bytes().decode("utf-8", errors="ignore"))
    text = " ".join(" ".join(parts).split())
    return BeautifulSoup(text, "html.parser").get_text() if "<" in text else text


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_builds_the_reference_site_quietly(
    builder: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = tmp_path_factory.mktemp(builder)
    result = sphinx(builder, REPO / "docs", out, "-W", "--keep-going", "-c", str(REPO))
    assert result.returncode == 0, result.stderr
    # With -q, a build with nothing to say prints nothing: no notes, no warnings.
    assert result.stdout == "" and result.stderr == "", result.stdout + result.stderr
    if builder == "linkcheck":
        checked = (out / "output.json").read_text(encoding="utf-8").splitlines()
        assert checked and all('"status": "ignored"' in line for line in checked)
    else:
        assert TITLE in output_text(out)


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_finishes_on_every_test_root(
    builder: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The roots hold broken input on purpose: warnings, never a traceback."""
    out = tmp_path_factory.mktemp(builder)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda root: sphinx(builder, root, out / root.name), ROOTS))
    for root, result in zip(ROOTS, results, strict=True):
        assert result.returncode == 0, (root.name, result.stderr)
        for sign in ("Traceback", "Exception occurred", "Extension error"):
            assert sign not in result.stderr, (root.name, result.stderr)


def test_json_and_pickle_pages_have_the_components(tmp_path: Path) -> None:
    """The serializing builders write the same body as HTML, and the page's metadata."""
    out = tmp_path / "json"
    assert sphinx("json", REPO / "docs", out, "-c", str(REPO)).returncode == 0
    page = json.loads((out / "publications.fjson").read_text(encoding="utf-8"))
    body = BeautifulSoup(page["body"], "html.parser")
    assert TITLE in [c.get_text() for c in body.select("li.academic-pub cite")]
    assert 'property="og:title"' in page["metatags"]
    assert '"@type": "ScholarlyArticle"' in page["metatags"]


def test_epub_uses_its_own_theme(tmp_path: Path) -> None:
    """furo's template overrides stay out of the EPUB, whose theme is epub's."""
    out = tmp_path / "epub"
    assert sphinx("epub", REPO / "docs", out, "-c", str(REPO)).returncode == 0
    page = BeautifulSoup((out / "publications.xhtml").read_text(encoding="utf-8"), "html.parser")
    assert TITLE in [c.get_text() for c in page.select("li.academic-pub cite")]
    assert not page.select("aside")  # furo's sidebars
    assert not (out / "robots.txt").exists()  # only websites get one
