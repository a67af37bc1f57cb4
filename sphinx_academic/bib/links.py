"""An entry's identifiers and links, wherever the tool that wrote it put them.

Why: the same arXiv paper arrives as ``arxiv = {2403.01234v2}`` (al-folio), ``eprint`` with
``archivePrefix = {arXiv}`` (arXiv's export) or ``eprinttype = {arxiv}`` (BibLaTeX, DBLP),
``journal = {arXiv preprint arXiv:2403.01234}`` (Google Scholar), ``journal = {ArXiv}`` with
``volume = {abs/2403.01234}`` (Semantic Scholar), ``journal = {CoRR}`` (DBLP), an
``https://arxiv.org/abs/…`` URL or arXiv's DOI ``10.48550/arXiv.2403.01234``; a DOI arrives
bare, ``doi:``-prefixed, as a ``https://doi.org/…`` URL, and with DBLP's ``\\_`` escapes. Link
values may be wrapped in ``\\url{…}`` or ``\\href{…}{…}``. This module reads all of them into
one arXiv id, one DOI and clean URLs, so that no output shows a link twice or a broken one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import quote, urlsplit

from .latex import latex_to_text

Fields = Mapping[str, str]

_ARXIV_NEW = r"[0-9]{4}\.[0-9]{4,5}"
_ARXIV_OLD = r"[a-z][a-z\-]*(?:\.[A-Za-z]{2})?/[0-9]{7}"
#: An arXiv id anywhere in a text (``arXiv:2403.01234v2``, ``abs/2403.01234``, a URL).
_ARXIV_IN_TEXT = re.compile(
    rf"(?<![0-9A-Za-z.])(?P<id>{_ARXIV_NEW}|{_ARXIV_OLD})(?:v[0-9]+)?(?![0-9])", re.IGNORECASE
)
_ARXIV_EXACT = re.compile(rf"(?:arxiv:)?(?P<id>{_ARXIV_NEW}|{_ARXIV_OLD})(?:v[0-9]+)?", re.I)
_ARXIV_HOSTS = frozenset({"arxiv.org", "www.arxiv.org", "export.arxiv.org"})
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(?P<id>.+)", re.IGNORECASE)
#: A venue field that only says "arXiv": Google Scholar, Semantic Scholar, DBLP (CoRR), ADS.
_ARXIV_VENUE = re.compile(
    r"(?:arxiv(?:\s+preprint)?(?:\s+e-prints)?|corr)(?:[\s,:]+(?:arxiv:|abs/)?\S+)?",
    re.IGNORECASE,
)
_DOI = re.compile(r"10\.[0-9]{4,9}/\S+")
_DOI_PREFIX = re.compile(
    r"^(?:doi:\s*|https?://(?:dx\.|www\.)?doi\.org/|https?://doi\.acm\.org/)", re.IGNORECASE
)
_DOI_HOSTS = frozenset({"doi.org", "dx.doi.org", "www.doi.org"})
_URL_COMMAND = re.compile(r"^\\(?:url|href)\s*\{(?P<url>(?:[^{}]|\{[^{}]*\})*)\}", re.DOTALL)
_LATEX_URL_ESCAPES = (
    ("\\_", "_"),
    ("\\%", "%"),
    ("\\#", "#"),
    ("\\&", "&"),
    ("\\$", "$"),
    ("{\\textasciitilde}", "~"),
    ("\\textasciitilde{}", "~"),
    ("\\textasciitilde", "~"),
    ("\\~{}", "~"),
)

#: Where a ``url`` points, and the button it gets (instead of the generic "Link").
URL_HOST_LABELS: tuple[tuple[str, str, str], ...] = (
    # (host, path prefix, label)
    ("openreview.net", "", "OpenReview"),
    ("aclanthology.org", "", "ACL Anthology"),
    ("www.aclweb.org", "/anthology", "ACL Anthology"),
    ("aclweb.org", "/anthology", "ACL Anthology"),
    ("proceedings.mlr.press", "", "PMLR"),
    ("proceedings.neurips.cc", "", "NeurIPS"),
    ("papers.nips.cc", "", "NeurIPS"),
    ("openaccess.thecvf.com", "", "CVF"),
    ("jmlr.org", "", "JMLR"),
    ("www.jmlr.org", "", "JMLR"),
    ("dl.acm.org", "", "ACM"),
    ("ieeexplore.ieee.org", "", "IEEE Xplore"),
    ("link.springer.com", "", "Springer"),
    ("www.semanticscholar.org", "", "Semantic Scholar"),
    ("api.semanticscholar.org", "", "Semantic Scholar"),
    ("pubmed.ncbi.nlm.nih.gov", "", "PubMed"),
    ("www.biorxiv.org", "", "bioRxiv"),
    ("www.medrxiv.org", "", "medRxiv"),
)


def _outer_braces(value: str) -> bool:
    """Whether the first and last characters are one pair of braces around everything."""
    if not (value.startswith("{") and value.endswith("}")):
        return False
    depth = 0
    for i, char in enumerate(value):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and i < len(value) - 1:
            return False
    return True


def clean_link_value(raw: str) -> str:
    """A link field's value as a plain URL or name: ``\\url{x}`` and ``\\href{x}{text}`` give
    ``x``, outer braces go, and LaTeX escapes (``\\_``, ``\\%``, ``\\~{}`` …) are undone."""
    value = raw.strip()
    if "\\" not in value and "{" not in value:
        return value  # the common case: a plain address or name
    for _ in range(3):  # {\url{...}} and similar nests
        braced = _outer_braces(value)
        if braced:
            value = value[1:-1].strip()
        command = _URL_COMMAND.match(value)
        if command:
            value = command.group("url").strip()
        if not braced and not command:
            break
    for escaped, plain in _LATEX_URL_ESCAPES:
        value = value.replace(escaped, plain)
    return value


_WHOLE_LINK = re.compile(
    r"^\s*\\(?:url\s*\{(?P<url>[^{}]*)\}|href\s*\{(?P<href>[^{}]*)\}\s*\{[^{}]*\})\s*$"
)


def only_url(value: str) -> str:
    """The address when a field holds nothing but ``\\url{…}``: it is a link, not a venue."""
    match = _WHOLE_LINK.match(value)
    return clean_link_value(match.group("url")) if match and match.group("url") is not None else ""


def implied_url(fields: Fields) -> str:
    """The address of a ``howpublished`` or ``note`` that is only ``\\url{…}`` or
    ``\\href{…}{…}``, as web pages are often cited; "" if neither is."""
    for name in ("howpublished", "note"):
        match = _WHOLE_LINK.match(fields.get(name, ""))
        if match:
            return clean_link_value(match.group("url") or match.group("href") or "")
    return ""


def _arxiv_from_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.hostname not in _ARXIV_HOSTS:
        return ""
    match = re.match(r"/(?:abs|pdf|html)/(.+?)(?:\.pdf)?/?$", parts.path)
    if not match:
        return ""
    exact = _ARXIV_EXACT.fullmatch(match.group(1))
    return exact.group("id") if exact else ""


def arxiv_id(text: str) -> str:
    """The arXiv id in an id, ``arXiv:`` reference or arXiv URL, without its version; or ""."""
    value = clean_link_value(text)
    if value.lower().startswith(("http://", "https://")):
        return _arxiv_from_url(value)
    exact = _ARXIV_EXACT.fullmatch(value)
    return exact.group("id") if exact else ""


def is_arxiv_venue(venue: str) -> bool:
    """Whether a journal or ``howpublished`` value only says the work is on arXiv."""
    return bool(_ARXIV_VENUE.fullmatch(latex_to_text(venue)))


def find_arxiv(fields: Fields) -> str:
    """The entry's arXiv id, from whichever field an exporter put it in; "" if none."""
    if fields.get("arxiv"):
        found = arxiv_id(fields["arxiv"])
        if found:
            return found
    prefix = (fields.get("archiveprefix") or fields.get("eprinttype") or "").strip().casefold()
    eprint = fields.get("eprint", "")
    if eprint and prefix in ("arxiv", ""):
        found = arxiv_id(eprint)
        if found and (prefix or re.fullmatch(_ARXIV_NEW, found)):
            return found
    for venue_field in ("journal", "journaltitle", "howpublished"):
        venue = fields.get(venue_field, "")
        if venue and is_arxiv_venue(venue):
            match = _ARXIV_IN_TEXT.search(f"{latex_to_text(venue)} {fields.get('volume', '')}")
            if match:
                return match.group("id")
    url = clean_link_value(fields.get("url", ""))
    if url:
        found = _arxiv_from_url(url)
        if found:
            return found
    doi = find_doi(fields)
    match = _ARXIV_DOI.fullmatch(doi)
    return arxiv_id(match.group("id")) if match else ""


def doi_of(text: str) -> str:
    """The DOI in a bare DOI, ``doi:…`` or a doi.org URL (``10.1000/xyz``); "" if none."""
    value = _DOI_PREFIX.sub("", clean_link_value(text).strip())
    return value if _DOI.fullmatch(value) else ""


def find_doi(fields: Fields) -> str:
    """The entry's DOI: the ``doi`` field, else a ``url`` that is a doi.org address."""
    if fields.get("doi"):
        return doi_of(fields["doi"])
    url = clean_link_value(fields.get("url", ""))
    if urlsplit(url).hostname in _DOI_HOSTS:
        return doi_of(url)
    return ""


def arxiv_url(identifier: str) -> str:
    return "https://arxiv.org/abs/" + identifier


def doi_url(doi: str) -> str:
    """``https://doi.org/<doi>``, with the characters a URL cannot hold percent-encoded."""
    return "https://doi.org/" + quote(doi, safe="/()._-:;")


def url_label(url: str, default: str) -> str:
    """The button a ``url`` gets: the name of a well-known host, else ``default``."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    for known, path, label in URL_HOST_LABELS:
        if host == known and parts.path.startswith(path):
            return label
    return default


def target_key(url: str) -> tuple[str, str, str]:
    """What tells pages apart: two URLs with equal keys lead to the same page (scheme, host
    case and a final ``/`` aside)."""
    parts = urlsplit(url.strip())
    return ((parts.hostname or "").lower(), parts.path.rstrip("/"), parts.query)


def is_doi_url(url: str) -> bool:
    return urlsplit(url).hostname in _DOI_HOSTS


def is_arxiv_doi(doi: str) -> bool:
    return bool(_ARXIV_DOI.fullmatch(doi))


def is_arxiv_url(url: str) -> bool:
    return bool(_arxiv_from_url(url))
