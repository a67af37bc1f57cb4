"""The wheel and sdist: they build, pass ``twine check``, hold the static files, and the wheel
installed in a fresh virtual environment makes and builds a new site."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

#: Files the extension reads at run time, besides its modules.
DATA_FILES = [
    "sphinx_academic/static/sphinx-academic.css",
    "sphinx_academic/static/sphinx-academic-filter.js",
    "sphinx_academic/site/templates/page.html",
    "sphinx_academic/site/templates/search.html",
    "sphinx_academic/site/templates/sidebar/academic-profile.html",
    *[
        f"sphinx_academic/profile/icons/{icon}.svg"
        for icon in "email github google-scholar orcid linkedin bluesky mastodon x link".split()
    ],
    "sphinx_academic/profile/icons/NOTICE.txt",
    "sphinx_academic/py.typed",
    "sphinx_academic/scaffold/template/conf.py",
    "sphinx_academic/scaffold/template/noxfile.py",
    "sphinx_academic/scaffold/template/docs/index.md",
    "sphinx_academic/scaffold/template/docs/publications.md",
    "sphinx_academic/scaffold/template/docs/cv.md",
    "sphinx_academic/scaffold/template/refs.bib",
    "sphinx_academic/scaffold/template/cv.yaml",
    "sphinx_academic/scaffold/template/news.yaml",
    "sphinx_academic/scaffold/template/docs/news.md",
    "sphinx_academic/scaffold/template/readthedocs.yaml",
    "sphinx_academic/scaffold/template/requirements.txt",
    "sphinx_academic/scaffold/template/README.md",
    "sphinx_academic/scaffold/template/gitignore",
]


def run(*command: str | Path, cwd: Path | None = None) -> str:
    result = subprocess.run(
        [str(c) for c in command], capture_output=True, text=True, cwd=cwd, check=False
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and sdist, built from a copy of the sources (no build files left here)."""
    work = tmp_path_factory.mktemp("package")
    source = work / "src"
    ignore = shutil.ignore_patterns(
        ".git", ".nox", "_build", "node_modules", "*.egg-info", "__pycache__", "build", "dist"
    )
    shutil.copytree(REPO, source, ignore=ignore)
    out = work / "dist"
    run(sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", out, source)
    return out


def test_wheel_and_sdist_pass_twine_check_and_hold_the_data_files(dist: Path) -> None:
    wheels, sdists = list(dist.glob("*.whl")), list(dist.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1
    output = run(sys.executable, "-m", "twine", "check", "--strict", *wheels, *sdists)
    assert output.count("PASSED") == 2
    in_wheel = set(zipfile.ZipFile(wheels[0]).namelist())
    with tarfile.open(sdists[0]) as sdist:
        in_sdist = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for name in DATA_FILES:
        assert name in in_wheel, f"{name} missing from the wheel"
        assert name in in_sdist, f"{name} missing from the sdist"
    assert not any(name.startswith(("tests/", "docs/", "guide/")) for name in in_wheel)
    entry_points = next(n for n in in_wheel if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheels[0]).read(entry_points).decode()
    assert "sphinx-academic = sphinx_academic.scaffold.cli:main" in text
    assert "academic = sphinx_academic.publications.style:AcademicStyle" in text


def test_wheel_in_a_fresh_venv_makes_and_builds_a_site(dist: Path, tmp_path: Path) -> None:
    """The guide's two commands, with the wheel standing in for PyPI:
    ``pip install sphinx-academic && sphinx-academic new lab --name ...``, then
    ``cd lab && python3 -m pip install nox && python3 -m nox -s site``."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    wheel = next(dist.glob("*.whl"))
    quiet = ("--quiet", "--disable-pip-version-check")
    run(python, "-m", "pip", "install", *quiet, wheel)
    site = tmp_path / "lab"
    run(env_dir / "bin" / "sphinx-academic", "new", site, "--name", "Mary Somerville")
    # Installed from a file, not PyPI: the new site installs the extension from that file.
    assert f"sphinx-academic @ {wheel.as_uri()}" in (site / "requirements.txt").read_text()
    run(python, "-m", "pip", "install", *quiet, "nox")
    run(python, "-m", "nox", "-s", "site", cwd=site)
    out = site / "_build" / "html"
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "Mary Somerville" in home
    assert (out / "_static" / "sphinx-academic.css").is_file()
    publications = (out / "publications.html").read_text(encoding="utf-8")
    assert '<strong class="academic-me">Mary Somerville</strong>' in publications
    assert (out / "_static" / "sphinx-academic-filter.js").is_file()
    assert "academic-news-item" in home and (out / "atom.xml").is_file()
