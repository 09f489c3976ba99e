"""Moderated discussion on proposals.

The profile enables plone.app.discussion with moderation, allows comments on
proposals only and binds ``Discussion Item`` to ``traite_comment_workflow``:
a pending comment is seen by its author and the coordinators; a published one
acquires ``View`` from the proposal, so it is never seen (page, catalog,
REST) by someone who cannot read the proposal. This package keeps the REST
``@comments`` endpoint to the same rule.
"""
