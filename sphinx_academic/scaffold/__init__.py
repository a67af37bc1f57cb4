"""``sphinx-academic new DIR``: a ready site from the files in ``template/`` (:mod:`.cli`)."""
