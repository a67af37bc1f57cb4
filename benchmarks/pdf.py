"""What the PDF CV adds to building the reference site, measured side by side in one run.

    python benchmarks/pdf.py --repeat 5

Builds the site (``docs/`` with the repository's ``conf.py``) with the PDF on (the default)
and off (``academic_pdf = []``), alternating, each a clean build then a no-change rebuild in a
fresh process; prints the best of ``--repeat`` for each and the difference (targets: under
1 s for a clean build, 0 s for a no-change rebuild).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def conf_dir(work: Path, pdf: bool) -> Path:
    """A conf dir that runs the site's conf.py, with the PDF turned off when asked."""
    folder = work / ("conf-pdf" if pdf else "conf-nopdf")
    folder.mkdir(parents=True, exist_ok=True)
    text = (REPO / "conf.py").read_text(encoding="utf-8")
    text = text.replace('"docs/_static/favicon.svg"', repr(str(REPO / "docs/_static/favicon.svg")))
    text = text.replace('["refs.bib"]', repr([str(REPO / "refs.bib")]))
    if not pdf:
        text += "\nacademic_pdf = []\n"
    (folder / "conf.py").write_text(text, encoding="utf-8")
    return folder


def build(conf: Path, out: Path) -> float:
    command = [sys.executable, "-m", "sphinx", "-q", "-c", str(conf), str(REPO / "docs"), str(out)]
    start = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    best: dict[tuple[bool, str], float] = {}
    with tempfile.TemporaryDirectory(prefix="academic-pdf-bench-") as tmp:
        work = Path(tmp)
        for _ in range(args.repeat):
            for pdf in (True, False):
                out = work / f"out-{pdf}"
                shutil.rmtree(out, ignore_errors=True)
                conf = conf_dir(work, pdf)
                for step in ("clean", "no change"):
                    seconds = build(conf, out)
                    best[pdf, step] = min(best.get((pdf, step), seconds), seconds)
    print("| build | PDF on (s) | PDF off (s) | the PDF adds (s) |")
    print("| --- | ---: | ---: | ---: |")
    for step in ("clean", "no change"):
        on, off = best[True, step], best[False, step]
        print(f"| {step} | {on:.2f} | {off:.2f} | {on - off:+.2f} |")


if __name__ == "__main__":
    main()
