"""Organisations in the Wagtail admin, for the cooperative's moderators.

The snippet listing and editor are open to people with organisation
permissions (the Moderators group). Moderation actions appear in the
listing's and the editor's menus and lead to the confirmation screens of
partners.admin_views; the dashboard shows how many applications wait.
"""

from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from . import admin_access, admin_views, dashboard, permissions
from .models import DetailChange, Organisation
from .permissions import can_moderate

ACTION_ICONS = {
    "approve": "tick",
    "reject": "cross",
    "more_information": "help",
    "suspend": "warning",
    "reinstate": "undo",
    "approve_details": "tick",
    "reject_details": "cross",
}


def moderation_buttons(organisation, user):
    """(label, url, icon) for each moderation action ``user`` may take on the
    organisation now, as partners.lifecycle allows them."""
    return [
        (label, admin_views.action_url(organisation, action), ACTION_ICONS[action])
        for action, label in admin_views.available_actions(organisation, user)
    ]


class OrganisationIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.extend(
            MenuItem(label, url=url, icon_name=icon, priority=15)
            for label, url, icon in moderation_buttons(instance, self.request.user)
        )
        return buttons


class OrganisationEditView(EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.extend(
            Button(label, url=url, icon_name=icon, priority=5)
            for label, url, icon in moderation_buttons(self.object, self.request.user)
        )
        return buttons


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = OrganisationIndexView
    edit_view_class = OrganisationEditView
    # Partners choosing organisations (for a joint project) see approved ones only.
    chooser_viewset_class = admin_access.OrganisationChooserViewSet
    list_display = ["name", "kind", "status", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["name"]
    # Plain database search on the name: exact and immediate, with no index to keep.
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "kind",
        "legal_form",
        "registry_number",
        "status",
        "moderation_note",
        "applicant",
        "contact_name",
        "contact_email",
        "contact_phone",
        "charter_accepted_at",
        "vouched_by",
        "vouched_at",
        "vouch_declined_at",
        "address",
        "website",
        "description",
        "created_at",
    ]


register_snippet(OrganisationViewSet)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path(
            "partners/organisations/",
            include(
                (admin_views.urlpatterns, "partners_moderation"), namespace="partners_moderation"
            ),
        )
    ]


class PendingOrganisationsPanel(Component):
    name = "pending_organisations"
    order = 90
    template_name = "wagtailadmin/partners/pending_panel.html"

    def __init__(self, count, changes_count=0):
        self.count = count
        self.changes_count = changes_count

    def get_context_data(self, parent_context=None):
        return {
            "count": self.count,
            "changes_count": self.changes_count,
            "changes_url": reverse("partners_moderation:detail_changes"),
            "list_url": reverse("wagtailsnippets_partners_organisation:list")
            + f"?status={Organisation.Status.PENDING}",
        }


@hooks.register("construct_homepage_panels")
def add_pending_organisations_panel(request, panels):
    if can_moderate(request.user):
        count = Organisation.objects.filter(status=Organisation.Status.PENDING).count()
        changes_count = DetailChange.objects.filter(status=DetailChange.Status.PENDING).count()
        panels.append(PendingOrganisationsPanel(count, changes_count))


@hooks.register("construct_homepage_panels")
def add_partner_home_panel(request, panels):
    """Members see their own organisations on their dashboard."""
    memberships = list(permissions.memberships_of(request.user))
    if memberships:
        panels.append(dashboard.PartnerHomePanel(memberships))


# Last, after the apps that add the items.
@hooks.register("construct_homepage_summary_items", order=1000)
def keep_site_counts_for_moderators(request, summary_items):
    """The counts of pages, images and documents span every language's
    partner pages, so for a partner they are the whole site's and say
    nothing about their work (their panel does): moderators keep them."""
    user = request.user
    moderates = can_moderate(user) or user.is_superuser
    if not moderates and user.memberships.exists():
        summary_items.clear()


# Every partner operation's entry in the audit log: (action, label, message).
LOG_ACTIONS = [
    ("partners.register", _("Apply"), _("Applied to become a partner")),
    (
        "partners.update_application",
        _("Update application"),
        _("Application updated by the applicant"),
    ),
    ("partners.vouch", _("Vouch"), _("Vouched for by an organisation")),
    ("partners.vouch_declined", _("Decline vouching"), _("Vouching declined")),
    ("partners.approve", _("Approve"), _("Organisation approved")),
    ("partners.reject", _("Reject"), _("Application rejected")),
    ("partners.request_information", _("Ask for information"), _("More information requested")),
    ("partners.suspend", _("Suspend"), _("Organisation suspended")),
    ("partners.reinstate", _("Reinstate"), _("Organisation reinstated")),
    ("partners.submit_details", _("Submit new details"), _("New public details sent for review")),
    ("partners.approve_details", _("Approve new details"), _("New public details approved")),
    ("partners.reject_details", _("Reject new details"), _("New public details rejected")),
    ("partners.invite", _("Invite"), _("Invitation sent")),
    ("partners.withdraw_invitation", _("Withdraw invitation"), _("Invitation withdrawn")),
    ("partners.accept_invitation", _("Accept invitation"), _("Invitation accepted")),
    ("partners.change_role", _("Change role"), _("Member's role changed")),
    ("partners.remove_member", _("Remove member"), _("Member removed")),
    ("partners.request_to_join", _("Ask to join"), _("Request to join received")),
    ("partners.accept_join_request", _("Accept request to join"), _("Request to join accepted")),
    (
        "partners.decline_join_request",
        _("Decline request to join"),
        _("Request to join declined"),
    ),
]


@hooks.register("register_log_actions")
def register_partner_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
