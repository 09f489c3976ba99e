"""The portal's limits on what users send: one table, read by code, tests and docs.

Each row names a limit, its value, what it limits and the French message a
user gets when a value goes over it (``docs/security.md`` shows the table;
a test checks that the page and this module agree).
"""

from dataclasses import dataclass
from traite_portal import _
from zope.i18nmessageid import Message


@dataclass(frozen=True)
class Limit:
    """One limit: ``value`` in ``unit``; ``message`` takes ``${field}``,
    ``${length}`` and ``${limit}``."""

    name: str
    value: int
    unit: str
    what: str
    message: Message

    def exceeded(self, length: int) -> bool:
        return length > self.value


LIMITS = (
    Limit(
        "request_body",
        10 * 1024 * 1024,
        "octets",
        "HTTP request body: waitress refuses a body of this size or more "
        "(`max_request_body_size`, `make … MAX_REQUEST_BODY_SIZE=N`), with 413",
        _(
            "limit_request_body",
            default="Requête trop volumineuse : au plus ${limit} octets.",
        ),
    ),
    Limit(
        "json_depth",
        64,
        "niveaux",
        "nesting of a JSON request body (objects and arrays), checked before parsing",
        _(
            "limit_json_depth",
            default="Corps JSON trop imbriqué : au plus ${limit} niveaux.",
        ),
    ),
    Limit(
        "text_line",
        1_000,
        "caractères",
        "every one-line text field (`TextLine`: title, identifiers…) of every "
        "content type",
        _(
            "limit_text_line",
            default="« ${field} » est trop long : ${length} caractères, "
            "au plus ${limit}.",
        ),
    ),
    Limit(
        "text",
        10_000,
        "caractères",
        "every plain text field (`Text`: description, target paragraph, "
        "rights…) of every content type (Plone's own description limit)",
        _(
            "limit_text",
            default="« ${field} » est trop long : ${length} caractères, "
            "au plus ${limit}.",
        ),
    ),
    Limit(
        "rich_text",
        300_000,
        "caractères",
        "every rich text field (`RichText`, its HTML source) of every content type",
        _(
            "limit_rich_text",
            default="« ${field} » est trop long : ${length} caractères, "
            "au plus ${limit}.",
        ),
    ),
    Limit(
        "list_items",
        100,
        "éléments",
        "items of a list field of texts (subjects, creators, contributors…)",
        _(
            "limit_list_items",
            default="« ${field} » a trop d'éléments : ${length}, au plus ${limit}.",
        ),
    ),
    Limit(
        "comment",
        10_000,
        "caractères",
        "a comment (plone.app.discussion), Classic form and `@comments`",
        _(
            "limit_comment",
            default="Commentaire trop long : ${length} caractères, au plus ${limit}.",
        ),
    ),
    Limit(
        "status_comment",
        5_000,
        "caractères",
        "the comment of an implementation-status change (form and "
        "`@implementation-status`)",
        _(
            "limit_status_comment",
            default="Commentaire trop long : ${length} caractères, au plus ${limit}.",
        ),
    ),
    Limit(
        "webhook_url",
        2_000,
        "caractères",
        "the URL of a webhook (`@webhooks`, panel « Webhooks »)",
        _(
            "limit_webhook_url",
            default="Adresse du webhook trop longue : ${length} caractères, "
            "au plus ${limit}.",
        ),
    ),
    Limit(
        "webhook_secret",
        256,
        "caractères",
        "the secret of a webhook (at least 16 characters)",
        _(
            "limit_webhook_secret",
            default="Secret trop long : ${length} caractères, au plus ${limit}.",
        ),
    ),
    Limit(
        "webhook_subscriptions",
        20,
        "abonnements",
        "webhooks one user owns",
        _(
            "limit_webhook_subscriptions",
            default="Vous avez déjà ${length} webhooks : au plus ${limit} par "
            "personne. Supprimez-en un d'abord.",
        ),
    ),
    Limit(
        "webhook_response",
        65_536,
        "octets",
        "what the worker reads of a receiver's answer to a delivery (the rest "
        "is not read; only the status counts)",
        _(
            "limit_webhook_response",
            default="Réponse du destinataire tronquée à ${limit} octets.",
        ),
    ),
    Limit(
        "index_token",
        64,
        "caractères",
        "a word in full-text indexing: a longer word is not indexed (every "
        "ZCTextIndex lexicon of the catalog)",
        _(
            "limit_index_token",
            default="Les mots de plus de ${limit} caractères ne sont pas indexés.",
        ),
    ),
)

BY_NAME = {limit.name: limit for limit in LIMITS}


def limit(name: str) -> Limit:
    """The limit called ``name``."""
    return BY_NAME[name]


def limit_message(name: str, length: int, field: str = "") -> Message:
    """The French message for a value of ``length`` over the limit ``name``."""
    row = BY_NAME[name]
    return _(
        row.message,
        default=row.message.default,
        mapping={"field": field, "length": length, "limit": row.value},
    )


def markdown_table() -> str:
    """The table of ``docs/security.md`` (a test checks the page has it)."""
    lines = [
        "| limit | value | what it limits | message (French) |",
        "| --- | --- | --- | --- |",
    ]
    for row in LIMITS:
        value = f"{row.value:,}".replace(",", " ")
        lines.append(
            f"| `{row.name}` | {value} {row.unit} | {row.what} | "
            f"{row.message.default} |"
        )
    return "\n".join(lines)
