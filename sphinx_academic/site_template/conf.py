"""Sphinx configuration of $title (pages in docs/, publications in refs.bib, CV in cv.yaml).

Build: sphinx-build -W --keep-going -c . docs _build/html   (or: nox -s site)
"""

import os

project = "$title"
author = "$name"
copyright = "$year, $name"

extensions = ["myst_parser", "sphinx_academic", "sphinxext.opengraph"]
myst_enable_extensions = ["colon_fence", "deflist"]
exclude_patterns = ["_build"]

bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
# Your name as it appears in author lists; every variant listed is highlighted.
academic_author_names = ["$name"]
academic_max_authors = 10
# For search engines: a schema.org Person on the home page. Fill in what your pages show.
academic_person = {"name": "$name"}

html_theme = "furo"
html_title = "$title"
html_show_sourcelink = False
html_copy_source = False
html_use_index = False

# Read the Docs sets the site's address while building; elsewhere set SITE_URL to get a sitemap.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL") or os.environ.get("SITE_URL", "")
ogp_site_url = html_baseurl
ogp_social_cards = {"enable": False}
if html_baseurl:
    extensions.append("sphinx_sitemap")
    sitemap_url_scheme = "{link}"
