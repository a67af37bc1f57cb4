"""``python -m sphinx_academic new DIR``."""

import sys

from .scaffold import main

sys.exit(main())
