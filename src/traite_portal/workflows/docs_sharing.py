"""The « who may grant which role » section of ``docs/permissions.md``."""

from traite_portal.workflows.delegation import DELEGATION
from traite_portal.workflows.matrix import LOCAL_SUBJECTS
from traite_portal.workflows.matrix import may_grant_as
from traite_portal.workflows.matrix import SUBJECTS
from traite_portal.workflows.matrix import WORKFLOWS
from traite_portal.workflows.model import Workflow


INTRO = """\
## Who may grant which role (sharing page)

A role is granted to someone else when the item's state lets the user
change its local roles (the `share` rows above: « Change local roles »,
and « Sharing page: Delegate roles » to open the page) and the user holds
the role's delegation permission (`src/traite_portal/workflows/delegation.py`).
A grant to oneself, or to a group one belongs to (« Utilisateurs connectés »
included), is always refused. Checked over HTTP, role by role, by
`tests/security/test_sec_sharing_grants.py` (every role the sharing page
offers × every subject × every state of both review workflows, and a
measure); rules: `docs/security.md`.

| Role | Delegation permission |
|---|---|
"""


def _grants(workflow: Workflow, state_id: str, portal_type: str) -> tuple:
    return tuple(
        may_grant_as(workflow, state_id, subject, role, portal_type)
        for role in DELEGATION
        for subject in SUBJECTS
    )


def _table(workflow: Workflow, state_id: str, portal_type: str) -> list[str]:
    labels = [f"{s} (local)" if s in LOCAL_SUBJECTS else s for s in SUBJECTS]
    lines = ["| Role | " + " | ".join(labels) + " |"]
    lines.append("|---" * (len(SUBJECTS) + 1) + "|")
    for role in DELEGATION:
        marks = [
            "✓" if may_grant_as(workflow, state_id, s, role, portal_type) else "·"
            for s in SUBJECTS
        ]
        lines.append(f"| `{role}` | " + " | ".join(marks) + " |")
    return [*lines, ""]


def sharing_section() -> list[str]:
    """The section's Markdown lines: one table per group of identical cases."""
    lines = [INTRO.rstrip("\n")]
    lines += [f"| `{role}` | {d.permission} |" for role, d in DELEGATION.items()]
    lines.append("")
    for workflow in WORKFLOWS:
        groups: dict[tuple, list[tuple[str, str]]] = {}
        for portal_type in workflow.types:
            for state_id in workflow.states:
                key = _grants(workflow, state_id, portal_type)
                groups.setdefault(key, []).append((portal_type, state_id))
        for cases in groups.values():
            types = sorted({t for t, _ in cases})
            states = [s for s in workflow.states if any(c[1] == s for c in cases)]
            lines.append(
                f"### {workflow.title}: "
                + ", ".join(f"`{t}`" for t in types)
                + " in "
                + ", ".join(f"`{s}`" for s in states)
            )
            portal_type, state_id = cases[0]  # every case of a group agrees
            lines += ["", *_table(workflow, state_id, portal_type)]
    return lines
