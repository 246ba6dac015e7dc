"""allauth adapter: account emails leave through the platform's email queue.

allauth sends its messages (verification, password reset, security notices,
MFA changes) from inside the request. Handing them to the outbox (``send``)
means they leave after the transaction commits, through Celery, and are
retried if the mail server is down, like every other email of the platform.

Rate limits count the client behind our reverse proxies (client_address.py)
and failed logins per account, whatever host name the request used.
"""

import time
from datetime import UTC, datetime
from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import translation
from wagtail.models import Site

from cooperativa.core.notify import send

from .client_address import client_address
from .i18n import url_in_language
from .models import User

# When the person was signed in by confirming their address right after
# signing up (the password was chosen in this same browser session).
SIGNED_IN_BY_VERIFICATION_SESSION_KEY = "accounts:signed_in_by_verification_at"


def site_identity(request=None):
    """The name and address shown in account emails.

    Without django.contrib.sites allauth would use the host name as the site's
    name ("Hello from 127.0.0.1:8000!"); emails should say who we are.
    """
    site = Site.find_for_request(request) if request is not None else None
    domain = request.get_host() if request is not None else urlsplit(settings.SITE_URL).netloc
    return SimpleNamespace(
        name=(site.site_name if site else "") or settings.WAGTAIL_SITE_NAME,
        domain=domain,
    )


def recipient_language(email):
    language = (
        User.objects.filter(email__iexact=email)
        .values_list("preferred_language", flat=True)
        .first()
    )
    return language if language in dict(settings.LANGUAGES) else None


def login_attempts_key(login):
    """The account failed logins are counted against: the address alone,
    however it was typed, whichever process or host name a request reaches."""
    return f"login:{login.strip().lower()}"


class AccountAdapter(DefaultAccountAdapter):
    def get_from_email(self):
        return settings.DEFAULT_FROM_EMAIL

    def send_mail(self, template_prefix, email, context):
        """Render as allauth does, then queue the message.

        It is written in the recipient's preferred language when their account
        has one, else in the language of the page that caused it; so are the
        links in it (allauth builds them in the language of the request).
        """
        ctx = {"request": self.request, "email": email}
        ctx.update(context)
        ctx["current_site"] = site_identity(self.request)
        language = recipient_language(email) or translation.get_language()
        for key, value in ctx.items():
            if key.endswith("_url") and isinstance(value, str):
                ctx[key] = url_in_language(value, language)
        with translation.override(language):
            message = self.render_mail(template_prefix, email, ctx)
        send([message])

    def get_login_redirect_url(self, request):
        """After signing in, land on the site in the person's own language.

        Only the default destination is translated: an explicit ``next``
        (for example back to the admin) always wins, as allauth arranges.
        """
        url = super().get_login_redirect_url(request)
        language = getattr(request.user, "preferred_language", "")
        if language and language in dict(settings.LANGUAGES):
            return url_in_language(url, language)
        return url

    def get_client_ip(self, request):
        """The address allauth counts rate limits per "ip" by: the client's,
        read behind the proxies named in TRUSTED_PROXIES."""
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def _get_login_attempts_cache_key(self, request, **credentials):
        """The one override of a private allauth method: the key that failed
        logins are counted against (``login_failed``'s per-"key" limit).

        allauth puts the current site's domain in front of the address typed;
        without django.contrib.sites that is ``request.get_host()``, as the
        browser sent it, so each spelling of the host name ("Example.org",
        "example.org:443") would get its own allowance of wrong passwords.
        allauth 65 has no setting or public hook for this key (its
        ``pre_authenticate`` and ``_delete_login_attempts_cached_email`` both
        call this method), and installing django.contrib.sites for a fixed
        domain would change every "current site" allauth shows. So the key is
        computed by ``login_attempts_key``, and
        tests/test_accounts_rate_limits.py pins that allauth still asks this
        method for it.
        """
        return login_attempts_key(credentials.get("email", credentials.get("username", "")))

    def post_login(self, request, user, **kwargs):
        """Remember a sign-in by the email-verification link.

        allauth signs a person in on verification only when the sign-up that
        sent the link happened in this same browser session, so the password was typed here, and the link proves the mailbox: as
        strong as a password sign-in. allauth keeps no authentication record
        for it, so the first two-factor set-up would ask for the password again.
        """
        if kwargs.get("signup"):
            request.session[SIGNED_IN_BY_VERIFICATION_SESSION_KEY] = time.time()
        return super().post_login(request, user, **kwargs)

    def is_reauthentication_required(self, *, app, **kwargs):
        """allauth asks for the password again before any change to two-factor
        authentication, even seconds after signing in. When the account had no
        authenticator at sign-in, a password typed a moment ago, or a sign-in
        by the verification link just after signing up, proves as much: the
        first set-up (and the recovery codes shown at its end) should not ask
        for the password twice. Every other sensitive change (email, password,
        an existing authenticator) still asks as allauth does."""
        required = super().is_reauthentication_required(app=app, **kwargs)
        if required and app == "allauth.mfa" and self._first_mfa_setup_after_sign_in():
            return False
        return required

    def _first_mfa_setup_after_sign_in(self):
        request = self.request
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        sign_ins = [
            record["at"]
            for record in get_authentication_records(request, user)
            if record.get("method") == "password"
        ]
        if SIGNED_IN_BY_VERIFICATION_SESSION_KEY in request.session:
            sign_ins.append(request.session[SIGNED_IN_BY_VERIFICATION_SESSION_KEY])
        if not sign_ins:
            return False
        signed_in_at = max(sign_ins)
        if time.time() - signed_in_at >= account_settings.REAUTHENTICATION_TIMEOUT:
            return False
        return not Authenticator.objects.filter(
            user=user, created_at__lt=datetime.fromtimestamp(signed_in_at, tz=UTC)
        ).exists()
