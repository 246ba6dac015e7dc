from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from django.db.models.signals import pre_delete

        from cooperativa.core.page_cache import shows_publicly
        from cooperativa.core.vocabularies import protect_terms_in_use

        # Registers the app's part of "my data", its account-deletion rule,
        # who must use two-factor authentication and the partner page's
        # schema.org description.
        from . import personal_data, structured_data  # noqa: F401

        for model_name in ("Area", "AssetType"):
            pre_delete.connect(protect_terms_in_use, sender=self.get_model(model_name))
        # Profiles, the directory and project pages show organisations and
        # areas: approving, suspending or editing one purges the page cache.
        for model_name in ("Organisation", "Area"):
            shows_publicly(self.get_model(model_name))
