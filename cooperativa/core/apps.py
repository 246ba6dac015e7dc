from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The base layer: what every feature app stands on, importing none of them."""

    name = "cooperativa.core"
    label = "core"
    verbose_name = _("Site foundations")

    def ready(self):
        from .locales import create_missing_locales
        from .page_cache import connect_signals

        # Whatever changes what the public sees purges the page cache.
        connect_signals()

        # Once per migrate (sent for this app only), after every table exists:
        # a language added to the settings gets its locale.
        post_migrate.connect(
            create_missing_locales, sender=self, dispatch_uid="core.create_missing_locales"
        )
