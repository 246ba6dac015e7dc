"""One way in and out, and two-factor authentication before other people's data.

- Wagtail's front-end login for private pages (a bare Django LoginView) and
  the admin's login lead to allauth's login page: a password alone never
  makes a session there.
- A GET never signs anyone out (allauth's logout page, the admin's logout).
- Everyone who can see other people's data (the admin, the partners'
  management area) must have an authenticator app first: one rule, in
  cooperativa.accounts.middleware.
- A person just signed in by the verification link sets up their first
  authenticator without typing the password again.
"""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from partners import services
from partners.models import JoinRequest, Membership
from tests.factories import (
    DEFAULT_TEST_PASSWORD,
    create_approved_organisation,
    login_with_mfa,
    moderator,
    totp_code,
    verified_user,
    with_mfa,
)
from tests.helpers import is_signed_in, sign_in_with_mfa

pytestmark = pytest.mark.django_db

SETUP_URL = "/accounts/2fa/totp/activate/"


# --- One login ------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/it"])
def test_wagtails_private_page_login_cannot_sign_in(client, prefix):
    user = verified_user(email="someone@example.org")
    with_mfa(user)

    response = client.post(
        f"{prefix}/_util/login/?next=/",
        {"username": user.email, "password": DEFAULT_TEST_PASSWORD},
    )

    assert not is_signed_in(client)
    assert response.status_code == 302
    assert response["Location"] == f"{prefix}/accounts/login/?next=/"


@pytest.mark.parametrize("prefix", ["", "/it"])
def test_wagtails_private_page_login_leads_to_allauths_page(client, prefix):
    response = client.get(f"{prefix}/_util/login/?next={prefix}/private/", follow=True)

    assert response.redirect_chain[-1][0] == f"{prefix}/accounts/login/?next={prefix}/private/"
    assert 'name="login"' in response.content.decode()


def test_private_pages_send_visitors_to_allauths_login(client):
    from wagtail.models import PageViewRestriction

    from tests.factories import create_partner_index

    index = create_partner_index()
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(index.url)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={index.url}"


def test_the_admin_login_cannot_sign_in(client):
    user = verified_user(is_superuser=True, is_staff=True)
    with_mfa(user)

    client.post("/admin/login/", {"username": user.email, "password": DEFAULT_TEST_PASSWORD})

    assert not is_signed_in(client)


# --- Logout only by POST ----------------------------------------------------------


@pytest.mark.parametrize("url", ["/accounts/logout/", "/admin/logout/", "/it/accounts/logout/"])
def test_a_get_does_not_sign_out(client, url):
    user = verified_user(is_superuser=True, is_staff=True)
    sign_in_with_mfa(client, user)

    response = client.get(url)

    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    assert is_signed_in(client)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("url", ["/accounts/logout/", "/admin/logout/"])
def test_the_logout_form_signs_out(client, url):
    user = verified_user(is_superuser=True, is_staff=True)
    sign_in_with_mfa(client, user)

    response = client.post(url)

    assert response.status_code == 302
    assert not is_signed_in(client)


def test_the_admin_menus_log_out_posts_to_a_logout_that_works(client):
    user = verified_user(is_superuser=True, is_staff=True)
    sign_in_with_mfa(client, user)

    sidebar = client.get("/admin/").content.decode()
    assert reverse("wagtailadmin_logout") == "/admin/logout/"
    assert "/admin/logout/" in sidebar

    client.post("/admin/logout/")
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")


# --- Two-factor rule: roles x areas ---------------------------------------------


def _editor_of_the_cooperative():
    group, _created = Group.objects.get_or_create(name="Editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = verified_user()
    user.groups.add(group)
    return user


@pytest.fixture
def organisation():
    admin = verified_user(email="admin@forno.example.org")
    organisation = create_approved_organisation(admin=admin, name="Il Forno")
    applicant = verified_user(email="applicant@example.org")
    JoinRequest.objects.create(
        user=applicant, organisation=organisation, message="I baked for ten years."
    )
    return organisation


def _person(role, organisation):
    """The person for ``role``, and whether they have an authenticator."""
    if role == "anonymous":
        return None
    if role == "participant":
        return verified_user()
    if role.startswith("partner"):
        if role.startswith("partner admin"):
            user = organisation.memberships.get(role=Membership.Role.ADMIN).user
        else:
            user = verified_user()
            Membership.objects.create(
                user=user, organisation=organisation, role=Membership.Role.EDITOR
            )
            services.sync_group(organisation)
    elif role.startswith("moderator"):
        user = moderator()
    elif role.startswith("superuser"):
        user = verified_user(is_superuser=True, is_staff=True)
    if role.endswith("with MFA"):
        with_mfa(user)
    return user


ROLES = [
    "anonymous",
    "participant",
    "partner member without MFA",
    "partner member with MFA",
    "partner admin without MFA",
    "partner admin with MFA",
    "moderator without MFA",
    "moderator with MFA",
    "superuser with MFA",
]
AREAS = ["admin", "manage", "requests", "invite"]
LOGIN, SETUP, OK, DENIED, NOT_FOUND = "login", "set up MFA", 200, 403, 404
# One row per role: what each area answers.
EXPECTED = {
    "anonymous": [LOGIN, LOGIN, LOGIN, LOGIN],
    # No other person's data to see: no code asked.
    "participant": [LOGIN, OK, NOT_FOUND, NOT_FOUND],
    "partner member without MFA": [SETUP, SETUP, SETUP, SETUP],
    "partner member with MFA": [OK, OK, DENIED, DENIED],
    "partner admin without MFA": [SETUP, SETUP, SETUP, SETUP],
    "partner admin with MFA": [OK, OK, OK, 302],
    "moderator without MFA": [SETUP, SETUP, SETUP, SETUP],
    "moderator with MFA": [OK, OK, NOT_FOUND, NOT_FOUND],
    "superuser with MFA": [OK, OK, NOT_FOUND, NOT_FOUND],
}


@pytest.mark.parametrize(
    ("role", "area", "expected"),
    [(role, area, EXPECTED[role][index]) for role in ROLES for index, area in enumerate(AREAS)],
)
def test_two_factor_rule(client, organisation, role, area, expected):
    user = _person(role, organisation)
    if user is not None:
        login_with_mfa(client, user)
    slug = organisation.slug
    if area == "admin":
        response = client.get("/admin/")
    elif area == "manage":
        response = client.get("/partners/manage/")
    elif area == "requests":
        response = client.get(f"/partners/manage/{slug}/requests/")
    else:
        response = client.post(
            f"/partners/manage/{slug}/members/invite/",
            {"email": "new.person@example.org", "role": "editor"},
        )

    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    elif expected == SETUP:
        assert response.status_code == 302
        assert response["Location"].startswith(f"{SETUP_URL}?next=")
        # Nothing was done on the way: no invitation left.
        assert not mail.outbox
    else:
        assert response.status_code == expected
    if area == "requests" and expected == OK:
        assert "I baked for ten years." in response.content.decode()
    if area == "invite":
        sent = organisation.invitations.filter(email="new.person@example.org").exists()
        assert sent == (expected == 302)


def test_the_set_up_explains_why_and_leads_back_to_the_management_area(client, organisation):
    admin = organisation.memberships.get(role=Membership.Role.ADMIN).user
    client.force_login(admin)
    url = f"/partners/manage/{organisation.slug}/requests/"

    response = client.get(url, follow=True)

    assert (
        response.redirect_chain[0][0]
        == f"{SETUP_URL}?next=%2Fpartners%2Fmanage%2Fil-forno%2Frequests%2F"
    )
    page = response.content.decode()
    assert "can see other people&#x27;s details" in page
    assert "I baked for ten years." not in page


def test_the_italian_management_area_is_protected_too(client, organisation):
    admin = organisation.memberships.get(role=Membership.Role.ADMIN).user
    client.force_login(admin)

    response = client.get(f"/it/partners/manage/{organisation.slug}/requests/")

    assert response.status_code == 302
    assert response["Location"].startswith("/it/accounts/2fa/totp/activate/?next=")


def test_an_applicant_of_a_pending_organisation_needs_no_code(client):
    """Before approval the organisation holds only the applicant's own data."""
    from tests.factories import OrganisationFactory

    applicant = verified_user()
    organisation = OrganisationFactory(applicant=applicant, status="pending")
    Membership.objects.create(user=applicant, organisation=organisation, role="admin")
    client.force_login(applicant)

    assert client.get(f"/partners/manage/{organisation.slug}/").status_code == 200


# --- Signed in by the verification link -------------------------------------------


def signed_up_by_the_verification_link(client, capture):
    """Sign up as new@example.org and follow the link in the email, which signs in."""
    password = "a fresh long password 97"
    with capture(execute=True):
        client.post(
            "/accounts/signup/",
            {"email": "new@example.org", "password1": password, "password2": password},
        )
    link = re.search(r"http://testserver(/accounts/confirm-email/[^\s]+/)", mail.outbox[0].body)
    client.post(link.group(1))


def test_signed_in_by_the_verification_link_sets_up_mfa_without_the_password_again(
    client, django_capture_on_commit_callbacks
):
    signed_up_by_the_verification_link(client, django_capture_on_commit_callbacks)
    assert is_signed_in(client)

    response = client.get(SETUP_URL)
    assert response.status_code == 200, response.get("Location")
    secret = client.session["mfa.totp.secret"]
    client.post(SETUP_URL, {"code": totp_code(secret)})

    assert Authenticator.objects.filter(user__email="new@example.org").exists()


def test_the_verification_sign_in_does_not_skip_other_password_checks(
    client, django_capture_on_commit_callbacks
):
    signed_up_by_the_verification_link(client, django_capture_on_commit_callbacks)

    response = client.get(reverse("me_export"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
