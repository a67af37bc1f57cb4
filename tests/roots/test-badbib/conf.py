extensions = ["myst_parser", "sphinx_academic"]
bibtex_bibfiles = ["refs.bib"]
html_theme = "furo"
