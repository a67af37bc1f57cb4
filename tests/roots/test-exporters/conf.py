# Exports from every common tool, pasted as they come (exports.bib), and al-folio's co-author
# file read as it is (_data/coauthors.yml); coauthors.yaml is the extension's own shape.
extensions = ["myst_parser", "sphinx_academic"]
bibtex_bibfiles = ["exports.bib"]
bibtex_reference_style = "author_year"
academic_author_names = ["Ada Lovelace"]
academic_coauthors = "_data/coauthors.yml"
html_theme = "furo"
html_theme_options = {"top_of_page_buttons": []}  # as the reference site
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
