"""docs/akoma-ntoso.md as a user reads it: its tables are the code's, its
examples run against a real server and answer what the page shows."""

from akn_hostile import with_doctype
from akn_sites import valid_root
from pathlib import Path
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from traite_portal.akn.kinds import DOCUMENTS
from traite_portal.akn.kinds import PARTS
from traite_portal.akn.limits import LIMITS

import json
import os
import re
import shlex
import subprocess


ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "docs" / "akoma-ntoso.md").read_text(encoding="utf-8")
SERVED = "http://localhost:8080/traite"
XXE = '<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'


def section(heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", PAGE, re.M | re.S)
    assert match, heading
    return match.group(1)


def rows(markdown: str) -> list[list[str]]:
    found = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in markdown.splitlines()
        if line.startswith("|") and not re.match(r"^\|[\s|:-]+\|$", line)
    ]
    return found[1:]


def blocks(markdown: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", markdown, re.M | re.S)


class TestAknDocs:
    def test_mapping_table_is_the_kinds_table(self):
        table = section("Mapping").split("Two choices")[0]
        found = {row[0]: row[1] for row in rows(table)}
        assert set(found) == set(DOCUMENTS) | set(PARTS)
        for portal_type, cell in found.items():
            element = (
                "portion" if portal_type in PARTS else DOCUMENTS[portal_type].element
            )
            assert f"`{element}`" in cell, portal_type

    def test_limits_table_is_the_limits(self):
        table = section("Limits and hostile documents").split("| document |")[0]
        assert rows(table) == [
            [limit.what, str(limit.value)] for limit in LIMITS.values()
        ]

    def test_examples_answer_as_shown(self, corpus_functional, tmp_path):
        portal_url = corpus_functional["portal"].absolute_url()
        examples = section("Examples")
        commands, answers = blocks(examples, "sh")[0], blocks(examples, "json")[0]
        shown = [json.loads(line) for line in answers.splitlines()]
        printed = []
        for line in commands.splitlines():
            if "xxe.xml" in line:  # the refused document, made as the page says
                (tmp_path / "xxe.xml").write_bytes(
                    with_doctype(
                        (tmp_path / "directive.xml").read_bytes(), XXE, "&xxe;"
                    )
                )
            line = line.replace(SERVED, portal_url)
            line = line.replace(
                "admin:PASSWORD", f"{SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}"
            )
            result = subprocess.run(
                shlex.split(line),
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=600,
            )
            assert result.returncode == 0, line
            if result.stdout:
                printed.append(json.loads(result.stdout))
        for name in ("plan.xml", "textes.xml", "directive.xml"):
            valid_root((tmp_path / name).read_bytes())
        assert len(printed) == len(shown) == 2
        for answer, expected in zip(printed, shown, strict=True):
            assert {k: answer[k] for k in expected} == expected

    def test_check_command_of_the_page(self, corpus_functional, tmp_path):
        (check,) = [
            line
            for line in blocks(section("Examples"), "sh")[1].splitlines()
            if "--check" in line
        ]
        portal = corpus_functional["portal"]
        for name, path in (("plan.xml", "plan-action-2010"), ("textes.xml", "textes")):
            result = subprocess.run(
                ["curl", "-sf", f"{portal.absolute_url()}/{path}/@akn", "-o", name],
                cwd=tmp_path,
                timeout=120,
            )
            assert result.returncode == 0
        words = shlex.split(check)
        result = subprocess.run(
            [str(ROOT / words[0]), *words[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env=dict(os.environ),
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.count("valide") == 2
