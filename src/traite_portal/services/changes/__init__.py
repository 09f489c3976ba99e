"""``@changes``: the change feed, at the site root or on a folder."""
