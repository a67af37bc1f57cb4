"""Profile links from ``academic_person``: what each address is called and which icon it gets.

The service is recognised from the URL's host (``scholar.google.*`` is Google Scholar,
``orcid.org`` ORCID …); any other host gets a generic link icon and is named after the host.
Profile links carry ``rel="me"`` (Mastodon verifies a profile by it); the e-mail address
becomes a ``mailto:`` link.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit


@dataclass(frozen=True, slots=True)
class ProfileLink:
    """One contact or profile link, as every output shows it."""

    label: str  #: the link's accessible name: "GitHub", "Email", "example.org"
    text: str  #: what a page shows beside the icon (the address, for e-mail)
    url: str
    icon: str  #: a name in :data:`.icons.ICONS`
    rel_me: bool  #: a profile of the person (``rel="me"``), not a way to write to them


#: (label, icon) per host; a host matches itself and its subdomains (``www.``, ``uk.``).
SERVICES: Mapping[str, tuple[str, str]] = {
    "orcid.org": ("ORCID", "orcid"),
    "github.com": ("GitHub", "github"),
    "linkedin.com": ("LinkedIn", "linkedin"),
    "bsky.app": ("Bluesky", "bluesky"),
    "bsky.social": ("Bluesky", "bluesky"),
    "x.com": ("X", "x"),
    "twitter.com": ("X", "x"),
    # Named services without an icon of their own.
    "dblp.org": ("dblp", "link"),
    "semanticscholar.org": ("Semantic Scholar", "link"),
    "researchgate.net": ("ResearchGate", "link"),
    "openreview.net": ("OpenReview", "link"),
    "huggingface.co": ("Hugging Face", "link"),
    "gitlab.com": ("GitLab", "link"),
    "youtube.com": ("YouTube", "link"),
}
#: Mastodon servers academics use most (any other is recognised by its ``/@name`` path).
MASTODON_SERVERS = frozenset(
    """mastodon.social mastodon.online mas.to mstdn.social masto.ai fosstodon.org hachyderm.io
    sigmoid.social scholar.social fediscience.org sciences.social mathstodon.xyz
    ecoevo.social neuromatch.social qoto.org infosec.exchange techhub.social""".split()
)
#: Hosts whose ``/@name`` pages are not Mastodon accounts.
NOT_MASTODON = frozenset(
    """medium.com youtube.com threads.net threads.com tiktok.com substack.com
    bsky.app x.com twitter.com github.com""".split()
)
_ACCOUNT_PATH = re.compile(r"^/@[^/@]+/?$")


def _matches(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def recognise(url: str) -> tuple[str, str]:
    """(label, icon) for a profile URL, from its host."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host.startswith("scholar.google."):
        return "Google Scholar", "google-scholar"
    for domain, service in SERVICES.items():
        if _matches(host, domain):
            return service
    if (
        host in MASTODON_SERVERS
        or re.search(r"(^|[.-])(mastodon|mstdn|masto)([.-]|$)", host)
        or (_ACCOUNT_PATH.match(parts.path) and not any(_matches(host, d) for d in NOT_MASTODON))
    ):
        return "Mastodon", "mastodon"
    return host.removeprefix("www.") or url, "link"


def mailto(address: str) -> str:
    return "mailto:" + quote(address, safe="@+._-!#$%&'*/=?^`{|}~")


def profile_links(person: Mapping[str, Any]) -> tuple[ProfileLink, ...]:
    """The e-mail address first, then each ``same_as`` profile in the order given."""
    links = []
    if person.get("email"):
        address = person["email"]
        links.append(ProfileLink("Email", address, mailto(address), "email", rel_me=False))
    for url in person.get("same_as", ()):
        label, icon = recognise(url)
        links.append(ProfileLink(label, label, url, icon, rel_me=True))
    return tuple(links)
