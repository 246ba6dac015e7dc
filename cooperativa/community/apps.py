from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "cooperativa.community"
    label = "community"
    verbose_name = _("Community")

    def ready(self):
        # Registers the network page's schema.org description and the
        # signals that keep published positions and the map's cache fresh.
        from . import signals, structured_data  # noqa: F401
