from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The base layer: what every feature app stands on, importing none of them."""

    name = "cooperativa.core"
    label = "core"
    verbose_name = _("Site foundations")
