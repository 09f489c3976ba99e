"""Every console script that opens a site (``-s``) says the same when the
instance has no such site: one French message, exit status 2, no traceback.

The scripts are read from the package's entry points and their parsers, so a
new command is checked without editing this test. ``traite-import-site`` is
the exception: it creates the site it is given (and refuses an existing one).
"""

from importlib import import_module
from importlib.metadata import distribution
from instance_commands import bare_instance
from instance_commands import BIN
from instance_commands import run

import argparse
import pytest


CREATES_ITS_SITE = {"traite-import-site"}
MESSAGE = "Aucun site « absent » dans cette instance"


def _site_commands() -> list[tuple[str, argparse.ArgumentParser]]:
    found = []
    for entry in distribution("traite_portal").entry_points:
        if entry.group != "console_scripts" or entry.name in CREATES_ITS_SITE:
            continue
        module = import_module(entry.module)
        build = getattr(module, "build_parser", None)
        if build is None:
            continue
        parser = build()
        if "--site" in parser._option_string_actions:
            found.append((entry.name, parser))
    return found


COMMANDS = _site_commands()


def _arguments(parser: argparse.ArgumentParser, tmp_path) -> list[str]:
    """Values for the command's positional arguments (an existing file)."""
    document = tmp_path / "document.xml"
    document.write_text("<akomaNtoso/>")
    values = []
    for action in parser._actions:
        if action.option_strings or action.dest == "help":
            continue
        if action.dest == "path":  # an item of the site
            values.append("plan-action-2010")
        elif action.nargs != "?":  # optional ones keep their defaults
            values.append(str(document))
    if "--once" in parser._option_string_actions:  # a worker: one round only
        values.append("--once")
    return values


@pytest.fixture(scope="module")
def empty_instance(tmp_path_factory):
    """An instance whose database has no site at all."""
    return bare_instance(tmp_path_factory.mktemp("empty-instance"))


def test_every_site_command_is_checked():
    names = {name for name, _parser in COMMANDS}
    assert {"traite-import", "traite-export", "traite-webhooks"} <= names
    assert len(names) >= 7, names


@pytest.mark.parametrize(("name", "parser"), COMMANDS, ids=[n for n, _p in COMMANDS])
def test_a_missing_site_is_said_the_same_way(name, parser, empty_instance, tmp_path):
    args = [str(BIN / name), "-c", str(empty_instance), "-s", "absent"]
    result = run([*args, *_arguments(parser, tmp_path)])
    assert result.returncode == 2, (result.returncode, result.stderr[-3000:])
    assert MESSAGE in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
