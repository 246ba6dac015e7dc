"""The participation app: responses to placements and calls, referrals, each
organisation's inbox and the retention of what people send."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "cooperativa.participation"
    label = "participation"
    verbose_name = _("Participation")

    def ready(self):
        # The higher layer registers itself with the lower ones: its part of
        # "my data" and of account deletion, and its panels in the editors of
        # placements and calls.
        from . import editor, personal_data  # noqa: F401

        editor.add_panels()
