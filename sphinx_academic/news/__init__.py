"""News: dated items from a ``news`` directive's body or a news file, newest first.

``model`` (the item: paragraphs and lists whose text is :mod:`sphinx_academic.inline` runs)
← ``markdown`` (a news file's Markdown) and ``sources`` (news files); ``directive`` (read time)
records each item in the domain; ``nodes`` ties them to Sphinx's builders, rendered by
``html`` and ``lowering`` (blocks here, their text by ``inline.py``). The Atom feed
(:mod:`sphinx_academic.site.feed`) reads the same items.
"""
