"""Hostile and invalid documents, built from a valid export, and a listener.

Each case names what it attacks; ``CASES`` is the table the REST and the
console-script tests both run. ``Listener`` is a local HTTP server that
records every request: a safe parser sends it none.
"""

from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from traite_portal.akn.limits import MAX_BYTES
from traite_portal.akn.limits import MAX_DEPTH
from traite_portal.akn.limits import MAX_ELEMENTS
from typing import NamedTuple

import threading


AKN = b"http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


class Listener:
    """A local HTTP server that records the paths it is asked for."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                listener.requests.append(self.path)
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b'<!ENTITY leak "LISTENER-ANSWERED">')

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Case(NamedTuple):
    """A hostile or invalid document and what the portal must answer."""

    name: str
    status: int
    message: str  # a fragment of the French message


CASES = (
    Case("not_well_formed", 400, "XML mal formé"),
    Case("wrong_namespace", 400, "Ce n'est pas un document Akoma Ntoso 3.0"),
    Case("schema_invalid", 400, "non conforme au schéma Akoma Ntoso 3.0"),
    Case("empty", 400, "Document vide"),
    Case("huge", 413, "Document trop volumineux"),
    Case("too_deep", 400, "Document trop profond"),
    Case("too_many_elements", 400, "Document trop grand"),
    Case("external_entity_file", 400, "Déclaration DOCTYPE refusée"),
    Case("external_entity_http", 400, "Déclaration DOCTYPE refusée"),
    Case("parameter_entity", 400, "Déclaration DOCTYPE refusée"),
    Case("billion_laughs", 400, "Déclaration DOCTYPE refusée"),
    Case("xinclude", 400, "XInclude refusé"),
    Case("external_dtd", 400, "DTD externe refusée"),
)


def _after_declaration(base: bytes) -> tuple[bytes, bytes]:
    head, _sep, rest = base.partition(b"?>")
    return head + b"?>\n", rest


def with_doctype(base: bytes, doctype: str, reference: str = "") -> bytes:
    """The document with a DOCTYPE, and an entity reference in its title."""
    head, rest = _after_declaration(base)
    if reference:  # the entity is used in the title: its value would show there
        rest = rest.replace(b"<docTitle>", f"<docTitle>{reference}".encode(), 1)
    return head + doctype.encode() + rest


def _in_title(base: bytes, markup: bytes) -> bytes:
    return base.replace(b"<docTitle>", b"<docTitle>" + markup, 1)


def build(case: str, base: bytes, secret_path: str, listener_url: str) -> bytes:
    """The bytes of a case, made from a valid document ``base``."""
    laughs = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    builders = {
        "not_well_formed": lambda: base[: len(base) // 2],
        "wrong_namespace": lambda: base.replace(AKN, b"http://www.akomantoso.org/2.0"),
        "schema_invalid": lambda: base.replace(b"</preface>", b"<nonAkn/></preface>"),
        "empty": lambda: b"  \n",
        "huge": lambda: base.replace(
            b"</akomaNtoso>", b"<!--" + b"x" * MAX_BYTES + b"--></akomaNtoso>"
        ),
        "too_deep": lambda: _in_title(
            base, b"<b>" * (MAX_DEPTH + 1) + b"x" + b"</b>" * (MAX_DEPTH + 1)
        ),
        "too_many_elements": lambda: _in_title(base, b"<eol/>" * (MAX_ELEMENTS + 1)),
        "external_entity_file": lambda: with_doctype(
            base,
            f'<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file://{secret_path}">]>\n',
            "&xxe;",
        ),
        "external_entity_http": lambda: with_doctype(
            base,
            f'<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "{listener_url}/xxe">]>\n',
            "&xxe;",
        ),
        "parameter_entity": lambda: with_doctype(
            base,
            f'<!DOCTYPE akomaNtoso [<!ENTITY % pe SYSTEM "{listener_url}/pe.dtd">'
            f' %pe; <!ENTITY % file SYSTEM "file://{secret_path}">]>\n',
            "&leak;",
        ),
        "billion_laughs": lambda: with_doctype(
            base,
            f'<!DOCTYPE akomaNtoso [<!ENTITY lol0 "lol">{laughs}]>\n',
            "&lol9;",
        ),
        "xinclude": lambda: base.replace(
            b"</proprietary>",
            b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://'
            + secret_path.encode()
            + b'" parse="text"/><xi:include xmlns:xi="http://www.w3.org/2001/'
            b'XInclude" href="' + listener_url.encode() + b'/xi"/></proprietary>',
            1,
        ),
        "external_dtd": lambda: with_doctype(
            base, f'<!DOCTYPE akomaNtoso SYSTEM "{listener_url}/akn.dtd">\n'
        ),
    }
    return builders[case]()


def with_schema_hint(base: bytes, listener_url: str) -> bytes:
    """A valid document naming a remote schema: the hint must never be fetched."""
    return base.replace(
        b"<akomaNtoso ",
        b'<akomaNtoso xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        b'xsi:schemaLocation="http://docs.oasis-open.org/legaldocml/ns/akn/3.0 '
        + listener_url.encode()
        + b'/akomantoso30.xsd" ',
        1,
    )
