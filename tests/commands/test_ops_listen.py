"""`LISTEN=… make start` serves on LISTEN, also after `make demo` wrote zope.ini.

The session's instance was made by `make site` and `make demo` without
LISTEN (so its zope.ini says localhost:8080); its server is `make start` with
``LISTEN=localhost:<free port>``. Before, the first zope.ini written won and
LISTEN was silently ignored.
"""

import pytest
import requests
import signal


class TestListen:
    def test_demo_wrote_the_default_address(self, demo):
        assert demo["listen"] == "listen = localhost:8080"

    def test_make_start_serves_on_listen(self, instance, served):
        assert instance.port != 8080
        page = requests.get(f"http://localhost:{instance.port}/traite", timeout=60)
        assert page.status_code == 200
        assert instance.listen() == f"listen = localhost:{instance.port}"

    def test_later_runs_keep_the_address(self, instance, served):
        """Without LISTEN, make keeps the address the instance last served on."""
        result = instance.make("instance", offline=False)
        assert result.returncode == 0, result.stderr
        assert instance.listen() == f"listen = localhost:{instance.port}"

    def test_a_changed_listen_rewrites_zope_ini(self, instance):
        other = f"localhost:{instance.port + 1}"
        result = instance.make(f"LISTEN={other}", "instance", offline=False)
        assert result.returncode == 0, result.stderr
        assert instance.listen() == f"listen = {other}"
        # Back to the session's address (the server, if running, is unchanged).
        instance.make(f"LISTEN=localhost:{instance.port}", "instance", offline=False)
        assert instance.listen() == f"listen = localhost:{instance.port}"

    def test_ctrl_c_stops_and_the_address_was_announced(self, instance, served):
        """README: `make start` prints where it serves; Ctrl-C stops it."""
        status = instance.server.stop(signal.SIGINT)
        assert status != -signal.SIGKILL  # stopped by Ctrl-C, not killed
        announced = f"Portail : http://localhost:{instance.port}/traite"
        assert announced in instance.server.output
        with pytest.raises(requests.ConnectionError):
            requests.get(served, timeout=5)
