"""Shared test data for the corpus parser tests (pure Python, no Plone).

Imported first by every parser test module: when zope is not installed (plain
``python3 -m pytest --noconftest tests/corpus``) the ``traite_portal`` package
``__init__`` (which imports zope) is replaced by a bare namespace, so that the
pure-Python ``traite_portal.corpus`` subpackage can be imported on its own.
"""

from functools import lru_cache
from pathlib import Path

import sys
import types


ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "data" / "plan-action-traite-2010-propositions-collectif.txt"


def _bare_package_without_zope() -> None:
    try:
        import zope.i18nmessageid  # noqa: F401
    except ImportError:
        if "traite_portal" not in sys.modules:
            package = types.ModuleType("traite_portal")
            package.__path__ = [str(ROOT / "src" / "traite_portal")]
            sys.modules["traite_portal"] = package


_bare_package_without_zope()


def source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def parsed():
    """The source document, parsed once for the whole test session."""
    from traite_portal.corpus.parser import parse_corpus

    return parse_corpus(source_text())


def measure(number: int):
    return next(m for m in parsed().measures if m.number == number)


def chapter(roman: str):
    return next(c for c in parsed().chapters if c.roman == roman)
