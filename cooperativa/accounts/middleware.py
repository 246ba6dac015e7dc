"""Middleware for accounts: two-factor authentication before any area that
shows other people's data, and the language of account pages.

The two-factor rule lives here, in one place, in two halves:

- *who* must use it: ``needs_mfa_setup(user)``. Anyone who can open the admin
  (moderators, editors, partner members, whose organisation's group grants
  it), and anyone another app declares through ``register_sensitive_role``
  (partners: members of an organisation that has been approved, who see
  its members, invitations and requests to join);
- *where*: ``PROTECTED_AREAS``, a declared list of URL names. Everything at
  or beneath each one's address, in every language, is protected. A future
  area that shows other people's data is covered by adding its URL name.

``TwoFactorRequiredMiddleware`` applies both on every request, so a view
cannot forget to: a person who must use two-factor authentication and has no
authenticator app yet is sent to the guided set-up first. A stolen password
alone must not open other people's data. Anonymous visitors pass through:
the views themselves send them to the login page.

``AccountLanguageMiddleware`` writes the language cookie on signing in.
"""

from functools import cache

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

# Set on the request by the login signal; the middleware turns it into the
# language cookie on the way out (a signal cannot touch the response).
LANGUAGE_COOKIE_REQUEST_ATTR = "_accounts_language_cookie"

# The areas that show other people's data, by the URL name of their root.
PROTECTED_AREAS = ("wagtailadmin_home", "partners:manage")

_sensitive_roles = []


def register_sensitive_role(function):
    """Add ``function(user) -> bool``: True when the person can see other
    people's data through an app's own pages, so must use two-factor
    authentication there (and everywhere in ``PROTECTED_AREAS``)."""
    _sensitive_roles.append(function)
    return function


def mfa_required_for_admin():
    """Whether two-factor authentication is required at all.

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


def sees_other_peoples_data(user):
    """Whether the person can see data about other people anywhere."""
    if not (user.is_authenticated and user.is_active):
        return False
    return can_access_admin(user) or any(role(user) for role in _sensitive_roles)


def needs_mfa_setup(user):
    """True for an account that sees other people's data and has no
    authenticator app yet."""
    return sees_other_peoples_data(user) and not is_mfa_enabled(user, [Authenticator.Type.TOTP])


def path_without_language(path):
    """``path`` as it reads in the default language ("/it/partners/" becomes
    "/partners/")."""
    language = translation.get_language_from_path(path)
    if language and path.startswith(f"/{language}/"):
        return path[len(language) + 1 :]
    return path


@cache
def _protected_prefixes():
    with translation.override(settings.LANGUAGE_CODE):
        return tuple(reverse(name) for name in PROTECTED_AREAS)


def is_protected_path(path):
    path = path_without_language(path)
    return any(path.startswith(prefix) for prefix in _protected_prefixes())


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            is_protected_path(request.path_info)
            # Signing out is always possible.
            and request.path_info != reverse("wagtailadmin_logout")
            and mfa_required_for_admin()
            and needs_mfa_setup(request.user)
        ):
            return self.redirect_to_setup(request)
        return self.get_response(request)

    def redirect_to_setup(self, request):
        # In the language the set-up page will speak, where it is shown.
        language = AccountLanguageMiddleware.language_for(request)
        with translation.override(language):
            messages.warning(
                request,
                _(
                    "Your account can see other people's details, so it must be protected "
                    "with two-factor authentication. Set up an authenticator app on your "
                    "phone: after that, signing in will ask for your password and for a "
                    "six-digit code from the app."
                ),
            )
            setup_url = reverse("mfa_activate_totp")
        # A submitted form cannot be replayed; go back to the area's first page.
        if request.method in ("GET", "HEAD"):
            back_to = request.get_full_path()
        else:
            back_to = next(
                prefix
                for prefix in _protected_prefixes()
                if path_without_language(request.path_info).startswith(prefix)
            )
        return HttpResponseRedirect(f"{setup_url}?{urlencode({'next': back_to})}")


class AccountLanguageMiddleware:
    """Writes the language cookie asked for by the login signal.

    Account pages have an address in each language (/accounts/… in English,
    /it/accounts/… in Italian) and, like every page of the site, speak the
    language of their address: a link in an Italian email or page stays
    Italian, and the language switcher works on them. The person's language
    follows them through the links they are given (emails in their language,
    the Italian site after signing in), not through a cookie that could
    outlive their choice.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        cookie_language = getattr(request, LANGUAGE_COOKIE_REQUEST_ATTR, None)
        if cookie_language:
            set_language_cookie(response, cookie_language)
        return response

    @staticmethod
    def language_for(request):
        """The language to speak to the person on a page of ours: the
        address's own, else their saved choice, else the default language."""
        from_address = translation.get_language_from_path(request.path_info)
        if from_address:
            return from_address
        user = request.user
        if user.is_authenticated and user.preferred_language in dict(settings.LANGUAGES):
            return user.preferred_language
        return settings.LANGUAGE_CODE


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


def delete_language_cookie(response):
    """Forget the language cookie: with no saved preference, each page's own
    language (its address) decides again."""
    response.delete_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
