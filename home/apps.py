from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        # Registers the home page's schema.org description.
        from . import structured_data  # noqa: F401
