"""Co-design in a real browser: a partner accepts to be named in its
management area, the lead submits the project in the editor, the partner
asks for changes with a comment, the lead resubmits, the partner signs off,
the moderator reads the sign-offs and publishes, and the public page shows
the partner, the day it agreed and the timeline. axe checks every new screen."""

import datetime

import pytest

from tests.browser.accessibility import assert_accessible
from tests.browser.test_partner_journey import sign_in
from tests.factories import DEFAULT_TEST_PASSWORD, with_mfa

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def world(transactional_db):
    from cooperativa.opportunities.models import ProjectStageChange
    from tests.codesign_helpers import World

    world = World()
    # No panel in this journey: its step is skipped while it has no members.
    world.panel_member.groups.clear()
    project = world.fresh()
    project.stage = "codesign"
    project.stage_changes.add(
        ProjectStageChange(
            date=datetime.date(2026, 3, 2), stage="idea", note="A neighbour's idea."
        ),
        ProjectStageChange(
            date=datetime.date(2026, 4, 10), stage="codesign", note="We started writing it."
        ),
    )
    project.save_revision(user=world.lead_editor).publish(user=world.moderator)
    world.project = world.fresh()
    world.name_partners()
    world.secrets = {
        user.pk: with_mfa(user)
        for user in (world.partner_admin, world.partner_editor, world.lead_editor, world.moderator)
    }
    return world


class People:
    """One signed-in browser tab per person, kept for the whole journey (an
    authenticator code works once, so nobody signs in twice)."""

    def __init__(self, browser, live_server, world):
        self.browser, self.live_server, self.world = browser, live_server, world
        self.tabs = {}

    def open(self, user, url):
        tab = self.tabs.get(user.pk)
        if tab is None:
            context = self.browser.new_context(base_url=self.live_server.url, locale="en-GB")
            tab = self.tabs[user.pk] = context.new_page()
            secret = self.world.secrets[user.pk]
            sign_in(tab, user.email, DEFAULT_TEST_PASSWORD, url, secret=secret)
        # Again, without the "signed in" message still fading in.
        tab.goto(url)
        return tab

    def close(self):
        for tab in self.tabs.values():
            tab.context.close()


def footer_button(tab, selector):
    """A button of the editor's footer menu, opening the menu first if needed."""
    button = tab.locator(f"footer {selector}").first
    if not button.is_visible():
        tab.locator("footer [data-w-dropdown-target='toggle']").last.click()
    return button


def workflow_button(tab, name):
    return footer_button(tab, f"[data-workflow-action-name='{name}']")


def test_a_project_is_co_designed_through_the_admin(browser, live_server, world):

    edit_url = f"/admin/pages/{world.project.pk}/edit/"
    people = People(browser, live_server, world)
    try:
        journey(browser, live_server, world, people, edit_url)
    finally:
        people.close()


def journey(browser, live_server, world, people, edit_url):
    from cooperativa.codesign.models import Partnership, SignOff

    # 1. The partner's administrator accepts to be named, in the manage area.
    manage_url = f"/partners/manage/{world.partner.slug}/projects/"
    tab = people.open(world.partner_admin, manage_url)
    assert tab.get_by_role("heading", level=1).inner_text() == "Projects with others"
    assert_accessible(tab)
    with tab.expect_navigation():
        tab.get_by_role("button", name="Accept to be a partner of Community garden").click()
    assert "You are now a partner of" in tab.content()
    assert_accessible(tab)
    assert world.partnership(world.partner).status == Partnership.Status.ACCEPTED

    # 2. The lead submits the project from the editor.
    tab = people.open(world.lead_editor, edit_url)
    tab.locator("#id_summary").fill("A garden we grow together, on Saturdays.")
    with tab.expect_navigation():
        footer_button(tab, "button[name='action-submit']").click()
    assert world.fresh().current_workflow_task_state.task.name == "Partner sign-off"

    # 3. The partner's member reads it and asks for changes, with a comment.
    tab = people.open(world.partner_editor, edit_url)
    workflow_button(tab, "reject").click()
    dialog = tab.get_by_role("dialog")
    dialog.locator("textarea").fill("Please say who to call to join.")
    with tab.expect_navigation():
        dialog.locator("button[type=submit]").click()
    asked = SignOff.objects.get()
    assert asked.comment == "Please say who to call to join."
    assert asked.decision == SignOff.Decision.CHANGES_REQUESTED

    # 4. The lead makes the change and submits again.
    tab = people.open(world.lead_editor, edit_url)
    tab.locator("#id_summary").fill("A garden we grow together, on Saturdays: call Anna.")
    with tab.expect_navigation():
        footer_button(tab, "button[name='action-submit']").click()

    # 5. The partner signs off.
    tab = people.open(world.partner_editor, edit_url)
    with tab.expect_navigation():
        workflow_button(tab, "approve").click()
    assert world.fresh().current_workflow_task_state.task.name == "Moderators approval"

    # 6. The moderator sees who agreed to which version, and publishes.
    sign_offs_url = f"/admin/codesign/pages/{world.project.pk}/sign-offs/"
    tab = people.open(world.moderator, sign_offs_url)
    assert "Parrocchia San Paolo" in tab.locator("table.listing").inner_text()
    assert_accessible(tab)
    tab.goto(edit_url)
    with tab.expect_navigation():
        workflow_button(tab, "approve").click()
    project = world.fresh()
    assert project.live and project.summary.endswith("call Anna.")

    # 7. The public page: the partner and the day it agreed, and the timeline.
    public = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    public.goto(project.url)
    partners = public.locator("dl.facts dd ul li").all_inner_texts()
    assert len(partners) == 1 and partners[0].startswith("Parrocchia San Paolo (agreed on")
    assert "Comitato Dora" not in public.content()
    timeline = public.locator("ol.timeline li").all_inner_texts()
    assert [" ".join(item.split()) for item in timeline] == [
        "March 2, 2026: Idea. A neighbour's idea.",
        "April 10, 2026: Co-design. We started writing it.",
    ]
    assert_accessible(public)
    public.context.close()
