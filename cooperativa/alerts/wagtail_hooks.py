"""The audit log's actions for alerts and deadline extensions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

LOG_ACTIONS = [
    ("alerts.create", _("Create alert"), _("Alert created")),
    ("alerts.confirm", _("Confirm alert"), _("Alert confirmed by its address")),
    ("alerts.delete", _("Stop alert"), _("Alert stopped")),
    (
        "alerts.extend_deadline",
        _("Extend closing date"),
        _("Closing date extended by two weeks from the reminder's link"),
    ),
]


@hooks.register("register_log_actions")
def register_alert_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
