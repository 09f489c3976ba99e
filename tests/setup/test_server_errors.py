"""The test server prints the traceback of a request that fails with a 500
(``testing.print_server_errors``), not of a 4xx or a conflict tried again."""

from traite_portal.testing import print_server_errors
from zExceptions import NotFound
from ZPublisher.pubevents import PubFailure

import sys


def _failure(request, error, retry=False):
    try:
        raise error
    except Exception:
        return PubFailure(request, sys.exc_info(), retry)


def test_an_unexpected_error_prints_its_traceback(integration, capsys):
    request = integration["request"]
    request["ACTUAL_URL"] = "http://localhost/plone/@akn-documents"
    print_server_errors(_failure(request, ValueError("name is not a string")))
    printed = capsys.readouterr().err
    url = "http://localhost/plone/@akn-documents"
    assert f"Erreur du serveur de test : GET {url}" in printed
    assert "Traceback (most recent call last)" in printed
    assert "ValueError: name is not a string" in printed


def test_not_found_and_retried_conflicts_print_nothing(integration, capsys):
    request = integration["request"]
    print_server_errors(_failure(request, NotFound("nope")))
    print_server_errors(_failure(request, ValueError("again"), retry=True))
    assert capsys.readouterr().err == ""
