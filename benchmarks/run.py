"""Build synthetic sites and print build times and peak memory, side by side in one run.

    python benchmarks/run.py                      # N = 100, 1000, 5000
    python benchmarks/run.py --entries 1000 --repeat 3

For each N it generates three sites over the same bib file (``benchmarks/generate.py``):
sphinxcontrib-bibtex's ``bibliography :all:`` with its default style (plain), the
``publications`` directive alone (list: publication pages and downloads turned off), and the
``publications`` directive as the extension's defaults build it (pages: a page per entry and
the downloads). Each is timed for a clean build, a rebuild with nothing changed, a rebuild
after editing an unrelated page, and a rebuild after editing one bib entry. The modes
alternate step by step, so all see the same machine load; each figure is the best of
``--repeat`` runs. The ratios are against plain: the list's targets are 0.18, 0.05, 0.1 and
0.25 at N = 5,000; with pages, a clean build must stay within plain's (1.0), and editing one
entry must rewrite its page and its two neighbours' only (the count is printed).
An empty Sphinx project's build is printed too: the floor a no-change rebuild cannot beat.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

#: Site kinds, as generate.py names them: plain, the list alone, the list with its pages.
MODES = ("plain", "list", "academic")
STEPS = ("clean", "no change", "unrelated page", "one bib entry")
TARGETS = {"clean": 0.18, "no change": 0.05, "unrelated page": 0.1, "one bib entry": 0.25}
PAGES_TARGETS = {"clean": 1.0, "no change": None, "unrelated page": None, "one bib entry": None}


@dataclass
class Run:
    seconds: float
    peak_mib: float
    pages_written: int = 0  #: publication pages (re)written by the build


def page_stamps(site: Path) -> dict[str, int]:
    folder = site / "_build" / "publications"
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.html")} if folder.is_dir() else {}


#: ``python -m sphinx`` that writes its peak memory (VmHWM, KiB) to the file named first: the
#: build's own high-water mark. ``ru_maxrss`` from ``wait4`` would keep this script's peak
#: too, since Python starts a child with ``vfork`` and the mark survives ``exec``.
MEASURED_SPHINX = """
import re, sys
from pathlib import Path
from sphinx.cmd.build import main
code = main(sys.argv[2:])
status = Path("/proc/self/status").read_text()
Path(sys.argv[1]).write_text(re.search(r"VmHWM:\\s*(\\d+) kB", status).group(1))
sys.exit(code)
"""


def sphinx_build(site: Path) -> Run:
    """One ``sphinx-build -b html`` in a child process: wall time and the child's peak RSS."""
    peak = site / "peak-kib"
    command = [sys.executable, "-c", MEASURED_SPHINX, str(peak), "-q", "-b", "html"]
    command += ["-c", str(site), str(site / "docs"), str(site / "_build")]
    start = time.perf_counter()
    result = subprocess.run(command, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"sphinx-build failed in {site}:\n{result.stderr.decode()}")
    return Run(seconds, int(peak.read_text()) / 1024)


def edit_unrelated_page(site: Path) -> None:
    page = site / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")


def edit_one_entry(site: Path) -> None:
    bib = site / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    edited = re.sub(r"title = \{", "title = {Revised: ", text, count=1)
    bib.write_text(edited, encoding="utf-8")


def prepare(step: str) -> Callable[[Path], None]:
    if step == "unrelated page":
        return edit_unrelated_page
    if step == "one bib entry":
        return edit_one_entry
    return lambda site: None


def measure(entries: int, repeat: int, workdir: Path) -> dict[str, dict[str, Run]]:
    """Best of ``repeat`` for every step and mode, the modes alternating step by step."""
    best: dict[str, dict[str, Run]] = {mode: {} for mode in MODES}
    for _ in range(repeat):
        sites = {}
        for mode in MODES:
            site = workdir / f"{mode}-{entries}"
            shutil.rmtree(site, ignore_errors=True)
            generate(site, entries, cv=100, cards=10, mode=mode)
            sites[mode] = site
        for step in STEPS:
            for mode in MODES:
                prepare(step)(sites[mode])
                before = page_stamps(sites[mode])
                run = sphinx_build(sites[mode])
                after = page_stamps(sites[mode])
                written = sum(1 for name, stamp in after.items() if before.get(name) != stamp)
                old = best[mode].get(step, run)
                best[mode][step] = Run(
                    min(old.seconds, run.seconds), max(old.peak_mib, run.peak_mib), written
                )
    return best


def empty_project(workdir: Path) -> float:
    site = workdir / "empty"
    shutil.rmtree(site, ignore_errors=True)
    (site / "docs").mkdir(parents=True)
    (site / "conf.py").write_text("html_theme = 'furo'\n", encoding="utf-8")
    (site / "docs" / "index.rst").write_text("Empty\n=====\n", encoding="utf-8")
    sphinx_build(site)
    return sphinx_build(site).seconds


def report(entries: int, best: dict[str, dict[str, Run]]) -> None:
    print(f"\nN = {entries:,}")
    print(
        f"| {'build':<15} | {'plain (s)':>9} | {'list (s)':>8} | {'ratio':>5} | target |"
        f" {'pages (s)':>9} | {'ratio':>5} | target | {'pages written':>13} |"
    )
    print(f"|{'-' * 17}|{'-' * 11}|{'-' * 10}|{'-' * 7}|--------|{'-' * 11}|{'-' * 7}|--------|"
          f"{'-' * 15}|")  # fmt: skip
    for step in STEPS:
        plain, listing, pages = (best[mode][step] for mode in MODES)
        target = PAGES_TARGETS[step]
        print(
            f"| {step:<15} | {plain.seconds:>9.2f} | {listing.seconds:>8.2f} |"
            f" {listing.seconds / plain.seconds:>5.2f} | {TARGETS[step]:>6} |"
            f" {pages.seconds:>9.2f} | {pages.seconds / plain.seconds:>5.2f} |"
            f" {target if target is not None else '':>6} | {pages.pages_written:>13,} |"
        )
    peaks = {mode: max(run.peak_mib for run in best[mode].values()) for mode in MODES}
    print(
        f"| {'peak memory':<15} | {peaks['plain']:>7.0f}MB | {peaks['list']:>6.0f}MB |"
        f" {peaks['list'] / peaks['plain']:>5.2f} | 1 GiB  | {peaks['academic']:>7.0f}MB |"
        f" {peaks['academic'] / peaks['plain']:>5.2f} | 1 GiB  | {'':>13} |"
    )
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="academic-bench-") as tmp:
        workdir = Path(tmp)
        print(f"empty furo project, no-change rebuild: {empty_project(workdir):.2f} s")
        for entries in args.entries:
            report(entries, measure(entries, args.repeat, workdir))


if __name__ == "__main__":
    main()
