# The formats' own example CV files, each given whole to one directive. The files are written
# by tests/test_cv_files.py: RenderCV's example (what `rendercv new` writes) and JSON Resume's
# sample.resume.json (npm package resume-schema).
extensions = ["myst_parser", "sphinx_academic"]
html_theme = "furo"
project = "CV files"
exclude_patterns = ["_build"]
bibtex_bibfiles = []  # sphinxcontrib-bibtex needs the setting; these pages cite nothing
html_theme_options = {"top_of_page_buttons": []}  # as the reference site: no source buttons
