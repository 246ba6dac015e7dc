"""App configuration for accounts."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "cooperativa.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Registers the system checks and connects the receivers.
        from . import checks, signals  # noqa: F401
