"""Co-editing: versions, conditional REST requests (ETag / If-Match), locking."""
