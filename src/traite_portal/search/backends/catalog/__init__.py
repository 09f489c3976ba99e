"""The catalog backend: ZCTextIndex matching, BTrees set algebra for filters
and facets, no object woken for a result that is not on the page."""
