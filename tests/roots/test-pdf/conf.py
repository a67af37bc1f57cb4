extensions = ["myst_parser", "sphinx_academic"]
myst_enable_extensions = ["colon_fence", "deflist"]
bibtex_bibfiles = ["refs.bib"]
academic_author_names = ["Ada Lovelace"]
academic_person = {"name": "Ada Lovelace"}
html_theme = "furo"
