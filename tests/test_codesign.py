"""Co-design: partners agree to be named, write the project together, each
signs off the version it saw, the panel and the moderators publish, and the
public follows the project's life."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry

from cooperativa.codesign import services
from cooperativa.codesign.models import Partnership, SignOff
from cooperativa.opportunities.models import ProjectPage
from tests.codesign_helpers import World, edit, emails, workflow_action
from tests.helpers import sign_in_with_mfa, soup

pytestmark = pytest.mark.django_db


def signed_in(user):
    return sign_in_with_mfa(Client(), user)


def answer(world, admin, organisation, decision):
    partnership = world.partnership(organisation)
    return signed_in(admin).post(
        reverse("codesign:answer", args=[organisation.slug, partnership.pk]),
        {"decision": decision},
    )


def current_task(page):
    state = page.current_workflow_task_state
    return state.task.name if state else None


def test_the_whole_path_with_three_organisations():
    world = World()
    emails()

    # The lead names two partners: each one's administrator is asked, once.
    world.name_partners()
    assert emails() == [
        ("dario@comitato.example.org", "Orto Comune asks Comitato Dora to be a partner"),
        ("paola@parrocchia.example.org", "Orto Comune asks Parrocchia San Paolo to be a partner"),
    ]
    assert {entry.action for entry in PageLogEntry.objects.filter(page=world.project)} >= {
        "codesign.invite"
    }

    # One accepts, one declines, in their management area.
    assert answer(world, world.partner_admin, world.partner, "accept").status_code == 302
    assert answer(world, world.decliner_admin, world.decliner, "decline").status_code == 302
    assert world.partnership(world.partner).status == Partnership.Status.ACCEPTED
    assert world.partnership(world.decliner).status == Partnership.Status.DECLINED

    # The declined one never shows publicly: page, API, JSON-LD.
    page_html = Client().get(world.project.url).content.decode()
    assert "Comitato Dora" not in page_html
    assert "Parrocchia San Paolo" not in page_html  # not published with partners yet

    # The accepted partner edits the draft; the declined one cannot.
    partner_client = signed_in(world.partner_editor)
    response = edit(partner_client, world.project, summary="A garden we grow together.")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert world.fresh().get_latest_revision_as_object().summary == "A garden we grow together."
    declined_client = signed_in(world.decliner_editor)
    response = edit(declined_client, world.project, summary="Taken over.")
    assert response.status_code in (302, 403)
    assert world.fresh().get_latest_revision_as_object().summary == "A garden we grow together."

    # The lead submits: the partner's members are asked to sign off, once.
    lead_client = signed_in(world.lead_editor)
    emails()
    response = edit(lead_client, world.project, **{"action-submit": "Submit"})
    assert response.status_code == 302
    project = world.fresh()
    assert current_task(project) == "Partner sign-off"
    assert [recipient for recipient, _subject in emails()] == [
        "paola@parrocchia.example.org",
        "piero@parrocchia.example.org",
    ]

    # One sign-off: the partner agrees, and the workflow reaches the panel.
    response = workflow_action(partner_client, project, "approve")
    assert response.status_code in (200, 302)
    project = world.fresh()
    assert current_task(project) == "Lived-experience panel"
    signed = SignOff.objects.get()
    assert (signed.organisation, signed.decision) == (world.partner, SignOff.Decision.APPROVED)
    assert signed.revision == project.get_latest_revision()
    assert [recipient for recipient, _subject in emails()] == ["pino@panel.example.org"]

    # An edit after the sign-off asks that organisation again.
    response = edit(lead_client, project, summary="A garden we grow together, every Saturday.")
    assert response.status_code == 302
    project = world.fresh()
    assert current_task(project) == "Partner sign-off"
    assert [recipient for recipient, _subject in emails()] == [
        "paola@parrocchia.example.org",
        "piero@parrocchia.example.org",
    ]

    # One request for changes: the author hears it, with the comment.
    response = workflow_action(partner_client, project, "reject", "Say who to call.")
    assert response.status_code in (200, 302)
    project = world.fresh()
    assert project.current_workflow_state.status == "needs_changes"
    sent = emails()
    assert [recipient for recipient, _subject in sent] == ["luca@orto.example.org"]
    assert sent[0][1] == "Changes requested: Community garden"

    # Resubmit: all sign-offs, the panel, the moderator: published.
    response = edit(
        lead_client,
        project,
        summary="A garden we grow together, every Saturday: call Anna.",
        **{"action-submit": "Submit"},
    )
    assert response.status_code == 302
    project = world.fresh()
    assert current_task(project) == "Partner sign-off"
    emails()
    workflow_action(partner_client, project, "approve")
    project = world.fresh()
    assert current_task(project) == "Lived-experience panel"
    workflow_action(signed_in(world.panel_member), project, "approve")
    project = world.fresh()
    assert current_task(project) == "Moderators approval"
    emails()
    workflow_action(signed_in(world.moderator), project, "approve")
    project = world.fresh()
    assert project.live and not project.has_unpublished_changes
    assert project.summary == "A garden we grow together, every Saturday: call Anna."

    # Everyone involved hears of the publication, once; the moderator who
    # published does not write to themselves.
    assert sorted(recipient for recipient, _subject in emails()) == [
        "anna@orto.example.org",
        "luca@orto.example.org",
        "paola@parrocchia.example.org",
        "piero@parrocchia.example.org",
    ]

    # The public sees the accepted partner with the day it agreed; never the declined one.
    page = soup(Client().get(project.url))
    partners = [li.get_text(" ", strip=True) for li in page.select("dl.facts dd ul li")]
    assert len(partners) == 1 and partners[0].startswith("Parrocchia San Paolo (agreed on")
    assert "Comitato Dora" not in page.get_text()
    data = Client().get(f"/api/v2/pages/{project.pk}/").json()
    assert [o["name"] for o in data["partner_organisations"]] == ["Parrocchia San Paolo"]

    # Each step is its own action in the page's history.
    actions = list(PageLogEntry.objects.filter(page=project).values_list("action", flat=True))
    for action in (
        "codesign.invite",
        "codesign.accept",
        "codesign.decline",
        "codesign.ask_sign_off",
        "codesign.sign_off",
        "codesign.ask_again",
        "codesign.request_changes",
    ):
        assert action in actions, action


# --- The workflow's rules ------------------------------------------------------------


def submit(page, user):
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def test_every_partner_subtree_follows_the_co_design_workflow():
    from tests.factories import create_approved_organisation, create_placement

    organisation = create_approved_organisation(name="Il Forno")
    partner_page = organisation.pages.get()
    placement = create_placement(parent=partner_page)
    assert partner_page.get_workflow().name == "Co-design"
    assert placement.get_workflow().name == "Co-design"
    assert [task.name for task in placement.get_workflow().tasks] == [
        "Partner sign-off",
        "Lived-experience panel",
        "Moderators approval",
    ]


def test_a_page_with_no_other_partner_passes_at_once_and_an_empty_panel_is_skipped():
    from tests.factories import create_approved_organisation, create_project

    organisation = create_approved_organisation(name="Il Forno")
    project = create_project(parent=organisation.pages.get())
    state = submit(project, organisation.applicant)
    statuses = [task_state.status for task_state in state.task_states.order_by("pk")]
    assert statuses == ["approved", "skipped", "in_progress"]
    assert state.current_task_state.task.name == "Moderators approval"


def test_a_translation_follows_the_original_partners_sign_off_once():
    from tests.factories import translate_page

    world = World()
    world.name_partners()
    services.answer(world.partnership(world.partner), by=world.partner_admin, accept=True)
    translate_page(world.lead_page.get_parent(), "it", title="Partner", slug="partner")
    translate_page(world.lead_page, "it", title="Orto Comune")
    italian = translate_page(world.project, "it", title="Orto di comunità")
    emails()

    state = submit(italian, world.lead_editor)
    assert state.current_task_state.task.name == "Lived-experience panel"
    assert not SignOff.objects.exists()
    assert [recipient for recipient, _subject in emails()] == ["pino@panel.example.org"]
    # The partner may edit the translation as well as the original.
    editor = type(world.partner_editor).objects.get(pk=world.partner_editor.pk)
    assert italian.permissions_for_user(editor).can_edit()

    state = submit(world.fresh(), world.lead_editor)
    assert state.current_task_state.task.name == "Partner sign-off"


def test_a_suspended_partner_is_no_longer_asked_or_shown():
    from partners import services as partner_services

    world = World()
    world.name_partners()
    services.answer(world.partnership(world.partner), by=world.partner_admin, accept=True)
    world.project.save_revision(user=world.lead_editor).publish(user=world.moderator)
    assert "Parrocchia San Paolo" in Client().get(world.project.url).content.decode()
    state = submit(world.fresh(), world.lead_editor)
    assert state.current_task_state.task.name == "Partner sign-off"

    partner_services.suspend_organisation(world.partner, by=world.moderator, reason="Checks.")

    state.refresh_from_db()
    assert state.current_task_state.task.name == "Lived-experience panel"
    assert "Parrocchia San Paolo" not in Client().get(world.project.url).content.decode()
    data = Client().get(f"/api/v2/pages/{world.project.pk}/").json()
    assert data["partner_organisations"] == []


def test_a_partner_that_leaves_loses_its_editing_rights_and_is_not_credited():
    world = World()
    world.name_partners()
    partnership = services.answer(
        world.partnership(world.partner), by=world.partner_admin, accept=True
    )
    assert world.fresh().permissions_for_user(world.partner_editor).can_edit()
    assert not world.fresh().permissions_for_user(world.partner_editor).can_publish()
    assert not world.fresh().permissions_for_user(world.decliner_editor).can_edit()

    services.leave(partnership, by=world.partner_admin)

    editor = type(world.partner_editor).objects.get(pk=world.partner_editor.pk)
    assert not world.fresh().permissions_for_user(editor).can_edit()
    world.project.save_revision().publish()
    assert "Parrocchia San Paolo" not in Client().get(world.project.url).content.decode()
    assert PageLogEntry.objects.filter(page=world.project, action="codesign.leave").exists()


def test_the_partner_admins_are_written_to_in_their_own_language():
    world = World()
    world.partner_admin.preferred_language = "it"
    world.partner_admin.save(update_fields=["preferred_language"])
    emails()
    world.name_partners()
    assert (
        "paola@parrocchia.example.org",
        "Orto Comune chiede a Parrocchia San Paolo di essere partner",
    ) in emails()


# --- Stages -------------------------------------------------------------------------


def test_stage_changes_are_dated_on_a_public_timeline_and_logged():
    from cooperativa.opportunities.models import ProjectStageChange

    world = World()
    project = world.fresh()
    project.stage = ProjectPage.Stage.CODESIGN
    project.stage_changes.add(
        ProjectStageChange(
            date=datetime.date(2026, 3, 2), stage="idea", note="A neighbour's idea."
        ),
        ProjectStageChange(
            date=datetime.date(2026, 4, 10), stage="codesign", note="Three partners met."
        ),
    )
    project.save_revision(user=world.lead_editor).publish(user=world.moderator)

    page = soup(Client().get(project.url))
    steps = [step.get_text(" ", strip=True) for step in page.select("ol.stages li")]
    assert steps[0] == "Idea ✓ (done) reached on March 2, 2026"
    assert steps[1] == "Co-design (we are here) since April 10, 2026"
    timeline = [item.get_text(" ", strip=True) for item in page.select("ol.timeline li")]
    assert timeline == [
        "March 2, 2026 : Idea . A neighbour's idea.",
        "April 10, 2026 : Co-design . Three partners met.",
    ]
    entry = PageLogEntry.objects.filter(page=project, action="codesign.stage_change").latest(
        "timestamp"
    )
    assert entry.data["stage"] == "codesign" and entry.data["note"] == "Three partners met."

    # The stage must be the timeline's latest: a plain-words error otherwise.
    project.stage = ProjectPage.Stage.RUNNING
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "add a line to the timeline" in str(error.value)


def test_each_co_design_action_has_a_label_in_the_page_history_and_the_site_log():
    world = World()
    world.name_partners()
    services.answer(world.partnership(world.partner), by=world.partner_admin, accept=True)
    client = sign_in_with_mfa(Client(), world.moderator)
    history = client.get(f"/admin/pages/{world.project.pk}/history/").content.decode()
    assert "Organisation asked to be a partner: Comitato Dora" in history
    assert "Partnership accepted: Parrocchia San Paolo" in history
    site_log = client.get("/admin/reports/site-history/").content.decode()
    assert "Partnership accepted: Parrocchia San Paolo" in site_log
    from wagtail.log_actions import registry

    labels = dict(registry.get_choices())
    assert labels["codesign.sign_off"] == "Sign off"
    assert labels["codesign.stage_change"] == "Change stage"
