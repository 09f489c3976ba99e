"""Named vocabularies: ``traite_portal.vocabularies.<name>``."""
