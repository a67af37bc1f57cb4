"""Sphinx configuration of Ben Athiwaratkun's academic site (pages in docs/, data in refs.bib).

Build: sphinx-build -W --keep-going -c . docs _build/html   (or: nox -s site)
"""

project = "Ben Athiwaratkun"
author = "Ben Athiwaratkun"
copyright = "2026, Ben Athiwaratkun"

extensions = ["myst_parser", "sphinx_design", "sphinxcontrib.bibtex", "sphinx_academic"]
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
html_theme_options = {"top_of_page_buttons": []}

latex_engine = "xelatex"
latex_documents = [
    ("cv", "athiwaratkun-cv.tex", "Ben Athiwaratkun: Curriculum Vitae", author, "howto")
]
html_favicon = "docs/_static/favicon.svg"
