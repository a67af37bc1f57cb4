extensions = ["myst_parser", "sphinx_academic"]
bibtex_bibfiles = ["refs.bib"]
academic_author_names = ["Ada Lovelace"]
html_theme = "furo"
myst_enable_extensions = ["colon_fence"]
