"""Highlighted-work cards: ``directive`` (read time), ``nodes`` (what a card shows, per
builder)."""
