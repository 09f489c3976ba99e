"""``@akn`` (GET, any item) and ``@akn-import`` (POST, site and containers)."""
