extensions = ["myst_parser", "sphinx_academic"]
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
# "Müller, Jörg" written in decomposed Unicode (u + combining diaeresis): matched all the same.
academic_author_names = ["Ada Lovelace", "Lovelace, A.", "Mu\u0308ller, Jo\u0308rg"]
academic_max_authors = 3
html_theme = "furo"
