"""The owner's profile and contact links: one source (academic_person), every page, every output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import axe_violations, html_of, serve, warnings_of
from test_browser import open_page

from sphinx_academic.profile.links import recognise

PAGES = ("index.html", "news.html", "publications.html", "rest.html", "search.html")
PROFILES = [
    ("https://github.com/ada-example", "GitHub"),
    ("https://orcid.org/0000-0002-1825-0097", "ORCID"),
    ("https://scholar.google.com/citations?user=example", "Google Scholar"),
]


@pytest.mark.sphinx("html", testroot="profile")
def test_home_page_profile_shows_photo_position_and_named_links(app) -> None:
    app.build()
    profile = html_of(app, "index.html").select_one("div.academic-profile")
    photo = profile.select_one("img.academic-profile-photo")
    assert photo["alt"] == "Photo of Ada Lovelace"
    assert (photo["width"], photo["height"]) == ("96", "96")  # measured: no layout shift
    assert photo["loading"] == "eager"  # at the top of the page
    assert (Path(app.outdir) / photo["src"]).read_bytes() == (
        Path(app.srcdir) / "assets/img/ada.png"
    ).read_bytes()
    assert profile.select_one(".academic-profile-name") is None  # :no-name:
    position = profile.select_one(".academic-profile-position").get_text()
    assert position == "Analyst, Analytical Engine Society"
    assert "first published algorithm" in profile.get_text()  # the directive's body
    links = profile.select("a.academic-profile-link")
    assert [(a["href"], a.get_text(), a.get("rel")) for a in links] == [
        ("mailto:ada@example.org", "ada@example.org", None),
        *[(url, name, ["me"]) for url, name in PROFILES],
    ]
    for link in links:
        svg = link.find("svg")
        assert svg["aria-hidden"] == "true" and svg.find("path")["d"]


@pytest.mark.sphinx("html", testroot="profile")
def test_every_page_has_the_links_in_the_sidebar_with_accessible_names(app) -> None:
    app.build()
    for page in PAGES:
        soup = html_of(app, page)
        sidebar = soup.select_one("aside.sidebar-drawer .academic-sidebar-profile")
        assert sidebar is not None, page
        # After furo's brand (the site's name), before its search box.
        brand = soup.select_one("aside.sidebar-drawer a.sidebar-brand")
        assert brand.find_next("div", class_="academic-sidebar-profile") is sidebar
        links = sidebar.select("a")
        assert [(a["aria-label"], a["href"], a.get("rel")) for a in links] == [
            ("Email", "mailto:ada@example.org", None),
            *[(name, url, ["me"]) for url, name in PROFILES],
        ], page
        assert all(a.find("svg") and not a.get_text(strip=True) for a in links)
        assert soup.find("style", string=lambda s: s and ".academic-sidebar-profile" in s)


@pytest.mark.sphinx("html", testroot="profile")
def test_person_json_ld_is_fed_from_the_same_values(app) -> None:
    app.build()
    scripts = html_of(app, "index.html").find_all("script", type="application/ld+json")
    person = next(p for p in map(lambda s: json.loads(s.string), scripts) if p.get("@type"))
    assert person["@type"] == "Person"
    assert person["email"] == "ada@example.org"
    assert person["image"] == "assets/img/ada.png"
    assert person["worksFor"] == {"@type": "Organization", "name": "Analytical Engine Society"}
    assert person["sameAs"] == [url for url, _ in PROFILES]


@pytest.mark.sphinx("html", testroot="profile")
def test_rest_profile_with_its_own_alt_text(app) -> None:
    app.build()
    profile = html_of(app, "rest.html").select_one("div.academic-profile")
    assert profile.select_one("img")["alt"] == "Ada Lovelace, drawn as a blue circle"
    assert profile.select_one("img")["src"] == "assets/img/ada.png"
    assert profile.select_one(".academic-profile-name").get_text() == "Ada Lovelace"


@pytest.mark.sphinx("text", testroot="profile")
def test_text_output_names_each_link_with_its_address(app) -> None:
    app.build()
    text = (Path(app.outdir) / "rest.txt").read_text()
    assert "**Ada Lovelace**" in text and "Analyst, Analytical Engine Society" in text
    assert "Email: ada@example.org, GitHub: https://github.com/ada-example" in text


@pytest.mark.sphinx("latex", testroot="profile")
def test_latex_output_links_each_profile(app) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text()
    assert r"\sphinxhref{mailto:ada@example.org}{ada@example.org}" in tex
    assert r"\sphinxhref{https://orcid.org/0000-0002-1825-0097}{ORCID}" in tex


@pytest.mark.parametrize(
    ("url", "name", "icon"),
    [
        ("https://scholar.google.co.uk/citations?user=x", "Google Scholar", "google-scholar"),
        ("https://www.linkedin.com/in/ada", "LinkedIn", "linkedin"),
        ("https://bsky.app/profile/ada.example.org", "Bluesky", "bluesky"),
        ("https://mastodon.social/@ada", "Mastodon", "mastodon"),
        ("https://sigmoid.social/@ada", "Mastodon", "mastodon"),
        ("https://fediscience.example/@ada", "Mastodon", "mastodon"),  # any /@name server
        ("https://x.com/ada", "X", "x"),
        ("https://twitter.com/ada", "X", "x"),
        ("https://github.com/ada", "GitHub", "github"),
        ("https://medium.com/@ada", "medium.com", "link"),  # /@name but not Mastodon
        ("https://dblp.org/pid/00/0000", "dblp", "link"),
        ("https://www.example.org/ada", "example.org", "link"),
    ],
)
def test_services_are_recognised_from_the_host(url: str, name: str, icon: str) -> None:
    assert recognise(url) == (name, icon)


@pytest.fixture
def project(tmp_path: Path, rootdir: Path) -> Path:
    shutil.copytree(rootdir / "test-profile", tmp_path / "site")
    return tmp_path / "site"


def _with_person(project: Path, person: str) -> None:
    conf = project / "conf.py"
    text = conf.read_text()
    start = text.index("academic_person = {")
    conf.write_text(text[:start] + f"academic_person = {person}\n")


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("assets/img/missing.png", "does not exist; check the name"),
        ("assets/img/notes.txt", "is not a picture a browser shows"),
        ("assets/img/outside.png", "is outside"),  # a symbolic link out of the conf dir
    ],
)
def test_a_photo_that_cannot_be_used_is_left_out_with_a_warning(
    make_app, project: Path, tmp_path: Path, image: str, expected: str
) -> None:
    (project / "assets/img/notes.txt").write_text("not a picture")
    (tmp_path / "secret.png").write_bytes((project / "assets/img/ada.png").read_bytes())
    os.symlink(tmp_path / "secret.png", project / "assets/img/outside.png")
    _with_person(project, f'{{"name": "Ada Lovelace", "image": "{image}"}}')
    app = make_app("html", srcdir=project, freshenv=True)
    app.build()
    warnings = warnings_of(app)
    assert f"{project / 'conf.py'}: academic_person: " in warnings and expected in warnings
    assert "[academic.profile]" in warnings
    assert html_of(app, "index.html").select_one("img.academic-profile-photo") is None
    assert not (Path(app.outdir) / "assets/img/outside.png").exists()


def test_profile_without_academic_person_warns_and_the_page_builds(make_app, project: Path) -> None:
    _with_person(project, "{}")
    app = make_app("html", srcdir=project, freshenv=True)
    app.build()
    assert "index.md:11: WARNING: profile: academic_person is not set" in warnings_of(app)
    soup = html_of(app, "index.html")
    assert soup.select_one(".academic-sidebar-profile") is None
    assert "first published algorithm" in soup.get_text()  # the body still shows


def test_markup_in_every_value_is_escaped(make_app, project: Path) -> None:
    evil = "<script>alert(1)</script>"
    _with_person(
        project,
        f'{{"name": "{evil}", "job_title": "{evil}", "works_for": "{evil}", '
        '"same_as": ["https://example.org/?a=<b>&c=\\"d"]}',
    )
    app = make_app("html", srcdir=project, freshenv=True)
    app.build()
    for page in ("index.html", "rest.html"):
        html = (Path(app.outdir) / page).read_text()
        assert evil not in html and "<b>" not in html
    soup = html_of(app, "rest.html")
    assert soup.select_one(".academic-profile-name").get_text() == evil
    link = soup.select_one(".academic-sidebar-profile a")
    assert link["href"] == 'https://example.org/?a=<b>&c="d'
    assert link["aria-label"] == "example.org"


def test_a_photo_below_other_content_loads_lazily(make_app, project: Path) -> None:
    (project / "index.md").write_text(
        "# Home\n\n```{toctree}\n:hidden:\n\nnews\npublications\nrest\n```\n\n"
        "An introduction first.\n\n:::{profile}\n:::\n\n:::{profile}\n:loading: eager\n:::\n"
    )
    app = make_app("html", srcdir=project, freshenv=True)
    app.build()
    photos = html_of(app, "index.html").select("img.academic-profile-photo")
    assert [p["loading"] for p in photos] == ["lazy", "eager"]


# ------------------------------------------------------------------ in the browser

BROWSER_PAGES = ("index", "news", "publications", "rest", "search")
VIEWS = [(w, s) for w in ("desktop", "phone") for s in ("light", "dark")]


@pytest.fixture(scope="module")
def profile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The profile test site (e-mail, photo, three profiles), built with -W and served."""
    out = tmp_path_factory.mktemp("profile-site")
    root = Path(__file__).parent / "roots" / "test-profile"
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", str(root), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    with serve(out) as url:
        yield url


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: "-".join(v))
@pytest.mark.parametrize("name", BROWSER_PAGES)
def test_named_links_on_every_page_in_every_view(
    browser: Any, profile_site: str, axe_source: str, name: str, view: tuple[str, str]
) -> None:
    responses: list[tuple[str, int]] = []
    page = open_page(browser, f"{profile_site}/{name}.html", view, on_response=responses)
    links = page.locator(".academic-sidebar-profile a")
    if view[0] == "phone":  # furo's navigation drawer, opened from the menu button
        box = links.first.bounding_box()
        assert box["x"] + box["width"] <= 0  # off screen until then
        page.click("label.nav-overlay-icon")
        page.wait_for_function(
            "document.querySelector('.academic-sidebar-profile a').getBoundingClientRect().x >= 0"
        )
    names = [links.nth(i).get_attribute("aria-label") for i in range(links.count())]
    assert names == ["Email", "GitHub", "ORCID", "Google Scholar"]
    for i in range(links.count()):
        link = links.nth(i)
        assert link.is_visible()
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24  # a target a finger can hit
        assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    assert links.nth(0).get_attribute("href") == "mailto:ada@example.org"
    assert [links.nth(i).get_attribute("rel") for i in range(1, 4)] == ["me"] * 3
    links.nth(1).focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.errors == []
    foreign = [url for url, _ in responses if not url.startswith(profile_site)]
    assert foreign == [], "third-party requests"
    assert axe_violations(page, axe_source) == []
    page.close()
