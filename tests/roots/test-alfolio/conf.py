# An al-folio site's files, used as they are: _bibliography/papers.bib, _data/cv.yml,
# _data/resume.json, assets/pdf/ and assets/img/publication_preview/.
extensions = ["myst_parser", "sphinx_academic"]
bibtex_bibfiles = ["_bibliography/papers.bib"]
academic_author_names = ["Albert Einstein"]
academic_bibtex_toggle = "bibtex_show"  # al-folio: a BibTeX toggle only with bibtex_show
html_theme = "furo"
exclude_patterns = ["_build"]
