"""One home for each partner rule: the organisation lifecycle is one table
(partners.lifecycle.TRANSITIONS) that both the services and the admin obey,
and every operation on members leaves one entry in the audit log."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape
from wagtail.models import ModelLogEntry

from partners import lifecycle, permissions, services
from partners.models import Invitation, JoinRequest, Membership, Organisation
from tests.factories import (
    OrganisationFactory,
    create_approved_organisation,
    create_partner_index,
    login_with_mfa,
    moderator,
    verified_user,
    with_mfa,
)

pytestmark = pytest.mark.django_db

STATUSES = ["pending", "rejected", "approved", "suspended"]
ACTIONS = ["approve", "more_information", "reject", "suspend", "reinstate"]
ALLOWED = {
    ("pending", "approve"),
    ("pending", "more_information"),
    ("pending", "reject"),
    ("rejected", "approve"),
    ("rejected", "more_information"),
    ("rejected", "reject"),
    ("approved", "suspend"),
    ("suspended", "reinstate"),
}
TARGET = {
    "approve": "approved",
    "more_information": "pending",
    "reject": "rejected",
    "suspend": "suspended",
    "reinstate": "approved",
}
CELLS = [
    pytest.param(status, action, (status, action) in ALLOWED, id=f"{status} | {action}")
    for status in STATUSES
    for action in ACTIONS
]


def organisation_in(status):
    """An organisation in ``status``, reached through the services."""
    create_partner_index()
    moderator_user = moderator("moderator@example.org")
    if status in ("approved", "suspended"):
        organisation = create_approved_organisation(name="Il Forno")
        if status == "suspended":
            services.suspend_organisation(organisation, by=moderator_user, reason="Checks.")
    else:
        organisation = OrganisationFactory(
            name="Il Forno", status=status, applicant=verified_user("applicant@example.org")
        )
    organisation.refresh_from_db()
    return organisation


SERVICE = {
    "approve": lambda o, by: services.approve_organisation(o, approved_by=by),
    "more_information": lambda o, by: services.request_more_information(o, by=by, message="?"),
    "reject": lambda o, by: services.reject_organisation(o, by=by, reason="No."),
    "suspend": lambda o, by: services.suspend_organisation(o, by=by, reason="No."),
    "reinstate": lambda o, by: services.reinstate_organisation(o, by=by),
}


def test_the_table_is_the_one_declared_in_lifecycle():
    declared = {
        (status, action)
        for action, transition in lifecycle.TRANSITIONS.items()
        if action in ACTIONS
        for status in transition.sources
    }
    assert declared == ALLOWED


@pytest.mark.parametrize(("status", "action", "allowed"), CELLS)
def test_services_follow_the_lifecycle(status, action, allowed):
    organisation = organisation_in(status)
    by = moderator("second@example.org")
    entries = ModelLogEntry.objects.count()
    if allowed:
        SERVICE[action](organisation, by)
        organisation.refresh_from_db()
        assert organisation.status == TARGET[action]
        assert ModelLogEntry.objects.filter(action__startswith="partners.").count() > entries
    elif status == "approved" and action == "approve":
        # Approving again only repairs what is missing: nothing changes, nothing is logged.
        SERVICE[action](organisation, by)
        organisation.refresh_from_db()
        assert organisation.status == "approved"
        assert ModelLogEntry.objects.count() == entries
    else:
        with pytest.raises(services.PartnerError) as refused:
            SERVICE[action](organisation, by)
        assert refused.value.message == lifecycle.TRANSITIONS[action].refused
        organisation.refresh_from_db()
        assert organisation.status == status
        assert ModelLogEntry.objects.count() == entries


@pytest.mark.parametrize(("status", "action", "allowed"), CELLS)
def test_the_admin_offers_and_takes_only_allowed_actions(client, status, action, allowed):
    organisation = organisation_in(status)
    user = moderator("second@example.org")
    with_mfa(user)
    login_with_mfa(client, user)
    url = f"/admin/partners/organisations/{organisation.pk}/{action.replace('_', '-')}/"
    edit = client.get(f"/admin/snippets/partners/organisation/edit/{organisation.pk}/")
    assert (url in edit.content.decode()) is allowed
    listing = client.get("/admin/snippets/partners/organisation/")
    assert (url in listing.content.decode()) is allowed

    entries = ModelLogEntry.objects.count()
    response = client.post(url, {"reason": "Because."})
    organisation.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert organisation.status == TARGET[action]
    else:
        # Refused: the screen says why and nothing changes.
        assert response.status_code == 200
        assert escape(str(lifecycle.refusal(organisation, action))) in response.content.decode()
        assert organisation.status == status
        assert ModelLogEntry.objects.count() == entries


def test_an_informal_group_without_a_voucher_is_not_offered_approval(client):
    create_partner_index()
    group = OrganisationFactory(
        name="Amici", status="pending", legal_form=Organisation.LegalForm.INFORMAL
    )
    user = moderator("moderator@example.org")
    assert "approve" not in lifecycle.allowed_actions(group, user)
    assert "reject" in lifecycle.allowed_actions(group, user)
    with pytest.raises(services.PartnerError):
        services.approve_organisation(group, approved_by=user)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("anonymous", False), ("outsider", False), ("editor", False), ("admin", True)],
)
def test_partners_never_get_moderation_actions(who, allowed):
    admin = verified_user("admin@example.org")
    organisation = create_approved_organisation(admin=admin, name="Il Forno")
    people = {
        "anonymous": lambda: type("Anonymous", (), {"is_authenticated": False})(),
        "outsider": lambda: verified_user("outsider@example.org"),
        "editor": lambda: (
            Membership.objects.create(
                user=verified_user("editor@example.org"), organisation=organisation
            ).user
        ),
        "admin": lambda: admin,
    }
    person = people[who]()
    assert lifecycle.allowed_actions(organisation, person) == []
    assert permissions.can_manage(person, organisation) is allowed
    assert not permissions.can_moderate(person)


# --- Audit entries ----------------------------------------------------------------


@pytest.fixture
def team(django_capture_on_commit_callbacks):
    admin = verified_user("admin@example.org")
    organisation = create_approved_organisation(admin=admin, name="Il Forno")
    editor = verified_user("editor@example.org")
    Membership.objects.create(user=editor, organisation=organisation, role="editor")
    return admin, editor, organisation


def entries_for(organisation, action):
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=str(organisation.pk),
        action=action,
    )


def invite(organisation, admin, email="new@example.org"):
    invitation = services.invite_member(organisation, email, "editor", invited_by=admin)
    return invitation, services.invitation_token(invitation)


OPERATIONS = {
    "partners.invite": lambda admin, editor, organisation: (
        invite(organisation, admin),
        admin,
    )[1],
    "partners.withdraw_invitation": lambda admin, editor, organisation: (
        services.withdraw_invitation(invite(organisation, admin)[0], by=admin),
        admin,
    )[1],
    "partners.accept_invitation": lambda admin, editor, organisation: (
        lambda newcomer: (
            services.accept_invitation(invite(organisation, admin, newcomer.email)[1], newcomer),
            newcomer,
        )[1]
    )(verified_user("new@example.org")),
    "partners.change_role": lambda admin, editor, organisation: (
        services.set_member_role(
            Membership.objects.get(user=editor, organisation=organisation), "admin", by=admin
        ),
        admin,
    )[1],
    "partners.remove_member": lambda admin, editor, organisation: (
        services.remove_member(
            Membership.objects.get(user=editor, organisation=organisation), by=admin
        ),
        admin,
    )[1],
    "partners.decline_join_request": lambda admin, editor, organisation: (
        services.decide_join_request(
            JoinRequest.objects.create(
                user=verified_user("asker@example.org"), organisation=organisation
            ),
            by=admin,
            accept=False,
        ),
        admin,
    )[1],
}


@pytest.mark.parametrize("action", list(OPERATIONS))
def test_each_member_operation_leaves_one_audit_entry(team, action, client):
    admin, editor, organisation = team
    actor = OPERATIONS[action](admin, editor, organisation)
    entries = entries_for(organisation, action)
    assert entries.count() == 1
    assert entries.get().user_id == actor.pk

    # The moderators read it in the organisation's history in the admin.
    user = moderator("moderator@example.org")
    with_mfa(user)
    login_with_mfa(client, user)
    history = client.get(f"/admin/snippets/partners/organisation/history/{organisation.pk}/")
    assert history.status_code == 200
    label = entries.get().message
    assert escape(str(label)) in history.content.decode()


def test_withdrawing_an_invitation_through_the_view_goes_through_the_service(team, client):
    admin, editor, organisation = team
    invitation, token = invite(organisation, admin)
    with_mfa(admin)
    login_with_mfa(client, admin)
    response = client.post(
        f"/partners/manage/{organisation.slug}/invitations/{invitation.pk}/withdraw/"
    )
    assert response.status_code == 302
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
    assert entries_for(organisation, "partners.withdraw_invitation").get().user_id == admin.pk
    with pytest.raises(services.PartnerError):
        services.invitation_from_token(token)
