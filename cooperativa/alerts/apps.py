from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "cooperativa.alerts"
    label = "alerts"
    verbose_name = _("Alerts")

    def ready(self):
        from cooperativa.participation.services import count_responses

        from . import lifecycle, personal_data, signals  # noqa: F401 (my data; immediate alerts)

        # The closing summary says how many responses the opportunity got.
        lifecycle.register_response_counter(count_responses)
