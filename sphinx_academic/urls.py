"""Keep only URLs that are safe to put in an ``href``."""

from __future__ import annotations

import re

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


class UnsafeURLError(ValueError):
    """The scheme could run code or smuggle content (``javascript:``, ``data:`` …)."""


def checked_url(raw: str) -> str:
    """Return the URL if it is http(s), mailto or relative; raise :class:`UnsafeURLError` if not.

    Browsers ignore whitespace and control characters inside a scheme
    (``java\\tscript:``), so those are removed before the scheme is read.
    """
    url = raw.strip()
    compact = _INVISIBLE.sub("", url)
    match = _SCHEME.match(compact)
    if match and match.group(1).lower() not in SAFE_SCHEMES:
        raise UnsafeURLError(
            f"unsafe URL scheme {match.group(1).lower()!r} in {raw.strip()[:60]!r}; "
            "use an http:// or https:// address"
        )
    if not url:
        raise UnsafeURLError("empty URL")
    return url


def has_scheme(url: str) -> bool:
    """Whether the URL starts with a scheme (``https:``, ``mailto:`` …), read as browsers do."""
    return bool(_SCHEME.match(_INVISIBLE.sub("", url)))


def site_base(html_baseurl: object) -> str:
    """The site's address (``html_baseurl``) ending in "/", or "" when it is unknown."""
    base = html_baseurl.strip() if isinstance(html_baseurl, str) else ""
    return base if not base or base.endswith("/") else base + "/"
