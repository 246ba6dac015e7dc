"""allauth's pages wear the site's design and stay accessible."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import verified_user, with_mfa

pytestmark = pytest.mark.django_db


def assert_in_site_design(response):
    html = response.content.decode()
    assert response.status_code == 200
    assert '<header class="site-header">' in html
    assert '<main id="main" class="site-main">' in html
    main = html[html.index("<main") : html.index("</main>")]
    assert re.search(r'<div class="container[^"]*">', main)
    assert main.count("<h1") == 1
    assert '<meta name="robots" content="noindex">' in html
    # Every visible control of a form has a label.
    for control_id in re.findall(
        r'<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*id="([^"]+)"', main
    ):
        if control_id != "site-search-q":
            assert f'for="{control_id}"' in main, control_id


@pytest.mark.parametrize(
    "name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_email_verification_sent",
    ],
)
def test_entrance_pages(client, name):
    assert_in_site_design(client.get(reverse(name)))


@pytest.mark.parametrize(
    "name",
    ["account_email", "account_change_password", "mfa_index"],
)
def test_account_management_pages_have_the_account_navigation(client, name):
    client.force_login(verified_user())
    response = client.get(reverse(name))
    assert_in_site_design(response)
    html = response.content.decode()
    assert 'class="account-nav"' in html
    assert f'href="{reverse("me")}"' in html


def test_mfa_pages_of_an_account_with_an_authenticator(client):
    user = verified_user()
    with_mfa(user)
    client.force_login(user)
    client.post(
        reverse("account_reauthenticate"),
        {"password": "a long test password 42", "next": reverse("mfa_index")},
    )
    for name in ("mfa_index", "mfa_deactivate_totp", "mfa_generate_recovery_codes"):
        assert_in_site_design(client.get(reverse(name)))


def test_reauthentication_page(client):
    client.force_login(verified_user())
    response = client.get(reverse("account_reauthenticate"))
    assert_in_site_design(response)
    assert 'autocomplete="current-password"' in response.content.decode()


def test_page_title_comes_from_allauth(client):
    html = client.get(reverse("account_signup")).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert " ".join(title.split()) == "Signup · Cooperativa"


@override_settings(ACCOUNT_RATE_LIMITS={"signup": "1/m/ip"})
def test_a_rate_limit_is_explained(client):
    client.post(reverse("account_signup"), {"email": "one@example.org"})
    response = client.post(reverse("account_signup"), {"email": "two@example.org"})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "Wait a few minutes" in response.content.decode()
