"""1002 → 1003: who shares, who delegates which role, who names the authors.

Re-imports ``rolemap`` (the delegation permissions, « Modify proposal
authors », « Assign authorship to others ») and ``workflow`` (« Change local
roles », « Sharing page: Delegate roles » and the authors' permission managed
per state), then applies the workflows' permissions to existing items
(``upgrades.v1002.update_role_mappings``).
"""
