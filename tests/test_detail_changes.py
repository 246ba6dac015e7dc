"""An approved organisation's new public details go live only when a
moderator approves them: until then its page, the directory, its JSON-LD and
the API show the details as they were."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.models import ModelLogEntry

from partners import services
from partners.models import DetailChange, Membership
from tests.factories import (
    AreaFactory,
    create_approved_organisation,
    login_with_mfa,
    moderator,
    verified_user,
    with_mfa,
)

pytestmark = pytest.mark.django_db

OLD_WEBSITE = "https://ilforno.example.it"
NEW_WEBSITE = "https://scam.example.com"
DETAILS_URL = "/partners/manage/il-forno/details/"
LIST_URL = "/admin/partners/organisations/detail-changes/"


@pytest.fixture
def admin():
    # Organisation admins see other people's details: two-factor is required.
    user = verified_user("admin@example.org")
    with_mfa(user)
    return user


@pytest.fixture
def organisation(admin):
    organisation = create_approved_organisation(
        admin=admin,
        name="Il Forno",
        website=OLD_WEBSITE,
        phone="011 111 1111",
        description="A bakery in Torino.",
        contact_name="Giulia Bianchi",
        contact_email="giulia@example.org",
    )
    organisation.areas.set([AreaFactory(name="Torino", slug="torino")])
    return organisation


@pytest.fixture
def mod_client(client):
    user = moderator("moderator@example.org")
    with_mfa(user)
    login_with_mfa(client, user)
    client.user = user
    return client


def new_details(**changes):
    return {
        "description": "We sell miracle cures.",
        "website": NEW_WEBSITE,
        "address": "Via Falsa 1",
        "phone": "099 999 9999",
        "email": "info@scam.example.com",
        "areas": [AreaFactory(name="Bra", slug="bra").pk],
        "contact_name": "Marco Rossi",
        "contact_email": "marco@example.org",
        **changes,
    }


def public_texts(client, organisation):
    """What the public sees of the organisation: its page (with JSON-LD),
    the directory and the API."""
    page = organisation.pages.get()
    profile = client.get(page.url).content.decode()
    directory = client.get("/partners/").content.decode()
    api = client.get(f"/api/v2/pages/{page.pk}/").content.decode()
    soup = BeautifulSoup(profile, "html.parser")
    json_ld = " ".join(s.string or "" for s in soup.select("script[type='application/ld+json']"))
    return {"profile": profile, "directory": directory, "api": api, "json-ld": json_ld}


def sign_in_with_mfa(client, user):
    """An administrator of an approved organisation sees other people's data,
    so must have an authenticator app before the management area opens."""
    if not user.authenticator_set.exists():
        with_mfa(user)
    client.force_login(user)


def submit(client, admin, django_capture_on_commit_callbacks, **changes):
    sign_in_with_mfa(client, admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DETAILS_URL, new_details(**changes))
    assert response.status_code == 302
    return DetailChange.objects.get(status="pending")


def test_public_changes_wait_unseen_and_private_ones_save_at_once(
    client, admin, organisation, django_capture_on_commit_callbacks
):
    moderator("moderator@example.org")
    before = public_texts(client, organisation)
    assert OLD_WEBSITE in before["profile"] and OLD_WEBSITE in before["json-ld"]
    assert OLD_WEBSITE in before["api"]

    submit(client, admin, django_capture_on_commit_callbacks)

    organisation.refresh_from_db()
    assert organisation.website == OLD_WEBSITE
    assert organisation.phone == "011 111 1111"
    assert [area.slug for area in organisation.areas.all()] == ["torino"]
    # The contact person is private: nothing to moderate.
    assert organisation.contact_name == "Marco Rossi"
    client.logout()
    for where, text in public_texts(client, organisation).items():
        for new in (NEW_WEBSITE, "miracle cures", "Via Falsa", "099 999 9999", "Bra (TO)"):
            assert new not in text, (where, new)
    assert [m.to for m in mail.outbox] == [["moderator@example.org"]]
    assert LIST_URL in mail.outbox[0].body
    assert ModelLogEntry.objects.filter(action="partners.submit_details", user=admin).exists()

    # The administrator sees what waits, in the form and in words.
    sign_in_with_mfa(client, admin)
    form_page = client.get(DETAILS_URL).content.decode()
    assert "Changes waiting for a moderator" in form_page
    assert f'value="{NEW_WEBSITE}"' in form_page


def test_saving_again_updates_the_waiting_change_and_does_not_email_again(
    client, admin, organisation, django_capture_on_commit_callbacks
):
    moderator("moderator@example.org")
    submit(client, admin, django_capture_on_commit_callbacks)
    change = submit(client, admin, django_capture_on_commit_callbacks, phone="098 888 8888")
    assert DetailChange.objects.count() == 1
    assert change.changes["phone"] == "098 888 8888"
    assert len(mail.outbox) == 1


def test_a_moderator_compares_and_approves(
    client, mod_client, admin, organisation, django_capture_on_commit_callbacks
):
    change = submit(client, admin, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    login_with_mfa(client, mod_client.user)

    listing = client.get(LIST_URL).content.decode()
    assert "Il Forno" in listing
    assert OLD_WEBSITE in listing and NEW_WEBSITE in listing
    assert "Torino (TO)" in listing and "Bra (TO)" in listing
    approve = f"/admin/partners/organisations/{organisation.pk}/approve-details/"
    assert approve in listing
    screen = client.get(approve).content.decode()
    assert OLD_WEBSITE in screen and NEW_WEBSITE in screen

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(approve)
    assert response.status_code == 302 and response["Location"] == LIST_URL
    change.refresh_from_db()
    assert change.status == "approved" and change.decided_by == mod_client.user
    organisation.refresh_from_db()
    assert organisation.website == NEW_WEBSITE and organisation.address == "Via Falsa 1"
    assert [area.slug for area in organisation.areas.all()] == ["bra"]
    assert [m.to for m in mail.outbox] == [["admin@example.org"]]
    assert "approved the new details" in mail.outbox[0].body
    assert ModelLogEntry.objects.filter(action="partners.approve_details").exists()

    client.logout()
    seen = public_texts(client, organisation)
    assert NEW_WEBSITE in seen["profile"] and NEW_WEBSITE in seen["api"]
    assert NEW_WEBSITE in seen["json-ld"]
    login_with_mfa(client, mod_client.user)
    assert "No changes of details are waiting." in client.get(LIST_URL).content.decode()


def test_a_moderator_rejects_with_a_reason(
    client, mod_client, admin, organisation, django_capture_on_commit_callbacks
):
    change = submit(client, admin, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    login_with_mfa(client, mod_client.user)
    reject = f"/admin/partners/organisations/{organisation.pk}/reject-details/"
    assert mod_client.post(reject, {"reason": ""}).status_code == 200
    change.refresh_from_db()
    assert change.status == "pending"

    with django_capture_on_commit_callbacks(execute=True):
        response = mod_client.post(reject, {"reason": "The website is not yours."})
    assert response.status_code == 302
    change.refresh_from_db()
    assert change.status == "rejected" and change.reason == "The website is not yours."
    organisation.refresh_from_db()
    assert organisation.website == OLD_WEBSITE
    assert [m.to for m in mail.outbox] == [["admin@example.org"]]
    assert "The website is not yours." in mail.outbox[0].body
    assert ModelLogEntry.objects.filter(
        action="partners.reject_details", data__reason="The website is not yours."
    ).exists()
    # Decided once: a second decision is refused.
    with pytest.raises(services.PartnerError):
        services.approve_detail_change(change, by=mod_client.user)


ROLES = ["anonymous", "partner_admin", "partner_editor", "moderator"]


@pytest.mark.parametrize(
    ("role", "action", "allowed"),
    [
        (role, action, role == "moderator")
        for role in ROLES
        for action in ("list", "approve_details", "reject_details")
    ],
)
def test_only_moderators_see_and_decide_changes(
    client, admin, organisation, django_capture_on_commit_callbacks, role, action, allowed
):
    submit(client, admin, django_capture_on_commit_callbacks)
    client.logout()
    people = {
        "partner_admin": lambda: admin,
        "partner_editor": lambda: (
            Membership.objects.create(
                user=verified_user("editor@example.org"), organisation=organisation, role="editor"
            ).user
        ),
        "moderator": lambda: moderator("moderator@example.org"),
    }
    if role in people:
        person = people[role]()
        if not person.authenticator_set.exists():
            with_mfa(person)
        login_with_mfa(client, person)
    url = (
        LIST_URL
        if action == "list"
        else f"/admin/partners/organisations/{organisation.pk}/{action.replace('_', '-')}/"
    )
    response = client.get(url)
    assert (response.status_code == 200) is allowed
    if action != "list":
        client.post(url, {"reason": "No."})
        status = DetailChange.objects.get().status
        assert (status != "pending") is allowed
        organisation.refresh_from_db()
        assert organisation.website == (
            NEW_WEBSITE if allowed and action == "approve_details" else OLD_WEBSITE
        )
