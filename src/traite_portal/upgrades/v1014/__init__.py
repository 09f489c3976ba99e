"""1013 → 1014: webhooks (docs/sync.md): their permission, the WebhookClient
role, their registry settings and the « Webhooks » panel."""
