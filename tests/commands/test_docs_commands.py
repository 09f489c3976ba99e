"""The shell commands and outputs shown in docs/, run as they are written.

Commands are read from the pages (code blocks and inline code), run from the
project's folder with the virtualenv's Python, and their output compared with
what the page shows.
"""

from doc_text import fenced_blocks
from doc_text import inline_code
from doc_text import page
from doc_text import PAGES
from doc_text import section
from doc_text import table_rows
from instance_commands import BIN
from instance_commands import ROOT
from instance_commands import run

import json
import re
import requests
import shlex


SOURCE = "data/plan-action-traite-2010-propositions-collectif.txt"
# Run pytest in a Python where zope, plone, Products and Zope2 cannot be
# imported: what « pure Python, no Plone » means for a user's python3.
WITHOUT_PLONE = """
import importlib.abc, runpy, sys
class NoPlone(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("zope", "plone", "Products", "Zope2"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, NoPlone())
sys.argv = ["pytest", *sys.argv[1:]]
runpy.run_module("pytest", run_name="__main__")
"""


def _documented(pattern: str) -> list[str]:
    """Every line of README.md and docs/ matching ``pattern`` (stripped)."""
    found = []
    for path in PAGES:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.search(pattern, line)
            if match:
                found.append(match.group(1).strip(" `"))
    return found


def _parse_summary() -> str:
    (summary,) = fenced_blocks(section(page("corpus.md"), "Parse summary"))
    return summary


class TestCorpusCommands:
    def test_python_snippet_prints_the_summary(self):
        (snippet,) = (
            block
            for block in fenced_blocks(page("corpus.md"))
            if "parse_file(" in block
        )
        result = run([BIN / "python", "-c", snippet])
        assert result.returncode == 0, result.stderr
        assert result.stdout == _parse_summary()

    def test_dump_prints_the_summary(self):
        (command,) = _documented(r"^(python -m traite_portal\.corpus\.dump \S+)$")
        result = run([BIN / "python", *shlex.split(command)[1:]])
        assert result.returncode == 0, result.stderr
        assert result.stdout == _parse_summary()

    def test_dump_json_is_the_whole_intermediate(self):
        assert _documented(r"^(python -m traite_portal\.corpus\.dump .* --json)")
        module = "traite_portal.corpus.dump"
        result = run([BIN / "python", "-m", module, SOURCE, "--json"])
        data = json.loads(result.stdout)
        assert len(data["chapters"]) == 7
        assert len(data["annex_proposals"]) == 3

    def test_dump_rejects_an_invalid_file(self, tmp_path):
        bad = tmp_path / "vide.txt"
        bad.write_text("rien\n", encoding="utf-8")
        result = run([BIN / "python", "-m", "traite_portal.corpus.dump", bad])
        assert result.returncode == 2
        assert "Fichier de corpus invalide" in result.stderr

    def test_pure_python_tests_run_without_plone(self):
        commands = _documented(r"(PYTHONPATH=src python3 -m pytest [^`]*)")
        assert len(commands) == 2  # docs/corpus.md and docs/legal-texts.md
        for command in commands:
            arguments = shlex.split(command)[4:]  # after « python3 -m pytest »
            result = run(
                [BIN / "python", "-c", WITHOUT_PLONE, *arguments, "-q"]
                + ["-p", "no:cacheprovider"],
                env={"PYTHONPATH": "src", "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
            )
            assert result.returncode == 0, command + result.stdout[-3000:]
            assert re.search(r"\d+ passed", result.stdout)

    def test_documented_test_runs_collect_their_folders(self):
        """Each `.venv/bin/pytest … tests/<folder>` of the docs, collect only.

        The suites themselves run in `make test`; here each command as written
        must find its tests (one run per command: conftest helpers imported
        by bare name resolve per run).
        """
        commands = set(_documented(r"(\.venv/bin/pytest [^`]*)"))
        assert len(commands) >= 5
        for command in sorted(commands):
            words = shlex.split(command)
            result = run([ROOT / words[0], *words[1:], "--collect-only"])
            assert result.returncode == 0, command + result.stdout[-3000:]
            for folder in (word for word in words if word.startswith("tests/")):
                assert f"{folder}/" in result.stdout, command


class TestFilesDescribed:
    def test_corpus_modules_table(self):
        rows = table_rows(section(page("corpus.md"), "Modules"))
        modules = [inline_code(name)[0] for name, _role in rows]
        assert "parser.py" in modules
        for module in modules:
            assert (ROOT / "src" / "traite_portal" / "corpus" / module).exists()

    def test_source_checksum_and_length(self):
        """data/README.md: SHA-256 in data/SHA256SUMS, 1,653 lines."""
        result = run(["sha256sum", "-c", "data/SHA256SUMS"])
        assert result.returncode == 0, result.stdout + result.stderr
        lines = re.search(r"([\d,]+) lines", (ROOT / "data" / "README.md").read_text())
        text = (ROOT / SOURCE).read_text(encoding="utf-8")
        assert len(text.splitlines()) == int(lines.group(1).replace(",", ""))

    def test_permissions_page_is_the_generators_output(self):
        """docs/workflows.md: `python -m traite_portal.workflows.docs > …`."""
        (command,) = _documented(r"(python -m traite_portal\.workflows\.docs .*)$")
        module, target = shlex.split(command)[2], shlex.split(command)[-1]
        result = run([BIN / "python", "-m", module])
        assert result.returncode == 0, result.stderr
        assert result.stdout == (ROOT / target).read_text(encoding="utf-8")


class TestOperationsCommands:
    def test_rest_examples_answer(self, served):
        block = fenced_blocks(section(page("operations.md"), "REST"))[0]
        answers = []
        for line in block.splitlines():
            command = shlex.split(line.replace("http://localhost:8080", served))
            result = run(["curl", "-sf", *command[1:]])
            assert result.returncode == 0, line
            answers.append(json.loads(result.stdout))
        measure, by_number, by_identifier = answers
        assert measure["number"] == 1
        assert [item["@id"].rsplit("/", 1)[1] for item in by_number["items"]] == [
            "mesure-12"
        ]
        assert [item["@id"].rsplit("/", 1)[1] for item in by_identifier["items"]] == [
            "dir-2011-36-ue"
        ]

    def test_overdue_output_is_the_documented_one(self, overdue_runs):
        heading = "Overdue measures: `traite-notify-overdue`"
        block = fenced_blocks(section(page("notifications.md"), heading))[0]
        shown = [line for line in block.splitlines() if not line.startswith("$")]
        # The last line: make prints the command it runs first.
        printed = [done.stdout.splitlines()[-1] for done in overdue_runs["runs"]]
        assert printed == shown

    def test_import_cli_while_serving_says_to_stop_the_server(self, instance, served):
        result = instance.run(
            [BIN / "traite-import", "-c", instance.zope_conf, "--no-progress"],
            offline=False,
        )
        assert result.returncode != 0
        stated = re.search(r"« (Erreur : la base de données [^…]*)…", page("README.md"))
        assert stated.group(1).replace("\n", " ") in result.stderr
        assert requests.get(f"{served}/traite", timeout=60).status_code == 200
