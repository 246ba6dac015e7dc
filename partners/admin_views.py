"""The moderators' screens in the Wagtail admin: approve, reject, ask for more
information, suspend and reinstate an organisation.

Each is a confirmation form shown on GET and acted on by POST, open only to
moderators (partners.permissions.can_moderate). Which action an
organisation's status allows comes from partners.lifecycle; the work itself
is done by partners.services. Changes an approved organisation makes to its public
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

from . import lifecycle, services
from .models import DetailChange, Organisation
from .permissions import can_moderate


class ConfirmForm(forms.Form):
    """No fields: the button is the confirmation."""


class ReasonForm(forms.Form):
    """The words the moderator sends with a decision: required, in plain words."""

    label = _("Reason, shown to the organisation")
    help_text = _(
        "Write in plain words: the organisation's administrators read this in "
        "their email and on their page."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"] = forms.CharField(
            label=self.label, widget=forms.Textarea(attrs={"rows": 6}), help_text=self.help_text
        )


class MessageForm(ReasonForm):
    label = _("What do you need to know?")
    help_text = _(
        "The applicant reads this in an email and can update the application from their page."
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
        return redirect(self.success_url())

    def success_url(self):
        return self.edit_url


class TransitionView(ModerationView):
    """A status change from partners.lifecycle.TRANSITIONS: the table says
    when it is allowed and services.moderate makes it."""

    def blocked_reason(self):
        return lifecycle.refusal(self.organisation, self.action)

    def perform(self, form):
        services.moderate(
            self.organisation,
            self.action,
            by=self.request.user,
            reason=form.cleaned_data.get("reason", ""),
        )


# What each status change looks like on screen; which ones are allowed, and
# when, is partners.lifecycle's alone.
TRANSITION_SCREENS = {
    "approve": {
        "button_label": _("Yes, approve"),
        "success_message": _(
            "%(name)s is approved: its group, pages and media collection are ready."
        ),
    },
    "reject": {
        "form_class": ReasonForm,
        "button_label": _("Reject and tell the applicant"),
        "button_class": "button serious",
        "success_message": _("%(name)s has been rejected and the applicant told why."),
    },
    "more_information": {
        "form_class": MessageForm,
        "button_label": _("Send the question"),
        "success_message": _("Your question has been sent to %(name)s."),
    },
    "suspend": {
        "form_class": ReasonForm,
        "button_label": _("Suspend and take its pages offline"),
        "button_class": "button serious",
        "success_message": _("%(name)s is suspended and none of its pages is public."),
    },
    "reinstate": {
        "button_label": _("Yes, reinstate"),
        "success_message": _("%(name)s is reinstated and its pages are public again."),
    },
}

TRANSITION_VIEWS = {
    action: type(
        f"{action.title().replace('_', '')}View",
        (TransitionView,),
        {"action": action, "page_title": lifecycle.TRANSITIONS[action].label, **screen},
    )
    for action, screen in TRANSITION_SCREENS.items()
}


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

    def success_url(self):
        return reverse("partners_moderation:detail_changes")


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
    **TRANSITION_VIEWS,
    "approve_details": ApproveDetailsView,
    "reject_details": RejectDetailsView,
}


def available_actions(organisation, user):
    """The moderation actions ``user`` may take on the organisation now, as
    (action, label) pairs: its status changes as partners.lifecycle allows
    them, and the decision on changes of details when some wait."""
    names = [name for name in lifecycle.allowed_actions(organisation, user) if name in ACTIONS]
    if can_moderate(user) and services.pending_detail_change(organisation):
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
