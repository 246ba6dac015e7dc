"""Signal receivers for accounts: a person's language follows them when they sign in."""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation

from .middleware import LANGUAGE_COOKIE_REQUEST_ATTR


@receiver(user_logged_in, dispatch_uid="accounts_apply_preferred_language")
def apply_preferred_language(sender, request, user, **kwargs):
    """Speak the saved language from now on: in the rest of this response (the
    "signed in" message) and, through the language cookie, on pages without a
    language prefix."""
    language = getattr(user, "preferred_language", "")
    # Only during a real request (LocaleMiddleware has run): the test client's
    # login() sends this signal too, and must not switch the test's language.
    if not hasattr(request, "LANGUAGE_CODE") or language not in dict(settings.LANGUAGES):
        return
    setattr(request, LANGUAGE_COOKIE_REQUEST_ATTR, language)
    translation.activate(language)
    request.LANGUAGE_CODE = language
