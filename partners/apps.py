from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        # Registers the partner page's schema.org description.
        # Registers the app's part of "my data" and its account-deletion rule.
        from . import (
            personal_data,  # noqa: F401
            structured_data,  # noqa: F401
        )
