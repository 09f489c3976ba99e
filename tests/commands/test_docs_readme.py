"""README.md's commands and claims, run as a user would on the session instance.

The make targets, the instance layout of docs/operations.md, the documented
variables, what the portal holds, and how it is served. Numbers and paths
are read from the documents, so a change of either side fails here.
"""

from doc_text import fenced_blocks
from doc_text import inline_code
from doc_text import make_targets
from doc_text import page
from doc_text import PAGES
from doc_text import section
from doc_text import table_rows
from instance_commands import make_command
from instance_commands import ROOT
from instance_commands import run
from traite_portal.corpus.library import SECTIONS

import re
import requests
import shutil


JSON = {"Accept": "application/json"}
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


class TestMakeTargets:
    def test_make_help_lists_every_documented_target(self):
        result = run(make_command("help"))
        assert result.returncode == 0, result.stderr
        listed = {line.split()[0] for line in result.stdout.splitlines() if line}
        documented = set().union(*(make_targets(p.read_text()) for p in PAGES))
        assert "import-dry-run" in documented  # the README's table was read
        assert documented - listed == set()

    def test_import_dry_run_prints_the_documented_summary(self):
        result = run(make_command("import-dry-run"))
        assert result.returncode == 0, result.stderr
        (summary,) = fenced_blocks(section(page("corpus.md"), "Parse summary"))
        assert summary in result.stdout
        assert "rien n'a été écrit" in result.stdout

    def test_make_lint_passes(self):
        result = run(make_command("lint"))
        assert result.returncode == 0, result.stdout + result.stderr

    def test_make_versions_cfg_regenerates_the_committed_file(self, tmp_path):
        for name in ("Makefile", "constraints.txt"):
            shutil.copy(ROOT / name, tmp_path / name)
        result = run(make_command("versions.cfg"), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "versions.cfg").read_text() == (
            ROOT / "versions.cfg"
        ).read_text()

    def test_make_bench_prints_its_tables(self):
        result = run(
            make_command("bench"), env={"BENCH_N": "20", "BENCH_LIBRARY_N": "60"}
        )
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        assert "Creations per second" in result.stdout
        assert "TextLibrary (unordered)" in result.stdout
        assert "Classic UI page of one text among 20 siblings" in result.stdout
        # The library benchmark: a row for 35 texts, then one for 60.
        assert "Library of N legal texts" in result.stdout
        sizes = [row.split("|")[0].strip() for row in result.stdout.splitlines()]
        assert [size for size in sizes if size in ("35", "60")] == ["35", "60"]


class TestSuite:
    """What README « Tests » says of the suite: its size, its one-process mode."""

    def test_the_suite_has_about_the_documented_number_of_tests(self):
        said = re.search(r"about ([\d,]+) tests, run by", page("README.md"))
        documented = int(said.group(1).replace(",", ""))
        result = run([str(ROOT / ".venv/bin/pytest"), "--collect-only", "-q"])
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        collected = int(re.search(r"(\d+) tests? collected", result.stdout).group(1))
        assert abs(collected - documented) <= documented * 0.05, collected

    def test_test_workers_variable_reaches_xdist(self):
        result = run(make_command("-n", "test", "TEST_WORKERS=0"))
        assert result.returncode == 0, result.stderr
        assert "pytest -n 0 " in result.stdout


class TestInstance:
    def test_layout_of_operations_md(self, instance, served):
        """Every path of the layout table exists (the logs once it served)."""
        rows = table_rows(
            section(page("operations.md"), "Instance layout (`make start`)")
        )
        for path_cell, what in rows:
            for path in inline_code(path_cell):
                where = (
                    instance.var / path.removeprefix("var/")
                    if path.startswith("var/")
                    else ROOT / path
                )
                assert where.exists(), path
                if what.startswith("generated"):  # « generated `zope.conf`… »
                    for name in inline_code(what):
                        assert (where / name).exists(), name
                if "mode 600" in what:
                    assert where.stat().st_mode & 0o777 == 0o600, path

    def test_site_variable_makes_another_site(self, other_site, served):
        assert other_site.returncode == 0, other_site.stdout + other_site.stderr
        assert "Site « autre » créé avec le corpus." in other_site.stdout
        measure = f"{served}/autre/plan-action-2010/chapitre-1/mesure-1"
        assert requests.get(measure, timeout=60).status_code == 200


class TestServed:
    def test_the_portal_holds_what_the_readme_says(self, served):
        holds = section(page("README.md"), "What the portal holds")
        proposals = re.search(r"(\d+) proposals .*?plus (\d+)", holds).groups()
        texts, libraries = re.search(r"(\d+) items in (\w+) libraries", holds).groups()
        expected = {
            ("Chapter",): int(re.search(r"(\d+) chapters", holds).group(1)),
            ("Measure",): int(re.search(r"(\d+) measures", holds).group(1)),
            ("Proposal",): sum(map(int, proposals)),
            tuple(SECTIONS): int(texts),  # every legal-text type
        }
        for portal_types, count in expected.items():
            found = requests.get(
                f"{served}/traite/@search",
                params={"portal_type": portal_types, "b_size": 1},
                headers=JSON,
                timeout=60,
            ).json()["items_total"]
            assert found == count, portal_types
        library = requests.get(f"{served}/traite/textes", headers=JSON, timeout=60)
        kinds = [item["@type"] for item in library.json()["items"]]
        assert kinds.count("TextLibrary") == NUMBERS[libraries]

    def test_localhost_is_themed_127_0_0_1_is_not(self, instance, served):
        themed = requests.get(f"{served}/traite", timeout=60)
        plain = requests.get(f"http://127.0.0.1:{instance.port}/traite", timeout=60)
        assert themed.status_code == plain.status_code == 200
        assert "barceloneta" in themed.text
        assert "barceloneta" not in plain.text

    def test_distribution_offered_on_the_add_site_page(self, instance, served):
        admin = ("admin", instance.admin_password())
        page_ = requests.get(f"{served}/@@ploneAddSite", auth=admin, timeout=60)
        assert page_.status_code == 200
        sites = requests.get(
            f"{served}/++api++/@sites", auth=admin, headers=JSON, timeout=60
        ).json()
        titles = {d["name"]: d["title"] for d in sites["distributions"]}
        assert titles["traite"] == "Portail traite des êtres humains"
