"""The participant's own pages: profile, data export, deletion; and the admin's user screens."""

import json

import pytest
from django.core import mail
from django.urls import reverse

from cooperativa.accounts.models import User
from tests.factories import verified_user, with_mfa
from tests.helpers import reauthenticate

pytestmark = pytest.mark.django_db


def test_profile_needs_signing_in(client):
    response = client.get("/me/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/me/"


def test_profile_shows_links_to_email_password_and_mfa(client):
    user = verified_user(email="anna@example.org", display_name="Anna")
    client.force_login(user)

    page = client.get("/me/").content.decode()

    assert "anna@example.org" in page
    for name in ("account_email", "account_change_password", "mfa_index", "me_export", "me_delete"):
        assert f'href="{reverse(name)}"' in page
    assert 'autocomplete="nickname"' in page


def test_profile_update_is_saved_and_switches_language(client):
    user = verified_user(display_name="Anna")
    client.force_login(user)

    response = client.post(
        "/me/",
        {
            "display_name": "  Anna   Bianchi ",
            "preferred_language": "it",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/it/me/"
    assert response.cookies["django_language"].value == "it"
    user.refresh_from_db()
    assert user.display_name == "Anna Bianchi"
    assert user.preferred_language == "it"
    page = client.get("/it/me/").content.decode()
    assert '<html lang="it"' in page


def test_profile_errors_keep_what_was_typed(client):
    user = verified_user(display_name="Anna")
    client.force_login(user)
    long_name = "A" * 81

    response = client.post("/me/", {"display_name": long_name, "preferred_language": "xx"})

    assert response.status_code == 200
    page = response.content.decode()
    assert f'value="{long_name}"' in page
    assert "Your display name can be at most 80 characters long; it has 81." in page
    assert 'href="#id_preferred_language"' in page
    user.refresh_from_db()
    assert user.display_name == "Anna"


def test_data_export_asks_for_the_password_then_gives_the_accounts_data(client):
    user = verified_user(
        email="anna@example.org",
        display_name="Anna",
        preferred_language="it",
    )
    with_mfa(user)
    client.force_login(user)

    response = client.get(reverse("me_export"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))

    reauthenticate(client, reverse("me_export"))
    response = client.get(reverse("me_export"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="cooperativa-my-data-')
    raw = response.content.decode()
    data = json.loads(raw)["account"]
    assert data["email"] == "anna@example.org"
    assert data["display_name"] == "Anna"
    assert data["preferred_language"] == "it"
    # No choice of emails that nothing sends is stored, so none is exported.
    assert "preferences" not in data
    assert data["email_addresses"] == [
        {"email": "anna@example.org", "verified": True, "primary": True}
    ]
    assert [entry["type"] for entry in data["two_factor_authentication"]] == ["totp"]
    assert data["date_joined"]
    user.refresh_from_db()
    assert user.password not in raw
    for secret_word in ("password", "secret", "md5$"):
        assert secret_word not in raw


def test_deleting_the_account_asks_for_the_password_and_a_confirmation(
    client, django_capture_on_commit_callbacks
):
    user = verified_user(email="leaving@example.org", display_name="Paolo")
    client.force_login(user)
    delete_url = reverse("me_delete")

    assert client.get(delete_url)["Location"].startswith(reverse("account_reauthenticate"))
    reauthenticate(client, delete_url)

    response = client.post(delete_url, {})
    assert response.status_code == 200
    assert "Tick the box to confirm that you want to delete your account." in (
        response.content.decode()
    )
    assert User.objects.filter(pk=user.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(delete_url, {"confirm": "on"}, follow=True)

    assert not User.objects.filter(pk=user.pk).exists()
    assert "_auth_user_id" not in client.session
    assert "Your account and its data have been deleted." in response.content.decode()
    assert [message.to for message in mail.outbox] == [["leaving@example.org"]]
    assert mail.outbox[0].subject == "[Cooperativa] Your account has been deleted"
    assert "Hello Paolo," in mail.outbox[0].body


def test_the_only_administrator_cannot_delete_their_account(client):
    admin = verified_user(is_superuser=True, is_staff=True)
    with_mfa(admin)
    client.force_login(admin)
    reauthenticate(client, reverse("me_delete"))

    response = client.post(reverse("me_delete"), {"confirm": "on"})

    assert response.status_code == 200
    assert "This is the only administrator account" in response.content.decode()
    assert User.objects.filter(pk=admin.pk).exists()


def test_admin_can_list_and_edit_users_without_usernames(client):
    admin = verified_user(is_superuser=True, is_staff=True)
    with_mfa(admin)
    member = verified_user(email="member@example.org", display_name="Old name")
    client.force_login(admin)

    listing = client.get(reverse("wagtailusers_users:index"))
    assert listing.status_code == 200
    assert "member@example.org" in listing.content.decode()

    edit_url = reverse("wagtailusers_users:edit", args=[member.pk])
    form_page = client.get(edit_url)
    assert form_page.status_code == 200
    assert 'name="display_name"' in form_page.content.decode()

    response = client.post(
        edit_url,
        {
            "email": "member@example.org",
            "first_name": "",
            "last_name": "",
            "display_name": "New name",
            "preferred_language": "it",
            "is_active": "on",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    member.refresh_from_db()
    assert member.display_name == "New name"
    assert member.preferred_language == "it"


def test_admin_can_create_a_user_by_email(client):
    admin = verified_user(is_superuser=True, is_staff=True)
    with_mfa(admin)
    client.force_login(admin)

    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "volunteer@example.org",
            "first_name": "",
            "last_name": "",
            "display_name": "Giulia",
            "preferred_language": "",
            "password1": "a long new password 55",
            "password2": "a long new password 55",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    created = User.objects.get(email="volunteer@example.org")
    assert created.display_name == "Giulia"
    assert created.check_password("a long new password 55")


def test_the_profile_offers_no_emails_the_platform_does_not_send(client):
    """Nothing sends opportunity alerts or a newsletter yet: the profile must
    not offer them, and ticking them (an old form, a crafted request) stores
    nothing."""
    user = verified_user(display_name="Anna")
    client.force_login(user)

    page = client.get("/me/").content.decode()
    response = client.post(
        "/me/",
        {
            "display_name": "Anna",
            "preferred_language": "",
            "email_opportunity_alerts": "on",
            "email_newsletter": "on",
        },
    )

    for promise in (
        "email_opportunity_alerts",
        "email_newsletter",
        "newsletter",
        "new opportunities",
    ):
        assert promise not in page
    assert response.status_code == 302
    user.refresh_from_db()
    assert not hasattr(user, "email_opportunity_alerts")
    assert not hasattr(user, "email_newsletter")
