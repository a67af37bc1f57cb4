"""Reading BibTeX into records: nothing here renders (see the architecture page of the guide)."""
