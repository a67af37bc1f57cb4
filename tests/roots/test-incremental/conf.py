extensions = ["myst_parser", "sphinx_academic"]
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
myst_enable_extensions = ["colon_fence"]
academic_author_names = ["Ada Lovelace"]
html_theme = "furo"
academic_coauthors = "coauthors.yaml"
academic_person = {"name": "Ada Lovelace", "same_as": ["https://github.com/ada-example"]}
