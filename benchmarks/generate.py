"""Generate a synthetic academic site: N bib entries, M CV entries, K cards.

    python benchmarks/generate.py OUT --entries 5000 --cv 200 --cards 20 --mode academic|list|plain

``academic`` lists every entry with the ``publications`` directive, with a page per entry and
the downloads (the extension's defaults); ``list`` is the same without the pages and the
downloads (``academic_publication_pages = False``, ``academic_publication_downloads =
False``); ``plain`` lists the same file with sphinxcontrib-bibtex's ``bibliography :all:``
and its default style. Deterministic: the same arguments give the same files.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = """Ada Alan Grace Barbara Edsger Donald Leslie Frances Tony John Shafi Judea Yoshua
Geoffrey Fei-Fei Jürgen Małgorzata Zoë""".split()
LAST = """Lovelace Turing Hopper Liskov Dijkstra Knuth Lamport Allen Hoare McCarthy Goldwasser
Pearl Bengio Hinton Li Schmidhuber Nowak Müller""".split()
VENUES = ["ICML", "NeurIPS", "ICLR", "ACL", "EMNLP", "CVPR", "MLSys", "AAAI"]
WORDS = """efficient scalable sparse attention quantization decoding speculative inference
language models training data retrieval reasoning agents vision kernels memory""".split()


def entry(i: int, rng: random.Random) -> str:
    year = 2026 - i % 25
    authors = " and ".join(
        f"{rng.choice(LAST)}, {rng.choice(FIRST)}" for _ in range(rng.randint(1, 14))
    )
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 10))).capitalize()
    venue = rng.choice(VENUES)
    return (
        f"@inproceedings{{key{i},\n  title = {{{title}}},\n"
        f"  author = {{{authors} and Lovelace, Ada}},\n"
        f"  booktitle = {{Proceedings of {venue}}},\n  venue_label = {{{venue} {year}}},\n"
        f"  year = {{{year}}},\n  arxiv = {{{2000 + i % 600}.{i:05d}}},\n"
        f"  code = {{https://github.com/example/repo{i}}},\n"
        f"  summary = {{One-line summary of work {i}.}},\n"
        f"  abstract = {{Abstract of work {i} about {title.lower()}.}},\n}}\n"
    )


def generate(out: Path, entries: int, cv: int, cards: int, mode: str) -> None:
    rng = random.Random(entries * 7919 + cv * 31 + cards)
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    bib = "\n".join(entry(i, rng) for i in range(entries))
    (out / "refs.bib").write_text(bib, encoding="utf-8")
    academic = mode in ("academic", "list")
    extension = "sphinx_academic" if academic else "sphinxcontrib.bibtex"
    extensions = f'["myst_parser", "{extension}"]'
    (out / "conf.py").write_text(
        f"extensions = {extensions}\nbibtex_bibfiles = ['refs.bib']\nhtml_theme = 'furo'\n"
        # As a site made by `sphinx-academic new` (both modes alike): no empty genindex page.
        "html_use_index = False\n"
        "academic_author_names = ['Ada Lovelace']\nmyst_enable_extensions = ['colon_fence']\n"
        "suppress_warnings = ['bibtex.duplicate_label', 'bibtex.duplicate_citation']\n"
        + (
            "academic_publication_pages = False\nacademic_publication_downloads = False\n"
            if mode == "list"
            else ""
        ),
        encoding="utf-8",
    )
    listing = "```{publications}\n```\n" if academic else "```{bibliography}\n:all:\n```\n"
    (docs / "publications.md").write_text(f"# Publications\n\n{listing}", encoding="utf-8")
    (docs / "about.md").write_text("# About\n\nAn unrelated page.\n", encoding="utf-8")
    if academic:
        card_text = "".join(
            f":::{{work-card}} key{i}\nCard {i}.\n:::\n\n" for i in range(min(cards, entries))
        )
        cv_text = "".join(
            f":::{{cv-entry}}\n:title: Role {i}\n:organization: Org {i}\n:start: {1990 + i % 30}\n"
            f":end: {1991 + i % 30}\n\nDid things.\n:::\n\n"
            for i in range(cv)
        )
        (docs / "index.md").write_text(
            "# Home\n\n```{toctree}\npublications\nabout\ncv\n```\n\n"
            f"::::{{work-cards}}\n{card_text}::::\n",
            encoding="utf-8",
        )
        (docs / "cv.md").write_text(
            f"# CV\n\n::::{{cv-timeline}}\n{cv_text}::::\n", encoding="utf-8"
        )
    else:
        (docs / "index.md").write_text(
            "# Home\n\n```{toctree}\npublications\nabout\n```\n", encoding="utf-8"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--cv", type=int, default=100)
    parser.add_argument("--cards", type=int, default=10)
    parser.add_argument("--mode", choices=("academic", "list", "plain"), default="academic")
    args = parser.parse_args()
    generate(args.out, args.entries, args.cv, args.cards, args.mode)


if __name__ == "__main__":
    main()
