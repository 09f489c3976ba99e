"""``@history-diff``: the field-by-field changes between two versions."""
