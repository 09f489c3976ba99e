"""Associations: authorship of proposals, workspaces and the review queue.

- ``localroles``: each authoring association's group gets ``Editor`` locally
  on its proposals (so another association cannot read its drafts).
- ``membership``: which associations a user belongs to.
- ``registry``: groups follow the ``traite_portal.associations`` registry list.
- ``workspace``, ``review_queue``, ``members``: the association workspace, the
  coordinators' review queue and the form managing association groups.
"""
