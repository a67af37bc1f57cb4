"""``sphinx-academic new DIR`` writes a site that builds with -W straight away."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup


def scaffold(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sphinx_academic", "new", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_new_site_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    site = tmp_path / "hopper"
    result = scaffold(str(site), "--name", "Grace Hopper", "--title", "Hopper Lab")
    assert result.returncode == 0, result.stderr
    for name in (
        "conf.py",
        "docs/index.md",
        "docs/publications.md",
        "docs/cv.md",
        "docs/news.md",
        "refs.bib",
        "cv.yaml",
        "news.yaml",
        ".readthedocs.yaml",
        "noxfile.py",
        "README.md",
    ):
        assert (site / name).is_file(), name
    out = tmp_path / "html"
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-c", str(site)]
    # With the address Read the Docs gives, the extension adds canonical links and a sitemap.
    env = {**os.environ, "READTHEDOCS_CANONICAL_URL": "https://hopper.example.org/"}
    build = subprocess.run(
        [*command, str(site / "docs"), str(out)], capture_output=True, text=True, env=env
    )
    assert build.returncode == 0, build.stderr
    assert "<loc>https://hopper.example.org/cv.html</loc>" in (out / "sitemap.xml").read_text()
    assert "Sitemap: https://hopper.example.org/sitemap.xml" in (out / "robots.txt").read_text()
    home = BeautifulSoup((out / "index.html").read_text(), "html.parser")
    assert "Hopper Lab" in home.title.get_text()
    assert len(home.select(".academic-card")) == 2
    profile = home.select_one(".academic-profile")
    assert profile.select_one(".academic-profile-name").get_text() == "Grace Hopper"
    assert "Research Scientist, Example Lab" in profile.get_text()
    assert len(home.select("li.academic-news-item")) == 2
    news = BeautifulSoup((out / "news.html").read_text(), "html.parser")
    assert len(news.select("li.academic-news-item time[datetime]")) == 2
    feed = (out / "atom.xml").read_text()
    assert '<link rel="self" href="https://hopper.example.org/atom.xml" />' in feed
    assert "https://hopper.example.org/news.html#news-" in feed
    publications = BeautifulSoup((out / "publications.html").read_text(), "html.parser")
    assert [s.get_text() for s in publications.select(".academic-me")] == ["Grace Hopper"] * 2
    cv_page = BeautifulSoup((out / "cv.html").read_text(), "html.parser")
    cv = cv_page.get_text(" ")
    assert "Example University" in cv and "Research Scientist" in cv
    # The CV page links its PDF, written by the same build.
    assert cv_page.select_one("p.academic-pdf-link a")["href"] == "Grace-Hopper-CV.pdf"
    assert (out / "Grace-Hopper-CV.pdf").read_bytes().startswith(b"%PDF-")


def test_new_refuses_a_directory_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = scaffold(str(tmp_path), "--name", "Grace Hopper")
    assert result.returncode == 2
    assert "not empty" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "notes.txt").read_text() == "mine"
