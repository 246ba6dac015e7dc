"""Who may do what in co-design, as a table: roles × actions → allowed or
refused. A refused POST changes nothing; ids of another organisation's
partnerships are guessed in the address and in the form."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Comment, GroupPagePermission, Page

from cooperativa.codesign.models import Partnership, SignOff
from tests.codesign_helpers import World, project_post, workflow_action
from tests.helpers import built_once, sign_in_with_mfa

pytestmark = pytest.mark.django_db


def build():
    world = World()
    world.name_partners()
    from cooperativa.codesign import services

    services.answer(world.partnership(world.partner), by=world.partner_admin, accept=True)
    services.answer(world.partnership(world.decliner), by=world.decliner_admin, accept=False)
    world.project.summary = "Ready for the partners."
    world.project.save_revision(user=world.lead_editor)
    world.project.get_workflow().start(world.project, world.lead_editor)
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, build) as world:
        yield world


ROLES = {
    "anonymous": None,
    "outsider": "outsider_admin",
    "declined partner": "decliner_editor",
    "declined partner's admin": "decliner_admin",
    "partner": "partner_editor",
    "partner's admin": "partner_admin",
    "lead": "lead_editor",
    "moderator": "moderator",
}


def client_as(world, role):
    attribute = ROLES[role]
    return sign_in_with_mfa(Client(), getattr(world, attribute)) if attribute else Client()


def project(world):
    return Page.objects.get(pk=world.project.pk).specific


def latest_summary(world):
    return project(world).get_latest_revision_as_object().summary


# Each action: (do it, what it changes). ``changed(world, before)`` says
# whether the state moved; ``before`` is what ``snapshot`` saw first.


def sign_off(client, world):
    return workflow_action(client, project(world), "approve")


def request_changes(client, world):
    return workflow_action(client, project(world), "reject", "No.")


def sign_off_state(world):
    workflow_state = project(world).workflow_states.order_by("-pk").first()
    return (SignOff.objects.count(), workflow_state.status)


def edit(client, world):
    return client.post(
        f"/admin/pages/{world.project.pk}/edit/", project_post(project(world), summary="Changed.")
    )


def comment(client, world):
    data = project_post(project(world)) | {
        "comments-TOTAL_FORMS": "1",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "",
        "comments-0-DELETE": "",
        "comments-0-resolved": "",
        "comments-0-id": "",
        "comments-0-contentpath": "summary",
        "comments-0-text": "Can we say Saturdays?",
        "comments-0-position": "",
        "comments-0-replies-TOTAL_FORMS": "0",
        "comments-0-replies-INITIAL_FORMS": "0",
        "comments-0-replies-MIN_NUM_FORMS": "0",
        "comments-0-replies-MAX_NUM_FORMS": "0",
    }
    return client.post(f"/admin/pages/{world.project.pk}/edit/", data)


def publish(client, world):
    return client.post(
        f"/admin/pages/{world.project.pk}/edit/",
        project_post(project(world), summary="Published by force.") | {"action-publish": "1"},
    )


def answer_declined(client, world):
    """Accept the declined partnership, through the decliner's address."""
    partnership = world.partnership(world.decliner)
    return client.post(
        reverse("codesign:answer", args=[world.decliner.slug, partnership.pk]),
        {"decision": "accept"},
    )


def answer_guessed(client, world):
    """Accept the declined organisation's partnership id through the
    outsider's own address: an id guessed across organisations."""
    partnership = world.partnership(world.decliner)
    return client.post(
        reverse("codesign:answer", args=[world.outsider.slug, partnership.pk]),
        {"decision": "accept"},
    )


def leave(client, world):
    partnership = world.partnership(world.partner)
    return client.post(reverse("codesign:leave", args=[world.partner.slug, partnership.pk]))


def see_sign_offs(client, world):
    return client.get(reverse("codesign_sign_offs", args=[world.project.pk]))


def partnership_states(world):
    return sorted(Partnership.objects.values_list("organisation__name", "status"))


ACTIONS = {
    "sign off": (sign_off, sign_off_state),
    "request changes": (request_changes, sign_off_state),
    "edit": (edit, latest_summary),
    "comment": (comment, lambda world: Comment.objects.count()),
    "publish": (publish, lambda world: project(world).live_revision_id),
    "accept a declined partnership": (answer_declined, partnership_states),
    "accept it by a guessed id": (answer_guessed, partnership_states),
    "leave the project": (leave, partnership_states),
    "see the sign-offs": (see_sign_offs, None),
}

ALLOWED = {
    "sign off": {"partner", "partner's admin"},
    "request changes": {"partner", "partner's admin"},
    "edit": {"partner", "partner's admin", "lead", "moderator"},
    "comment": {"partner", "partner's admin", "lead", "moderator"},
    "publish": {"moderator"},
    "accept a declined partnership": set(),
    "accept it by a guessed id": set(),
    "leave the project": {"partner's admin"},
    "see the sign-offs": {"partner", "partner's admin", "lead", "moderator"},
}

TABLE = [(role, action, role in ALLOWED[action]) for action in ACTIONS for role in ROLES]


@pytest.mark.parametrize(("role", "action", "allowed"), TABLE)
def test_co_design_permissions(world, role, action, allowed):
    do, state = ACTIONS[action]
    before = state(world) if state else None
    response = do(client_as(world, role), world)
    if state is None:
        assert (response.status_code == 200) is allowed, response.status_code
        return
    after = state(world)
    assert (after != before) is allowed, (before, after, response.status_code)
    if not allowed and role == "anonymous":
        assert response.status_code == 302 and "login" in response.url


def test_a_member_asked_to_sign_off_may_open_and_comment_without_edit_rights(world):
    """The sign-off task's access hooks, not group permissions: take the
    partner's editing rights away and its members can still open the page
    and comment while their sign-off is due, and no longer once it is given."""
    GroupPagePermission.objects.filter(group=world.partner.group).delete()
    client = client_as(world, "partner")
    assert client.get(f"/admin/pages/{world.project.pk}/edit/").status_code == 200
    before = Comment.objects.count()
    assert comment(client, world).status_code == 302
    assert Comment.objects.count() == before + 1

    sign_off(client, world)
    assert SignOff.objects.filter(organisation=world.partner).exists()
    assert client.get(f"/admin/pages/{world.project.pk}/edit/").status_code in (302, 403)
