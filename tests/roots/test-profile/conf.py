extensions = ["myst_parser", "sphinx_academic"]
myst_enable_extensions = ["colon_fence"]
project = "Ada Lovelace"
html_title = "Ada Lovelace"
html_theme = "furo"
html_favicon = "assets/img/ada.png"
# As the reference site: furo's "view source" button sits outside every landmark (axe: region).
html_theme_options = {"top_of_page_buttons": []}
html_copy_source = False
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
