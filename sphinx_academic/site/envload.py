"""Loading the pickled environment without the cyclic garbage collector in the way.

A site's environment holds sphinxcontrib-bibtex's parsed entries: about 400,000 objects for
5,000 entries. Unpickling them, Python's cyclic garbage collector runs again and again over
objects that are all alive: most of a no-change rebuild's time (measured by
``benchmarks/run.py``: 1.4 s of unpickling become 0.2 s). Sphinx loads the environment
between ``config-inited`` and ``builder-inited``, so the collector is paused for exactly that
window, and what was loaded is then frozen (``gc.freeze``: never scanned again, as it lives as
long as the build) until ``build-finished`` unfreezes it, so a process that runs several
builds (a test suite) still collects old environments.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def pause_collector(app: Sphinx, config: Config) -> None:
    gc.disable()


def freeze_loaded_environment(app: Sphinx) -> None:
    gc.freeze()
    gc.enable()


def unfreeze(app: Sphinx, exception: BaseException | None) -> None:
    gc.unfreeze()


def setup_envload(app: Sphinx) -> None:
    app.connect("config-inited", pause_collector, priority=999)  # the last: then Sphinx loads
    app.connect("builder-inited", freeze_loaded_environment, priority=0)  # the first
    app.connect("build-finished", unfreeze, priority=999)
