"""CV timelines: ``model`` (a CV entry as data), ``dates``, ``sources`` (CV files), ``directive``,
``nodes`` (how each builder writes a timeline)."""
