from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "cooperativa.opportunities"
    label = "opportunities"
    verbose_name = _("Opportunities")

    def ready(self):
        from django.db.models.signals import pre_delete

        from cooperativa.core.vocabularies import protect_terms_in_use

        # Registers the opportunity pages' schema.org descriptions.
        from . import structured_data  # noqa: F401

        for model_name in ("Audience", "Sector"):
            pre_delete.connect(protect_terms_in_use, sender=self.get_model(model_name))
