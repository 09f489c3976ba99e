"""A real SMTP server (aiosmtpd) on a free loopback port, keeping what arrives."""

from aiosmtpd.controller import Controller
from dataclasses import dataclass
from email import message_from_bytes
from email import policy
from email.message import EmailMessage

import socket
import time


@dataclass
class ReceivedMail:
    """One message as the server received it."""

    recipients: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    @property
    def body(self) -> str:
        return self.message.get_body(preferencelist=("plain",)).get_content()


class Mailbox:
    """The aiosmtpd handler: stores every message."""

    def __init__(self) -> None:
        self.mails: list[ReceivedMail] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.mails.append(ReceivedMail(list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def clear(self) -> None:
        self.mails.clear()

    def wait_for(self, count: int, timeout: float = 10) -> list[ReceivedMail]:
        """The mails once at least ``count`` arrived (or what came in time)."""
        deadline = time.monotonic() + timeout
        while len(self.mails) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return list(self.mails)

    def to(self, address: str) -> list[ReceivedMail]:
        return [mail for mail in self.mails if address in mail.recipients]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_smtp_server() -> tuple[Controller, Mailbox]:
    """Start the server; the caller stops the controller."""
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller, mailbox
