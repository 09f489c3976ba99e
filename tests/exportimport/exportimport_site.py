"""The corpus site with every kind of state an export must carry.

Proposals in every state of their workflow, with versions and comments (one
published, one awaiting moderation, a reply); local roles and a blocked
inheritance; a pending, a published and a repealed legal text with versions;
a measure's implementation status timeline; users in groups with properties;
an association and synonyms added in the registry; typed relations; a moved
item (a redirect); a file with a blob; a consumer of the change log.
"""

from plone import api
from plone.app.discussion.interfaces import IConversation
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from traite_portal.changelog.consumers import register_consumer
from traite_portal.groups import association_group_id
from traite_portal.groups import COORDINATORS
from traite_portal.groups import JURISTS
from traite_portal.groups import ministry_editors_group_id
from traite_portal.ministries.history import set_status
from traite_portal.search.settings import SYNONYMS_RECORD
from traite_portal.vocabularies.associations import association_token
from traite_portal.vocabularies.associations import REGISTRY_RECORD
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified


PASSWORD = "secret-Pass-2026"
ASSOCIATION = "Association Bêta pour les victimes"
MINISTRY = "min-justice"
PROPOSAL_STATES = {
    "draft": (),
    "shared": ("share",),
    "submitted": ("submit",),
    "validated": ("submit", "validate"),
    "withdrawn": ("withdraw",),
}


def _rich(text: str) -> RichTextValue:
    return RichTextValue(f"<p>{text}</p>", "text/html", "text/x-html-safe")


def create_people(portal) -> None:
    """Users in the portal's groups, one in a group of their own, properties set."""
    names = api.portal.get_registry_record(REGISTRY_RECORD)
    api.portal.set_registry_record(REGISTRY_RECORD, [*names, ASSOCIATION])
    people = {
        "alice": association_group_id(association_token(names[0])),
        "bruno": association_group_id(association_token(ASSOCIATION)),
        "carole": COORDINATORS,
        "jeanne": ministry_editors_group_id(MINISTRY),
        "julie": JURISTS,
        "nina": None,
    }
    for username, group in people.items():
        api.user.create(
            email=f"{username}@example.org",
            username=username,
            password=PASSWORD,
            properties={"fullname": username.capitalize() + " Exemple"},
        )
        if group:
            api.group.add_user(groupname=group, username=username)
    api.group.create(
        groupname="relecteurs-externes",
        title="Relecteurs externes",
        description="Invités à relire des propositions",
    )
    api.group.add_user(groupname="relecteurs-externes", username="nina")
    api.user.grant_roles(username="carole", roles=["Site Administrator"])


def create_proposals(measure) -> dict:
    """One proposal per workflow state, each with versions and a change note."""
    repository = api.portal.get_tool("portal_repository")
    token = association_token(api.portal.get_registry_record(REGISTRY_RECORD)[0])
    proposals = {}
    for state, transitions in PROPOSAL_STATES.items():
        with api.env.adopt_user(username="alice"):
            proposal = api.content.create(
                measure,
                "Proposal",
                id=f"prop-{state}",
                title=f"Proposition {state}",
                text=_rich(f"Première rédaction ({state})"),
                associations=[token],
            )
            proposal.text = _rich(f"Deuxième rédaction ({state}), plus précise")
            repository.save(proposal, comment=f"Précisions ({state})")
        with api.env.adopt_roles(["Manager"]):
            for transition in transitions:
                comment = "Retour" if transition == "withdraw" else ""
                api.content.transition(obj=proposal, transition=transition,
                                       comment=comment)  # fmt: skip
        proposals[state] = proposal
    return proposals


def add_comments(proposal) -> None:
    """A published comment, a reply awaiting moderation."""
    from plone.app.discussion.interfaces import IComment
    from zope.component import createObject

    conversation = IConversation(proposal)
    workflow = api.portal.get_tool("portal_workflow")
    first = createObject("plone.Comment")
    first.text = "Très bonne proposition."
    first.author_username = "julie"
    first.author_name = "Julie Exemple"
    first_id = conversation.addComment(first)
    comment = conversation[first_id]
    with api.env.adopt_roles(["Manager"]):
        workflow.doActionFor(comment, "publish")
    reply = createObject("plone.Comment")
    reply.text = "Je ne suis pas d'accord."
    reply.author_username = "bruno"
    reply.in_reply_to = first_id
    conversation.addComment(reply)
    assert IComment.providedBy(comment)


def create_legal_texts(portal, measure) -> dict:
    """A pending circular, a published national text then repealed, versions."""
    library = portal["textes"]
    texts = {}
    circulars = next(
        obj for obj in library.objectValues() if obj.portal_type == "TextLibrary"
    )
    intids = getUtility(IIntIds)
    repository = api.portal.get_tool("portal_repository")
    with api.env.adopt_roles(["Manager"]):
        circular = api.content.create(
            circulars,
            "Circular",
            id="circulaire-export",
            title="Circulaire relative à l'export",
            ministry=MINISTRY,
        )
        circular.implements = [RelationValue(intids.getId(measure))]
        modified(circular)
        repository.save(circular, comment="Première version")
        api.content.transition(obj=circular, transition="submit")
        texts["pending"] = circular
        national = api.content.create(
            circulars,
            "NationalText",
            id="loi-abrogee",
            title="Loi abrogée",
            ministry=MINISTRY,
        )
        repository.save(national, comment="Texte initial")
        api.content.transition(obj=national, transition="submit")
        api.content.transition(obj=national, transition="publish")
        api.content.transition(obj=national, transition="repeal", comment="Abrogée")
        texts["repealed"] = national
    return texts


def enrich(portal) -> dict:
    """Bring the corpus site to the state described in the module docstring."""
    create_people(portal)
    measure = portal["plan-action-2010"]["chapitre-1"]["mesure-1"]
    proposals = create_proposals(measure)
    add_comments(proposals["validated"])
    texts = create_legal_texts(portal, measure)
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username="julie", obj=proposals["shared"],
                             roles=["Reader"])  # fmt: skip
        proposals["submitted"].__ac_local_roles_block__ = True
        proposals["submitted"].reindexObjectSecurity()
        with api.env.adopt_user(username="jeanne"):
            set_status(measure, "in_progress", "Circulaire en préparation")
        api.portal.set_registry_record(
            SYNONYMS_RECORD,
            [*api.portal.get_registry_record(SYNONYMS_RECORD), "TEH, traite"],
        )
        folder = api.content.create(portal, "Folder", id="documents", title="Docs")
        api.content.create(
            folder,
            "File",
            id="note.txt",
            title="Note",
            file=NamedBlobFile(b"Une note\n", filename="note.txt"),
        )
        api.content.rename(obj=proposals["draft"], new_id="prop-brouillon")
        register_consumer(portal, "indexeur-externe")
    return {"measure": measure, "proposals": proposals, "texts": texts}
