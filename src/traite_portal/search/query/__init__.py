"""The user's query: syntax (:mod:`.syntax`), then synonyms (:mod:`.synonyms`)."""
