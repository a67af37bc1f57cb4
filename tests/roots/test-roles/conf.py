# Roles and co-authors written wrong: every problem is a warning at its file and line.
extensions = ["myst_parser", "sphinx_academic"]
bibtex_bibfiles = ["refs.bib"]
academic_author_names = ["Ada Lovelace"]
# A role of the site's own; the default student role removed.
academic_author_roles = {"advisor": ("§", "advisor"), "student": None}
academic_coauthors = "coauthors.yaml"
html_theme = "furo"
exclude_patterns = ["_build"]
