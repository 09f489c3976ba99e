"""`ADMIN_PASSWORD=… make site` resets the admin's password on an existing site.

After `make site` and `make demo` (the admin exists, with a generated
password), `ADMIN_PASSWORD=… make site` used to crash with ``KeyError:
IUserManagement`` after writing the new password to ``var/admin-password``,
so the file held a password that was not the admin's. The session's
instance runs the reset once (``admin_reset`` in ``conftest.py``).
"""

import requests


def _login(url: str, login: str, password: str) -> requests.Response:
    return requests.post(
        f"{url}/traite/@login",
        json={"login": login, "password": password},
        headers={"Accept": "application/json"},
        timeout=60,
    )


class TestAdminPasswordReset:
    def test_reset_succeeds_on_a_site_with_demo_users(self, admin_reset):
        reset = admin_reset["reset"]
        assert reset.returncode == 0, reset.stdout + reset.stderr
        assert "Traceback" not in reset.stderr
        assert "mot de passe de ADMIN_PASSWORD" in reset.stdout
        # A password the user chose is not echoed into terminals and logs.
        assert admin_reset["wanted"] not in reset.stdout

    def test_file_holds_the_new_password_for_the_owner_only(
        self, instance, admin_reset
    ):
        assert admin_reset["stored"] == admin_reset["wanted"]
        assert admin_reset["generated"] != admin_reset["wanted"]
        mode = (instance.var / "admin-password").stat().st_mode & 0o777
        assert mode == 0o600

    def test_plain_make_site_afterwards_keeps_it(self, instance, admin_reset):
        plain = admin_reset["plain"]
        assert plain.returncode == 0, plain.stdout + plain.stderr
        assert "(mot de passe dans " in plain.stdout
        assert instance.admin_password() == admin_reset["wanted"]

    def test_new_password_logs_in_over_http(self, served, admin_reset):
        accepted = _login(served, "admin", admin_reset["wanted"])
        assert accepted.status_code == 200, accepted.text
        assert accepted.json()["token"]
        refused = _login(served, "admin", admin_reset["generated"])
        assert refused.status_code == 401

    def test_demo_users_unaffected(self, served, demo, admin_reset):
        password = demo["passwords"]["demo-coordination"]
        assert _login(served, "demo-coordination", password).status_code == 200

    def test_reset_refused_while_serving_changes_nothing(self, served, instance):
        """The database is locked by the server: a clear error, file untouched."""
        before = instance.admin_password()
        result = instance.make(
            "site", env={"ADMIN_PASSWORD": "pas-pendant-le-service"}, offline=False
        )
        assert result.returncode != 0
        assert "Erreur : " in result.stderr
        assert "Traceback" not in result.stderr
        assert instance.admin_password() == before
        assert _login(served, "admin", before).status_code == 200

    def test_password_file_edited_by_hand_becomes_the_admins(
        self, instance, admin_reset
    ):
        """docs/security.md: edit the file, server stopped; `make start` applies it.

        Also how an instance left by the old bug (a file holding a password
        that was not the admin's) is repaired.
        """
        before = instance.admin_password()
        instance.server.stop()
        (instance.var / "admin-password").write_text("mot-de-passe-edite\n")
        result = instance.make("site")
        assert result.returncode == 0, result.stdout + result.stderr
        served = instance.serve()
        assert _login(served, "admin", "mot-de-passe-edite").status_code == 200
        assert _login(served, "admin", before).status_code == 401
