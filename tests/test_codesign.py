"""Co-design: partners agree to be named, write the project together, each
signs off the version it saw, the panel and the moderators publish, and the
public follows the project's life."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry

from cooperativa.codesign.models import Partnership, SignOff
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
