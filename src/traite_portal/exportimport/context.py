"""What an export or import runs under: the system user, automation paused.

And the new site an import fills, made as ``make site`` makes it.
"""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.users import system
from contextlib import contextmanager
from plone.contentrules.engine.interfaces import IRuleStorage
from Products.CMFCore.utils import getToolByName
from zope.component import queryUtility


@contextmanager
def as_system():
    """Run as Zope's system user: an export or import is no user's action."""
    previous = getSecurityManager()
    newSecurityManager(None, system)
    try:
        yield
    finally:
        setSecurityManager(previous)


@contextmanager
def automation_paused(portal):
    """No automatic version and no content rule while the import rebuilds.

    Versions come from the export (saving new ones would also take history
    ids the export's versions hold); rules would mail about old events.
    """
    repository = getToolByName(portal, "portal_repository")
    own_mapping = "_version_policy_mapping" in vars(repository)
    policies = repository._version_policy_mapping
    repository._version_policy_mapping = {}
    rules = queryUtility(IRuleStorage)
    active = rules.active
    rules.active = False
    try:
        yield
    finally:
        if own_mapping:
            repository._version_policy_mapping = policies
        else:
            del repository._version_policy_mapping
        rules.active = active


def create_site(app, site_id: str, info: dict):
    """A new site through our distribution, without corpus, in this transaction."""
    # plone.distribution's public ``create`` commits on its own; its testing
    # layer calls the same private function to stay in one transaction.
    from plone.distribution.api.site import _create_site

    answers = {
        "site_id": site_id,
        "title": info["title"],
        "description": info["description"],
        "default_language": info["language"],
        "portal_timezone": info["timezone"],
        "import_corpus": False,
    }
    return _create_site(app, "traite", answers)
