extensions = ["myst_parser", "sphinx_academic"]
bibtex_bibfiles = ["refs.bib"]
academic_author_names = ["Ada Lovelace", "Müller, Jörg"]
academic_max_authors = 3
html_theme = "furo"
