"""Sphinx configuration of Ben Athiwaratkun's academic site (pages in docs/, data in refs.bib).

Build: sphinx-build -W --keep-going -c . docs _build/html   (or: nox -s site)
"""

project = "Ben Athiwaratkun"
author = "Ben Athiwaratkun"
copyright = "2026, Ben Athiwaratkun"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "sphinx_academic",  # also loads sphinxext.opengraph, and sphinx_sitemap with an address
]
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline"]
myst_heading_anchors = 3

# Publication data lives once, in refs.bib; pages list and cite it from there.
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
academic_author_names = ["Ben Athiwaratkun", "Praphruetpong Athiwaratkun"]
academic_max_authors = 10

html_theme = "furo"
html_title = "Ben Athiwaratkun"
html_show_sourcelink = False
html_copy_source = False
html_use_index = False  # no index entries on this site: no empty genindex page
html_theme_options = {"top_of_page_buttons": []}

latex_engine = "xelatex"
latex_documents = [
    ("cv", "athiwaratkun-cv.tex", "Ben Athiwaratkun: Curriculum Vitae", author, "howto")
]
html_favicon = "docs/_static/favicon.svg"

# The site's address (html_baseurl) comes from Read the Docs while it builds, or SITE_URL.
# Without one, pages still get descriptions and OpenGraph tags, but no sitemap.
ogp_site_name = "Ben Athiwaratkun"
ogp_social_cards = {"enable": False}  # no generated images (they need matplotlib and fonts)

# The owner: the home page's profile, the profile links on every page, and a schema.org
# Person for search engines. Each value is shown on the home or CV page; the seeds give no
# e-mail address, photo or other profile, so there are none.
academic_person = {
    "name": "Ben Athiwaratkun",
    "job_title": "Senior Director",
    "affiliation": "Together AI",
    "alumni_of": ["Cornell University", "Williams College"],
    "same_as": ["https://github.com/benathi"],
}
