from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "cooperativa.community"
    label = "community"
    verbose_name = _("Community")

    def ready(self):
        # Registers the network page's schema.org description and the
        # signals that keep town-only places at their town's centre.
        from cooperativa.core.page_cache import shows_publicly

        from . import signals, structured_data  # noqa: F401

        # The map, its GeoJSON and partner pages show places and assets, and
        # town-only places are published at their town's centre: editing any
        # of them purges the page cache.
        for model_name in ("TownCentre", "Place", "Asset"):
            shows_publicly(self.get_model(model_name))
