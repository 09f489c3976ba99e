"""Signed deliveries: HMAC-SHA256 of the timestamp and the body.

``X-Traite-Signature: t=<timestamp>,v1=<hex>`` where the hex digest is
``HMAC(secret, "<timestamp>." + body)``; the timestamp is also sent alone in
``X-Traite-Timestamp``. A receiver recomputes it (docs/sync.md has the
snippet) and refuses an old timestamp, so a captured delivery cannot be
replayed later.
"""

import hashlib
import hmac


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of ``"<timestamp>." + body`` with ``secret``."""
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def signed_headers(
    secret: str, timestamp: int, body: bytes, delivery_id: str, subscription_id: str
) -> dict[str, str]:
    """The headers of one attempt of a delivery."""
    return {
        "Content-Type": "application/json",
        "X-Traite-Delivery": delivery_id,
        "X-Traite-Subscription": subscription_id,
        "X-Traite-Timestamp": str(timestamp),
        "X-Traite-Signature": f"t={timestamp},v1={signature(secret, timestamp, body)}",
    }
