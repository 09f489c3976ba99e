"""Where webhooks may go: the allowed hosts setting, checked against URLs and
the addresses their names resolve to (no server-side request forgery).

An entry is a host name (``hooks.example.org``), a wildcard for its
sub-domains (``*.example.org``), an IP address or network (``10.0.0.0/8``,
``[::1]``), each with an optional port; without one, only ports 80 and 443.
A URL is allowed when its host and port match an entry. Every address its
name resolves to must then be public, or inside an address or network entry
of the same port: a name entry never allows a private, loopback or
link-local address, so a name that resolves to one (``localhost``, DNS
rebinding) is refused unless the admin listed that address.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from traite_portal import _
from urllib.parse import urlsplit
from zope.i18nmessageid import Message

import ipaddress
import re
import socket


DEFAULT_PORTS = {"http": 80, "https": 443}
_NAME = re.compile(r"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9-]{1,63}$")
_HOST_PORT = re.compile(r"^(?P<host>\[[^\]]+\]|[^:/\s]+)(:(?P<port>[0-9]{1,5}))?$")


class AddressRefused(Exception):
    """The host or one of its addresses is not allowed (French ``message``)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Entry:
    """One line of the setting: a name, a wildcard or a network, and a port."""

    name: str | None  # "hooks.example.org" or "*.example.org"
    network: ipaddress.IPv4Network | ipaddress.IPv6Network | None
    port: int | None  # None: 80 and 443

    def allows_port(self, port: int) -> bool:
        return (
            port in DEFAULT_PORTS.values() if self.port is None else port == self.port
        )

    def matches_name(self, host: str) -> bool:
        if self.name is None:
            return False
        if self.name.startswith("*."):
            return host.endswith(self.name[1:])
        return host == self.name

    def contains(self, address) -> bool:
        return self.network is not None and address in self.network


def _ip(text: str):
    """An IP address (IPv4-mapped IPv6 as IPv4), or None."""
    try:
        address = ipaddress.ip_address(text.strip("[]").split("%")[0])
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped or address


def parse_entry(line: str) -> Entry | None:
    """The entry a line of the setting stands for, or None if it is not one."""
    text = line.strip().lower()
    network = None
    try:  # a network with a prefix length: "10.0.0.0/8", "fd00::/8"
        network = ipaddress.ip_network(text, strict=False)
        return Entry(None, network, None)
    except ValueError:
        pass
    match = _HOST_PORT.match(text)
    if match is None:
        return None
    host, port = match["host"], match["port"]
    port = int(port) if port else None
    if port is not None and not 0 < port < 65536:
        return None
    address = _ip(host)
    if address is not None:
        return Entry(None, ipaddress.ip_network(address), port)
    if host.startswith("["):
        return None
    return Entry(host, None, port) if _NAME.match(host) else None


def invalid_entries(lines: Iterable[str]) -> list[str]:
    """The lines of a new setting that are not entries (blank lines aside)."""
    return [line for line in lines if line.strip() and parse_entry(line) is None]


def is_public(address) -> bool:
    """Whether an address is on the public internet (not private, loopback…)."""
    return address.is_global and not address.is_multicast


class HostPolicy:
    """The allowed hosts setting, applied to URLs and resolved addresses."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.entries = [e for e in map(parse_entry, lines or ()) if e is not None]

    def check_url(self, url: str) -> tuple[str, int]:
        """The host and port of an allowed URL; ``AddressRefused`` otherwise."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        try:
            port = parts.port
        except ValueError:
            port = -1
        host = (parts.hostname or "").rstrip(".").lower()
        if scheme not in DEFAULT_PORTS or not host or port == -1:
            raise AddressRefused(BAD_URL)
        port = port or DEFAULT_PORTS[scheme]
        address = _ip(host)
        for entry in self.entries:
            if not entry.allows_port(port):
                continue
            if entry.contains(address) if address else entry.matches_name(host):
                return host, port
        raise AddressRefused(
            _(
                "error_webhook_host_not_allowed",
                default="L'hôte « ${host} » (port ${port}) n'est pas dans la liste "
                "des hôtes autorisés pour les webhooks. Un administrateur du site "
                "peut l'y ajouter (panneau « Webhooks »).",
                mapping={"host": host, "port": port},
            )
        )

    def check_address(self, host: str, port: int, address) -> None:
        """``AddressRefused`` unless ``address`` may be connected to."""
        address = _ip(str(address))
        if address is None:
            raise AddressRefused(BAD_URL)
        if is_public(address):
            return
        if any(e.contains(address) and e.allows_port(port) for e in self.entries):
            return
        raise AddressRefused(
            _(
                "error_webhook_private_address",
                default="L'hôte « ${host} » désigne une adresse privée, locale ou "
                "réservée (${address}) : refusé. Pour l'autoriser, un "
                "administrateur doit ajouter cette adresse elle-même à la liste "
                "des hôtes autorisés.",
                mapping={"host": host, "address": str(address)},
            )
        )

    def resolve(self, host: str, port: int) -> list[str]:
        """Every address of ``host``, all checked; the first to connect to first."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError):
            raise AddressRefused(
                _(
                    "error_webhook_unknown_host",
                    default="L'hôte « ${host} » est introuvable (DNS).",
                    mapping={"host": host},
                )
            ) from None
        addresses = list(dict.fromkeys(info[4][0] for info in infos))
        for address in addresses:
            self.check_address(host, port, address)
        return addresses

    def check(self, url: str) -> list[str]:
        """Check a URL and every address of its host; those addresses."""
        host, port = self.check_url(url)
        return self.resolve(host, port)


BAD_URL = _(
    "error_webhook_bad_url",
    default="Adresse du webhook invalide : une URL « http:// » ou « https:// » "
    "avec un nom d'hôte est attendue.",
)
