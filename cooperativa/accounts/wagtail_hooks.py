"""Admin hooks: the admin's "Account" page points to allauth for sign-in matters.

Wagtail's own password and email forms are switched off in settings (they
would skip allauth's verification and re-authentication); these links take
their place.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def change_email_item(request):
    return {
        "url": reverse("account_email"),
        "label": _("Change email address"),
        "help_text": _("We send a link to the new address to check it is yours."),
    }


@hooks.register("register_account_menu_item")
def change_password_item(request):
    return {
        "url": reverse("account_change_password"),
        "label": _("Change password"),
        "help_text": _("Choose a new password for signing in."),
    }


@hooks.register("register_account_menu_item")
def two_factor_item(request):
    return {
        "url": reverse("mfa_index"),
        "label": _("Two-factor authentication"),
        "help_text": _("Your authenticator app and recovery codes."),
    }
