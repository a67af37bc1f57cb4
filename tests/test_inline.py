"""Inline markup read into runs: Markdown (RenderCV, al-folio's award) and al-folio's HTML."""

from __future__ import annotations

import pytest

from sphinx_academic.inline import Inline, Run, checked_link, html_subset, markdown, to_html


def test_markdown_becomes_runs_not_html() -> None:
    problems: list[str] = []
    inline = markdown("a **b** *c* ***d*** `e<f>` [g *h*](https://x.org) \\*not\\*", problems)
    assert inline.runs == (
        Run("a "),
        Run("b", strong=True),
        Run(" "),
        Run("c", emphasis=True),
        Run(" "),
        Run("d", strong=True, emphasis=True),
        Run(" "),
        Run("e<f>", code=True),
        Run(" "),
        Run("g ", link="https://x.org"),
        Run("h", emphasis=True, link="https://x.org"),
        Run(" *not*"),
    )
    assert problems == []
    assert inline.plain == "a b c d e<f> g h *not*"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[x](javascript:alert(1))", "unsafe URL scheme 'javascript'"),
        ("[x](data:text/html,hi)", "unsafe URL scheme 'data'"),
        ("[x](notes.html)", "is relative"),
        ("[x](../cv.pdf)", "is relative"),
    ],
)
def test_unsafe_and_relative_links_keep_their_text(text: str, problem: str) -> None:
    problems: list[str] = []
    inline = markdown(text, problems)
    assert inline.runs == (Run("x"),)
    assert len(problems) == 1 and problem in problems[0]


def test_raw_html_and_images_in_markdown_are_text() -> None:
    inline = markdown("<b>x</b> ![alt](https://example.org/i.png) <script>y</script>")
    assert not any(r.strong for r in inline.runs)
    assert "<b>x</b>" in inline.plain and "<script>y</script>" in inline.plain
    html = to_html(inline)
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "<img" not in html  # an image is a link to it, never loaded
    assert Run("alt", link="https://example.org/i.png") in inline.runs


def test_al_folio_html_subset() -> None:
    problems: list[str] = []
    inline = html_subset(
        'Go <a href="https://x.org">there</a>, <b>bold</b> <i>it</i><br>next &amp; '
        '<img src=x onerror=alert(1)> <a href="javascript:alert(1)">no</a>',
        problems,
    )
    assert Run("there", link="https://x.org") in inline.runs
    assert Run("bold", strong=True) in inline.runs and Run("it", emphasis=True) in inline.runs
    assert Run("\n") in inline.runs
    assert "next & <img src=x onerror=alert(1)>" in inline.plain  # shown as text
    assert inline.plain.endswith(" no")  # the unsafe link's text, without the link
    assert not any("javascript" in r.link for r in inline.runs)
    assert [p.split(";")[0] for p in problems] == [
        "the HTML tag <img> is not one of a, b, br, code, em, i, span, strong, sub, sup, u",
        "unsafe URL scheme 'javascript' in 'javascript:alert(1)'",
    ]
    html = to_html(inline)
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("https://example.org", "https://example.org"),
        ("mailto:ada@example.org", "mailto:ada@example.org"),
        ("missdirection.example.com", "https://missdirection.example.com"),
        ("www.example.org/a?b=c", "https://www.example.org/a?b=c"),
    ],
)
def test_absolute_links_and_bare_hosts(raw: str, url: str) -> None:
    assert checked_link(raw) == url


def test_inline_is_falsy_when_blank() -> None:
    assert not Inline() and not Inline.of("  ") and Inline.of("x")
