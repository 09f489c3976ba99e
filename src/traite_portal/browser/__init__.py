"""Classic UI views of the portal."""
