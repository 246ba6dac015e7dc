from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "cooperativa.opportunities"
    label = "opportunities"
    verbose_name = _("Opportunities")

    def ready(self):
        # Registers the opportunity pages' schema.org descriptions.
        from . import structured_data  # noqa: F401
