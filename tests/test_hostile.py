"""Hostile and malformed input, one small site per class, built as a user builds them.

Each class of issue 14 is checked on the built site, with inputs written here: no traceback
(a warning naming file and line, the rest of the site built), no hang or memory blow-up
(time and peak memory of the build measured), no file from outside its folder in the output
(the secret's content searched for in every output file), and no code run (a canary file
that must never appear).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

#: Runs sphinx-build in this process and writes its peak memory (KB) to a file: the kernel's
#: high-water mark of this program's own memory (VmHWM). Not ``getrusage``'s ``ru_maxrss``,
#: which keeps the peak of the process before ``exec``: Python starts a child with ``vfork``,
#: so that peak is the test runner's, hundreds of MB late in a full run.
MEASURED_BUILD = """
import re, sys
from pathlib import Path
from sphinx.cmd.build import main
code = main(sys.argv[2:])
status = Path("/proc/self/status").read_text()
Path(sys.argv[1]).write_text(re.search(r"VmHWM:\\s*(\\d+) kB", status).group(1))
sys.exit(code)
"""
CONF = (
    'extensions = ["myst_parser", "sphinx_academic"]\nbibtex_bibfiles = ["refs.bib"]\n'
    'myst_enable_extensions = ["colon_fence"]\nhtml_theme = "furo"\n'
)
#: A warning of the extension: ``path:line: WARNING: message [academic.subtype]``, or for a
#: file whose line is unknown ``WARNING: path: message [academic.subtype]``.
LOCATED = re.compile(r"(/\S+):(\d+): WARNING: (.+) \[academic\.\w+\]", re.DOTALL)
FILE_LEVEL = re.compile(r"WARNING: (/\S+): (.+) \[academic\.\w+\]", re.DOTALL)


@dataclass
class Build:
    src: Path
    out: Path
    returncode: int
    stderr: str
    seconds: float
    peak_mb: float

    def page(self, name: str) -> BeautifulSoup:
        return BeautifulSoup((self.out / name).read_text(encoding="utf-8"), "html.parser")

    @property
    def warnings(self) -> list[str]:
        """Each warning, its continuation lines joined to it."""
        found: list[str] = []
        for line in self.stderr.splitlines():
            if re.match(r"(\S+:\d+: )?(WARNING|ERROR|CRITICAL): ", line) or not found:
                found.append(line)
            else:
                found[-1] += "\n" + line
        return found

    def warned(self, path: str, line: int, *fragments: str) -> bool:
        """Whether one warning is at ``path:line`` and holds every fragment."""
        prefix = f"{self.src / path}:{line}: WARNING: "
        return any(
            warning.startswith(prefix) and all(f in warning for f in fragments)
            for warning in self.warnings
        )


def write(src: Path, files: dict[str, str | bytes]) -> None:
    for relative, content in files.items():
        path = src / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def build(
    src: Path, builder: str = "html", extra: Sequence[str] = (), timeout: float = 120
) -> Build:
    out = src / "_build" / builder
    peak = src / "_build" / f"{builder}-peak"
    peak.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-c", MEASURED_BUILD, str(peak), "-q", "-N", "-b", builder, *extra]
    command += ["-d", str(src / "_build" / f"{builder}-doctrees"), str(src), str(out)]
    start = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    seconds = time.monotonic() - start
    peak_mb = int(peak.read_text()) / 1024 if peak.exists() else float("nan")
    return Build(src, out, result.returncode, result.stderr, seconds, peak_mb)


def lines_of(text: str, *markers: str) -> list[int]:
    """The line of each marker's first occurrence in the text (1-based)."""
    lines = text.splitlines()
    return [next(i for i, line in enumerate(lines, 1) if marker in line) for marker in markers]


def assert_finished(result: Build) -> None:
    assert result.returncode == 0, result.stderr
    for sign in ("Traceback", "Exception occurred", "Extension error", "RecursionError"):
        assert sign not in result.stderr, result.stderr


def assert_every_warning_is_located(result: Build) -> None:
    """Every warning of the extension names a file of the site and a line (or, when no line
    is known, the file at the start of the message)."""
    for warning in result.warnings:
        if "[academic." not in warning:
            continue
        match = LOCATED.fullmatch(warning) or FILE_LEVEL.fullmatch(warning)
        assert match, warning
        assert Path(match.group(1)).is_relative_to(result.src), warning


# ---------------------------------------------------------------------------- tracebacks

BROKEN_BIB = "\n".join(
    [
        "@article{latin, title = {Caf\xe9 na\xefve}, author = {M\xfcller, J\xfcrgen},",
        "  journal = {J}, year = {2020}}",
        "@article{superscript, title = {Squared}, author = {Ada Lovelace},",
        "  journal = {J}, year = {2020\xb2}}",
        "@misc{nocomma}",
        "@article{commas, title = {Commas}, author = {Lovelace, Ada, Countess, Extra},",
        "  journal = {J}, year = {2021}}",
        "@article{macro, title = {Macro}, author = {Ada Lovelace}, journal = nosuchmacro,",
        "  year = {2021}}",
        "@article{twice, title = {First Twice}, author = {Ada Lovelace}, year = {2019}}",
        "@article{Twice, title = {Second Twice}, author = {Ada Lovelace}, year = {2019}}",
        "@article{unbalanced, title = {Open {brace}, author = {Ada Lovelace}, year = {2018}}",
        "@article{goodone, title = {Good One}, author = {Ada Lovelace}, year = {2017}}",
        "@article{goodtwo,",
        "  title = {Good Two}, author = {Ada Lovelace}, year = {2016},",
        "  selected = yes,",
        "}",
        "@article{cardonly, title = {Only On A Card}, author = {Ada Lovelace}, year = {2015},",
        "  url = {javascript:alert(1)}}",
        "",
    ]
).encode("latin-1")
FILTERS = {
    "code": '__import__("os").system("touch {canary}")',
    "lambda": '(lambda: __import__("os").system("touch {canary}"))()',
    "number": "year > 2020",
    "string or": 'year | "x"',
    "bad regex": 'title % "("',
    "two statements": "year; title",
    "attribute": "title.upper()",
    "subscript": "title[0]",
    "fstring": 'f"{title}"',
    "walrus": '(x := "1")',
}
EXPECTED_FILTER_MESSAGES = {
    "code": "not supported",
    "lambda": "not supported",
    "number": 'write the number in quotes, `year > "2020"`',
    "string or": '`year in {"2020", "2021"}`',
    "bad regex": "put a backslash before characters with a special meaning",
    "two statements": "Write one condition",
    "attribute": "not supported",
    "subscript": "not supported",
    "fstring": "not supported",
    "walrus": "assigns; to compare write `==`",
}
#: A RenderCV file with a NUL in a value, and python tags that would run a command.
CV_NUL = "cv:\n  sections:\n    work:\n      - company: Acme\x00Corp\n        position: P\n"
CV_TAG = (
    "cv:\n  sections:\n    work:\n      - company: !!python/object/apply:os.system\n"
    '          ["touch {canary}"]\n        position: P\n'
)
CV_DATES = (
    "cv:\n  sections:\n    work:\n      - company: Same Year\n        position: P\n"
    "        start_date: 2019\n        end_date: 2019-06\n"
)
RESUME = json.dumps(
    {"work": [{"name": "Rocket \U0001f680 Labs", "position": "P", "startDate": "2020"}]},
    indent="\t",
)  # ensure_ascii: the emoji as a surrogate pair of escapes, indented with tabs


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Path, dict[str, int]]:
    src = tmp_path_factory.mktemp("broken")
    canary = src.parent / f"{src.name}-canary"
    blocks = ["# Home\n\n```{toctree}\ncv\nrest\n```\n\n```{publications}\n```\n"]
    for name, expression in FILTERS.items():
        blocks.append(f"<!-- {name} -->\n```{{publications}}\n:filter: {expression}\n```\n")
    blocks.append(":::{work-card} cardonly\n:::\n")
    index = "\n".join(blocks).replace("{canary}", str(canary))
    cv = "# CV\n\n:::{cv-entry}\n:title: Same year\n:start: 2019\n:end: 2019-06\n:::\n\n" + "".join(
        f"```{{cv-timeline}}\n:source: {name}\n```\n\n"
        for name in ("nul.yaml", "tag.yaml", "dates.yaml", "resume.json")
    )
    rest = (
        "Rest\n====\n\n.. publications::\n   :filter: __import__('os')\n\n"
        ".. cv-entry::\n   :title: Same year in reST\n   :start: 2019\n   :end: 2019-06\n"
    )
    write(
        src,
        {
            "conf.py": CONF + 'academic_author_names = ["Ada Lovelace"]\n',
            "refs.bib": BROKEN_BIB,
            "index.md": index,
            "cv.md": cv,
            "rest.rst": rest,
            "nul.yaml": CV_NUL,
            "tag.yaml": CV_TAG.replace("{canary}", str(canary)),
            "dates.yaml": CV_DATES,
            "resume.json": RESUME,
        },
    )
    lines = dict(zip(FILTERS, lines_of(index, *(f"<!-- {n} -->" for n in FILTERS)), strict=True))
    return build(src), canary, lines


def test_tracebacks_become_located_warnings_and_the_site_builds(
    broken: tuple[Build, Path, dict[str, int]],
) -> None:
    result, _, filter_lines = broken
    assert_finished(result)
    bib = "refs.bib"
    # A Latin-1 file: reported at the first bad byte's line, read as Windows-1252.
    assert result.warned(bib, 1, "not valid UTF-8", "save it as UTF-8")
    assert result.warned(bib, 3, "'superscript' has year '2020²'", "write it as four digits")
    assert result.warned(bib, 5, "'nocomma' has no title", "add title = {...}")
    assert result.warned(bib, 6, "has 3 commas", "write 'Last, First'")
    assert result.warned(bib, 8, "'nosuchmacro' is not a defined @string", "put the value in")
    assert result.warned(bib, 11, "repeats the key of the entry on line 10", "rename or delete")
    assert result.warned(bib, 12, "entry 'unbalanced'", "the entries after it are still used")
    assert result.warned(bib, 16, "entry 'goodtwo', field 'selected'", "selected = {yes}")
    # An entry shown only on a card gets its warnings too.
    assert result.warned(bib, 18, "url of 'cardonly': unsafe URL scheme 'javascript'")
    for name, line in filter_lines.items():
        assert result.warned("index.md", line + 1, "publications :filter:"), name
        assert result.warned("index.md", line + 1, EXPECTED_FILTER_MESSAGES[name]), name
    assert result.warned("rest.rst", 4, "publications :filter:", "not supported")
    assert result.warned("nul.yaml", 4, "control character U+0000 (NUL)", "save it as UTF-8")
    assert result.warned("tag.yaml", 4, "python/object/apply:os.system")
    assert_every_warning_is_located(result)

    # The rest of the site: every entry that could be read, once, in the full list.
    home = result.page("index.html")
    first_list = home.select("section.academic-year")[0].find_parent("section")
    titles = sorted(c.get_text() for c in first_list.select("li.academic-pub cite"))
    assert titles == sorted(
        [
            "Café naïve",
            "Squared",
            "Commas",
            "Macro",
            "First Twice",
            "Good One",
            "Good Two",
            "Only On A Card",
            "nocomma",
        ]
    )
    cv = " ".join(result.page("cv.html").get_text().split())
    assert "Rocket 🚀 Labs" in cv  # a JSON Resume with tabs and surrogate-pair escapes
    assert "Same year" in cv and "Same Year" in cv
    # A year-only start and a month end in that year are in order, in every form.
    assert "ends before it starts" not in result.stderr
    assert "Same year in reST" in result.page("rest.html").get_text()


def test_no_input_runs_code(broken: tuple[Build, Path, dict[str, int]]) -> None:
    result, canary, _ = broken
    assert_finished(result)
    assert not canary.exists()
    html = (result.out / "cv.html").read_text(encoding="utf-8")
    assert "os.system" not in html  # the tagged value was refused, not shown or run


def test_group_order_is_the_same_under_any_hash_seed(tmp_path: Path) -> None:
    """Years newest first, then groups that are not years in the order the file has them."""
    bib = "".join(
        f"@misc{{e{i}, title = {{Entry {i}}}, author = {{Ada Lovelace}},{year}}}\n"
        for i, year in enumerate(
            [
                " year = {in press},",
                "",
                " year = {2021},",
                " year = {submitted},",
                "",
                " year = {2023},",
                " note = {no year},",
            ]
        )
    )
    src = tmp_path / "site"
    write(
        src,
        {
            "conf.py": CONF + 'suppress_warnings = ["academic.bibtex"]\n',
            "refs.bib": bib,
            "index.md": "# Home\n\n```{publications}\n```\n",
        },
    )
    pages = []
    for seed in ("0", "1", "4242"):
        os.environ["PYTHONHASHSEED"] = seed
        try:
            result = build(src, extra=["-E"])
        finally:
            del os.environ["PYTHONHASHSEED"]
        assert_finished(result)
        pages.append((result.out / "index.html").read_bytes())
    assert pages[0] == pages[1] == pages[2]
    soup = BeautifulSoup(pages[0], "html.parser")
    groups = [h.get_text().rstrip("¶") for h in soup.select("section.academic-year h2")]
    assert groups == ["2023", "2021", "Undated"]
    undated = soup.select("section.academic-year")[-1].select("li.academic-pub cite")
    assert [c.get_text() for c in undated] == [f"Entry {i}" for i in (0, 1, 3, 4, 6)]


# ---------------------------------------------------------------------------- denial of service


def billion_laughs(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + f"\ncv:\n  sections:\n    work:\n      - company: *a{levels}\n"


@pytest.fixture(scope="module")
def flood(tmp_path_factory: pytest.TempPathFactory) -> Build:
    src = tmp_path_factory.mktemp("flood")
    nested = "cv:\n  sections:\n    work:\n      - highlights: " + "[" * 3000 + "]" * 3000
    sources = {
        "laughs.yaml": billion_laughs(9),
        "loop.yaml": "cv:\n  sections:\n    work: &x\n      - company: X\n        highlights: *x\n",
        "deep.yaml": nested + "\n",
        "big.yaml": "cv:\n  sections:\n    work:\n" + "      - company: C\n" * 550_000,
    }
    authors = " and ".join(f"Author{i}, Person{i}" for i in range(20_000))
    bib = (
        "@article{slow, title = {" + "a" * 34 + "}, author = {Ada Lovelace}, year = {2020}}\n"
        "@article{tags, title = {" + "<a" * 300_000 + "}, author = {Ada Lovelace}, "
        "year = {2021}}\n"
        "@article{crowd, title = {Crowd}, author = {" + authors + "}, year = {2022}}\n"
    )
    cv = "# CV\n\n" + "".join(f"```{{cv-timeline}}\n:source: {n}\n```\n\n" for n in sources)
    index = (
        "# Home\n\n```{toctree}\ncv\n```\n\n"
        '```{publications}\n:filter: title % "^(a+)+$"\n:no-index:\n```\n\n'
        f":::{{work-card}}\n:title: Links\n:links: {'label ' * 200_000}\n:::\n\n"
        f":::{{work-card}} {'slow ' * 50_000}\n:::\n\n"
        "```{publications}\n```\n"
    )
    write(src, {"conf.py": CONF, "refs.bib": bib, "index.md": index, "cv.md": cv, **sources})
    return build(src, timeout=180)


def test_denial_of_service_inputs_finish_fast_in_little_memory(flood: Build) -> None:
    assert_finished(flood)
    # Each input took minutes or gigabytes before; a clean build of a small site takes about
    # a second and 100 MB. The bounds leave room for a loaded machine.
    assert flood.seconds < 30, flood.seconds
    assert flood.peak_mb < 400, flood.peak_mb
    assert flood.warned("laughs.yaml", 6, "alias *a4 takes the file past 100,000 values")
    assert flood.warned("loop.yaml", 5, "recursive alias *x", "write the data out")
    assert flood.warned("deep.yaml", 4, "nested more than 50 levels deep")
    assert flood.warned("cv.md", 15, "is 10.5 MB, over the 1.0 MB limit", "split it")
    links, slow = lines_of((flood.src / "index.md").read_text(), ":title: Links", "slow slow")
    assert flood.warned("index.md", links - 1, "work-card :links: cannot read 'label label")
    assert flood.warned("index.md", slow, "work-card: 'slow' is named 50000 times")
    assert_every_warning_is_located(flood)
    # The regex ran, in linear time, and the rest of the site is there.
    home = flood.page("index.html")
    lists = home.select("ul.academic-publications")
    assert [c.get_text() for c in lists[0].select("cite")] == ["a" * 34]
    assert len(home.select("li.academic-pub")) == 4
    assert "19990 more authors" in home.find(id="pub-crowd").get_text()  # 10 shown


# ---------------------------------------------------------------------------- files


SECRETS = ("OUTSIDE-SECRET-4f1c", "CONF-SECRET-9a7e", "root:x:0:0", "HIDDEN-SECRET-77d0")


@pytest.fixture(scope="module")
def leaky(tmp_path_factory: pytest.TempPathFactory) -> list[Build]:
    root = tmp_path_factory.mktemp("leaky")
    src, outside = root / "site", root / "outside"
    write(
        outside,
        {
            "secret.pdf": SECRETS[0],
            "secret.png": SECRETS[0],
            "cv.yaml": f"cv:\n  sections:\n    work:\n      - company: {SECRETS[0]}\n",
        },
    )
    bib = (
        "@article{leaky, title = {Leaky}, author = {Ada Lovelace}, year = {2020},\n"
        "  pdf = {../../../outside/secret.pdf},\n"
        "  slides = {../../conf.py},\n"
        "  supp = {link.pdf},\n"
        "  poster = {folder/secret.pdf},\n"
        "  preview = {../../../../outside/secret.png},\n"
        "  html = {passwd}}\n"
        "@article{fine, title = {Fine}, author = {Ada Lovelace}, year = {2021},\n"
        "  pdf = {paper.pdf}, preview = {shot.png}}\n"
        "@article{hidden, title = {Hidden}, author = {Ada Lovelace}, year = {2022},\n"
        "  pdf = {.private/notes.pdf}, video = {.env}}\n"
    )
    cards = [
        ("../outside/secret.png", "parent"),
        ("/../outside/secret.png", "rooted"),
        ("img/link.png", "link"),
        ("img/star.*", "glob"),
        ("img/ok.png", "fine"),
    ]
    index = "# Home\n\n```{toctree}\ncv\nrest\n```\n\n```{publications}\n```\n\n" + "".join(
        f":::{{work-card}}\n:title: Card {name}\n:image: {image}\n:alt: {name}\n:::\n\n"
        for image, name in cards
    )
    cv = "# CV\n\n" + "".join(
        f"```{{cv-timeline}}\n:source: {source}\n```\n\n"
        for source in ("../outside/cv.yaml", "data/link.yaml", "data/ok.yaml")
    )
    rest = "Rest\n====\n\n.. work-card::\n   :title: reST card\n   :image: ../outside/secret.png\n"
    rest += "   :alt: reST\n"
    write(
        src,
        {
            # A folder of the whole conf dir: hidden files stay out all the same.
            "conf.py": CONF + f'academic_file_dirs = {{"video": "."}}\n# {SECRETS[1]}\n',
            ".env": SECRETS[3],
            "assets/pdf/.private/notes.pdf": SECRETS[3],
            "refs.bib": bib,
            "index.md": index,
            "cv.md": cv,
            "rest.rst": rest,
            "assets/pdf/paper.pdf": "GOOD-PDF",
            "assets/img/publication_preview/shot.png": "GOOD-PREVIEW",
            "img/ok.png": "GOOD-IMAGE",
            "data/ok.yaml": "cv:\n  sections:\n    work:\n      - company: Good Company\n",
        },
    )
    (src / "assets/pdf/link.pdf").symlink_to(outside / "secret.pdf")
    (src / "assets/pdf/folder").symlink_to(outside, target_is_directory=True)
    (src / "assets/html").mkdir()
    (src / "assets/html/passwd").symlink_to("/etc/passwd")
    (src / "img/link.png").symlink_to(outside / "secret.png")
    (src / "img/star.png").symlink_to(outside / "secret.png")
    (src / "data/link.yaml").symlink_to(outside / "cv.yaml")
    return [build(src, builder) for builder in ("html", "latex", "epub")]


def test_files_outside_their_folder_never_reach_the_output(leaky: list[Build]) -> None:
    for result in leaky:
        assert_finished(result)
        for path in result.out.rglob("*"):
            if path.is_file():
                content = path.read_bytes()
                for secret in SECRETS:
                    assert secret.encode() not in content, (secret, path)
    html = leaky[0]
    # What is inside its folder is published, so the rule is not refusing everything.
    assert (html.out / "assets/pdf/paper.pdf").read_text() == "GOOD-PDF"
    assert (html.out / "assets/img/publication_preview/shot.png").read_text() == "GOOD-PREVIEW"
    assert [p.read_text() for p in (html.out / "_images").iterdir()] == ["GOOD-IMAGE"]
    assert "Good Company" in html.page("cv.html").get_text()
    home = html.page("index.html")
    images = [img["alt"] for img in home.select("img.academic-card-image")]
    assert images == ["fine"]


def test_refused_files_are_located_warnings_with_the_fix(leaky: list[Build]) -> None:
    html = leaky[0]
    bib = (html.src / "refs.bib").read_text()
    leaky_line = lines_of(bib, "@article{leaky")[0]
    for field, why in [
        ("pdf", "leaves the 'assets/pdf' folder; name a file inside it"),
        ("slides", "leaves the 'assets/pdf' folder; name a file inside it"),
        ("preview", "leaves the 'assets/img/publication_preview' folder"),
        ("supp", "once its symbolic links are followed; move the file inside"),
        ("poster", "once its symbolic links are followed; move the file inside"),
        ("html", "once its symbolic links are followed; move the file inside"),
    ]:
        assert html.warned("refs.bib", leaky_line, f"{field} of 'leaky':", why), field
    hidden_line = lines_of(bib, "@article{hidden")[0]
    for field in ("pdf", "video"):
        assert html.warned("refs.bib", hidden_line, f"{field} of 'hidden':", "names a hidden file")
    index = (html.src / "index.md").read_text()
    for name in ("parent", "rooted", "link", "glob"):
        line = lines_of(index, f":title: Card {name}")[0] - 1
        assert html.warned("index.md", line, "work-card :image:", "is outside", "move the file")
    assert html.warned("rest.rst", 4, "work-card :image:", "is outside")
    assert html.warned("cv.md", 3, "CV source", "is outside", "must be inside the project")
    assert html.warned("cv.md", 7, "CV source", "once its symbolic links are followed")
    assert_every_warning_is_located(html)


# ---------------------------------------------------------------------------- bib settings


@pytest.mark.parametrize(
    ("setting", "expects"),
    [
        ("bibtex_bibfiles = [5]", "expected a list of bib files"),
        ('bibtex_bibfiles = ["refs.bib", None]', "expected a list of bib files"),
        ('bibtex_bibfiles = {"refs.bib": 1}', "expected a list of bib files"),
        ('bibtex_bibfiles = ["refs.bib"]\nbibtex_encoding = "rot13"', "a text encoding"),
        ('bibtex_bibfiles = ["refs.bib"]\nbibtex_encoding = "no-such"', "a text encoding"),
        ('bibtex_bibfiles = ["refs.bib"]\nbibtex_encoding = 8', "a text encoding"),
    ],
)
def test_bibtex_settings_stop_the_build_naming_them(make_app, tmp_path, setting, expects) -> None:  # type: ignore[no-untyped-def]
    from sphinx.errors import ConfigError

    write(
        tmp_path, {"conf.py": f'extensions = ["sphinx_academic"]\n{setting}\n', "index.rst": "H\n="}
    )
    with pytest.raises(ConfigError) as raised:
        make_app("html", srcdir=tmp_path)
    name = setting.splitlines()[-1].split(" = ")[0]
    assert str(raised.value).startswith(f"{name} = "), raised.value
    assert "is not valid: " in str(raised.value) and expects in str(raised.value)


def test_bib_file_settings_that_can_be_read_are(tmp_path: Path) -> None:
    """No bib file at all, a file listed twice, and a file in another encoding than the one
    configured: warnings where something is wrong, and every entry listed once."""
    bib = "@misc{one, title = {One}, year = {2020}}\n@misc{two, title = {Two}, year = {2021}}\n"
    page = "# Home\n\n```{publications}\n```\n"
    without = tmp_path / "without"
    write(
        without, {"conf.py": 'extensions = ["myst_parser", "sphinx_academic"]\n', "index.md": page}
    )
    result = build(without)
    assert_finished(result)
    assert result.warned("index.md", 3, "bibtex_bibfiles lists no bib file", "name yours")

    twice = tmp_path / "twice"  # and text, as -D gives it
    conf = CONF.replace('["refs.bib"]', '"refs.bib, ./refs.bib"')
    write(twice, {"conf.py": conf, "refs.bib": bib, "index.md": page})
    result = build(twice)
    assert_finished(result)
    assert "WARNING" not in result.stderr, result.stderr
    assert [c.get_text() for c in result.page("index.html").select("cite")] == ["Two", "One"]

    utf16 = tmp_path / "utf16"
    conf = CONF + 'bibtex_encoding = "utf-16"\n'
    write(utf16, {"conf.py": conf, "refs.bib": bib + "\n", "index.md": page})  # odd length
    result = build(utf16)
    assert_finished(result)
    assert f"WARNING: {utf16 / 'refs.bib'}: the file cannot be read as utf-16" in result.stderr
    assert [c.get_text() for c in result.page("index.html").select("cite")] == ["Two", "One"]


# ---------------------------------------------------------------------------- markup


#: Markup of every output language; braces balanced so that it is valid in a BibTeX value.
MARKUP = (
    '<script>alert(1)</script> <img src=x onerror="alert(2)"> " onmouseover="alert(3) '
    "\\input{/etc/passwd} \\write18{touch CANARY} \\end{document} "
    "@include secret.texi @{ "
    '#import "x" #eval("1") $x^2$ '
    "{eval-rst}`x` **bold** [x](javascript:alert(4)) {{subst}} "
    "]]> <![CDATA[ &ent; <!-- "
    ".. raw:: html |sub| :role:`x` "
    '\\"} end'
)
#: A value that starts a roff request at the beginning of a line of a man page.
ROFF = ".so /etc/passwd"


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Build]]:
    src = tmp_path_factory.mktemp("marked")
    canary = src / "CANARY"
    text = MARKUP.replace("CANARY", str(canary)).replace('\\"}', "")
    fields = ("title", "journal", "summary", "abstract", "award", "abbr", "note")
    bib = (
        "@article{marked,\n"
        + "".join(f"  {field} = {{{field} {text}}},\n" for field in fields)
        + f"  author = {{Lastname, {text} and Ada Lovelace}},\n  year = {{2024}},\n}}\n"
        + f"@article{{roff, title = {{{ROFF}}}, author = {{Ada Lovelace}}, year = {{2023}}}}\n"
    )
    card = (
        f":::{{work-card}} marked\n:title: card {text}\n:venue: venue {text}\n"
        f":tags: tag {text}\n:::\n"
    ).replace(" #", " \\#")  # MyST reads " #" in an option as a YAML comment
    entry = (
        f":::{{cv-entry}}\n:title: entry {text}\n:organization: org {text}\n"
        f":location: place {text}\n:when: when {text}\n:::\n"
    ).replace(" #", " \\#")
    resume = {
        "work": [
            {
                "name": f"name {text}",
                "position": f"position {text}",
                "summary": f"summary {text}\n{ROFF}\n'so /etc/passwd",
                "highlights": [f"highlight {text}", ROFF],
                "startDate": "2020",
            }
        ]
    }
    index = (
        "# Home\n\n```{toctree}\ncv\n```\n\n```{publications}\n```\n\n"
        f"::::{{work-cards}}\n{card}::::\n\nCite {{cite:p}}`marked`.\n"
    )
    cv = f"# CV\n\n::::{{cv-timeline}}\n{entry}::::\n\n```{{cv-timeline}}\n:source: r.json\n```\n"
    write(
        src,
        {
            "conf.py": CONF + 'academic_author_names = ["Ada Lovelace"]\n',
            "refs.bib": bib,
            "index.md": index,
            "cv.md": cv,
            "r.json": json.dumps(resume),
        },
    )
    builders = ("html", "singlehtml", "json", "epub", "latex", "text", "man", "texinfo", "xml")
    return canary, {b: build(src, b) for b in builders}


def output_of(result: Build) -> str:
    """The pages a builder wrote (not the copies of the sources HTML builders publish)."""
    suffixes = {".html", ".fjson", ".xhtml", ".tex", ".txt", ".1", ".texi", ".xml"}
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(result.out.rglob("*"))
        if p.is_file() and p.suffix in suffixes and "_sources" not in p.parts
    )


def test_markup_in_every_field_is_text_in_every_output(
    marked: tuple[Path, dict[str, Build]],
) -> None:
    canary, results = marked
    for result in results.values():
        assert_finished(result)
    assert not canary.exists()
    for name in ("html", "singlehtml", "epub"):
        for page in results[name].out.rglob("*.*html"):
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            assert not soup.find_all(attrs={"onerror": True}), page
            assert not soup.find_all(attrs={"onmouseover": True}), page
            scripts = [s.string or "" for s in soup.find_all("script")]
            assert not any("alert(" in s for s in scripts if "ld+json" not in s), page
            hrefs = [a["href"].lower() for a in soup.find_all(href=True)]
            assert not any(h.startswith("javascript:") for h in hrefs), page
    html = output_of(results["html"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    body = json.loads((results["json"].out / "index.fjson").read_text(encoding="utf-8"))["body"]
    assert "<script>alert" not in body and "&lt;script&gt;alert(1)" in body
    # LaTeX: one document end, and no command of the data reaches the file as a command.
    latex = output_of(results["latex"])
    assert latex.count("\\end{document}") == 1
    commands = re.findall(r"(?<!textbackslash\{\})\\(input|write18)\b", latex)
    assert commands == []
    assert re.search(r"(?<!\\)#(import|eval)", latex) is None  # every # is \#
    assert "\\textbackslash{}input\\{/etc/passwd\\}" in latex
    # texinfo: every @ and brace of the data escaped.
    texinfo = output_of(results["texinfo"])
    assert re.search(r"(?<!@)@include", texinfo) is None
    assert "@@include secret.texi @@@{" in texinfo
    # man: no line of the data starts a roff request.
    man = output_of(results["man"])
    requests = [line for line in man.splitlines() if re.match(r"[.'](so|sy|pso|open)\b", line)]
    assert requests == []
    assert "\\&.so /etc/passwd" in man
    # XML: well formed, the data as text.
    import xml.etree.ElementTree as ET

    for page in results["xml"].out.glob("*.xml"):
        ET.parse(page)
    assert "&lt;![CDATA[" in output_of(results["xml"])
    # text: shown as written.
    text = output_of(results["text"])
    assert "<script>alert(1)</script>" in text and "\\input{/etc/passwd}" in text


# ---------------------------------------------------------------------------- the guide


def test_the_guide_lists_every_limit_with_its_warning(tmp_path: Path) -> None:
    """Each limit in the troubleshooting page's table, passed, gives the words it quotes."""
    sys.path.insert(0, str(Path(__file__).parent.parent / "guide" / "_ext"))
    try:
        from guide_reference import LIMITS
    finally:
        sys.path.pop(0)
    from sphinx_academic.bib.filters import FilterError, parse_filter
    from sphinx_academic.datafiles import DataFileError, load_data_file, load_data_text

    big = tmp_path / "big.yaml"
    big.write_text("items:\n" + "  - x\n" * 200_000)

    def message(attempt: object) -> str:
        try:
            attempt()  # type: ignore[operator]
        except (DataFileError, FilterError) as err:
            return str(err)
        raise AssertionError("the limit was not enforced")

    said = [
        message(lambda: load_data_file(big)),
        message(lambda: load_data_text("[" * 60 + "]" * 60)),
        message(lambda: load_data_text(billion_laughs(9))),
        message(lambda: parse_filter('title == "' + "a" * 2_000 + '"')),
        message(lambda: parse_filter("not " * 60 + "title")),
        message(lambda: parse_filter(r'title % "\w{1000}"')),
    ]
    assert len(said) == len(LIMITS)
    for (what, _, words), text in zip(LIMITS, said, strict=True):
        assert words in text, (what, text)


# ---------------------------------------------------------------------------- directive options

WRONG_OPTIONS_MD = """# Home

```{publications} [1, 2]
---
filter: [1, 2]
group-by: 5
---
```

```{publications}
---
filter: 5
---
```

::::{work-cards}
---
columns: [1, 2]
---
:::{work-card} [a1]
---
title: {a: b}
links: [1]
image: {a: b}
alt: [x]
tags: {a: 1}
---
:::
::::

::::{cv-timeline}
---
sort: [1]
source: [a]
sections: {a: b}
---
:::{cv-entry}
---
title: [1]
start: 2020
end: [2021]
date: {a: 1}
when: 5
organization: 1.5
---
:::
::::

:::{cv-entry}
:title: Big
:start: HUGE
:when: HUGE
:::

```{cv-timeline}
:source: cv.yaml
:sections: nosuch, nosuch, nosuch
```
"""
WRONG_OPTIONS_RST = """Rest
====

.. publications:: refs.bib nosuch.bib
   :group-by: decade

.. work-card:: a1 a1
   :links: not a link
   :image: javascript:alert(1)
   :alt: x

.. cv-timeline::
   :sort: sideways

   .. cv-entry::
      :start: 2020-13-45
      :end: 99999
      :date: 0000
"""


def test_wrong_and_huge_directive_options_are_located_warnings(tmp_path: Path) -> None:
    """Options of the wrong type (MyST's YAML options hold lists, mappings, numbers) or of
    any size: each a warning at the directive, the page built."""
    huge = "9" * 1_000_000
    write(
        tmp_path,
        {
            "conf.py": CONF,
            "refs.bib": "@misc{a1, title = {One}, author = {Ada Lovelace}, year = {2020}}\n",
            "index.md": "```{toctree}\nrest\n```\n\n" + WRONG_OPTIONS_MD.replace("HUGE", huge),
            "rest.rst": WRONG_OPTIONS_RST,
            "cv.yaml": "cv:\n  sections:\n    work:\n      - company: Acme\n",
        },
    )
    result = build(tmp_path)
    assert_finished(result)
    assert result.seconds < 30, result.seconds
    assert_every_warning_is_located(result)
    index = (tmp_path / "index.md").read_text()
    first, number, cards, timeline, entry, big = lines_of(
        index,
        "{publications} [1, 2]",
        "filter: 5",
        "{work-card} [a1]",
        "{cv-timeline}",
        "title: [1]",
        ":title: Big",
    )
    assert result.warned("index.md", first, "publications: [1, is not listed in bibtex_bibfiles")
    assert result.warned("index.md", first, "publications :filter: `[1, 2]`", "write a set")
    assert result.warned("index.md", number - 2, "publications :filter: `5` is a number")
    assert result.warned("index.md", cards, "work-card: no entry '[a1]'")
    assert result.warned("index.md", cards, "work-card :links: cannot read '[1]'")
    assert result.warned("index.md", timeline, "CV source", "[a] does not exist")
    assert result.warned("index.md", entry - 2, "cv-entry end: cannot read the date '[2021]'")
    assert result.warned("index.md", big - 1, "cv-entry start: cannot read the date '99999")
    assert len([w for w in result.warnings if "has no section 'nosuch'" in w]) == 1
    long_lines = [w for w in result.warnings if "[academic." in w and len(w) > 1000]
    assert long_lines == []  # a huge value is shortened in the message
    # reST: docutils itself refuses a value outside an option's choices, at the directive.
    assert f'{tmp_path / "rest.rst"}:4: ERROR: Error in "publications" directive' in result.stderr
    assert f'{tmp_path / "rest.rst"}:12: ERROR: Error in "cv-timeline" directive' in result.stderr
    assert result.warned("rest.rst", 7, "work-card: 'a1' is named 2 times")
    assert result.warned("rest.rst", 7, "work-card :links: cannot read 'not a link'")
    assert result.warned("rest.rst", 7, "work-card :image: unsafe URL scheme 'javascript'")
    assert "Big" in result.page("index.html").get_text()
    assert result.page("rest.html").select(".academic-card")  # the card, without the image


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("SITE_URL", "javascript:alert(1)//"),
        ("READTHEDOCS_CANONICAL_URL", "data:text/html,<b>x</b>"),
        ("html_baseurl", "/relative/"),
    ],
)
def test_a_site_address_that_is_not_http_stops_the_build(
    tmp_path: Path, variable: str, value: str
) -> None:
    """The address becomes every page's canonical link, og:url and the sitemap's addresses."""
    conf = CONF + (f"html_baseurl = {value!r}\n" if variable == "html_baseurl" else "")
    write(tmp_path, {"conf.py": conf, "refs.bib": "", "index.md": "# Home\n"})
    env = {
        k: v for k, v in os.environ.items() if k not in ("SITE_URL", "READTHEDOCS_CANONICAL_URL")
    }
    if variable != "html_baseurl":
        env[variable] = value
    command = [sys.executable, "-m", "sphinx", "-q", "-N", str(tmp_path), str(tmp_path / "out")]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode != 0
    assert f"ConfigError: {variable} = {value!r} is not valid: expected the site's address" in (
        result.stderr
    )
    assert not (tmp_path / "out" / "index.html").exists()
