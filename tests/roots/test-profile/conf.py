extensions = ["myst_parser", "sphinx_academic"]
myst_enable_extensions = ["colon_fence"]
project = "Ada Lovelace"
html_title = "Ada Lovelace"
html_theme = "furo"
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
academic_author_names = ["Ada Lovelace"]
academic_person = {
    "name": "Ada Lovelace",
    "job_title": "Analyst",
    "works_for": "Analytical Engine Society",
    "email": "ada@example.org",
    "image": "assets/img/ada.png",
    "same_as": [
        "https://github.com/ada-example",
        "https://orcid.org/0000-0002-1825-0097",
        "https://scholar.google.com/citations?user=example",
    ],
}
