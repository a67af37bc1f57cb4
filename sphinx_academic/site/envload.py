"""The pickled environment, loaded and let go without the cyclic garbage collector in the way.

A site's environment holds sphinxcontrib-bibtex's parsed entries: about a million objects for
5,000 entries, all alive for the whole build. Python's cyclic collector walks them again and
again: while Sphinx unpickles them, and in the collections Python runs when the process exits.
For a no-change rebuild of such a site those walks were most of the time (``benchmarks/run.py``
measures it: 2.1 s of which 1.2 s after the build had finished). So:

- the collector is paused from the end of ``config-inited`` to the end of ``builder-inited``,
  the window in which Sphinx loads the environment and sphinxcontrib-bibtex parses changed bib
  files; what was loaded is then frozen (``gc.freeze``: left out of collections) until
  ``build-finished`` unfreezes it;
- when the build has finished, an ``atexit`` hook freezes everything once more, so the
  collections at interpreter exit skip it (the memory is the operating system's again a
  moment later; mypy ends its runs with the same aim).

A process that runs several builds (a test suite) unfreezes between them, so it still
collects old environments.
"""

from __future__ import annotations

import atexit
import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def pause_collector(app: Sphinx, config: Config) -> None:
    gc.disable()


def freeze_what_was_loaded(app: Sphinx) -> None:
    gc.freeze()
    gc.enable()


def unfreeze_and_skip_at_exit(app: Sphinx, exception: BaseException | None) -> None:
    gc.unfreeze()
    atexit.unregister(gc.freeze)  # one hook however many builds the process runs
    atexit.register(gc.freeze)


def setup_envload(app: Sphinx) -> None:
    app.connect("config-inited", pause_collector, priority=999)  # the last: then Sphinx loads
    # After sphinxcontrib-bibtex (re)parsed the bib files (at the default priority, 500).
    app.connect("builder-inited", freeze_what_was_loaded, priority=999)
    app.connect("build-finished", unfreeze_and_skip_at_exit, priority=999)
