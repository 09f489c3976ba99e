"""Every cell of the permission matrix, checked on a real site."""

from AccessControl.SpecialUsers import nobody
from plone import api
from traite_portal.workflows.docs import render
from traite_portal.workflows.matrix import all_cells
from traite_portal.workflows.matrix import PERMISSIONS

import pathlib
import pytest


CELLS = list(all_cells())
DOCS = pathlib.Path(__file__).parents[2] / "docs" / "permissions.md"


def _cell_id(cell) -> str:
    verdict = "allowed" if cell.allowed else "denied"
    role = cell.role.replace(" ", "")
    return f"{cell.portal_type}-{cell.state}-{cell.operation}-{role}-{verdict}"


def _adopt(role: str):
    if role == "Anonymous":
        return api.env.adopt_user(user=nobody)
    return api.env.adopt_user(username=role.lower().replace(" ", "-"))


class TestPermissionMatrix:
    @pytest.mark.parametrize("cell", CELLS, ids=_cell_id)
    def test_cell(self, matrix_item, cell):
        obj = matrix_item(cell.portal_type, cell.state)
        assert api.content.get_state(obj) == cell.state
        with _adopt(cell.role):
            if cell.operation in PERMISSIONS:
                permission = PERMISSIONS[cell.operation]
                allowed = api.user.has_permission(permission, obj=obj)
            else:
                workflow = api.portal.get_tool("portal_workflow")
                available = {t["id"] for t in workflow.getTransitionsFor(obj)}
                allowed = cell.operation in available
        assert allowed is cell.allowed


class TestGeneratedDocs:
    def test_permissions_md_is_up_to_date(self):
        assert DOCS.read_text(encoding="utf-8") == render(), (
            "Regenerate: python -m traite_portal.workflows.docs > docs/permissions.md"
        )

    def test_cell_count_is_documented(self):
        assert f"{len(CELLS)} cellules" in render()
