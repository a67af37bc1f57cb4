"""Sphinx configuration of this site (pages in docs/, publications in refs.bib, CV in cv.yaml).

Build: sphinx-build -W --keep-going -c . docs _build/html   (or: nox -s site)
"""

project = "$title"
author = "$name"
copyright = "$copyright"

extensions = ["myst_parser", "sphinx_academic"]
myst_enable_extensions = ["colon_fence", "deflist"]
exclude_patterns = ["_build"]

bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
# Your name as it appears in author lists; every variant listed is highlighted.
academic_author_names = ["$author_name"]
academic_max_authors = 10
# For search engines: a schema.org Person on the home page. Fill in what your pages show.
academic_person = {"name": "$name"}

html_theme = "furo"
html_title = "$title"
html_show_sourcelink = False
html_copy_source = False
html_use_index = False

# The site's address (for canonical links, og:url and sitemap.xml) comes from Read the Docs
# while it builds; elsewhere set SITE_URL, or html_baseurl here.
