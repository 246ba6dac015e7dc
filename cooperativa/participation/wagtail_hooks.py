"""Participation in the Wagtail admin: the inbox, its dashboard panel and
the audit log's labels for every operation on a response."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from . import permissions
from .inbox import ResponseViewSet
from .models import Response


@hooks.register("register_admin_viewset")
def register_inbox():
    return ResponseViewSet()


class AwaitingReplyPanel(Component):
    name = "responses_awaiting_reply"
    order = 80
    template_name = "participation/admin/awaiting_panel.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context=None):
        return {
            "count": self.count,
            "list_url": reverse("participation_response:index") + f"?status={Response.Status.NEW}",
        }


@hooks.register("construct_homepage_panels")
def add_awaiting_reply_panel(request, panels):
    if permissions.can_use_inbox(request.user):
        count = permissions.visible_responses(request.user).awaiting_reply().count()
        panels.append(AwaitingReplyPanel(count))


# Every operation on a response leaves an entry: (action, label, message).
LOG_ACTIONS = [
    ("participation.respond", _("Respond"), _("Response received")),
    ("participation.refer", _("Refer"), _("Referral received")),
    ("participation.view", _("Open response"), _("Response opened")),
    ("participation.export", _("Export responses"), _("Response exported")),
    ("participation.change_status", _("Change status"), _("Response status changed")),
    ("participation.add_note", _("Add note"), _("Note added to a response")),
    ("participation.withdraw", _("Withdraw"), _("Response withdrawn by the person")),
    ("participation.delete", _("Delete response"), _("Response deleted")),
    (
        "participation.purge",
        _("Delete after retention"),
        _("Response deleted at the end of its retention period"),
    ),
]


@hooks.register("register_log_actions")
def register_participation_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
