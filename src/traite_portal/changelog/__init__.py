"""The change log: every change a client could see, recorded in its own transaction."""
