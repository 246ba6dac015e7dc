"""Moderating organisations in the Wagtail admin: listing, dashboard panel,
approve / reject / ask for more information / suspend / reinstate."""

import pytest
from django.core import mail
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from partners import services
from partners.models import Organisation, PartnerPage
from tests.factories import (
    OrganisationFactory,
    create_approved_organisation,
    create_partner_index,
    create_placement,
    moderator,
    translate_page,
    verified_user,
)
from tests.helpers import sign_in_with_mfa

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/partners/organisation/"


@pytest.fixture
def mod_client(client):
    user = moderator("moderator@example.org")
    sign_in_with_mfa(client, user)
    client.user = user
    return client


@pytest.fixture
def pending(db):
    create_partner_index()
    # As the sign-up form does: the applicant becomes its first administrator.
    return services.register_organisation(
        OrganisationFactory.build(name="Il Forno", contact_name="Giulia Bianchi"),
        applicant=verified_user("applicant@example.org"),
    )


def action_url(organisation, action):
    return f"/admin/partners/organisations/{organisation.pk}/{action}/"


# --- Listing and dashboard ------------------------------------------------------


def test_moderators_have_the_organisation_permissions():
    user = moderator()
    for perm in ("view_organisation", "change_organisation", "moderate_organisation"):
        assert user.has_perm(f"partners.{perm}")


def test_listing_filters_by_status_and_searches_by_name(mod_client, pending):
    OrganisationFactory(name="Casa Comune", status="approved")
    OrganisationFactory(name="Forno Sospeso", status="suspended")

    everything = mod_client.get(LISTING).content.decode()
    assert "Il Forno" in everything and "Casa Comune" in everything
    assert "Pending approval" in everything  # the status column

    only_pending = mod_client.get(LISTING, {"status": "pending"}).content.decode()
    assert "Il Forno" in only_pending and "Casa Comune" not in only_pending

    found = mod_client.get(LISTING, {"q": "forno"}).content.decode()
    assert "Il Forno" in found and "Forno Sospeso" in found and "Casa Comune" not in found


def test_listing_offers_the_moderation_actions_for_each_status(mod_client, pending):
    content = mod_client.get(LISTING).content.decode()
    assert action_url(pending, "approve") in content
    assert action_url(pending, "reject") in content
    assert action_url(pending, "more-information") in content
    edit = mod_client.get(f"{LISTING}edit/{pending.pk}/").content.decode()
    assert action_url(pending, "approve") in edit
    assert "Giulia Bianchi" in edit  # the private contact, for moderators


def test_listing_is_closed_to_partners(client):
    partner = verified_user("partner@example.org")
    create_approved_organisation(admin=partner)
    sign_in_with_mfa(client, partner)
    response = client.get(LISTING)
    assert response.status_code in (302, 403)
    assert "Il Forno" not in response.content.decode()


def test_dashboard_shows_pending_count_to_moderators_only(client, mod_client, pending):
    OrganisationFactory(status="pending")
    content = mod_client.get("/admin/").content.decode()
    assert "2 organisations are waiting for a decision." in content
    assert f"{LISTING}?status=pending" in content

    partner = verified_user("partner@example.org")
    create_approved_organisation(admin=partner)
    sign_in_with_mfa(client, partner)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "waiting for a decision" not in response.content.decode()


# --- Actions --------------------------------------------------------------------


def test_approve_is_a_confirmed_post(mod_client, pending, django_capture_on_commit_callbacks):
    confirm = mod_client.get(action_url(pending, "approve"))
    assert confirm.status_code == 200
    assert "Yes, approve" in confirm.content.decode()
    pending.refresh_from_db()
    assert pending.status == "pending"  # GET changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = mod_client.post(action_url(pending, "approve"))
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.is_approved
    assert PartnerPage.objects.get(organisation=pending).live
    assert [m.to for m in mail.outbox] == [["applicant@example.org"]]


def test_approving_confirms_with_a_message_naming_the_organisation(
    mod_client, pending, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = mod_client.post(action_url(pending, "approve"), follow=True)
    messages = [str(message).strip() for message in response.context["messages"]]
    assert messages == ["Il Forno is approved: its group, pages and media collection are ready."]


def test_reject_requires_a_reason_and_sends_it(
    mod_client, pending, django_capture_on_commit_callbacks
):
    response = mod_client.post(action_url(pending, "reject"), {"reason": ""})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == "pending"

    reason = "We could not find the cooperative in the register: please check the number."
    with django_capture_on_commit_callbacks(execute=True):
        mod_client.post(action_url(pending, "reject"), {"reason": reason})
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.REJECTED
    assert pending.moderation_note == reason
    assert len(mail.outbox) == 1 and reason in mail.outbox[0].body
    assert not PartnerPage.objects.filter(organisation=pending).exists()


def test_asking_for_more_information_keeps_it_pending_and_shows_the_question(
    client, mod_client, pending, django_capture_on_commit_callbacks
):
    question = "Which prison do you work with, and since when?"
    with django_capture_on_commit_callbacks(execute=True):
        mod_client.post(action_url(pending, "more-information"), {"reason": question})
    pending.refresh_from_db()
    assert pending.status == "pending" and pending.moderation_note == question
    assert question in mail.outbox[0].body
    assert "/partners/manage/il-forno/details/" in mail.outbox[0].body

    client.force_login(pending.applicant)
    overview = client.get("/partners/manage/il-forno/").content.decode()
    assert question in overview

    # The applicant answers by updating the application: the moderators hear of it.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/partners/manage/il-forno/details/",
            {
                "name": "Il Forno",
                "kind": "coop_b",
                "legal_form": "social_coop",
                "registry_number": "A123456",
                "description": "We work with the Lorusso e Cutugno prison since 2015.",
                "contact_name": "Giulia Bianchi",
                "contact_email": "giulia@example.org",
            },
        )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert "since 2015" in pending.description
    assert [m.to for m in mail.outbox] == [["moderator@example.org"]]


def test_informal_group_cannot_be_approved_before_vouching(mod_client, pending):
    pending.legal_form = Organisation.LegalForm.INFORMAL
    pending.vouched_by = create_approved_organisation()
    pending.save()
    assert action_url(pending, "approve") not in mod_client.get(LISTING).content.decode()
    response = mod_client.post(action_url(pending, "approve"))
    assert "cannot be approved until" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_people_without_the_moderate_permission_are_refused(client, pending):
    editor = verified_user("editor@example.org")
    from django.contrib.auth.models import Group

    editor.groups.add(Group.objects.get(name="Editors"))
    sign_in_with_mfa(client, editor)
    for action in ("approve", "reject", "more-information", "suspend", "reinstate"):
        for response in (
            client.get(action_url(pending, action)),
            client.post(action_url(pending, action), {"reason": "x"}),
        ):
            # Wagtail turns a refusal into a redirect to the dashboard with a message.
            assert (response.status_code, response.get("Location")) == (302, "/admin/")
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_actions_accept_only_get_and_post(mod_client, pending):
    assert mod_client.delete(action_url(pending, "approve")).status_code == 405


# --- Suspension -----------------------------------------------------------------


def test_suspension_removes_rights_and_unpublishes_everything(
    client, mod_client, django_capture_on_commit_callbacks
):
    translate_page(create_partner_index(), "it", title="Partner", slug="partner")
    admin = verified_user("admin@example.org")
    editor = verified_user("editor@example.org")
    organisation = create_approved_organisation(admin=admin, name="Il Forno")
    services.accept_invitation(
        services.invitation_token(
            services.invite_member(organisation, editor.email, "editor", admin)
        ),
        editor,
    )
    partner_page = PartnerPage.objects.get(organisation=organisation, locale__language_code="en")
    placement = create_placement(parent=partner_page, title="Baker's assistant")
    assert client.get(placement.url).status_code == 200

    confirm = mod_client.get(action_url(organisation, "suspend")).content.decode()
    assert "Nothing of this organisation stays public while it is suspended." in confirm
    assert "Baker&#x27;s assistant" in confirm or "Baker's assistant" in confirm

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        mod_client.post(action_url(organisation, "suspend"), {"reason": "Complaints to verify."})
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.SUSPENDED
    assert not GroupPagePermission.objects.filter(group=organisation.group).exists()
    assert not GroupCollectionPermission.objects.filter(group=organisation.group).exists()
    assert not organisation.group.user_set.exists()
    pages = services.organisation_pages(organisation)
    assert pages.count() == 3  # EN and IT partner pages, the placement
    assert not pages.live().exists()  # kept as drafts, none public
    for page in pages.specific():
        assert client.get(page.url or "/partners/il-forno/").status_code == 404
    assert client.get("/partners/il-forno/baker-s-assistant/").status_code == 404
    assert [m.to for m in mail.outbox] == [["admin@example.org"]]
    assert "Complaints to verify." in mail.outbox[0].body

    fresh_editor = type(editor).objects.get(pk=editor.pk)
    assert not partner_page.permissions_for_user(fresh_editor).can_edit()

    # Reinstating brings back the rights and exactly what was public.
    with django_capture_on_commit_callbacks(execute=True):
        mod_client.post(action_url(organisation, "reinstate"))
    organisation.refresh_from_db()
    assert organisation.is_approved
    assert pages.live().count() == 3
    assert client.get(placement.url).status_code == 200
    assert set(organisation.group.user_set.all()) == {admin, editor}
    fresh_editor = type(editor).objects.get(pk=editor.pk)
    assert Page.objects.get(pk=partner_page.pk).permissions_for_user(fresh_editor).can_edit()


def test_only_approved_organisations_can_be_suspended(mod_client, pending):
    response = mod_client.post(action_url(pending, "suspend"), {"reason": "x"})
    assert "Only an approved organisation can be suspended." in response.content.decode()
    with pytest.raises(services.PartnerError):
        services.suspend_organisation(pending, by=None, reason="x")


def test_suspension_cancels_moderation_in_progress(admin_user):
    organisation = create_approved_organisation(name="Il Forno")
    page = PartnerPage.objects.get(organisation=organisation)
    page.intro = "A change waiting for the moderators."
    page.save_revision(user=organisation.applicant)
    workflow = page.get_workflow()
    assert workflow is not None, "the site has a moderation workflow"
    workflow.start(page, organisation.applicant)
    assert page.workflow_in_progress

    services.suspend_organisation(organisation, by=admin_user, reason="Checks.")
    page = PartnerPage.objects.get(pk=page.pk)
    assert not page.workflow_in_progress
    assert not page.live
