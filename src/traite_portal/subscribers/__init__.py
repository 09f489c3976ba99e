"""Event subscribers of the portal's content types."""
