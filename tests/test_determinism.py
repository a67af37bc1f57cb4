"""Builds are reproducible: two clean builds, and a parallel one, give the same pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO


def build(out: Path, *extra: str) -> dict[str, bytes]:
    command = [sys.executable, "-m", "sphinx", "-W", "-q", *extra, "-c", str(REPO)]
    result = subprocess.run(
        [*command, str(REPO / "docs"), str(out)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file()
        and p.suffix in {".html", ".css", ".js", ".txt", ".xml", ".bib", ".json"}
        and ".doctrees" not in p.parts
    }


def differing(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def test_two_clean_builds_are_byte_identical_and_parallel_matches_serial(tmp_path: Path) -> None:
    first = build(tmp_path / "first")
    assert "publications.html" in first and "atom.xml" in first
    # The publications' own pages and the downloads too.
    assert {"publications.bib", "publications.json"} <= first.keys()
    assert sum(name.startswith("publications/") for name in first) > 80
    assert differing(first, build(tmp_path / "second")) == []
    assert differing(first, build(tmp_path / "parallel", "-j", "2")) == []


def test_news_profile_and_feed_are_the_same_in_parallel(tmp_path: Path) -> None:
    """News items and the profile are per-document and build-wide domain data: a parallel
    build merges them into the same pages and the same feed."""
    root = Path(__file__).parent / "roots" / "test-profile"

    def pages(out: Path, *extra: str) -> dict[str, bytes]:
        command = [sys.executable, "-m", "sphinx", "-q", *extra, str(root), str(out)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        return {
            p.name: p.read_bytes() for p in sorted(out.glob("*")) if p.suffix in {".html", ".xml"}
        }

    serial = pages(tmp_path / "serial")
    assert b"<entry>" in serial["atom.xml"]
    assert differing(serial, pages(tmp_path / "parallel", "-j", "2")) == []
