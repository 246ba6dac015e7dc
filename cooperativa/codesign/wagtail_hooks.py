"""Co-design in the Wagtail admin: its log actions, naming partners when a
project is saved, asking again after an edit, the sign-offs screen, and the
narrowing of public partner lists to organisations that agreed."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter

from partners import permissions

from . import admin_views, services, signoff
from .models import Partnership


@hooks.register("filter_public_partner_organisations")
def only_accepted_partners(page, organisations):
    """Only organisations that accepted (and have not left) are credited."""
    return organisations.filter(
        pk__in=Partnership.objects.for_project(page).accepted().values("organisation")
    )


@hooks.register("filter_projects_crediting_partner")
def only_projects_it_accepted(organisation_id):
    return Q(
        translation_key__in=Partnership.objects.filter(organisation_id=organisation_id)
        .accepted()
        .values("translation_key")
    )


@hooks.register("after_create_page")
def ask_partners_of_new_page(request, page):
    services.ask_named_partners(page, by=request.user)


@hooks.register("after_edit_page")
def ask_partners_after_edit(request, page):
    services.ask_named_partners(page, by=request.user)
    signoff.content_changed(page, request.user)


@hooks.register("before_delete_page")
def only_the_lead_deletes(request, page):
    """A partner may edit a project it co-designs, never delete it: only the
    lead organisation (and the moderators) may."""
    user = request.user
    if user.is_superuser or permissions.can_moderate(user):
        return None
    lead = signoff.lead_organisation(page)
    if lead is None or lead.pk in signoff.organisations_of(user):
        return None
    raise PermissionDenied


@hooks.register("register_admin_urls")
def register_codesign_admin_urls():
    return [
        path(
            "codesign/pages/<int:page_id>/sign-offs/",
            admin_views.sign_offs,
            name="codesign_sign_offs",
        ),
    ]


@hooks.register("register_page_header_buttons")
def sign_offs_button(page, user, view_name, next_url=None):
    if admin_views.may_see_sign_offs(page, user) and admin_views.has_sign_offs(page):
        yield Button(
            _("Partner sign-offs"),
            url=reverse("codesign_sign_offs", args=[page.pk]),
            icon_name="group",
            priority=66,
        )


# Each co-design operation's entry in the page history and the site log.
LOG_ACTIONS = [
    ("codesign.invite", _("Ask a partner"), _("Organisation asked to be a partner")),
    ("codesign.accept", _("Accept partnership"), _("Partnership accepted")),
    ("codesign.decline", _("Decline partnership"), _("Partnership declined")),
    ("codesign.leave", _("Leave partnership"), _("Partner left the project")),
    ("codesign.ask_sign_off", _("Ask for sign-off"), _("Partner asked to sign off")),
    ("codesign.ask_again", _("Ask again"), _("Partner asked again after a change")),
    ("codesign.sign_off", _("Sign off"), _("Partner signed off")),
    ("codesign.request_changes", _("Request changes"), _("Partner requested changes")),
    ("codesign.stage_change", _("Change stage"), _("Project stage changed")),
]


class CodesignLogFormatter(LogFormatter):
    """Names the organisation (or the stage) an entry is about, and shows
    the comment or the public note given with it."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        about = data.get("organisation") or data.get("label")
        return f"{self.message}: {about}" if about else str(self.message)

    def format_comment(self, log_entry):
        data = log_entry.data or {}
        return data.get("comment") or data.get("note") or ""


@hooks.register("register_log_actions")
def register_codesign_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        formatter = type(
            "CodesignLogFormatter", (CodesignLogFormatter,), {"label": label, "message": message}
        )
        actions.register_action(action)(formatter)
