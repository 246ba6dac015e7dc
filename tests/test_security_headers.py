"""Security headers: the Content Security Policy of public pages and of the
Wagtail admin, its report-only mode, Permissions-Policy and the flags of the
language cookie."""

import json
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path

from cooperativa.settings import base as base_settings
from tests.browser.content import PUBLIC_PAGES, SIGN_IN_PAGES, build_site
from tests.factories import (
    DEFAULT_TEST_PASSWORD,
    moderator,
    verified_user,
)
from tests.helpers import sign_in_with_mfa

pytestmark = pytest.mark.django_db

SITE_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}
# Wagtail's widgets still set themselves up with inline <script> elements
# and its editor adds <style> elements; nothing else is loosened.
ADMIN_POLICY = {
    **SITE_POLICY,
    "script-src": "'self' 'unsafe-inline'",
    "script-src-attr": "'none'",
    "style-src": "'self' 'unsafe-inline'",
}

PAGES = {**PUBLIC_PAGES, **SIGN_IN_PAGES}


def directives(header):
    parts = (part.strip().partition(" ") for part in header.split(";"))
    return {name: value for name, _, value in parts}


@pytest.fixture
def site():
    return build_site()


def test_every_kind_of_page_sends_the_strict_policy(client, site):
    for kind, url in PAGES.items():
        response = client.get(url(site))

        assert response.status_code == 200, kind
        assert response["Content-Type"].startswith("text/html"), kind
        assert directives(response["Content-Security-Policy"]) == SITE_POLICY, kind
        assert "Content-Security-Policy-Report-Only" not in response, kind
        assert response["Permissions-Policy"] == settings.PERMISSIONS_POLICY, kind
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", kind
        assert_no_inline_script_or_style(response, kind)

    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert directives(response["Content-Security-Policy"]) == SITE_POLICY
    assert_no_inline_script_or_style(response, "404")


def assert_no_inline_script_or_style(response, kind):
    """What the policy would block: none of our pages has any. Structured
    data is a <script> element too, but data, which browsers neither run
    nor check against the policy."""
    page = BeautifulSoup(response.content, "html.parser")
    scripts = page.find_all("script")
    # A script loaded from the site itself (the map's) is what the policy allows.
    inline = [script for script in scripts if not script.get("src")]
    assert all(script.get("type") == "application/ld+json" for script in inline), kind
    assert all(not script.string for script in scripts if script.get("src")), kind
    assert not page.find_all("style"), kind
    assert not page.find_all(style=True), kind
    handlers = [
        attribute
        for element in page.find_all(True)
        for attribute in element.attrs
        if attribute.startswith("on")
    ]
    assert not handlers, kind


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/admin/images/"])
def test_admin_has_its_own_policy(client, url):
    sign_in_with_mfa(client, moderator("moderatrice@cooperativa.example.org"))

    response = client.get(url)

    assert response.status_code == 200
    assert directives(response["Content-Security-Policy"]) == ADMIN_POLICY


def test_public_pages_keep_the_strict_policy_for_signed_in_editors(client, site):
    sign_in_with_mfa(client, moderator("moderatrice@cooperativa.example.org"))

    response = client.get(site.placements["laundry"].url)

    assert directives(response["Content-Security-Policy"]) == SITE_POLICY


@pytest.mark.parametrize("url", ["/", "/admin/"])
def test_report_only_mode_switches_the_header(client, url):
    policy = settings.CONTENT_SECURITY_POLICY
    with override_settings(
        CONTENT_SECURITY_POLICY=None, CONTENT_SECURITY_POLICY_REPORT_ONLY=policy
    ):
        response = client.get(url, follow=False)

    assert "Content-Security-Policy" not in response
    expected = ADMIN_POLICY if url == "/admin/" else SITE_POLICY
    assert directives(response["Content-Security-Policy-Report-Only"]) == expected


def settings_under(environment):
    """The policy settings as a process started with ``environment`` sees them."""
    code = (
        "import json; from django.conf import settings; print(json.dumps("
        "[settings.CONTENT_SECURITY_POLICY, settings.CONTENT_SECURITY_POLICY_REPORT_ONLY],"
        " default=repr))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cooperativa.settings.test",
        **environment,
    }
    output = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)


def test_report_only_mode_and_report_address_come_from_the_environment():
    enforced, report_only = settings_under(
        {"CSP_REPORT_ONLY": "1", "CSP_REPORT_URI": "https://reports.example.org/csp"}
    )

    assert enforced is None
    assert report_only["DIRECTIVES"]["report-uri"] == ["https://reports.example.org/csp"]
    assert report_only["DIRECTIVES"]["script-src"] == ["'self'"]
    assert report_only["DIRECTIVES"]["style-src"] == ["'self'", "csp.constants.NONCE"]


def test_media_on_another_origin_is_allowed_as_images_only():
    enforced, report_only = settings_under(
        {"MEDIA_URL": "https://media.example.org/uploads/", "CSP_REPORT_ONLY": "0"}
    )

    assert report_only is None
    assert enforced["DIRECTIVES"]["img-src"] == ["'self'", "data:", "https://media.example.org"]
    assert enforced["DIRECTIVES"]["default-src"] == ["'self'"]


def test_media_on_object_storage_with_its_own_domain():
    enforced, _ = settings_under(
        {"AWS_STORAGE_BUCKET_NAME": "cooperativa", "AWS_S3_CUSTOM_DOMAIN": "cdn.example.org"}
    )

    assert enforced["DIRECTIVES"]["img-src"] == ["'self'", "data:", "https://cdn.example.org"]


# --- The server error page: inline styles, let in by the response's nonce ------------


def broken_view(request):
    raise RuntimeError("the database went away")


urlpatterns = [path("broken/", broken_view), path("fine/", lambda request: HttpResponse("ok"))]
handler500 = "home.views.server_error"


@pytest.mark.urls("tests.test_security_headers")
def test_server_error_page_styles_are_allowed_by_nonce_only():
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    assert response.status_code == 500
    style = BeautifulSoup(response.content, "html.parser").find("style")
    policy = directives(response["Content-Security-Policy"])
    assert style["nonce"]
    assert policy["style-src"] == f"'self' 'nonce-{style['nonce']}'"
    assert policy["script-src"] == "'self'"
    # Another response gets no nonce at all.
    other = directives(client.get("/fine/")["Content-Security-Policy"])
    assert other["style-src"] == "'self'"


# --- The language cookie -------------------------------------------------------------

PRODUCTION_COOKIE = {
    "LANGUAGE_COOKIE_SECURE": base_settings.LANGUAGE_COOKIE_SECURE,
    "LANGUAGE_COOKIE_SAMESITE": base_settings.LANGUAGE_COOKIE_SAMESITE,
    "LANGUAGE_COOKIE_HTTPONLY": base_settings.LANGUAGE_COOKIE_HTTPONLY,
}


def language_cookie_from_profile(client):
    client.force_login(verified_user(display_name="Anna"))
    response = client.post("/me/", {"display_name": "Anna", "preferred_language": "it"})
    return response.cookies[settings.LANGUAGE_COOKIE_NAME]


def language_cookie_from_login(client):
    verified_user(email="lucia@example.org", preferred_language="it")
    response = client.post(
        "/accounts/login/", {"login": "lucia@example.org", "password": DEFAULT_TEST_PASSWORD}
    )
    return response.cookies[settings.LANGUAGE_COOKIE_NAME]


SETS_LANGUAGE_COOKIE = {
    "profile": language_cookie_from_profile,
    "login": language_cookie_from_login,
}


@pytest.mark.parametrize("how", SETS_LANGUAGE_COOKIE)
def test_language_cookie_is_secure_lax_and_hidden_from_scripts_in_production(client, how):
    with override_settings(**PRODUCTION_COOKIE):
        cookie = SETS_LANGUAGE_COOKIE[how](client)

    assert cookie.value == "it"
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True


@pytest.mark.parametrize("how", SETS_LANGUAGE_COOKIE)
def test_language_cookie_works_over_plain_http_in_development_and_tests(client, how):
    cookie = SETS_LANGUAGE_COOKIE[how](client)

    assert cookie.value == "it"
    assert not cookie["secure"]
    assert cookie["samesite"] == "Lax"
