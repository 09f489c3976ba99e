"""« Recherche : synonymes »: the control panel where coordinators edit the list."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout
from traite_portal import _
from traite_portal.search.settings import ISearchSettings
from traite_portal.search.settings import REGISTRY_PREFIX


class SearchSettingsForm(RegistryEditForm):
    """Edit the synonyms, acronyms and common names of the legal search."""

    schema = ISearchSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("search_controlpanel_title", default="Recherche : synonymes")
    description = _(
        "search_controlpanel_help",
        default="Sigles, noms usuels et synonymes que la recherche juridique "
        "ajoute à une requête. Une requête « ONG » trouve aussi « associations » "
        "si une ligne les réunit.",
    )


SearchSettingsView = layout.wrap_form(SearchSettingsForm, ControlPanelFormWrapper)
