"""The form a ministry editor uses to update a measure's implementation status."""

from plone import api
from traite_portal import _
from traite_portal.ministries.history import change_error
from traite_portal.ministries.history import current_status
from traite_portal.ministries.history import set_status
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.interfaces import WidgetActionExecutionError
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid


class IStatusChange(Interface):
    """What the editor enters: the new status and why."""

    status = schema.Choice(
        title=_("label_new_implementation_status", default="Nouvel état"),
        vocabulary="traite_portal.vocabularies.implementation_statuses",
        required=True,
    )
    comment = schema.Text(
        title=_("label_status_comment", default="Pourquoi ?"),
        description=_(
            "help_status_comment",
            default="Ce commentaire est public et figure dans l'historique.",
        ),
        required=True,
    )


class ImplementationStatusForm(form.Form):
    """``@@implementation-status``: change the status and record who, when, why."""

    fields = field.Fields(IStatusChange)
    label = _(
        "title_implementation_status_form",
        default="Mettre à jour l'état de mise en œuvre",
    )
    ignoreContext = False

    def getContent(self) -> dict:
        return {"status": current_status(self.context), "comment": ""}

    @button.buttonAndHandler(_("button_save", default="Enregistrer"), name="save")
    def handle_save(self, action) -> None:
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        error = change_error(self.context, data["status"], data["comment"])
        if error is not None:
            raise WidgetActionExecutionError("status", Invalid(error))
        set_status(self.context, data["status"], data["comment"].strip())
        api.portal.show_message(
            _("message_status_updated", default="État de mise en œuvre mis à jour."),
            request=self.request,
        )
        self.request.response.redirect(self.context.absolute_url())

    @button.buttonAndHandler(_("button_cancel", default="Annuler"), name="cancel")
    def handle_cancel(self, action) -> None:
        self.request.response.redirect(self.context.absolute_url())
