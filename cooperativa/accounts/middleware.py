"""Middleware for accounts: MFA before the admin, and the language of account pages.

``AdminMFARequiredMiddleware`` sends anyone who can reach /admin/ but has no
authenticator app to the guided set-up first. Admin accounts can publish to
the public site and see partners' data, so a stolen password alone must not
be enough to use one.

``AccountLanguageMiddleware`` picks the language of the allauth pages. They
live outside the /it/ prefix (their addresses are the same in every
language), where Django would otherwise always speak the default language.
"""

import posixpath
from functools import cache

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

# Set on the request by the login signal; the middleware turns it into the
# language cookie on the way out (a signal cannot touch the response).
LANGUAGE_COOKIE_REQUEST_ATTR = "_accounts_language_cookie"


def mfa_required_for_admin():
    """Whether admin accounts must use two-factor authentication.

    MFA_REQUIRED_FOR_ADMIN can switch it off on a developer's machine only:
    whenever DEBUG is off, as in production, it is always required.
    """
    return getattr(settings, "MFA_REQUIRED_FOR_ADMIN", True) or not settings.DEBUG


def can_access_admin(user):
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def needs_mfa_setup(user):
    """True for an admin account that has no authenticator app yet."""
    return can_access_admin(user) and not is_mfa_enabled(user, [Authenticator.Type.TOTP])


@cache
def _admin_prefix():
    return reverse("wagtailadmin_home")


@cache
def _accounts_prefix():
    # The common part of allauth's addresses: "/accounts/".
    return posixpath.commonpath([reverse("account_login"), reverse("account_email")]) + "/"


class AdminMFARequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path_info.startswith(_admin_prefix())
            and request.path_info != reverse("wagtailadmin_logout")
            and mfa_required_for_admin()
            and needs_mfa_setup(request.user)
        ):
            return self.redirect_to_setup(request)
        return self.get_response(request)

    def redirect_to_setup(self, request):
        # In the language the set-up page will speak, where it is shown.
        with translation.override(AccountLanguageMiddleware.language_for(request)):
            messages.warning(
                request,
                _(
                    "Your account can use the administration area, so it must be protected "
                    "with two-factor authentication. Set up an authenticator app on your "
                    "phone: after that, signing in will ask for your password and for a "
                    "six-digit code from the app."
                ),
            )
        # A form submitted to the admin cannot be replayed; go back to its home.
        back_to = request.get_full_path() if request.method in ("GET", "HEAD") else _admin_prefix()
        url = f"{reverse('mfa_activate_totp')}?{urlencode({'next': back_to})}"
        return HttpResponseRedirect(url)


class AccountLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(_accounts_prefix()):
            language = self.language_for(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        cookie_language = getattr(request, LANGUAGE_COOKIE_REQUEST_ATTR, None)
        if cookie_language:
            set_language_cookie(response, cookie_language)
        return response

    @staticmethod
    def language_for(request):
        """The person's saved choice, else the page they came from, else the browser's."""
        available = dict(settings.LANGUAGES)
        user = request.user
        if user.is_authenticated and user.preferred_language in available:
            return user.preferred_language
        next_url = request.POST.get("next") or request.GET.get("next") or ""
        if next_url and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            from_path = translation.get_language_from_path(next_url)
            if from_path:
                return from_path
        return translation.get_language_from_request(request, check_path=False)


def set_language_cookie(response, language):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        # A saved preference should outlive the browser session.
        max_age=settings.LANGUAGE_COOKIE_AGE or 60 * 60 * 24 * 365,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
