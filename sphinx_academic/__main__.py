"""``python -m sphinx_academic new DIR``."""

import sys

from .scaffold.cli import main

sys.exit(main())
