from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        # Registers the app's part of "my data", its account-deletion rule and
        # who must use two-factor authentication.
        from . import personal_data  # noqa: F401
