"""Transition rules that a DCWorkflow guard cannot express."""

from Products.CMFCore.WorkflowCore import WorkflowException


class MissingCommentError(WorkflowException):
    """A transition that requires a comment was attempted without one."""


COMMENTED_TRANSITIONS = frozenset({"return_to_draft"})


def require_comment(obj, event) -> None:
    """Refuse to return a proposal to draft without saying why.

    A guard expression cannot do this: guards are also evaluated, without the
    comment, to list the available transitions, which would hide the transition.
    """
    transition = event.transition
    if transition is None or transition.getId() not in COMMENTED_TRANSITIONS:
        return
    comment = (event.kwargs or {}).get("comment") or ""
    if not comment.strip():
        raise MissingCommentError(
            "Un commentaire est obligatoire pour renvoyer une proposition en brouillon."
        )
