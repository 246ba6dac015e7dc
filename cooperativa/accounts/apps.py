"""App configuration for accounts."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "cooperativa.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import signals  # noqa: F401 (connects the receivers)
