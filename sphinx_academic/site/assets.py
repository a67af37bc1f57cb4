"""Each page loads only the stylesheets and scripts it uses.

Sphinx and its extensions register their assets for every page: sphinx-design's 55 KB
stylesheet and its tabs script, and Pygments' 20 KB stylesheet, land on pages that have no
grid, no tabs and no highlighted code. At ``html-page-context`` this module reads the classes
in the page's own body HTML (what is on the page, whoever wrote it) and
- drops ``pygments.css`` from pages without highlighted code,
- drops ``design-tabs.js`` from pages without sphinx-design tabs,
- drops furo's ``furo-extensions.css`` (sphinx-design, copy-button and Read the Docs flyout
  styles) from pages with no ``sd-`` class and no highlighted code, unless built on Read the
  Docs (``$READTHEDOCS``), whose flyout and ad placement it styles,
- replaces ``sphinx-design.min.css`` by an inline ``<style>`` holding only the rules whose
  ``sd-`` classes the page uses (parsed with tinycss2), or by nothing.

Everything is decided from the page itself, so a page's HTML never depends on other pages:
incremental and clean builds agree.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..head import add_to_head

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

SD_CSS = "sphinx-design.min.css"
SD_TABS_JS = "design-tabs.js"
PYGMENTS_CSS = "pygments.css"
FURO_EXTENSIONS_CSS = "furo-extensions.css"
_SD_CLASS = re.compile(r"\.(sd-[\w-]+)")
_CLASS_ATTRIBUTE = re.compile(r'\sclass="([^"]*)"')


def body_classes(body: str) -> set[str]:
    """Every class used in the page's body HTML."""
    classes: set[str] = set()
    for match in _CLASS_ATTRIBUTE.finditer(body):
        classes.update(match.group(1).split())
    return classes


def has_highlighted_code(classes: set[str]) -> bool:
    """Pygments' blocks (``highlight``) and the ``code`` role."""
    return "highlight" in classes or "code" in classes


def on_read_the_docs() -> bool:
    return os.environ.get("READTHEDOCS", "").lower() == "true"


@lru_cache(maxsize=4)
def _sd_rules(path: Path, mtime: float) -> tuple[tuple[frozenset[str], str, str], ...]:
    """sphinx-design's top-level rules as (sd classes used, at-rule prelude or "", rule text)."""
    import tinycss2

    rules = tinycss2.parse_stylesheet(
        path.read_text(encoding="utf-8"), skip_whitespace=True, skip_comments=True
    )
    out: list[tuple[frozenset[str], str, str]] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            out.extend(_split_selectors(rule, ""))
        elif rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content:
            prelude = tinycss2.serialize(rule.prelude).strip()
            inner = tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True)
            for child in inner:
                if child.type == "qualified-rule":
                    out.extend(_split_selectors(child, prelude))
    return tuple(out)


def _split_selectors(rule: Any, media: str) -> list[tuple[frozenset[str], str, str]]:
    """One entry per selector of the rule, so ``.a, .b {}`` keeps only the selector in use."""
    import tinycss2

    body = tinycss2.serialize(rule.content).strip()
    selectors = tinycss2.serialize(rule.prelude).split(",")
    return [
        (frozenset(_SD_CLASS.findall(s)), media, f"{s.strip()}{{{body}}}")
        for s in selectors
        if _SD_CLASS.search(s) or s.strip() == ":root"
    ]


def sd_subset(path: Path, used: set[str]) -> str:
    """The rules of sphinx-design's stylesheet that apply to the classes in ``used``."""
    plain: list[str] = []
    media: dict[str, list[str]] = {}
    for classes, prelude, text in _sd_rules(path, path.stat().st_mtime):
        if not classes <= used:
            continue
        if prelude:
            media.setdefault(prelude, []).append(text)
        else:
            plain.append(text)
    return "".join(plain) + "".join(f"@media {p}{{{''.join(r)}}}" for p, r in media.items())


def choose_assets(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    classes = body_classes(str(context.get("body", "")))
    sd_used = {c for c in classes if c.startswith("sd-")}
    code = has_highlighted_code(classes)
    drop = {SD_CSS} | (set() if code else {PYGMENTS_CSS})
    if not sd_used and not code and not on_read_the_docs():
        drop.add(FURO_EXTENSIONS_CSS)
    css_files = context.get("css_files", [])
    css_files[:] = [css for css in css_files if Path(str(css.filename)).name not in drop]
    if "sd-tab-set" not in classes:
        scripts = context.get("script_files", [])
        scripts[:] = [js for js in scripts if Path(str(js.filename)).name != SD_TABS_JS]
    stylesheet = _sd_stylesheet(app)
    if sd_used and stylesheet is not None:
        add_to_head(context, f"<style>{sd_subset(stylesheet, sd_used)}</style>")


def _sd_stylesheet(app: Sphinx) -> Path | None:
    for static in app.config.html_static_path:
        candidate = Path(app.confdir, static, SD_CSS)
        if candidate.is_file():
            return candidate
    return None


def setup_assets(app: Sphinx) -> None:
    # After other extensions' page handlers, which may add files of their own.
    app.connect("html-page-context", choose_assets, priority=900)
