from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from .locales import create_missing_locales

        # Once per migrate (sent for this app only), after every table exists.
        post_migrate.connect(
            create_missing_locales, sender=self, dispatch_uid="home.create_missing_locales"
        )
