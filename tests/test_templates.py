"""The furo template overrides stay copies of the installed furo's, plus their fixes only."""

from __future__ import annotations

import re
from pathlib import Path

import furo

from sphinx_academic.site import TEMPLATES_DIR

FURO = Path(furo.__file__).parent / "theme" / "furo"


def test_page_template_is_furos_with_named_asides() -> None:
    ours = (TEMPLATES_DIR / "page.html").read_text(encoding="utf-8")
    ours = re.sub(r"\A\{#-.*?-#\}\n", "", ours, flags=re.DOTALL)  # the header comment
    labels = re.findall(r' aria-label="\{\{ _\(\'[^\']+\'\) \}\}"', ours)
    assert len(labels) == 2
    for label in labels:
        ours = ours.replace(label, "")
    assert ours == (FURO / "page.html").read_text(encoding="utf-8"), (
        "furo's page.html changed: copy the new one into sphinx_academic/site/templates/ and "
        "add the two aria-label attributes again"
    )
