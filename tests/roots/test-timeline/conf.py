extensions = ["myst_parser", "sphinx_academic"]
bibtex_bibfiles = ["refs.bib"]
myst_enable_extensions = ["colon_fence"]
html_theme = "furo"
