from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "cooperativa.alerts"
    label = "alerts"
    verbose_name = _("Alerts")

    def ready(self):
        from . import personal_data, signals  # noqa: F401 (my data; immediate alerts)
