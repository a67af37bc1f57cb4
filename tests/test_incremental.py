"""After every kind of edit, an incremental build gives the pages a clean build gives."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).parent / "roots" / "test-incremental"


def build(src: Path, out: Path) -> dict[str, str]:
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return {
        str(p.relative_to(out)): p.read_text(encoding="utf-8")
        for p in sorted(out.rglob("*"))
        if p.suffix in {".html", ".bib", ".json", ".xml"}
        and p.name not in {"genindex.html", "search.html"}
        and not {".doctrees", "_static", "_sources"} & set(p.relative_to(out).parts)
    }


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


def test_incremental_builds_match_clean_builds(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    new_entry = (
        "\n@misc{punch2022,\n  title = {Punched Cards},\n"
        "  author = {Lovelace, Ada},\n  year = {2022},\n}\n"
    )
    steps: list[tuple[str, Callable[[], None]]] = [
        (
            "add a bib entry",
            lambda: (src / "refs.bib").write_text((src / "refs.bib").read_text() + new_entry),
        ),
        (
            "change a cited entry",
            lambda: edit(src / "refs.bib", "Babbage, Charles", "Somerville, Mary"),
        ),
        ("remove a bib entry", lambda: edit(src / "refs.bib", new_entry.strip(), "")),
        (
            "edit a crossref parent",
            lambda: edit(
                src / "refs.bib",
                "title = {Proceedings of the Loom Conference},\n  year = {2022},",
                "title = {Proceedings of the Shuttle Conference},\n  year = {2021},",
            ),
        ),
        (
            "remove the co-author file",
            lambda: (src / "coauthors.yaml").rename(src / "coauthors.bak"),
        ),
        (
            "bring the co-author file back",
            lambda: (src / "coauthors.bak").rename(src / "coauthors.yaml"),
        ),
        (
            "edit the co-author file",
            lambda: edit(src / "coauthors.yaml", "people/babbage", "people/charles-babbage"),
        ),
        (
            "edit a card",
            lambda: edit(src / "index.md", "The engine card.", "The edited engine card."),
        ),
        (
            "edit the CV source",
            lambda: edit(src / "cv.yaml", "position: Programmer", "position: Analyst"),
        ),
        (
            "add a news item",
            lambda: (src / "news.yaml").write_text(
                (src / "news.yaml").read_text() + "- date: 2024-06\n  text: A second item.\n"
            ),
        ),
        (
            "add a profile to academic_person",
            lambda: edit(
                src / "conf.py",
                '"same_as": ["https://github.com/ada-example"]',
                '"email": "ada@example.org", "same_as": ["https://github.com/ada-example"]',
            ),
        ),
        (
            "add a page",
            lambda: (
                (src / "extra.md").write_text("# Extra\n\nSee {cite:p}`loom2023`.\n"),
                edit(src / "index.md", "cites\n```", "cites\nextra\n```"),
            ),
        ),
        (
            "remove the page",
            lambda: (
                (src / "extra.md").unlink(),
                edit(src / "index.md", "cites\nextra\n```", "cites\n```"),
            ),
        ),
        (
            "turn the publications' pages and downloads off",
            lambda: (src / "conf.py").write_text(
                (src / "conf.py").read_text()
                + "academic_publication_pages = False\nacademic_publication_downloads = False\n"
            ),
        ),
        (
            "turn them on again",
            lambda: edit(
                src / "conf.py",
                "academic_publication_pages = False\nacademic_publication_downloads = False\n",
                "",
            ),
        ),
    ]
    incremental_out = tmp_path / "incremental"
    build(src, incremental_out)
    for number, (name, apply) in enumerate(steps):
        apply()
        incremental = build(src, incremental_out)
        clean = build(src, tmp_path / f"clean-{number}")
        stale = sorted(
            page
            for page in clean.keys() | incremental.keys()
            if clean.get(page) != incremental.get(page)
        )
        assert stale == [], f"after '{name}': stale pages {stale}"
    assert "Mary Somerville" in incremental["publications.html"]
    # The publications' pages and downloads are compared too.
    assert {"publications/engine2024.html", "publications/engine2024.bib"} <= incremental.keys()
    assert {"publications.bib", "publications.json"} <= incremental.keys()
    # The child of the edited parent moved to the parent's new year, with its new booktitle.
    publications = incremental["publications.html"]
    assert 'id="year-2021"' in publications and 'id="year-2022"' not in publications
    assert "Proceedings of the Shuttle Conference" in publications
    assert "Proceedings of the Shuttle Conference" in incremental["cites.html"]  # the tooltip
    assert "https://example.org/people/charles-babbage" in publications
    assert "Somerville" in incremental["cites.html"]
    assert "Analyst" in incremental["cv.html"]
    assert (
        "A second item." in incremental["index.html"]
        and "A second item." in incremental["atom.xml"]
    )
    assert "mailto:ada&#64;example.org" in incremental["cites.html"]  # the sidebar, every page
