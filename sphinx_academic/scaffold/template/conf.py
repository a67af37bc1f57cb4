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
# You: the home page's profile, your profile and contact links on every page (furo's
# sidebar; on phones, its menu) and a schema.org Person for search engines. The position is
# the example CV's: change it, and uncomment what you want shown. same_as takes profile
# addresses, each shown with its icon: Google Scholar, ORCID, GitHub, LinkedIn, Bluesky,
# Mastodon, X, or any other site (a link icon).
academic_person = {
    "name": "$name",
    "job_title": "Research Scientist",
    "works_for": "Example Lab",
    # "email": "you@example.org",
    # "image": "assets/img/photo.jpg",  # a file in this folder, copied into the site
    # "same_as": ["https://scholar.google.com/citations?user=...", "https://orcid.org/..."],
}

html_theme = "furo"
html_title = "$title"
html_show_sourcelink = False
html_copy_source = False
html_use_index = False

# The site's address (for canonical links, og:url and sitemap.xml) comes from Read the Docs
# while it builds; elsewhere set SITE_URL, or html_baseurl here.
