"""Webhooks: change-log consumers that POST what their owner may see to a URL."""
