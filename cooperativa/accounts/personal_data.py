"""Everything the platform holds about a person, for "download my data".

The account's own data is collected here. Other apps add theirs (responses,
memberships) by registering a section::

    from cooperativa.accounts.personal_data import register_section

    @register_section("responses")
    def responses(user):
        return [...]  # plain JSON-serialisable values

No section may include a secret: no password hash, no authenticator secret,
no recovery code, no session or token.

Apps may also refuse an erasure that would break a rule they keep (an
organisation always has an administrator) by registering a deletion check
that returns a sentence saying what to do first, or None::

    @register_deletion_check
    def last_admin(user):
        ...
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils import timezone

_sections = {}
_deletion_checks = []


def register_section(name):
    """Add ``function(user) -> JSON-serialisable data`` to every export, under ``name``."""

    def decorator(function):
        _sections[name] = function
        return function

    return decorator


def register_deletion_check(function):
    """Add ``function(user) -> str | None``: a reason the account cannot be
    deleted yet, in words that tell the person what to do first."""
    _deletion_checks.append(function)
    return function


def deletion_blockers(user):
    """Every reason the account cannot be deleted now; empty when it can."""
    return [reason for check in _deletion_checks if (reason := check(user))]


def _when(value):
    return value.isoformat() if value else None


def account_data(user):
    return {
        "email": user.email,
        "display_name": user.display_name,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": user.preferred_language,
        "date_joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
        # The kinds of authenticator and when they were added and last used;
        # their secrets stay on the server.
        "two_factor_authentication": [
            {
                "type": authenticator.type,
                "created_at": _when(authenticator.created_at),
                "last_used_at": _when(authenticator.last_used_at),
            }
            for authenticator in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
        "groups": sorted(user.groups.values_list("name", flat=True)),
    }


def export_personal_data(user):
    data = {"exported_at": timezone.now().isoformat(), "account": account_data(user)}
    for name, function in _sections.items():
        data[name] = function(user)
    return data
