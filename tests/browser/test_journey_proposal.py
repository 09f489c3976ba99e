"""An association member drafts, shares and submits a proposal in Chromium; a
coordinator validates it; a visitor then reads it on the public measure page."""

from browser_site import InCorpusSite
from browser_site import screenshot
from plone import api


TITLE = "Proposition du test dans le navigateur"
TEXT = "Porter le délai de réflexion à trois mois pour toutes les victimes."


def open_workflow_menu(page):
    page.locator("#plone-contentmenu-workflow > a").click()


def transition(page, label: str, state: str) -> None:
    """The workflow menu's transition ``label``; waits for the new state."""
    open_workflow_menu(page)
    page.locator("#plone-contentmenu-workflow").get_by_role(
        "link", name=label, exact=True
    ).click()
    page.locator("#plone-contentmenu-workflow > a").filter(has_text=state).wait_for()


def write_in_editor(page, text: str) -> None:
    """Types into TinyMCE once it is ready: text filled in before it has
    initialised is lost, and the form then says the field is required."""
    page.wait_for_function(
        "() => window.tinymce && tinymce.activeEditor"
        " && tinymce.activeEditor.initialized"
    )
    page.frame_locator(".tox-edit-area iframe").locator("body").fill(text)
    page.wait_for_function(
        "t => tinymce.activeEditor.getContent({format: 'text'}).includes(t)", arg=text
    )


def share_label() -> str:
    """The French title of the workflow's « share » transition (asked, not typed)."""
    tool = api.portal.get_tool("portal_workflow")
    (chain,) = tool.getChainForPortalType("Proposal")
    return tool[chain].transitions["share"].title


class TestProposalJourney(InCorpusSite):
    def test_draft_share_submit_validate_publish(self, open_page, site):
        portal, _persons = site
        measure = portal["plan-action-2010"]["chapitre-4"]["mesure-13"]
        with open_page("association") as page:
            page.goto(measure.absolute_url())
            page.locator("#plone-contentmenu-factories > a").click()
            page.locator("#plone-contentmenu-factories").get_by_role(
                "link", name="Proposition"
            ).click()
            page.get_by_label("Titre").fill(TITLE)
            page.locator("#form-widgets-kind").select_option(label="Ajout")
            write_in_editor(page, TEXT)
            screenshot(page, "journey-proposal-1-draft-form")
            page.get_by_role("button", name="Enregistrer").click()
            page.locator("h1", has_text=TITLE).wait_for()
            page.locator("#plone-contentmenu-workflow > a").filter(
                has_text="Brouillon"
            ).wait_for()
            url = page.url.removesuffix("/view")
            transition(page, share_label(), "Partagée")
            screenshot(page, "journey-proposal-2-shared")
            transition(page, "Soumettre aux coordinateurs", "Soumise")
        # Submitted, not validated: a visitor does not see it yet.
        with open_page() as page:
            page.goto(measure.absolute_url())
            assert page.get_by_text(TITLE).count() == 0
        with open_page("coordinator") as page:
            page.goto(url)
            transition(page, "Valider", "Validée")
            screenshot(page, "journey-proposal-3-validated")
        with open_page() as page:
            page.goto(measure.absolute_url())
            proposals = page.locator("section[aria-labelledby=proposals-title]")
            link = proposals.get_by_role("link", name=TITLE)
            assert link.get_attribute("href") == url
            assert TEXT in proposals.inner_text()
            screenshot(page, "journey-proposal-4-public-measure")
