"""News: dated items from a ``news`` directive's body or a news file, newest first.

``model`` (the item and its text, a neutral structure) ← ``markdown`` (a news file's Markdown)
and ``sources`` (news files); ``directive`` (read time) records each item in the domain;
``nodes`` ties them to Sphinx's builders, rendered by ``html`` and ``lowering``. The Atom feed
(:mod:`sphinx_academic.site.feed`) reads the same items.
"""
