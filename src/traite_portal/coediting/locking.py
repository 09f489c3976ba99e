"""The edit form refuses to save an item another user has locked.

plone.app.lockingbehavior locks an item when its edit form opens and sends
other users back to the view, but only when the form is displayed: a form
posted from a stale page (opened before the lock was taken, or replayed)
would still be saved. After traversal, a save of a locked item loses its
« Enregistrer » button, so the form only redisplays and Plone's own lock
handling redirects to the view with the lock message.
"""

from plone.dexterity.interfaces import IDexterityEditForm
from plone.locking.interfaces import ITTWLockable
from Products.statusmessages.interfaces import IStatusMessage
from traite_portal import _
from traite_portal.interfaces import ITraiteContent
from zope.component import getMultiAdapter
from zope.i18n import translate
from ZPublisher.interfaces import IPubAfterTraversal


SAVE_BUTTON = "form.buttons.save"


def refuse_save_of_locked_item(event: IPubAfterTraversal) -> None:
    """Drop the save action of an edit form posted on an item locked by another."""
    request = event.request
    if request.get("REQUEST_METHOD") != "POST" or SAVE_BUTTON not in request.form:
        return
    view = request.get("PUBLISHED")
    if not IDexterityEditForm.providedBy(view):
        return
    item = getattr(view, "context", None)
    if not (ITraiteContent.providedBy(item) and ITTWLockable.providedBy(item)):
        return
    lock_info = getMultiAdapter((item, request), name="plone_lock_info")
    if not lock_info.is_locked_for_current_user():
        return
    del request.form[SAVE_BUTTON]
    message = _(
        "error_locked_not_saved",
        default="Vos modifications n'ont pas été enregistrées : l'élément est "
        "verrouillé par une autre personne qui le modifie.",
    )
    IStatusMessage(request).add(translate(message, context=request), type="error")
