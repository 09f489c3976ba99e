"""Catalog indexers of the portal's content types."""
