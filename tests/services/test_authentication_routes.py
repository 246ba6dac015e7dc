"""Every address that could sign someone in, found in the URLconf itself.

The resolver is walked recursively, in every language (the i18n-prefixed
routes too). A route is an authentication route when its view comes from an
authentication module (Django's auth views, allauth's account and MFA views,
Wagtail's admin account views) or is one of Wagtail's password forms, or is
a redirect that stands in front of one of them: classified by the view's
class and module, so a route added by a future upgrade is tried as well.

Each route is tried with a real password (and every field name a login form
might use) by a fresh browser. Only allauth's login, and only after the
authenticator app's code, yields a session that reaches /admin/ or the
organisation's requests to join. Runs on PostgreSQL with Redis as the cache,
where allauth's rate limits count.
"""

import re
import time

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation
from django.views.generic import RedirectView
from wagtail.models import PageViewRestriction

from partners.models import JoinRequest
from tests.factories import (
    DEFAULT_TEST_PASSWORD,
    create_approved_organisation,
    create_partner_index,
    verified_user,
)

pytestmark = [pytest.mark.services, pytest.mark.django_db]

AUTHENTICATION_MODULES = (
    "django.contrib.auth.",
    "allauth.account.",
    "allauth.mfa.",
    "wagtail.admin.views.account",
)


def _view(pattern):
    callback = pattern.callback
    return getattr(callback, "view_class", None) or callback


def is_authentication_view(view):
    module = getattr(view, "__module__", "")
    name = getattr(view, "__name__", "")
    if module.startswith(AUTHENTICATION_MODULES):
        return True
    if isinstance(view, type) and issubclass(
        view, auth_views.LoginView | auth_views.LogoutView | auth_views.PasswordResetConfirmView
    ):
        return True
    # Wagtail's page and document password forms.
    return name == "authenticate_with_password"


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def _concrete(route, values):
    """An address for ``route``, its parameters filled from ``values``."""
    route = route.lstrip("^").replace("$", "")

    def fill(match):
        name = match.group("name")
        return str(values.get(name, "1"))

    route = re.sub(r"<(?:\w+:)?(?P<name>\w+)>", fill, route)
    route = re.sub(r"\(\?P<(?P<name>\w+)>[^)]*\)", fill, route)
    return "/" + route


def authentication_routes(values):
    """(address, view) for every authentication route, in every language."""
    from django.conf import settings

    found = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for route, pattern in _walk(get_resolver().url_patterns):
                view = _view(pattern)
                if is_authentication_view(view) or (
                    # A redirect standing in front of a login (/admin/login/…).
                    isinstance(view, type)
                    and issubclass(view, RedirectView)
                    and "login" in (pattern.name or "")
                ):
                    found[_concrete(route, values)] = view
    return found


def _totp_code(secret):
    """What the authenticator app shows now (allauth's own HOTP helpers)."""
    from allauth.mfa import app_settings as mfa_settings

    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


@pytest.fixture
def person():
    """A superuser who also administers an organisation, with an authenticator."""
    cache.clear()
    user = verified_user(email="boss@example.org", is_superuser=True, is_staff=True)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    organisation = create_approved_organisation(admin=user, name="Il Forno")
    JoinRequest.objects.create(
        user=verified_user(email="applicant@example.org"),
        organisation=organisation,
        message="A personal message.",
    )
    return user, secret, organisation


def reaches_other_peoples_data(client, organisation):
    admin = client.get("/admin/")
    requests = client.get(f"/partners/manage/{organisation.slug}/requests/")
    return admin.status_code == 200 or requests.status_code == 200


def _route_values(user):
    index = create_partner_index()
    restriction = PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.PASSWORD, password="page password"
    )
    unverified = EmailAddress.objects.create(
        user=user, email="second@example.org", verified=False, primary=False
    )
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    return {
        "page_view_restriction_id": restriction.pk,
        "page_id": index.pk,
        "restriction_id": 1,
        "key": EmailConfirmationHMAC(unverified).key,
        "uidb36": user_pk_to_url_str(user),
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }


def test_every_authentication_route_is_found_in_both_languages(person):
    user, _secret, _organisation = person
    routes = authentication_routes(_route_values(user))
    addresses = set(routes)

    for expected in (
        "/accounts/login/",
        "/it/accounts/login/",
        "/_util/login/",
        "/it/_util/login/",
        "/admin/login/",
        "/admin/logout/",
        "/admin/password_reset/",
    ):
        assert expected in addresses
    assert any(address.startswith("/_util/authenticate_with_password/") for address in addresses)
    assert any(
        address.startswith("/documents/authenticate_with_password/") for address in addresses
    )


def test_only_allauths_login_with_the_code_opens_other_peoples_data(person):
    user, secret, organisation = person
    routes = authentication_routes(_route_values(user))
    credentials = {
        "login": user.email,
        "username": user.email,
        "email": user.email,
        "password": DEFAULT_TEST_PASSWORD,
        "password1": DEFAULT_TEST_PASSWORD,
        "password2": DEFAULT_TEST_PASSWORD,
        "new_password1": DEFAULT_TEST_PASSWORD,
        "new_password2": DEFAULT_TEST_PASSWORD,
        # Someone with the password but not the phone.
        "code": "000000",
        "next": "/admin/",
    }

    opened = []
    for address in sorted(routes):
        client = Client()
        for method in (client.get, client.post):
            response = method(address, credentials, follow=True)
            # Follow forms that lead on (a redirect to the one login page).
            if response.redirect_chain:
                client.post(response.redirect_chain[-1][0], credentials)
        if reaches_other_peoples_data(client, organisation):
            opened.append(address)

    # Even allauth's login does not open it on the password alone: it asks
    # for the authenticator app's code on another page.
    assert opened == []
    assert "/accounts/login/" in routes


@pytest.mark.parametrize("prefix", ["", "/it"])
def test_allauths_login_opens_the_admin_only_after_the_code(person, prefix):
    user, secret, organisation = person
    client = Client()

    response = client.post(
        f"{prefix}/accounts/login/",
        {"login": user.email, "password": DEFAULT_TEST_PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{prefix}/accounts/2fa/authenticate/"
    assert not reaches_other_peoples_data(client, organisation)

    response = client.post(response["Location"], {"code": _totp_code(secret)})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    requests = client.get(f"/partners/manage/{organisation.slug}/requests/")
    assert "A personal message." in requests.content.decode()
