"""The moderators' screens in the Wagtail admin: approve, reject, ask for more
information, suspend and reinstate an organisation.

Each is a confirmation form shown on GET and acted on by POST, open only to
people with ``partners.moderate_organisation``. The work itself is done by
partners.services. Changes an approved organisation makes to its public
details wait here too: a list of them, old beside new, and a screen to
approve or reject each.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import services
from .models import DetailChange, Organisation

MODERATE_PERMISSION = "partners.moderate_organisation"


def can_moderate(user):
    return user.is_active and user.has_perm(MODERATE_PERMISSION)


class ConfirmForm(forms.Form):
    """No fields: the button is the confirmation."""


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, shown to the organisation"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Write in plain words: the organisation's administrators read this in "
            "their email and on their page."
        ),
    )


class MessageForm(forms.Form):
    reason = forms.CharField(
        label=_("What do you need to know?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "The applicant reads this in an email and can update the application from their page."
        ),
    )


class ModerationView(WagtailAdminTemplateMixin, FormView):
    """A confirmation screen for one moderation action on one organisation."""

    http_method_names = ["get", "post"]
    template_name = "wagtailadmin/partners/moderate.html"
    header_icon = "group"
    form_class = ConfirmForm
    action = ""
    button_label = ""
    button_class = "button"
    success_message = ""

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        self.organisation = get_object_or_404(Organisation, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.organisation.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailsnippets_partners_organisation:list"),
                "label": Organisation._meta.verbose_name_plural,
            },
            {"url": self.edit_url, "label": self.organisation.name},
            {"url": "", "label": self.page_title},
        ]

    @cached_property
    def edit_url(self):
        return reverse("wagtailsnippets_partners_organisation:edit", args=[self.organisation.pk])

    def blocked_reason(self):
        """Why the action cannot be taken now, or an empty string."""
        return ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            organisation=self.organisation,
            action=self.action,
            button_label=self.button_label,
            button_class=self.button_class,
            cancel_url=self.edit_url,
            blocked_reason=self.blocked_reason(),
            pages=services.organisation_pages(self.organisation).specific(),
        )
        return context

    def perform(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        if self.blocked_reason():
            return self.form_invalid(form)
        try:
            self.perform(form)
        except services.PartnerError as error:
            messages.error(self.request, error.message)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message % {"name": self.organisation.name})
        return redirect(self.edit_url)


class ApproveView(ModerationView):
    page_title = _("Approve organisation")
    action = "approve"
    button_label = _("Yes, approve")
    success_message = _("%(name)s is approved: its group, pages and media collection are ready.")

    def blocked_reason(self):
        if self.organisation.status not in (
            Organisation.Status.PENDING,
            Organisation.Status.REJECTED,
        ):
            return _("Only an application under review can be approved.")
        if self.organisation.needs_vouching:
            return _(
                "This informal group cannot be approved until an approved organisation "
                "vouches for it."
            )
        return ""

    def perform(self, form):
        services.approve_organisation(self.organisation, approved_by=self.request.user)


class RejectView(ModerationView):
    page_title = _("Reject application")
    action = "reject"
    form_class = ReasonForm
    button_label = _("Reject and tell the applicant")
    button_class = "button serious"
    success_message = _("%(name)s has been rejected and the applicant told why.")

    def blocked_reason(self):
        if self.organisation.status not in (
            Organisation.Status.PENDING,
            Organisation.Status.REJECTED,
        ):
            return _("Only an application under review can be rejected.")
        return ""

    def perform(self, form):
        services.reject_organisation(
            self.organisation, by=self.request.user, reason=form.cleaned_data["reason"]
        )


class MoreInformationView(ModerationView):
    page_title = _("Ask for more information")
    action = "more_information"
    form_class = MessageForm
    button_label = _("Send the question")
    success_message = _("Your question has been sent to %(name)s.")

    def blocked_reason(self):
        if self.organisation.status not in (
            Organisation.Status.PENDING,
            Organisation.Status.REJECTED,
        ):
            return _("Only an application under review can be asked for more information.")
        return ""

    def perform(self, form):
        services.request_more_information(
            self.organisation, by=self.request.user, message=form.cleaned_data["reason"]
        )


class SuspendView(ModerationView):
    page_title = _("Suspend organisation")
    action = "suspend"
    form_class = ReasonForm
    button_label = _("Suspend and take its pages offline")
    button_class = "button serious"
    success_message = _("%(name)s is suspended and none of its pages is public.")

    def blocked_reason(self):
        if not self.organisation.is_approved:
            return _("Only an approved organisation can be suspended.")
        return ""

    def perform(self, form):
        services.suspend_organisation(
            self.organisation, by=self.request.user, reason=form.cleaned_data["reason"]
        )


class ReinstateView(ModerationView):
    page_title = _("Reinstate organisation")
    action = "reinstate"
    button_label = _("Yes, reinstate")
    success_message = _("%(name)s is reinstated and its pages are public again.")

    def blocked_reason(self):
        if self.organisation.status != Organisation.Status.SUSPENDED:
            return _("Only a suspended organisation can be reinstated.")
        return ""

    def perform(self, form):
        services.reinstate_organisation(self.organisation, by=self.request.user)


class DetailChangeView(ModerationView):
    """Approve or reject the changes to an organisation's public details
    that wait for a moderator; the screen compares them with what is public."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["change"] = self.change
        context["rows"] = services.detail_change_rows(self.change) if self.change else []
        context["cancel_url"] = reverse("partners_moderation:detail_changes")
        return context

    @cached_property
    def change(self):
        return services.pending_detail_change(self.organisation)

    def blocked_reason(self):
        if self.change is None:
            return _("No changes to this organisation's details are waiting.")
        return ""

    def form_valid(self, form):
        response = super().form_valid(form)
        if response.status_code == 302:
            return redirect("partners_moderation:detail_changes")
        return response


class ApproveDetailsView(DetailChangeView):
    page_title = _("Approve new details")
    action = "approve_details"
    button_label = _("Yes, make them public")
    success_message = _("The new details of %(name)s are public and its administrators told.")

    def perform(self, form):
        services.approve_detail_change(self.change, by=self.request.user)


class RejectDetailsView(DetailChangeView):
    page_title = _("Reject new details")
    action = "reject_details"
    form_class = ReasonForm
    button_label = _("Reject and tell the organisation")
    button_class = "button serious"
    success_message = _("The new details of %(name)s are rejected and its administrators told why.")

    def perform(self, form):
        services.reject_detail_change(
            self.change, by=self.request.user, reason=form.cleaned_data["reason"]
        )


class DetailChangesView(WagtailAdminTemplateMixin, TemplateView):
    """Every change of details waiting for a moderator, old beside new."""

    http_method_names = ["get"]
    template_name = "wagtailadmin/partners/detail_changes.html"
    header_icon = "group"
    page_title = _("Changes of details to review")

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        changes = DetailChange.objects.filter(status=DetailChange.Status.PENDING).select_related(
            "organisation", "submitted_by"
        )
        context["changes"] = [
            {
                "change": change,
                "rows": services.detail_change_rows(change),
                "approve_url": action_url(change.organisation, "approve_details"),
                "reject_url": action_url(change.organisation, "reject_details"),
            }
            for change in changes
        ]
        return context


ACTIONS = {
    "approve": ApproveView,
    "reject": RejectView,
    "more_information": MoreInformationView,
    "suspend": SuspendView,
    "reinstate": ReinstateView,
    "approve_details": ApproveDetailsView,
    "reject_details": RejectDetailsView,
}


def available_actions(organisation):
    """The moderation actions that make sense for the organisation's status,
    as (action, label) pairs."""
    status = organisation.status
    if status in (Organisation.Status.PENDING, Organisation.Status.REJECTED):
        names = ["approve", "more_information", "reject"]
        if organisation.needs_vouching:
            names.remove("approve")
    elif status == Organisation.Status.APPROVED:
        names = ["suspend"]
    else:
        names = ["reinstate"]
    if services.pending_detail_change(organisation):
        names += ["approve_details", "reject_details"]
    return [(name, ACTIONS[name].page_title) for name in names]


def action_url(organisation, action):
    return reverse(f"partners_moderation:{action}", args=[organisation.pk])


urlpatterns = [
    path("detail-changes/", DetailChangesView.as_view(), name="detail_changes"),
    *(
        path(f"<int:pk>/{name.replace('_', '-')}/", view.as_view(), name=name)
        for name, view in ACTIONS.items()
    ),
]
