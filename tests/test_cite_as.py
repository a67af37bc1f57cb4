"""An entry as APA and IEEE references and as a CSL-JSON item, read from BibTeX as exporters
write it: names with particles, suffixes, initials and organisations; long author lists;
journals, proceedings, preprints."""

from __future__ import annotations

from pybtex.database import parse_string

from sphinx_academic.bib.csl import csl_item
from sphinx_academic.bib.names import NameMatcher
from sphinx_academic.bib.records import PublicationRecord, RecordSettings, build_record
from sphinx_academic.publications.cite_as import apa, ieee, initials
from sphinx_academic.publications.meta import PageAddress, citation_name, highwire_tags

SETTINGS = RecordSettings(NameMatcher.from_variants(["Ada Lovelace"]), {}, ".")


def record(bibtex: str) -> PublicationRecord:
    data = parse_string(bibtex, "bibtex")
    (entry,) = data.entries.values()
    return build_record(entry, SETTINGS, data.entries)


def test_initials() -> None:
    assert initials("Ada Augusta") == "A. A."
    assert initials("Jean-Paul") == "J.-P."
    assert initials("A.") == "A."
    assert initials("") == ""


def test_names_with_particles_suffixes_and_organisations() -> None:
    work = record(
        "@misc{x, title = {T}, year = {2020}, author = {van Beethoven, Ludwig and "
        "Ford, Jr., Henry and {The Engine Team} and Lovelace*, Ada}}"
    )
    assert [citation_name(a) for a in work.authors] == [
        "van Beethoven, Ludwig",
        "Ford, Henry, Jr.",
        "The Engine Team",
        "Lovelace, Ada",  # the role mark is not part of the name
    ]
    assert apa(work).startswith(
        "van Beethoven, L., Ford, H., Jr., The Engine Team, & Lovelace, A. (2020). T."
    )
    assert ieee(work).startswith("L. van Beethoven, H. Ford, Jr., The Engine Team, and A. Lovelace")
    assert [a.get("literal") or a["family"] for a in csl_item(work)["author"]] == [
        "Beethoven",
        "Ford",
        "The Engine Team",
        "Lovelace",
    ]


def test_long_author_lists_are_cut_as_each_style_says() -> None:
    many = " and ".join(f"Author{i}, A." for i in range(25))
    work = record(f"@misc{{x, title = {{T}}, year = {{2020}}, author = {{{many}}}}}")
    names = apa(work).split(" (2020)")[0]
    assert names.count("Author") == 20  # the first 19, ". . .", the last
    assert "Author18, A., . . . Author24, A." in names
    assert ieee(work).startswith('A. Author0 et al., "T,"')
    others = record("@misc{x, title = {T}, year = {2020}, author = {Lovelace, Ada and others}}")
    assert apa(others).startswith("Lovelace, A., et al. (2020).")
    assert ieee(others).startswith("A. Lovelace et al.")


def test_each_kind_of_work() -> None:
    journal = record(
        "@article{j, title = {Notes}, author = {Lovelace, Ada}, journal = {J. Engines}, "
        "volume = {4}, number = {2}, pages = {1--9}, year = {1843}, month = {sep}, "
        "doi = {10.1234/x}}"
    )
    assert (
        apa(journal)
        == "Lovelace, A. (1843). Notes. J. Engines, 4(2), 1\u20139. https://doi.org/10.1234/x"
    )
    assert ieee(journal) == (
        'A. Lovelace, "Notes," J. Engines, vol. 4, no. 2, pp. 1\u20139, Sep. 1843, doi: 10.1234/x.'
    )
    tags = dict(highwire_tags(journal, PageAddress("j.html")))
    assert tags["citation_journal_title"] == "J. Engines"
    assert tags["citation_publication_date"] == "1843/09"
    assert csl_item(journal)["type"] == "article-journal"
    assert csl_item(journal)["issue"] == "2" and csl_item(journal)["page"] == "1-9"

    paper = record(
        "@inproceedings{p, title = {Engines?}, author = {Lovelace, Ada}, "
        "booktitle = {Proc. Engines}, pages = {5--6}, year = {2024}, publisher = {ACM}}"
    )
    assert apa(paper) == "Lovelace, A. (2024). Engines? In Proc. Engines (pp. 5\u20136). ACM."
    assert ieee(paper) == 'A. Lovelace, "Engines?," in Proc. Engines, 2024, pp. 5\u20136.'
    assert csl_item(paper)["type"] == "paper-conference"

    preprint = record(
        "@article{a, title = {Looms}, author = {Lovelace, Ada}, "
        "journal = {arXiv preprint arXiv:2401.01234}, year = {2024}}"
    )
    assert apa(preprint) == (
        "Lovelace, A. (2024). Looms. arXiv preprint arXiv:2401.01234. "
        "https://arxiv.org/abs/2401.01234"
    )
    item = csl_item(preprint)
    assert (item["type"], item["publisher"], item["number"]) == (
        "article",
        "arXiv",
        "arXiv:2401.01234",
    )
    assert "container-title" not in item
    tags = dict(highwire_tags(preprint, PageAddress("a.html")))
    assert tags["citation_arxiv_id"] == "2401.01234"
    assert tags["citation_pdf_url"] == "https://arxiv.org/pdf/2401.01234"
    assert "citation_journal_title" not in tags  # arXiv is not a journal

    thesis = record(
        "@phdthesis{t, title = {Patterns}, author = {Lovelace, Ada}, school = {London}, "
        "year = {1840}}"
    )
    assert apa(thesis) == "Lovelace, A. (1840). Patterns. PhD thesis, London."
    assert csl_item(thesis)["type"] == "thesis"
    undated = record("@misc{u, title = {Someday}, author = {Lovelace, Ada}}")
    assert apa(undated) == "Lovelace, A. (n.d.). Someday."
    assert "issued" not in csl_item(undated)
