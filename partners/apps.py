from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        # Registers the app's part of "my data" and its account-deletion rule.
        from django.db.models.signals import pre_delete

        from home.vocabularies import protect_terms_in_use

        from . import personal_data  # noqa: F401

        for model_name in ("Area", "AssetType"):
            pre_delete.connect(protect_terms_in_use, sender=self.get_model(model_name))
