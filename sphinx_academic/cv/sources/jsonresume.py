"""JSON Resume 1.0.0: ``basics`` and every section of its published schema.

Text is plain (the schema says nothing of markup). Dates are ISO 8601 to the year, month or
day; JSON Resume's tools write the first of the month where only the month is known, so a day
of 01 is not shown. A ``startDate`` without an ``endDate`` is ongoing. The schema allows extra
properties in every object (al-folio adds ``icon``): they are ignored. It allows no other
top-level key than its own: one is a problem.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...inline import Inline, join
from ..model import CV, Contact, CVItem, CVSection, Fact, Highlight, Layout, Link, Person
from .dating import set_dates
from .fields import Fields, Problems, did_you_mean

if TYPE_CHECKING:
    from ...datafiles import Lined

FORMAT = "JSON Resume"
#: Section key → (title, layout).
SECTIONS: dict[str, tuple[str, Layout]] = {
    "work": ("Work", Layout.TIMELINE),
    "volunteer": ("Volunteer", Layout.TIMELINE),
    "education": ("Education", Layout.TIMELINE),
    "awards": ("Awards", Layout.TIMELINE),
    "certificates": ("Certificates", Layout.TIMELINE),
    "publications": ("Publications", Layout.TIMELINE),
    "skills": ("Skills", Layout.PAIRS),
    "languages": ("Languages", Layout.PAIRS),
    "interests": ("Interests", Layout.PAIRS),
    "references": ("References", Layout.QUOTES),
    "projects": ("Projects", Layout.TIMELINE),
}
TOP_KEYS = frozenset({"$schema", "basics", "meta", *SECTIONS})
#: Sections whose entries run from a start to an end (ongoing without one).
RANGES = frozenset({"work", "volunteer", "education", "projects"})


def is_json_resume(root: Lined) -> bool:
    return root.is_mapping and bool(TOP_KEYS & {k for k, _ in root.items()})


def read(root: Lined, problems: Problems) -> CV:
    top = Fields(root, problems, "JSON Resume")
    for key in top.names():
        if key not in TOP_KEYS:
            problems.add(
                f"JSON Resume has no top-level property {key!r}{did_you_mean(key, TOP_KEYS)} "
                "(its schema allows no others); it was ignored",
                top.line_of(key),
            )
    basics = top.mapping("basics")
    person = _person(basics) if basics is not None else Person(Inline())
    sections = []
    for key in top.names():
        if key not in SECTIONS:
            continue
        title, layout = SECTIONS[key]
        entries = [_entry(key, e) for e in top.mappings(key, f"{key} entry")]
        sections.append(CVSection(key, title, layout, tuple(entries), top.line_of(key)))
    return CV(FORMAT, person, tuple(sections))


def _person(basics: Fields) -> Person:
    contacts: list[Contact] = []
    where = basics.mapping("location")
    if where is not None:
        region = " ".join(p for p in (where.text("region"), where.text("postalCode")) if p)
        place = ", ".join(
            p
            for p in (
                " ".join(where.text("address").split()),
                where.text("city"),
                region,
                where.text("countryCode"),
            )
            if p
        )
        if place:
            contacts.append(Contact("location", place))
    email = basics.text("email")
    if email:
        link = basics.link_to("mailto:" + email, email, basics.line_of("email"), "email")
        contacts.append(Contact("email", email, link.url if link else ""))
    phone = basics.text("phone")
    if phone:
        contacts.append(
            Contact("phone", phone, "tel:" + "".join(c for c in phone if c in "+0123456789"))
        )
    website = basics.link("url")
    if website is not None:
        contacts.append(Contact("website", website.label, website.url))
    for profile in basics.mappings("profiles", "basics profiles item"):
        network, username = profile.text("network"), profile.text("username")
        link = profile.link("url")
        shown = username or (link.label if link else "")
        if shown or network:
            contacts.append(
                Contact(network or "profile", shown or network, link.url if link else "")
            )
    summary = basics.inline("summary")
    return Person(
        basics.inline("name"),
        basics.inline("label"),
        tuple(contacts),
        (summary,) if summary else (),
    )


def _entry(section: str, entry: Fields) -> CVItem:
    item = CVItem(Inline(), category=section, line=entry.line)
    links: list[Link | None] = [entry.link("url")] if section not in ("skills", "languages") else []
    summary: list[Inline] = []
    facts: list[Fact] = []
    highlights = [Highlight(h) for h in entry.inline_list("highlights")]
    if section in ("work", "volunteer"):
        org_key = "name" if section == "work" else "organization"
        position, org = entry.inline("position"), entry.inline(org_key)
        item.title, item.organization = (position, org) if position else (org, Inline())
        item.location = entry.inline("location")
        summary += [entry.inline("description").styled(emphasis=True), entry.inline("summary")]
    elif section == "education":
        study, area = entry.inline("studyType"), entry.inline("area")
        item.title = study + Inline.of(" in ") + area if study and area else study or area
        item.organization = entry.inline("institution")
        item.location = entry.inline("location")
        if entry.has("score"):
            facts.append(Fact("Score", entry.inline("score")))
        courses = entry.inline_list("courses")
        if courses:
            highlights.append(Highlight(Inline.of("Courses"), tuple(Highlight(c) for c in courses)))
    elif section == "awards":
        item.title, item.organization = entry.inline("title"), entry.inline("awarder")
        summary.append(entry.inline("summary"))
    elif section == "certificates":
        item.title, item.organization = entry.inline("name"), entry.inline("issuer")
    elif section == "publications":
        item.title, item.organization = entry.inline("name"), entry.inline("publisher")
        summary.append(entry.inline("summary"))
    elif section == "projects":
        item.title, item.organization = entry.inline("name"), entry.inline("entity")
        summary.append(entry.inline("description"))
        for key, label in (("roles", "Roles"), ("keywords", "Keywords")):
            values = entry.inline_list(key)
            if values:
                facts.append(Fact(label, join(values)))
        if entry.has("type"):
            facts.append(Fact("Type", entry.inline("type")))
    elif section == "skills":
        item.title = entry.inline("name")
        level = entry.inline("level")
        keywords = join(entry.inline_list("keywords"))
        item.details = (
            keywords + Inline.of(f" ({level.plain})") if keywords and level else keywords or level
        )
    elif section == "languages":
        item.title, item.details = entry.inline("language"), entry.inline("fluency")
    elif section == "interests":
        item.title, item.details = entry.inline("name"), join(entry.inline_list("keywords"))
    elif section == "references":
        item.title = entry.inline("name")
        summary.append(entry.inline("reference"))
    if not item.title and not any(summary) and SECTIONS[section][1] is not Layout.QUOTES:
        entry.problems.add(f"{section} entry has nothing to show as its title", entry.line)
    item.summary = tuple(s for s in summary if s)
    item.highlights = tuple(highlights)
    item.facts = tuple(facts)
    item.links = tuple(link for link in links if link is not None)
    _dates(section, item, entry)
    return item


def _dates(section: str, item: CVItem, entry: Fields) -> None:
    if section in RANGES:
        start = entry.date("startDate", placeholder_day=True)
        end = entry.date("endDate", placeholder_day=True)
        if start or end:
            problem = set_dates(item, start, end)
            if problem:
                entry.problems.add(f"{entry.what}: {problem}", entry.line_of("endDate"))
    elif section in ("awards", "certificates", "publications"):
        key = "releaseDate" if section == "publications" else "date"
        item.date = entry.date(key, placeholder_day=True)
