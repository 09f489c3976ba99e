"""1002 → 1004: the undo log for administrators, user lists for coordinators.

Re-imports the rolemap: « List undoable changes » and « Undo changes » for
Manager and Site Administrator only, « List portal members » for them and
the coordinators (Plone gives the first and the last to every member).
"""
