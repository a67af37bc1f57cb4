"""Inline markup read into runs (Markdown, al-folio's HTML, docutils nodes) and written back."""

from __future__ import annotations

import pytest
from docutils import nodes

from sphinx_academic.inline import (
    Inline,
    Run,
    checked_link,
    from_docutils,
    html_subset,
    markdown,
    to_html,
    to_nodes,
)


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
    assert Run("\n", is_break=True) in inline.runs
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


def test_a_newline_between_tags_is_white_space_not_a_break() -> None:
    inline = html_subset("<b>a</b>\n<i>b</i><br>c")
    assert to_html(inline) == "<strong>a</strong>\n<em>b</em><br />c"
    assert inline.plain == "a\nb c"


def test_relative_links_only_where_the_reader_allows_them() -> None:
    problems: list[str] = []
    assert markdown("[x](pubs.html)", problems).runs == (Run("x"),)
    assert "is relative" in problems[0]
    problems.clear()
    inline = markdown("[x](pubs.html#a) [y](javascript:alert(1))", problems, relative_links=True)
    assert Run("x", link="pubs.html#a") in inline.runs
    assert not any("javascript" in r.link for r in inline.runs)
    assert len(problems) == 1 and "unsafe URL scheme 'javascript'" in problems[0]
    assert checked_link("pubs.html", relative=True) == "pubs.html"


def test_html_makes_relative_links_absolute_against_a_base() -> None:
    inline = markdown("[a](pubs.html#x) [b](https://e.org/) [c](//cdn.org/y)", relative_links=True)
    html = to_html(inline, base="https://example.org/en/news.html#n")
    assert 'href="https://example.org/en/pubs.html#x"' in html
    assert 'href="https://e.org/"' in html and 'href="//cdn.org/y"' in html
    assert 'href="pubs.html#x"' in to_html(inline)


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("*a **b** c*", "<em>a <strong>b</strong> c</em>"),
        ("**a *b* c**", "<strong>a <em>b</em> c</strong>"),
        ("***both***", "<strong><em>both</em></strong>"),
        ("*a  \nb*", "<em>a<br />b</em>"),
        ("a  \n*b*", "a<br /><em>b</em>"),
        (
            "[*a* `c`](https://x.org) [d](https://y.org)",
            '<a class="reference external" href="https://x.org"><em>a</em> '
            '<code class="docutils literal notranslate">c</code></a> '
            '<a class="reference external" href="https://y.org">d</a>',
        ),
    ],
)
def test_runs_nest_as_written(text: str, html: str) -> None:
    assert to_html(markdown(text)) == html


def test_nodes_nest_as_the_html_does() -> None:
    paragraph = nodes.paragraph("", "", *to_nodes(markdown("*a **b** [c](https://x.org)*")))
    assert str(paragraph) == (
        "<paragraph><emphasis>a <strong>b</strong> "
        '<reference refuri="https://x.org">c</reference></emphasis></paragraph>'
    )


def test_docutils_nodes_become_runs() -> None:
    paragraph = nodes.paragraph(
        "",
        "",
        nodes.Text("See "),
        nodes.emphasis("", "", nodes.strong("", "both"), nodes.Text("\n")),
        nodes.reference("", "", nodes.literal("", "code"), refuri="pubs.html"),
        nodes.raw("", "<br />\n", format="html"),
        nodes.raw("", "\\\\\n", format="latex"),
        nodes.reference("", "bad", refuri="javascript:alert(1)"),
        nodes.inline("", "", nodes.Text(" cited")),
    )
    problems: list[str] = []
    inline = from_docutils(paragraph, problems, relative_links=True)
    assert inline.runs == (
        Run("See "),
        Run("both", strong=True, emphasis=True),
        Run("\n", emphasis=True),
        Run("code", code=True, link="pubs.html"),
        Run("\n", is_break=True),
        Run("bad cited"),
    )
    assert len(problems) == 1 and "unsafe URL scheme 'javascript'" in problems[0]
    assert inline.plain == "See both\ncode bad cited"
