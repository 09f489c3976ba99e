"""Upgrade steps, one sub-package per profile version (v1001, v1002…)."""

from pathlib import Path

import re


METADATA = Path(__file__).parent.parent / "profiles" / "default" / "metadata.xml"


def profile_version() -> str:
    """The version of the add-on's default profile (``metadata.xml``)."""
    return re.search(r"<version>(\d+)</version>", METADATA.read_text()).group(1)
