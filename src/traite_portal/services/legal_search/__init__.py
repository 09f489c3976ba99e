"""GET ``@legal-search``: the legal search as JSON."""
