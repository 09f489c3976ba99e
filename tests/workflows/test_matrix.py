"""The in-process cells of the permission matrix, checked on a real site.

Permissions (``has_permission``), transitions (``getTransitionsFor``) and the
catalog (``api.content.find`` by the item's unique word, as the user); the
HTTP paths are in ``test_matrix_http.py``.
"""

from AccessControl.SpecialUsers import nobody
from matrix_http import unique_word
from matrix_http import username_for
from plone import api
from traite_portal.workflows.docs import render
from traite_portal.workflows.matrix import ACCESS_PATHS
from traite_portal.workflows.matrix import all_cells
from traite_portal.workflows.matrix import HTTP_OPERATIONS
from traite_portal.workflows.matrix import PERMISSIONS
from traite_portal.workflows.matrix import TYPE_PERMISSIONS

import pathlib
import pytest


ALL_CELLS = list(all_cells())
CELLS = [
    c for c in ALL_CELLS if c.operation not in ACCESS_PATHS or c.operation == "catalog"
]
DOCS = pathlib.Path(__file__).parents[2] / "docs" / "permissions.md"


def _cell_id(cell) -> str:
    verdict = "allowed" if cell.allowed else "denied"
    role = cell.role.replace(" ", "")
    return f"{cell.portal_type}-{cell.state}-{cell.operation}-{role}-{verdict}"


def _adopt(role: str):
    if role == "Anonymous":
        return api.env.adopt_user(user=nobody)
    return api.env.adopt_user(username=username_for(role))


def _allowed(obj, cell) -> bool:
    """What the site answers for the cell, as the cell's subject."""
    if cell.operation in PERMISSIONS:
        return api.user.has_permission(PERMISSIONS[cell.operation], obj=obj)
    own = TYPE_PERMISSIONS.get(cell.portal_type, {})
    if cell.operation in own:
        return api.user.has_permission(own[cell.operation], obj=obj)
    if cell.operation == "catalog":
        word = unique_word(cell.portal_type, cell.state)
        found = [b.UID for b in api.content.find(SearchableText=word)]
        assert len(found) <= 1
        return found == [obj.UID()]
    workflow = api.portal.get_tool("portal_workflow")
    return cell.operation in {t["id"] for t in workflow.getTransitionsFor(obj)}


class TestPermissionMatrix:
    @pytest.mark.parametrize("cell", CELLS, ids=_cell_id)
    def test_cell(self, matrix_item, cell):
        obj = matrix_item(cell.portal_type, cell.state)
        assert api.content.get_state(obj) == cell.state
        with _adopt(cell.role):
            assert _allowed(obj, cell) is cell.allowed


class TestGeneratedDocs:
    def test_permissions_md_is_up_to_date(self):
        assert DOCS.read_text(encoding="utf-8") == render(), (
            "Regenerate: python -m traite_portal.workflows.docs > docs/permissions.md"
        )

    def test_cell_count_is_documented(self):
        assert f"{len(ALL_CELLS)} cells" in render()

    def test_every_cell_is_tested(self):
        http = [c for c in ALL_CELLS if c.operation in (*HTTP_OPERATIONS, "navigation")]
        assert len(CELLS) + len(http) == len(ALL_CELLS)
