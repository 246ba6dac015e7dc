from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CodesignConfig(AppConfig):
    name = "cooperativa.codesign"
    label = "codesign"
    verbose_name = _("Co-design")

    def ready(self):
        from . import signals

        signals.connect()
