"""A broken refs.bib: located warnings, the good entries still listed, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import html_of, warnings_of


@pytest.mark.sphinx("html", testroot="badbib", freshenv=True)
def test_malformed_and_duplicate_entries_warn_and_the_rest_builds(app, make_app) -> None:
    app.build()
    bib = Path(app.srcdir) / "refs.bib"
    warnings = warnings_of(app)
    assert (
        f"{bib}:13: WARNING: BibTeX syntax error '}}' expected in or after entry 'bad1' (line 7): "
        "look for an unbalanced brace" in warnings
    )
    assert f"{bib}:18: WARNING: duplicate key 'good1': another entry already uses it" in warnings
    # A missing comma between fields:
    assert f"{bib}:23: WARNING: BibTeX syntax error '}}' expected in or after entry 'nocomma'" in (
        warnings
    )
    assert "Traceback" not in warnings and "Extension error" not in warnings
    soup = html_of(app, "index.html")
    titles = [t.get_text() for t in soup.select("li.academic-pub cite")]
    assert {"Good One", "Good Two", "Good Three"} <= set(titles)
    assert "After the list." in soup.get_text()

    # A new run that reuses the pickled, parsed file repeats the warnings: a -W build keeps
    # failing until the file is fixed.
    rebuild = make_app("html", srcdir=app.srcdir)
    rebuild.build()
    assert "up to date" in rebuild._status.getvalue()  # the bib file was not parsed again
    assert f"{bib}:13: WARNING: BibTeX syntax error" in warnings_of(rebuild)
