"""Co-design on PostgreSQL: the Co-design workflow the migration created,
the consent rule's subqueries on UUID translation keys, and a sign-off
asked again after an edit."""

import pytest
from django.test import Client

from cooperativa.codesign import services, signoff
from cooperativa.codesign.models import SignOff
from cooperativa.opportunities.listing import partner_profile
from tests.codesign_helpers import World

pytestmark = [pytest.mark.services, pytest.mark.django_db]


def test_the_migration_built_the_co_design_workflow():
    workflow = services.codesign_workflow()
    assert [task.name for task in workflow.tasks] == [
        "Partner sign-off",
        "Lived-experience panel",
        "Moderators approval",
    ]


def test_consent_sign_off_and_asking_again_on_postgres():
    world = World()
    world.name_partners()
    services.answer(world.partnership(world.partner), by=world.partner_admin, accept=True)
    world.project.save_revision(user=world.lead_editor).publish(user=world.moderator)

    # Credited on the project and on the partner's profile; never the one asked only.
    html = Client().get(world.project.url).content.decode()
    assert "Parrocchia San Paolo" in html and "Comitato Dora" not in html
    partner_page = world.partner.pages.get(locale__language_code="en")
    assert partner_profile(partner_page).partner_projects is not None
    decliner_page = world.decliner.pages.get(locale__language_code="en")
    assert partner_profile(decliner_page).partner_projects is None

    project = world.fresh()
    project.save_revision(user=world.lead_editor)
    project.get_workflow().start(project, world.lead_editor)
    task_state = signoff.current_sign_off_state(world.fresh())
    signoff.act(task_state, world.partner_editor, "approve")
    assert SignOff.objects.get().organisation == world.partner
    assert world.fresh().current_workflow_task_state.task.name == "Lived-experience panel"

    project = world.fresh()
    project.summary = "Changed after the partner agreed."
    project.save_revision(user=world.lead_editor)
    assert signoff.content_changed(world.fresh(), world.lead_editor) == [world.partner]
    state = signoff.current_sign_off_state(world.fresh())
    assert [organisation.name for organisation in signoff.due(state)] == ["Parrocchia San Paolo"]
