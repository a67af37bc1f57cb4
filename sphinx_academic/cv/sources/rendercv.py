"""RenderCV 2 (and 1.x) YAML: ``cv`` (the person and ``sections``), ``design``, ``locale``,
``settings`` (``rendercv_settings`` before 2.4).

Read as RenderCV reads it: a section's entry type is found from the first entry with a field
only that type has; every text field is inline Markdown; a highlight's `` - `` starts a
sub-bullet; a start date alone is ongoing, an end date alone is one date. Entries and ``cv``
may carry extra keys (RenderCV allows them); ``design``, ``locale`` and ``settings`` are the
PDF's layout, fonts and language, which the site's own theme and settings replace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...inline import Inline, markdown
from ..model import CV, Contact, CVItem, CVSection, Fact, Highlight, Layout, Link, Person
from .dating import set_dates
from .fields import Fields, Problems, did_you_mean

if TYPE_CHECKING:
    from ...datafiles import Lined

FORMAT = "RenderCV"
#: What RenderCV itself reads at the top level; any other key is allowed and ignored.
TOP_KEYS = ("cv", "design", "locale", "locale_catalog", "settings", "rendercv_settings")

#: Entry types, in the order RenderCV tries them, with the fields only each one has and
#: the fields it requires.
ENTRY_TYPES: tuple[tuple[str, frozenset[str], tuple[str, ...]], ...] = (
    ("OneLineEntry", frozenset({"label", "details"}), ("label", "details")),
    ("NormalEntry", frozenset({"name"}), ("name",)),
    ("ExperienceEntry", frozenset({"company", "position"}), ("company", "position")),
    (
        "EducationEntry",
        frozenset({"institution", "area", "degree", "grade"}),
        ("institution", "area"),
    ),
    (
        "PublicationEntry",
        frozenset({"title", "authors", "doi", "journal", "url"}),
        ("title", "authors"),
    ),
    ("BulletEntry", frozenset({"bullet"}), ("bullet",)),
    ("NumberedEntry", frozenset({"number"}), ("number",)),
    ("ReversedNumberedEntry", frozenset({"reversed_number"}), ("reversed_number",)),
)
#: Fields every entry type with dates may have (RenderCV's ``EntryBase``).
COMMON_FIELDS = frozenset(
    "date start_date end_date location summary highlights tags content".split()
)
KNOWN_FIELDS = COMMON_FIELDS.union(*(fields for _, fields, _ in ENTRY_TYPES))
LAYOUTS = {
    "OneLineEntry": Layout.PAIRS,
    "BulletEntry": Layout.BULLETS,
    "NumberedEntry": Layout.NUMBERED,
    "ReversedNumberedEntry": Layout.REVERSED,
    "TextEntry": Layout.TEXT,
}
#: RenderCV's social networks and the address each username is appended to.
NETWORKS = {
    "LinkedIn": "https://linkedin.com/in/",
    "GitHub": "https://github.com/",
    "GitLab": "https://gitlab.com/",
    "IMDB": "https://imdb.com/name/",
    "Instagram": "https://instagram.com/",
    "ORCID": "https://orcid.org/",
    "Mastodon": "",
    "StackOverflow": "https://stackoverflow.com/users/",
    "ResearchGate": "https://researchgate.net/profile/",
    "YouTube": "https://youtube.com/@",
    "Google Scholar": "https://scholar.google.com/citations?user=",
    "Telegram": "https://t.me/",
    "Leetcode": "https://leetcode.com/u/",
    "X": "https://x.com/",
}
_SMALL_WORDS = frozenset(
    """a and as at but by for from if in into like near nor of off on onto or over so than
    that to upon when with yet""".split()
)


def is_rendercv(root: Lined) -> bool:
    cv = root.get("cv")
    return cv is not None and cv.is_mapping


def section_title(key: str) -> str:
    """RenderCV's title for a section key: ``work_experience`` → "Work Experience"; a key
    with spaces is kept as written."""
    if " " in key:
        return key
    words = key.replace("_", " ").split(" ")
    return " ".join(w.capitalize() if w.islower() and w not in _SMALL_WORDS else w for w in words)


def read(root: Lined, problems: Problems) -> CV:
    top = Fields(root, problems, "RenderCV file", markdown)
    cv = top.mapping("cv")
    if cv is None:
        return CV(FORMAT, Person(Inline()), ())
    cv.what = "cv"
    settings = top.mapping("settings") or top.mapping("rendercv_settings")
    order = cv.text("sort_entries") or (settings.text("sort_entries") if settings else "")
    sections = []
    container = cv.mapping("sections")
    if container is not None:
        for key, node in container.node.items():
            section = _section(key, node, problems, order)
            if section is not None:
                sections.append(section)
    return CV(FORMAT, _person(cv), tuple(sections))


def _person(cv: Fields) -> Person:
    contacts: list[Contact] = []
    for key in cv.names():  # in the file's order, as RenderCV's header shows them
        if key == "location" and cv.text("location"):
            contacts.append(Contact("location", cv.text("location")))
        elif key == "email":
            for email, line in cv.text_list("email", single_ok=True):
                link = cv.link_to("mailto:" + email, email, line, "email")
                contacts.append(Contact("email", email, link.url if link else ""))
        elif key == "phone":
            for phone, _ in cv.text_list("phone", single_ok=True):
                shown = phone.removeprefix("tel:")
                contacts.append(Contact("phone", shown, "tel:" + "".join(shown.split())))
        elif key == "website":
            for site, line in cv.text_list("website", single_ok=True):
                link = cv.link_to(site, "", line, "website")
                if link is not None:
                    contacts.append(Contact("website", link.label, link.url))
        elif key == "social_networks":
            contacts += _networks(cv)
        elif key == "custom_connections":
            for item in cv.mappings(key, "cv custom_connections item"):
                text = item.text("placeholder")
                link = item.link("url", text) if item.has("url") else None
                if text:
                    contacts.append(Contact("link", text, link.url if link else ""))
    return Person(cv.inline("name"), cv.inline("headline") or cv.inline("label"), tuple(contacts))


def _networks(cv: Fields) -> list[Contact]:
    out = []
    for item in cv.mappings("social_networks", "cv social_networks item"):
        network, username = item.text("network"), item.text("username")
        if not network or not username:
            cv.problems.add(
                "cv social_networks: each item needs a network and a username", item.line
            )
            continue
        if network not in NETWORKS:
            cv.problems.add(
                f"cv social_networks: RenderCV does not know the network {network!r}"
                f"{did_you_mean(network, NETWORKS)} (it knows {', '.join(NETWORKS)}); "
                "it is shown without a link",
                item.line_of("network"),
            )
            out.append(Contact(network, username))
            continue
        if network == "Mastodon":
            parts = username.split("@")
            url = f"https://{parts[2]}/@{parts[1]}" if len(parts) == 3 else ""
        else:
            url = NETWORKS[network] + username
        shown = {"Google Scholar": "Google Scholar", "IMDB": "IMDB Profile"}.get(network, username)
        if network == "StackOverflow" and "/" in username:
            shown = username.split("/", 1)[1]
        link = item.link_to(url, shown, item.line_of("username"), "username") if url else None
        out.append(Contact(network, shown, link.url if link else ""))
    return out


def _entry_type(fields: Fields) -> tuple[str, tuple[str, ...]] | None:
    keys = {k for k in fields.names() if fields.has(k)}
    for name, own, required in ENTRY_TYPES:
        if own & keys:
            return name, required
    return None


def _section(key: str, node: Lined, problems: Problems, order: str) -> CVSection | None:
    title = section_title(key)
    if not isinstance(node.value, list):
        problems.add(
            f"section {key!r} should be a list of entries, not "
            f"{'a mapping' if node.is_mapping else 'text'}; it was left out",
            node.line,
        )
        return None
    section_type = ""
    entries: list[CVItem] = []
    for raw in node.value:
        if isinstance(raw.value, str):
            kind = "TextEntry"
            if not raw.value.strip():
                problems.add(f"section {key!r}: an entry is empty; remove it", raw.line)
                continue
            fields = None
        elif isinstance(raw.value, dict):
            fields = Fields(raw, problems, f"{key} entry", markdown)
            found = _entry_type(fields)
            if found is None:
                if fields.has("content"):
                    kind = "TextEntry"
                else:
                    hints = "".join(
                        did_you_mean(k, KNOWN_FIELDS)
                        for k in fields.names()
                        if k not in KNOWN_FIELDS
                    )
                    problems.add(
                        f"{key} entry: RenderCV cannot tell what kind of entry this is: it "
                        "needs one of name, company and position, institution and area, "
                        f"title and authors, label and details, bullet, number or "
                        f"reversed_number{hints}; it was left out",
                        raw.line,
                    )
                    continue
            else:
                kind = found[0]
                _check_required(fields, kind, found[1])
        else:
            problems.add(f"section {key!r}: an entry cannot be a list; it was left out", raw.line)
            continue
        if not section_type:
            section_type = kind
        elif kind != section_type:
            problems.add(
                f"{key} entry: this is a {kind}, but RenderCV reads section {key!r} as "
                f"{section_type} (from its first entry) and rejects a section that mixes "
                "entry types; move this entry to a section of its own",
                raw.line,
            )
        if fields is None or kind == "TextEntry":
            entries.append(_text_entry(raw, fields, problems, key))
        else:
            entries.append(_item(kind, raw, fields))
    layout = LAYOUTS.get(section_type, Layout.TIMELINE)
    if layout is Layout.TIMELINE and order in ("reverse-chronological", "chronological"):
        entries.sort(key=lambda e: e.sort_key, reverse=order == "reverse-chronological")
    return CVSection(key, title, layout, tuple(entries), node.line)


def _check_required(fields: Fields, kind: str, required: tuple[str, ...]) -> None:
    missing = [name for name in required if not fields.has(name)]
    if not missing:
        return
    unknown = [k for k in fields.names() if k not in KNOWN_FIELDS]
    hints = "".join(
        f" ({k!r} on line {fields.line_of(k)} may be {name!r} misspelt)"
        for name in missing
        for k in unknown
        if did_you_mean(k, [name])
    )
    article = "an" if kind[0] in "AEIOU" else "a"
    needs = " and ".join(repr(m) for m in missing)
    fields.problems.add(
        f"{fields.what}: {article} {kind} needs {needs}{hints}; "
        "RenderCV rejects the entry without it",
        fields.line,
    )


def _text_entry(raw: Lined, fields: Fields | None, problems: Problems, key: str) -> CVItem:
    """A TextEntry: a paragraph (a string, or ``content`` with ``tags``)."""
    if fields is None:
        fields = Fields(raw, problems, f"{key} entry", markdown)
        inline = fields.markup_of(str(raw.value).strip(), raw.line)
    else:
        inline = fields.inline("content")
    return CVItem(Inline(), summary=(inline,), line=raw.line)


def _item(kind: str, raw: Lined, fields: Fields) -> CVItem:
    if kind in ("BulletEntry", "NumberedEntry", "ReversedNumberedEntry"):
        key = {"BulletEntry": "bullet", "NumberedEntry": "number"}.get(kind, "reversed_number")
        return CVItem(fields.inline(key), line=raw.line)
    if kind == "OneLineEntry":
        return CVItem(fields.inline("label"), details=fields.inline("details"), line=raw.line)
    item = CVItem(Inline(), location=fields.inline("location"), line=raw.line)
    links: list[Link] = []
    facts: list[Fact] = []
    if kind == "ExperienceEntry":
        item.title, item.organization = fields.inline("position"), fields.inline("company")
        item.category = "experience"
    elif kind == "EducationEntry":
        degree, area = fields.inline("degree"), fields.inline("area")
        item.title = degree + Inline.of(" in ") + area if degree and area else degree or area
        item.organization = fields.inline("institution")
        item.category = "education"
        if fields.has("grade"):
            facts.append(Fact("Grade", fields.inline("grade")))
    elif kind == "NormalEntry":
        item.title = fields.inline("name")
    elif kind == "PublicationEntry":
        item.title = fields.inline("title")
        item.organization = fields.inline("journal")
        item.authors = tuple(fields.inline_list("authors"))
        item.category = "publication"
        doi = fields.text("doi")
        if doi:
            if not doi.startswith("10."):
                fields.problems.add(
                    f"{fields.what}: doi {doi!r} is not a DOI (it starts with 10.); RenderCV "
                    "rejects it: give the DOI itself, or the address as url",
                    fields.line_of("doi"),
                )
            else:
                found = fields.link_to("https://doi.org/" + doi, doi, fields.line_of("doi"), "doi")
                if found:
                    links.append(found)
    if not links and fields.has("url"):
        found = fields.link("url")
        if found:
            links.append(found)
    summary = fields.inline("summary")
    item.summary = (summary,) if summary else ()
    item.highlights = tuple(_highlights(fields))
    item.facts = tuple(facts)
    item.links = tuple(links)
    _dates(item, fields, date_only=kind == "PublicationEntry")
    return item


def _highlights(fields: Fields) -> list[Highlight]:
    """RenderCV's highlights: `` - `` inside one starts its sub-bullets."""
    out = []
    for text, line in fields.text_list("highlights"):
        head, *subs = text.split(" - ")
        out.append(
            Highlight(
                fields.markup_of(head.strip(), line),
                tuple(Highlight(fields.markup_of(s.strip(), line)) for s in subs if s.strip()),
            )
        )
    return out


def _dates(item: CVItem, fields: Fields, *, date_only: bool) -> None:
    from ..dates import DateError, parse_date

    date = None
    raw = fields.text("date")
    if raw:
        try:
            date = parse_date(raw)
        except DateError:
            if raw[:1].isdigit() and raw[:4].isdigit() and "-" in raw:
                fields.problems.add(
                    f"{fields.what} date: {raw!r} is not a calendar date; write YYYY-MM-DD, "
                    "YYYY-MM, YYYY or words such as 'Fall 2023'",
                    fields.line_of("date"),
                )
            else:
                item.when = raw  # RenderCV's free-text date: "Fall 2023"
            return
    if date_only:
        item.date = date
        return
    start = fields.date("start_date")
    end = fields.date("end_date")
    if date is None and start is None and end is None:
        return
    problem = set_dates(item, start, end, date)
    if problem:
        fields.problems.add(f"{fields.what}: {problem}", fields.line_of("end_date"))
