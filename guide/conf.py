"""The sphinx-academic user guide: its own Sphinx project, apart from the reference site.

Build: sphinx-build -W --keep-going guide _build/guide   (or: nox -s guide)
Read the Docs publishes it under guide/ beside the site (.readthedocs.yaml).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "sphinx-academic"
author = "sphinx-academic developers"
copyright = "2026, sphinx-academic developers"

extensions = ["myst_parser", "sphinx_academic", "guide_example", "guide_reference"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]

# The examples' data: a small bib file and CV sources in examples/.
bibtex_bibfiles = ["examples/refs.bib"]
bibtex_reference_style = "author_year"
academic_author_names = ["Ada Lovelace", "Lovelace, A."]
academic_max_authors = 4
# The guide's CV page documents timelines: it is not a CV, so no PDF of it.
academic_pdf = []
academic_coauthors = "examples/coauthors.yml"
# The guide documents the feed rather than publishing its invented examples as one.
academic_feed = False

html_theme = "furo"
html_title = "sphinx-academic user guide"
html_static_path = ["_static"]
html_show_sourcelink = False
html_copy_source = False
html_use_index = False

# On Read the Docs the guide lives under guide/ of the site's address.
if os.environ.get("READTHEDOCS_CANONICAL_URL"):
    html_baseurl = os.environ["READTHEDOCS_CANONICAL_URL"].rstrip("/") + "/guide/"
