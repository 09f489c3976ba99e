"""Content classes: one small class per type, each with its marker."""
