"""Members of an organisation: invitations, roles, removal, requests to join,
and the management area that only members can see."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from partners import services
from partners.models import Invitation, JoinRequest, Membership
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    create_approved_organisation,
    verified_user,
)
from tests.helpers import sign_in_with_mfa

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return verified_user("admin@example.org")


@pytest.fixture
def organisation(admin):
    return create_approved_organisation(admin=admin, name="Il Forno")


def invite(organisation, admin, email="new@example.org", role="editor"):
    invitation = services.invite_member(organisation, email, role, invited_by=admin)
    return invitation, services.invitation_token(invitation)


def manage_url(path=""):
    return f"/partners/manage/il-forno/{path}"


# --- Invitations ----------------------------------------------------------------


def test_an_admin_invites_by_email_and_the_link_makes_a_member(
    client, admin, organisation, django_capture_on_commit_callbacks
):
    sign_in_with_mfa(client, admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            manage_url("members/invite/"), {"email": "new@example.org", "role": "editor"}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert [m.to for m in mail.outbox] == [["new@example.org"]]
    body = mail.outbox[0].body
    assert "Il Forno" in body and "7 days" in body
    link = next(line for line in body.splitlines() if "/partners/join/invitation/" in line)
    path = link.strip().removeprefix("http://127.0.0.1:8000")

    newcomer = verified_user("new@example.org")
    sign_in_with_mfa(client, newcomer)
    page = client.get(path)
    assert page.status_code == 200 and "Accept the invitation" in page.content.decode()
    response = client.post(path)
    assert response.status_code == 302 and response["Location"] == manage_url()
    membership = Membership.objects.get(user=newcomer, organisation=organisation)
    assert membership.role == "editor"
    assert newcomer in organisation.group.user_set.all()
    invitation.refresh_from_db()
    assert invitation.accepted_at and invitation.accepted_by == newcomer


def test_invitation_link_sends_visitors_to_log_in_first(client, admin, organisation):
    _invitation, token = invite(organisation, admin)
    response = client.get(f"/partners/join/invitation/{token}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/partners/join/invitation/")


def test_invitation_expires_after_seven_days(client, admin, organisation):
    _invitation, token = invite(organisation, admin)
    newcomer = verified_user("new@example.org")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        with pytest.raises(services.PartnerError, match="expired"):
            services.accept_invitation(token, newcomer)
        sign_in_with_mfa(client, newcomer)
        response = client.post(f"/partners/join/invitation/{token}/")
        assert response.status_code == 410
        assert "This invitation has expired" in response.content.decode()
    assert not Membership.objects.filter(user=newcomer).exists()

    with time_machine.travel(timezone.now() + datetime.timedelta(days=6)):
        services.accept_invitation(token, newcomer)
    assert Membership.objects.filter(user=newcomer).exists()


def test_invitation_works_only_once(admin, organisation):
    _invitation, token = invite(organisation, admin)
    newcomer = verified_user("new@example.org")
    services.accept_invitation(token, newcomer)
    with pytest.raises(services.PartnerError, match="already been used"):
        services.accept_invitation(token, newcomer)


def test_invitation_is_refused_to_another_address(client, admin, organisation):
    _invitation, token = invite(organisation, admin)
    stranger = verified_user("stranger@example.org")
    sign_in_with_mfa(client, stranger)
    response = client.post(f"/partners/join/invitation/{token}/")
    assert response.status_code == 403
    assert "sent to another email address" in response.content.decode()
    assert not Membership.objects.filter(user=stranger).exists()

    # Owning the address is not enough until it is verified.
    unverified = UserFactory(email="new@example.org")
    with pytest.raises(services.PartnerError):
        services.accept_invitation(token, unverified)


def test_tampered_and_withdrawn_invitations_are_refused(client, admin, organisation):
    invitation, token = invite(organisation, admin)
    with pytest.raises(services.PartnerError, match="not valid"):
        services.accept_invitation(token[:-2] + "xx", verified_user("new@example.org"))
    sign_in_with_mfa(client, admin)
    client.post(manage_url(f"invitations/{invitation.pk}/withdraw/"))
    assert not Invitation.objects.exists()
    with pytest.raises(services.PartnerError, match="withdrawn"):
        services.accept_invitation(token, verified_user("new@example.org"))


def test_only_approved_organisations_invite_and_members_are_not_invited_twice(admin):
    pending = OrganisationFactory(status="pending")
    with pytest.raises(services.PartnerError):
        services.invite_member(pending, "x@example.org", "editor", admin)
    organisation = create_approved_organisation(admin=admin)
    with pytest.raises(services.PartnerError, match="already a member"):
        services.invite_member(organisation, "ADMIN@example.org", "editor", admin)


def test_repeated_invitations_to_one_address_send_one_email(
    client, admin, organisation, django_capture_on_commit_callbacks
):
    sign_in_with_mfa(client, admin)
    with django_capture_on_commit_callbacks(execute=True):
        responses = [
            client.post(manage_url("members/invite/"), {"email": email, "role": "editor"})
            for email in ["new@example.org"] + ["NEW@example.org"] * 14
        ]
    assert [m.to for m in mail.outbox] == [["new@example.org"]]
    assert Invitation.objects.count() == 1
    assert responses[0].status_code == 302
    again = responses[-1]
    assert again.status_code == 200
    text = again.content.decode()
    assert "already has an invitation waiting" in text and "we have not sent another" in text
    # What was typed is kept.
    assert 'value="NEW@example.org"' in text


def test_an_expired_invitation_can_be_sent_again(admin, organisation):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=8)):
        invite(organisation, admin)
    invitation, _token = invite(organisation, admin)
    # The new one replaces the one that no longer works.
    assert list(Invitation.objects.all()) == [invitation]


def test_an_organisation_sends_at_most_twenty_invitations_an_hour(
    client, admin, organisation, django_capture_on_commit_callbacks
):
    sign_in_with_mfa(client, admin)
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(20):
            response = client.post(
                manage_url("members/invite/"), {"email": f"person{n}@example.org", "role": "editor"}
            )
            assert response.status_code == 302
        refused = client.post(
            manage_url("members/invite/"), {"email": "one-more@example.org", "role": "admin"}
        )
    assert len(mail.outbox) == 20
    assert refused.status_code == 429
    text = refused.content.decode()
    assert "sent a lot of invitations in the last hour" in text
    assert 'value="one-more@example.org"' in text
    assert not Invitation.objects.filter(email="one-more@example.org").exists()

    # Another organisation has its own allowance.
    other = create_approved_organisation(admin=admin, name="La Lavanderia")
    response = client.post(
        f"/partners/manage/{other.slug}/members/invite/",
        {"email": "one-more@example.org", "role": "editor"},
    )
    assert response.status_code == 302


# --- Roles and removal ----------------------------------------------------------


def test_the_last_admin_can_be_neither_removed_nor_demoted(client, admin, organisation):
    own = Membership.objects.get(user=admin, organisation=organisation)
    with pytest.raises(services.PartnerError):
        services.remove_member(own, by=admin)
    with pytest.raises(services.PartnerError):
        services.set_member_role(own, "editor", by=admin)

    sign_in_with_mfa(client, admin)
    response = client.post(manage_url(f"members/{own.pk}/remove/"))
    assert response.status_code == 400
    assert "last administrator cannot be removed" in response.content.decode()
    client.post(manage_url(f"members/{own.pk}/role/"), {"role": "editor"})
    own.refresh_from_db()
    assert own.is_admin


def test_admin_changes_roles_and_removes_members(client, admin, organisation):
    colleague = verified_user("colleague@example.org")
    services.accept_invitation(invite(organisation, admin, colleague.email)[1], colleague)
    membership = Membership.objects.get(user=colleague)
    sign_in_with_mfa(client, admin)

    client.post(manage_url(f"members/{membership.pk}/role/"), {"role": "admin"})
    membership.refresh_from_db()
    assert membership.is_admin

    # With a second admin, the first may step down.
    own = Membership.objects.get(user=admin)
    client.post(manage_url(f"members/{own.pk}/role/"), {"role": "editor"})
    own.refresh_from_db()
    assert not own.is_admin

    sign_in_with_mfa(client, colleague)
    confirm = client.get(manage_url(f"members/{own.pk}/remove/"))
    assert "Yes, remove" in confirm.content.decode()
    client.post(manage_url(f"members/{own.pk}/remove/"))
    assert not Membership.objects.filter(user=admin).exists()
    assert admin not in organisation.group.user_set.all()


def test_editors_see_members_but_cannot_manage_them(client, admin, organisation):
    editor = verified_user("editor@example.org")
    services.accept_invitation(invite(organisation, admin, editor.email)[1], editor)
    own = Membership.objects.get(user=admin)
    sign_in_with_mfa(client, editor)
    members = client.get(manage_url("members/"))
    assert members.status_code == 200
    assert "admin@example.org" not in members.content.decode()  # addresses: admins only
    assert "Send the invitation" not in members.content.decode()
    for method, path, data in [
        ("post", "members/invite/", {"email": "x@example.org", "role": "admin"}),
        ("post", f"members/{own.pk}/role/", {"role": "editor"}),
        ("post", f"members/{own.pk}/remove/", {}),
        ("get", "requests/", {}),
        ("get", "vouching/", {}),
        ("get", "details/", {}),
    ]:
        assert getattr(client, method)(manage_url(path), data).status_code == 403, path
    assert Membership.objects.get(user=admin).is_admin
    assert not Invitation.objects.filter(email="x@example.org").exists()


# --- Requests to join -----------------------------------------------------------


def test_join_request_flow(client, admin, organisation, django_capture_on_commit_callbacks):
    person = verified_user("person@example.org", display_name="Marco")
    sign_in_with_mfa(client, person)
    form = client.get("/partners/join/member/?organisation=il-forno").content.decode()
    assert "Il Forno" in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/partners/join/member/",
            {"organisation": "il-forno", "message": "I run the Tuesday bakery course."},
        )
    assert response.status_code == 200 and "Request sent" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["admin@example.org"]]
    assert "Tuesday bakery course" in mail.outbox[0].body

    again = client.post("/partners/join/member/", {"organisation": "il-forno"})
    assert "already asked" in again.content.decode()
    assert JoinRequest.objects.count() == 1

    join_request = JoinRequest.objects.get()
    sign_in_with_mfa(client, admin)
    listing = client.get(manage_url("requests/")).content.decode()
    assert "Tuesday bakery course" in listing
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(manage_url(f"requests/{join_request.pk}/"), {"decision": "accept"})
    join_request.refresh_from_db()
    assert join_request.accepted and join_request.decided_by == admin
    assert Membership.objects.get(user=person, organisation=organisation).role == "editor"
    assert person in organisation.group.user_set.all()
    assert [m.to for m in mail.outbox] == [["person@example.org"]]

    with pytest.raises(services.PartnerError):
        services.decide_join_request(join_request, by=admin, accept=False)


def test_declined_join_request_makes_no_member(admin, organisation):
    person = verified_user("person@example.org")
    join_request = services.request_to_join(organisation, person, "")
    services.decide_join_request(join_request, by=admin, accept=False)
    assert not Membership.objects.filter(user=person).exists()
    # A new request may be made after a decision.
    services.request_to_join(organisation, person, "Please reconsider.")


def test_members_cannot_ask_to_join_and_pending_organisations_are_not_offered(admin, organisation):
    with pytest.raises(services.PartnerError, match="already a member"):
        services.request_to_join(organisation, admin)
    pending = OrganisationFactory(status="pending")
    with pytest.raises(services.PartnerError):
        services.request_to_join(pending, verified_user())


# --- The management area is for members only ------------------------------------


def test_a_member_sees_only_their_organisations(client, admin, organisation):
    other = create_approved_organisation(name="Casa Comune")
    sign_in_with_mfa(client, admin)
    content = client.get("/partners/manage/").content.decode()
    assert "Il Forno" in content and "Casa Comune" not in content
    assert client.get("/it/partners/manage/").status_code == 200

    for path in ("", "members/", "members/invite/", "requests/", "vouching/", "details/"):
        assert client.get(f"/partners/manage/{other.slug}/{path}").status_code == 404, path
    member_of_other = Membership.objects.get(organisation=other)
    assert (
        client.post(
            f"/partners/manage/{other.slug}/members/{member_of_other.pk}/role/", {"role": "editor"}
        ).status_code
        == 404
    )
    # Nor can one organisation's admin reach another's member through their own address.
    assert (
        client.post(
            manage_url(f"members/{member_of_other.pk}/role/"), {"role": "editor"}
        ).status_code
        == 404
    )
    member_of_other.refresh_from_db()
    assert member_of_other.is_admin


def test_manage_area_requires_login(client, organisation):
    response = client.get(manage_url())
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_overview_links_to_the_editor(client, admin, organisation):
    sign_in_with_mfa(client, admin)
    content = client.get(manage_url()).content.decode()
    page = organisation.pages.get()
    assert f"/admin/pages/{page.pk}/edit/" in content
    assert f"/admin/pages/{page.pk}/" in content
    assert f"collection_id={organisation.collection_id}" in content


def test_admins_update_public_details(client, admin, organisation):
    sign_in_with_mfa(client, admin)
    response = client.post(
        manage_url("details/"),
        {
            "description": "A bakery and a laundry in Torino.",
            "website": "https://ilforno.example.it",
            "email": "info@ilforno.example.it",
            "contact_name": "Giulia Bianchi",
            "contact_email": "giulia@example.org",
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    # Public facts wait for a moderator (tests/test_detail_changes.py).
    assert organisation.email == ""
    assert services.pending_detail_change(organisation).changes["email"] == (
        "info@ilforno.example.it"
    )
    assert organisation.contact_name == "Giulia Bianchi"
    assert organisation.is_approved


def test_members_list_shows_an_address_once_when_it_is_the_name(client, admin, organisation):
    named = verified_user("giulia@example.org", display_name="Giulia")
    services.accept_invitation(invite(organisation, admin, named.email)[1], named)
    sign_in_with_mfa(client, admin)
    page = client.get(manage_url("members/")).content.decode()
    # No display name: the address is the name, written once.
    assert page.count("admin@example.org") == 1
    # A display name: the name, and the address under it for administrators.
    assert "Giulia" in page
    assert page.count("giulia@example.org") == 1
