from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CodesignConfig(AppConfig):
    name = "cooperativa.codesign"
    label = "codesign"
    verbose_name = _("Co-design")

    def ready(self):
        from cooperativa.core.page_cache import shows_publicly

        from . import signals

        signals.connect()
        # Project pages, the API and the JSON-LD name only the partners that
        # accepted: an answer or a partner leaving purges the page cache.
        shows_publicly(self.get_model("Partnership"))
