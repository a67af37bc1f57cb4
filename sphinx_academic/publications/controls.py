"""The filter controls above a publication list: year, type, tag and a search box.

They need ``sphinx-academic-filter.js`` (loaded only on pages with controls). Without
JavaScript, :data:`NOSCRIPT_STYLE` in the page's head hides them, so such a page shows every
entry and no controls. They are not hidden until the script reveals them: that would push
the list down once the script has run (Lighthouse's cumulative layout shift).
The choices come from the entries the list shows (each entry's ``data-year``, ``data-kind``
and ``data-tags``, :func:`.html.filter_attributes`); the script reads its settings from the
form's data attributes (no inline script): the list it filters, the prefix of its URL
parameters, the status sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..bib.kinds import KINDS
from ..bib.records import year_sort_key
from ..escaping import encode
from .display import EntryDisplay

#: Said to screen readers (and shown) whenever the filters change.
STATUS = "{shown} of {total} entries shown"
#: For the head of a page with controls: a browser without JavaScript does not show them.
NOSCRIPT_STYLE = "<noscript><style>form.academic-filter{display:none}</style></noscript>"


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """What one list's controls offer, with how many entries each choice keeps."""

    list_id: str
    prefix: str  #: of the URL parameters ("" for the page's first list)
    label: str  #: the form's accessible name
    years: tuple[tuple[str, int], ...]
    kinds: tuple[tuple[str, int], ...]
    tags: tuple[tuple[str, int], ...]
    total: int


def filter_choices(
    entries: Sequence[EntryDisplay], list_id: str, prefix: str, label: str
) -> FilterChoices:
    years = Counter(e.year for e in entries)
    kinds = Counter(e.kind for e in entries)
    tags = Counter(t for e in entries for t in e.tags)
    first_seen: dict[str, int] = {}
    for i, entry in enumerate(entries):
        first_seen.setdefault(entry.year, i)
    return FilterChoices(
        list_id=list_id,
        prefix=prefix,
        label=label,
        years=tuple(
            (y, years[y]) for y in sorted(years, key=lambda y: (-year_sort_key(y), first_seen[y]))
        ),
        kinds=tuple((k, kinds[k]) for k in KINDS if k in kinds),
        tags=tuple((t, tags[t]) for t in sorted(tags, key=lambda t: (t.casefold(), t))),
        total=len(entries),
    )


def _select(name: str, label: str, everything: str, options: Sequence[tuple[str, str, int]]) -> str:
    items = "".join(
        f'<option value="{encode(value)}">{encode(text)} ({count})</option>'
        for value, text, count in options
    )
    return (
        f'<label class="academic-filter-field"><span>{label}</span>'
        f'<select name="{name}"><option value="">{everything}</option>{items}</select></label>'
    )


def controls_html(choices: FilterChoices) -> str:
    fields = [
        _select("year", "Year", "All years", [(y, y, n) for y, n in choices.years]),
        _select("type", "Type", "All types", [(k, KINDS[k], n) for k, n in choices.kinds]),
    ]
    if choices.tags:
        fields.append(_select("tag", "Topic", "All topics", [(t, t, n) for t, n in choices.tags]))
    fields.append(
        '<label class="academic-filter-field academic-filter-search"><span>Search</span>'
        '<input type="search" name="q" autocomplete="off" spellcheck="false" /></label>'
    )
    fields.append('<button type="reset" class="academic-filter-reset">Show all</button>')
    status = STATUS.format(shown=choices.total, total=choices.total)
    return (
        f'<form class="academic-filter" role="search" aria-label="{encode(choices.label)}" '
        f'data-academic-filter="{encode(choices.list_id)}" '
        f'data-prefix="{encode(choices.prefix)}" data-status="{encode(STATUS)}">\n'
        f'<div class="academic-filter-fields">{"".join(fields)}</div>\n'
        f'<p class="academic-filter-status" role="status">{encode(status)}</p>\n'
        "</form>\n"
    )
