"""The reference site, built as its README says: every seed publication, once, with -W."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

#: Copies of the two documents the site is made from (shared/seeds): the current page and the
#: older CV, so that the suite checks them wherever it runs.
SEEDS = Path(__file__).parent / "data" / "seeds"
EXPECTED = [
    line
    for line in (Path(__file__).parent / "data" / "seed_publications.txt").read_text().splitlines()
    if line and not line.startswith("#")
]


def page(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def test_site_has_plain_page_names(site: Path) -> None:
    for name in ("index.html", "publications.html", "cv.html"):
        assert (site / name).is_file()


def test_every_seed_publication_appears_exactly_once(site: Path) -> None:
    titles = Counter(
        t.get_text() for t in page(site, "publications.html").select("li.academic-pub cite")
    )
    assert len(EXPECTED) == 42
    missing = [t for t in EXPECTED if titles[t] == 0]
    twice = [t for t, n in titles.items() if n > 1]
    extra = [t for t in titles if t not in EXPECTED]
    assert (missing, twice, extra) == ([], [], [])


def test_years_newest_first_with_owner_highlighted(site: Path) -> None:
    soup = page(site, "publications.html")
    years = [s["id"] for s in soup.select("section.academic-year")]
    assert years == [
        "year-2026",
        "year-2025",
        "year-2024",
        "year-2023",
        "year-2021",
        "year-2019",
        "year-2018",
        "year-2017",
    ]
    for item in soup.select("li.academic-pub"):
        if "ThunderAgent" in item.find("cite").get_text():
            continue  # arXiv's author list does not name him (see refs.bib)
        assert item.select("strong.academic-me"), item.find("cite").get_text()


def test_cv_lists_the_same_publications_without_duplicate_targets(site: Path) -> None:
    cv = page(site, "cv.html")
    assert len(cv.select("li.academic-pub")) == 42


def test_expected_titles_come_from_the_seeds() -> None:
    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) == 2
    seeds = " ".join(p.read_text(encoding="utf-8") for p in files)
    seeds = " ".join(seeds.replace("**", "").split())
    assert [t for t in EXPECTED if t not in seeds] == []


#: Every item of the CV seed (000), as the CV page words it, updated by seed 002.
CV_ITEMS = [
    "PhD in Statistics with Special Masters in Computer Science",
    "PhD thesis on density representation for words and hierarchical data",
    "Bachelor of Arts in Mathematics and Economics",
    "Benedict First Prize in Mathematics, Magna Cum Laude, Phi Beta Kappa and Sigma Xi",
    "Senior Director, Together AI",
    "Senior ML Scientist, AWS CodeWhisperer/AWS AI Labs, Amazon Web Services",
    "Applied Scientist, AWS CodeWhisperer/AWS AI Labs, Amazon Web Services",
    *(
        f"{topic}"
        for topic in (
            "sparse attention",
            "compression-optimized tokenizer",
            "position embeddings",
            "multi-group attention",
            "code insertion",
            "customized models",
            "bifurcated attention",
            "multi-lingual evaluation framework",
            "model finetuning",
            "token alignment",
            "internal language models for code generation",
            "language models for structured prediction",
        )
    ),
    "Research Intern, AWS",
    "Supervisor: Anima Anandkumar",
    "Research Intern, Microsoft Research",
    "Supervisor: Jack Stokes",
    "Intern, RelSci",
    "Supervisor: David Tucker Smith",
    "Supervisor: Ward Lopes",
    "Bifurcated Attention for Memory-IO Efficient Inference",
    "Token Alignment via Constrained Generation for Subword Completion, US 12,014,155 B2",
    "Programmatic Conversion of Code Evaluation Data to Different Programming Languages, "
    "US 12,141,553 B2",
    "Served as a reviewer for ICLR, ICML, NeurIPS, AISTATS, ACL, EMNLP",
    "Best reviewer award NeurIPS 2019",
    "illustrated tensor parallelism",
    "megatron-deepspeed",
    "MBXP datasets",
    "Python, R, C++, Mathematica, Matlab, JavaScript, HTML, SQL",
    "Pytorch, Megatron-LM, DeepSpeed, DeepSpeed Inference, Tensorflow",
    "Top-500 in Putnam Mathematical Competition",
    "Silver Medal, International Physics Olympiad",
    "Gold Medal, Thailand Physics Olympiad",
]


def test_cv_carries_every_item_of_the_cv_seed(site: Path) -> None:
    cv = page(site, "cv.html")
    text = " ".join(cv.select_one("article").get_text().split())
    assert [item for item in CV_ITEMS if item not in text] == []
    timelines = cv.select("ol.academic-timeline")
    assert len(timelines) == 5  # education, work, internships, patents, competitions
    dates = {
        li.select_one(".academic-cv-title").get_text(): [
            t.get("datetime") for t in li.find_all("time")
        ]
        for li in cv.select("li.academic-cv-entry")
    }
    assert dates["Senior Director"] == []  # the seeds give no start date: none is invented
    assert dates["Applied Scientist"] == ["2019-08", "2022-08"]
    assert dates["PhD in Statistics with Special Masters in Computer Science"] == ["2014", "2019"]


def test_home_page_profile_shows_what_the_seeds_state(site: Path) -> None:
    soup = page(site, "index.html")
    profile = soup.select_one("div.academic-profile")
    assert profile.select_one(".academic-profile-position").get_text() == (
        "Senior Director, Together AI"
    )
    assert profile.select_one("img") is None  # no photo in the seeds
    links = [(a["href"], a.get("rel")) for a in profile.select("a.academic-profile-link")]
    assert links == [("https://github.com/benathi", ["me"])]
    for name in ("index.html", "publications.html", "cv.html", "search.html"):
        sidebar = page(site, name).select(".academic-sidebar-profile a")
        assert [(a["aria-label"], a["href"]) for a in sidebar] == [
            ("GitHub", "https://github.com/benathi")
        ]
        assert not page(site, name).select('a[href^="mailto:"]')  # no address was given


def test_publications_page_has_the_filters(site: Path) -> None:
    form = page(site, "publications.html").select("form.academic-filter")
    assert len(form) == 1 and form[0].select("select[name=year], select[name=type]")
