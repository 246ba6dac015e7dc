"""Two-factor authentication: required before the admin, asked for at sign-in."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from django.urls import reverse

from tests.factories import DEFAULT_TEST_PASSWORD, totp_code, verified_user, with_mfa

pytestmark = pytest.mark.django_db


SETUP_URL = reverse("mfa_activate_totp")


def editor(**fields):
    """A cooperative member who can open the admin (not a superuser)."""
    group, _created = Group.objects.get_or_create(name="Editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = verified_user(**fields)
    user.groups.add(group)
    return user


def sign_in(client, user, next_url=None):
    data = {"login": user.email, "password": DEFAULT_TEST_PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("account_login"), data)


@pytest.mark.parametrize(
    ("role", "has_totp", "expected"),
    [
        ("participant", False, "no admin"),
        ("editor", False, "set up MFA"),
        ("editor", True, "admin"),
        ("superuser", False, "set up MFA"),
        ("superuser", True, "admin"),
    ],
)
def test_who_must_set_up_mfa_before_the_admin(client, role, has_totp, expected):
    user = {
        "participant": verified_user,
        "editor": editor,
        "superuser": lambda: verified_user(is_superuser=True, is_staff=True),
    }[role]()
    if has_totp:
        with_mfa(user)
    client.force_login(user)

    response = client.get("/admin/")

    if expected == "admin":
        assert response.status_code == 200
    elif expected == "set up MFA":
        assert response.status_code == 302
        assert response["Location"] == f"{SETUP_URL}?next=%2Fadmin%2F"
    else:
        # Wagtail turns the participant away; nobody asks them for a code.
        assert response.status_code == 302
        assert not response["Location"].startswith(SETUP_URL)
        assert client.get(reverse("me")).status_code == 200


def test_setup_is_explained_and_leads_back_to_the_admin(client):
    user = editor()
    sign_in(client, user)

    response = client.get("/admin/pages/", follow=True)
    assert response.redirect_chain[-1][0] == f"{SETUP_URL}?next=%2Fadmin%2Fpages%2F"
    page = response.content.decode()
    assert "must be protected with two-factor authentication" in page
    assert "QR code to scan with your authenticator app" in page

    secret = client.session["mfa.totp.secret"]
    response = client.post(SETUP_URL, {"code": totp_code(secret)})
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()

    codes_page = client.get(response["Location"]).content.decode()
    assert 'href="/admin/pages/"' in codes_page
    assert client.get("/admin/pages/").status_code == 200


def test_setup_ignores_a_next_address_on_another_site(client):
    user = editor()
    sign_in(client, user)
    client.get(f"{SETUP_URL}?next=https://evil.example.com/")
    secret = client.session["mfa.totp.secret"]

    response = client.post(SETUP_URL, {"code": totp_code(secret)})
    codes_page = client.get(response["Location"]).content.decode()

    assert "evil.example.com" not in codes_page


def test_a_wrong_setup_code_is_refused(client):
    user = editor()
    sign_in(client, user)
    client.get(SETUP_URL)

    response = client.post(SETUP_URL, {"code": "000000"})

    assert response.status_code == 200
    assert "Incorrect code." in response.content.decode()
    assert not Authenticator.objects.filter(user=user).exists()


def test_sign_in_with_totp_asks_for_the_code_then_opens_the_admin(client):
    user = editor()
    secret = with_mfa(user)

    response = sign_in(client, user, next_url="/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    # Password alone is not a session.
    assert client.get("/admin/").status_code == 302

    response = client.post(reverse("mfa_authenticate"), {"code": "123456"})
    assert response.status_code == 200
    assert client.get(reverse("me")).status_code == 302

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


@override_settings(MFA_REQUIRED_FOR_ADMIN=False, DEBUG=False)
def test_the_requirement_cannot_be_switched_off_outside_debug(client):
    client.force_login(editor())
    response = client.get("/admin/")
    assert response["Location"].startswith(SETUP_URL)


@override_settings(MFA_REQUIRED_FOR_ADMIN=False, DEBUG=True)
def test_a_developer_can_switch_the_requirement_off(client):
    client.force_login(editor())
    assert client.get("/admin/").status_code == 200


def test_signing_out_of_the_admin_works_without_mfa(client):
    client.force_login(editor())
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert not response["Location"].startswith(SETUP_URL)
    assert "_auth_user_id" not in client.session


def test_admin_account_page_hands_email_and_password_to_allauth(client):
    user = verified_user(is_superuser=True, is_staff=True)
    with_mfa(user)
    client.force_login(user)

    page = client.get(reverse("wagtailadmin_account")).content.decode()

    assert 'name="name_email-email"' not in page
    assert 'name="password-new_password1"' not in page
    for name in ("account_email", "account_change_password", "mfa_index"):
        assert f'href="{reverse(name)}"' in page


def test_changing_an_existing_authenticator_asks_for_the_password_again(client):
    user = editor()
    secret = with_mfa(user)
    sign_in(client, user)
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert client.get(reverse("me")).status_code == 200

    response = client.get(reverse("mfa_deactivate_totp"))

    assert response.status_code == 302
    assert response["Location"].split("?")[0] in (
        reverse("account_reauthenticate"),
        reverse("mfa_reauthenticate"),
    )
