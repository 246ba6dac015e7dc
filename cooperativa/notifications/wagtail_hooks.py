"""The email outbox in the Wagtail admin (Settings, Outbox).

Read-only and for superusers only: every row holds personal data
(addresses and texts). It answers "did that email leave?", and a failed
email can be given a fresh set of attempts from its menu, after a
confirmation.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import (
    IndexView,
    InspectView,
    WagtailAdminTemplateMixin,
)
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from .email import attachment_names, retry_failed
from .models import OutboxEmail


def can_view_outbox(user):
    return user.is_active and user.is_superuser


class SuperuserViewOnlyPolicy(BasePermissionPolicy):
    """Superusers may look; nobody may add, change or delete, whatever
    their group permissions say: rows change only by being sent."""

    def user_has_permission(self, user, action):
        return action == "view" and can_view_outbox(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True, is_superuser=True)
        return users if "view" in actions else users.none()


# Before the viewset is registered, which would otherwise install the
# model-permission fallback policy.
register_permission_policy(OutboxEmail, SuperuserViewOnlyPolicy(OutboxEmail))


class OutboxIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == OutboxEmail.Status.FAILED:
            buttons.append(
                MenuItem(
                    _("Retry"),
                    url=reverse("outbox:retry", args=[instance.pk]),
                    icon_name="rotate",
                    priority=30,
                )
            )
        return buttons


class OutboxInspectView(InspectView):
    def get_recipients_display_value(self):
        return self.object.recipients_display

    def get_cc_display_value(self):
        return ", ".join(self.object.cc)

    def get_bcc_display_value(self):
        return ", ".join(self.object.bcc)

    def get_reply_to_display_value(self):
        return ", ".join(self.object.reply_to)

    def get_headers_display_value(self):
        return ", ".join(f"{name}: {value}" for name, value in self.object.headers.items())

    def get_attachments_display_value(self):
        # The names only: the contents would fill the page with base64.
        return ", ".join(attachment_names(self.object))

    def get_body_display_value(self):
        return linebreaksbr(self.object.body, autoescape=True)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.status == OutboxEmail.Status.FAILED:
            buttons.append(
                Button(
                    _("Retry"),
                    url=reverse("outbox:retry", args=[self.object.pk]),
                    icon_name="rotate",
                    priority=30,
                )
            )
        return buttons


class RetryView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm on GET, retry on POST: a link must never send an email."""

    http_method_names = ["get", "post"]
    template_name = "wagtailadmin/notifications/retry.html"
    page_title = _("Retry a failed email")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_outbox(request.user):
            raise PermissionDenied
        self.email = get_object_or_404(OutboxEmail, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.email.subject

    @cached_property
    def inspect_url(self):
        return reverse("outbox:inspect", args=[self.email.pk])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("outbox:index"), "label": OutboxEmail._meta.verbose_name_plural},
            {"url": self.inspect_url, "label": self.email.subject},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            email=self.email,
            can_retry=self.email.status == OutboxEmail.Status.FAILED,
            cancel_url=self.inspect_url,
        )
        return context

    def post(self, request, *args, **kwargs):
        if retry_failed(self.email.pk):
            messages.success(request, _("The email is queued again, with a fresh set of attempts."))
        else:
            messages.error(request, _("Only a failed email can be retried."))
        return redirect(self.inspect_url)


class OutboxViewSet(ModelViewSet):
    model = OutboxEmail
    name = "outbox"
    icon = "mail"
    menu_label = _("Outbox")
    add_to_settings_menu = True
    index_view_class = OutboxIndexView
    inspect_view_class = OutboxInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    # The rows are not content: nothing references them.
    add_to_reference_index = False
    # Never edited (the policy allows no change), but the viewset wants a form.
    form_fields = []
    list_display = [
        "subject",
        Column("recipients_display", label=_("Recipients")),
        "status",
        "attempts",
        "created_at",
        "sent_at",
    ]
    list_filter = ["status"]
    search_fields = ["subject", "recipients", "cc", "bcc"]
    # A plain database search: exact and immediate, and no personal data in
    # a search index.
    search_backend_name = None
    inspect_view_fields = [
        "subject",
        "from_email",
        "recipients",
        "cc",
        "bcc",
        "reply_to",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "key",
        "headers",
        "attachments",
        "body",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("retry/<int:pk>/", RetryView.as_view(), name="retry"),
        ]

    def get_permissions_to_register(self):
        # Group permissions would not be honoured: superusers only.
        return Permission.objects.none()


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet()
