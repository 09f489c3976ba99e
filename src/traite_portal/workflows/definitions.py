"""The two review workflows, as data (the XML definitions implement them)."""

from traite_portal.behaviors.relations import LEGAL_TYPES
from traite_portal.workflows.model import ADMINS
from traite_portal.workflows.model import REQUEST_REVIEW
from traite_portal.workflows.model import RETRACT_PROPOSAL
from traite_portal.workflows.model import REVIEW
from traite_portal.workflows.model import State
from traite_portal.workflows.model import Transition
from traite_portal.workflows.model import Workflow


AUTHORS = ("Owner", "Editor", *ADMINS)
AUTHORS_READERS = ("Owner", "Editor", "Reader", *ADMINS)
# Who reads the Collectif's shared work, and its versions.
COLLECTIF_READERS = (*AUTHORS_READERS, "Coordinator", "AssociationMember", "Jurist")
# Who shares a proposal (sharing page), in every state: its authors never do.
PROPOSAL_SHARERS = ("Coordinator", *ADMINS)

PROPOSAL_WORKFLOW = Workflow(
    id="traite_proposal_workflow",
    title="Proposition d'association",
    types=("Proposal",),
    initial="draft",
    states={
        "draft": State(
            "Brouillon",
            "Visible par l'association autrice et les coordinateurs.",
            view=(*AUTHORS_READERS, "Coordinator"),
            edit=(*AUTHORS, "Coordinator"),
            delete=("Owner", *ADMINS),
            history=(*AUTHORS_READERS, "Coordinator"),
            share=PROPOSAL_SHARERS,
            authors=(*AUTHORS, "Coordinator"),
        ),
        "shared": State(
            "Partagée",
            "Toutes les associations la lisent et la co-rédigent.",
            view=(*AUTHORS_READERS, "Coordinator", "AssociationMember", "Jurist"),
            edit=(*AUTHORS, "Coordinator", "AssociationMember"),
            history=COLLECTIF_READERS,
            share=PROPOSAL_SHARERS,
            authors=(*AUTHORS, "Coordinator"),
        ),
        "submitted": State(
            "Soumise",
            "Figée pendant la relecture des coordinateurs.",
            view=(*AUTHORS_READERS, "Coordinator", "AssociationMember", "Jurist"),
            edit=ADMINS,
            history=COLLECTIF_READERS,
            share=PROPOSAL_SHARERS,
        ),
        "validated": State(
            "Validée",
            "Validée par le Collectif et publique.",
            view=("Anonymous",),
            edit=ADMINS,
            history=COLLECTIF_READERS,
            share=PROPOSAL_SHARERS,
        ),
        "withdrawn": State(
            "Retirée",
            "Retirée par ses auteurs ; visible d'eux et des coordinateurs.",
            view=(*AUTHORS_READERS, "Coordinator"),
            edit=ADMINS,
            history=(*AUTHORS_READERS, "Coordinator"),
            share=PROPOSAL_SHARERS,
        ),
    },
    transitions={
        "share": Transition(
            "Partager avec les associations",
            ("draft",),
            "shared",
            (*AUTHORS, "Coordinator"),
            REQUEST_REVIEW,
        ),
        "submit": Transition(
            "Soumettre aux coordinateurs",
            ("draft", "shared"),
            "submitted",
            (*AUTHORS, "Coordinator"),
            REQUEST_REVIEW,
        ),
        "validate": Transition(
            "Valider",
            ("submitted",),
            "validated",
            ("Coordinator", *ADMINS),
            REVIEW,
        ),
        "return_to_draft": Transition(
            "Renvoyer en brouillon (commentaire obligatoire)",
            ("submitted", "validated"),
            "draft",
            ("Coordinator", *ADMINS),
            REVIEW,
        ),
        "withdraw": Transition(
            "Retirer",
            ("draft", "shared", "submitted"),
            "withdrawn",
            (*AUTHORS, "Coordinator"),
            REQUEST_REVIEW,
        ),
        "retract": Transition(
            "Reprendre en brouillon",
            ("shared", "submitted", "withdrawn"),
            "draft",
            AUTHORS,
            RETRACT_PROPOSAL,
        ),
    },
)

MINISTRY = ("MinistryEditor", "MinistryReviewer")

# Legal texts are shared by administrators only (``State.share``'s default):
# a ministry's rights come from the text's ``ministry`` field.

LEGAL_TEXT_WORKFLOW = Workflow(
    id="traite_legal_text_workflow",
    title="Texte juridique",
    types=LEGAL_TYPES,
    initial="draft",
    states={
        "draft": State(
            "Brouillon",
            "En cours de rédaction par le ministère.",
            view=(*AUTHORS_READERS, *MINISTRY),
            edit=(*AUTHORS, "MinistryEditor"),
            delete=("Owner", *ADMINS),
            history=(*AUTHORS_READERS, *MINISTRY),
        ),
        "pending": State(
            "En attente de relecture",
            "Soumis au relecteur du ministère ; lu par les juristes.",
            view=(*AUTHORS_READERS, *MINISTRY, "Jurist"),
            edit=("MinistryReviewer", *ADMINS),
            history=(*AUTHORS_READERS, *MINISTRY, "Jurist"),
        ),
        "published": State(
            "Publié",
            "Visible de tous.",
            view=("Anonymous",),
            edit=ADMINS,
            history=(*AUTHORS_READERS, *MINISTRY, "Jurist"),
        ),
        "repealed": State(
            "Abrogé",
            "N'est plus en vigueur ; reste lisible par tous.",
            view=("Anonymous",),
            edit=ADMINS,
            history=(*AUTHORS_READERS, *MINISTRY, "Jurist"),
        ),
    },
    transitions={
        "submit": Transition(
            "Soumettre à la relecture",
            ("draft",),
            "pending",
            (*AUTHORS, "MinistryEditor"),
            REQUEST_REVIEW,
        ),
        "publish": Transition(
            "Publier",
            ("pending",),
            "published",
            ("MinistryReviewer", *ADMINS),
            REVIEW,
        ),
        "reject": Transition(
            "Renvoyer en brouillon",
            ("pending", "published"),
            "draft",
            ("MinistryReviewer", *ADMINS),
            REVIEW,
        ),
        "retract": Transition(
            "Reprendre en brouillon",
            ("pending",),
            "draft",
            (*AUTHORS, "MinistryEditor"),
            REQUEST_REVIEW,
        ),
        "repeal": Transition(
            "Abroger",
            ("published",),
            "repealed",
            ("MinistryReviewer", *ADMINS),
            REVIEW,
        ),
    },
)

# Plone's own one_state_workflow, as the matrix sees it: the plan and its
# parts are always published. Edit and delete come from Plone's rolemap
# (Owner, Editor); a measure's status has its own permission (see matrix.py).
ONE_STATE_WORKFLOW = Workflow(
    id="one_state_workflow",
    title="Plan, chapitres, mesures, annexes et bibliothèques",
    types=("ActionPlan", "Chapter", "Measure", "Annex", "TextLibrary"),
    initial="published",
    states={
        "published": State(
            "Publié",
            "Toujours public ; modifié par les administrateurs (et les rôles "
            "locaux Propriétaire / Éditeur).",
            view=("Anonymous",),
            edit=("Owner", "Editor", *ADMINS),
            delete=("Owner", "Editor", *ADMINS),
            history=("Owner", "Editor", "Reviewer", "Contributor", *ADMINS),
            # Plone's defaults: « Change local roles » (CMFCore, rolemap) and
            # « Sharing page: Delegate roles » (plone.app.workflow).
            share=("Owner", *ADMINS),
            sharing_page=("Owner", "Editor", "Reviewer", *ADMINS),
        ),
    },
)
