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
    # Each problem is blamed on the entry that has it, at its own line, with the fix; the
    # entries after a broken one are all kept (BibTeX entries start with @ at a line's start).
    assert (
        f"{bib}:7: WARNING: entry 'bad1' has an unbalanced brace: a '{{' opened on line 8 "
        "(field 'title') is never closed; close it" in warnings
    )
    assert (
        f"{bib}:18: WARNING: entry 'good1' repeats the key of the entry on line 1 (keys ignore "
        "case); rename or delete one" in warnings
    )
    assert (
        f"{bib}:21: WARNING: entry 'nocomma': a comma is missing between field 'title' and "
        "field 'author' (line 23); add ',' after the value" in warnings
    )
    assert "Traceback" not in warnings and "Extension error" not in warnings
    soup = html_of(app, "index.html")
    titles = [t.get_text() for t in soup.select("li.academic-pub cite")]
    assert sorted(titles) == ["Good One", "Good Three", "Good Two"]  # every good entry, once
    assert "After the list." in soup.get_text()

    # A new run that reuses the pickled, parsed file repeats the warnings: a -W build keeps
    # failing until the file is fixed.
    rebuild = make_app("html", srcdir=app.srcdir)
    rebuild.build()
    assert "up to date" in rebuild.status.getvalue()  # the bib file was not parsed again
    assert f"{bib}:7: WARNING: entry 'bad1' has an unbalanced brace" in warnings_of(rebuild)
