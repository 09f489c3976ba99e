"""``@webhooks``: register, list, change and delete webhooks; their delivery log."""
