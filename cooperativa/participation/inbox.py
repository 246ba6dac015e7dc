"""Each organisation's inbox of responses, in the Wagtail admin.

Built on Wagtail's ModelViewSet: the listing with its filters and its CSV and
spreadsheet export, and an edit screen that shows one response, changes its
status and collects internal notes. Who sees what is participation.permissions'
rule, applied here twice: the permission policy answers Wagtail's questions,
and every screen looks responses up only among those the person may see, so
an id guessed from another organisation is simply not found. Opening a
response and exporting it each leave an entry in its history; the pages are
sent with Cache-Control: no-store. The admin itself asks for two-factor
authentication (cooperativa.accounts.middleware).
"""

import django_filters
from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic import DeleteView, EditView, HistoryView, IndexView, UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from partners.models import Organisation

from . import permissions, services
from .models import Response

# Characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """A text cell that a spreadsheet would run as a formula, kept as text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class ResponsePermissionPolicy(BasePermissionPolicy):
    """Wagtail's questions about responses, answered by participation.permissions.
    Nobody adds a response in the admin: they come from the public forms."""

    def __init__(self):
        super().__init__(Response)

    def user_has_permission(self, user, action):
        if action in ("view", "change"):
            return permissions.can_use_inbox(user)
        if action == "delete":
            return permissions.is_moderator(user)
        return False

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("view", "change"):
            return permissions.can_open(user, instance)
        if action == "delete":
            return permissions.can_delete(user, instance)
        return False

    def instances_user_has_permission_for(self, user, action):
        if action in ("view", "change"):
            return permissions.visible_responses(user)
        if action == "delete" and permissions.is_moderator(user):
            return Response.objects.all()
        return Response.objects.none()

    def users_with_any_permission(self, actions):
        return permissions.people_who_may(actions)


register_permission_policy(Response, ResponsePermissionPolicy())


class NoStoreMixin:
    """Response pages hold personal data: no browser or proxy keeps them."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        patch_cache_control(response, no_store=True, no_cache=True, private=True, max_age=0)
        return response


class OwnResponsesMixin(NoStoreMixin):
    """Looks a response up among those the person may see, whatever the id."""

    def get_base_object_queryset(self):
        return permissions.visible_responses(self.request.user).select_related("organisation")

    def get_queryset(self):
        return self.get_base_object_queryset()


def inbox_organisations(request):
    if request is None:
        return Organisation.objects.none()
    if permissions.is_moderator(request.user):
        return Organisation.objects.filter(responses__isnull=False).distinct().order_by("name")
    return permissions.inbox_organisations(request.user).order_by("name")


class ResponseFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Response.Status.choices)
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"), queryset=inbox_organisations
    )
    contact_route = django_filters.ChoiceFilter(
        label=_("How to get in touch"), choices=Response.ContactRoute.choices
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Sent on"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Response
        fields = ["status", "organisation", "contact_route", "created_at"]


class ResponseIndexView(NoStoreMixin, IndexView):
    def get_base_queryset(self):
        return permissions.visible_responses(self.request.user).select_related(
            "organisation", "referred_by", "referrer_organisation"
        )

    def to_row_dict(self, item):
        return {
            field: neutralise_formula(value) for field, value in super().to_row_dict(item).items()
        }

    def write_csv_row(self, writer, row_dict):
        # Values are turned into text first (a list of answers, a date), then
        # checked: a text starting with "=" must not run in a spreadsheet.
        return writer.writerow(
            {
                field: neutralise_formula(
                    self.preprocess_field_value(field, value, self.FORMAT_CSV)
                )
                for field, value in row_dict.items()
            }
        )

    def as_spreadsheet(self, queryset, spreadsheet_format):
        services.record_export(queryset, self.request.user, spreadsheet_format)
        return super().as_spreadsheet(queryset, spreadsheet_format)


class StatusForm(forms.ModelForm):
    class Meta:
        model = Response
        fields = ["status"]


class ResponseEditView(OwnResponsesMixin, EditView):
    template_name = "participation/admin/response.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        services.record_view(self.object, request.user)
        return response

    def save_instance(self):
        status = self.form.cleaned_data["status"]
        fresh = Response.objects.get(pk=self.object.pk)
        return services.change_status(fresh, status, by=self.request.user)

    def get_success_url(self):
        return reverse(self.edit_url_name, args=[self.object.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["response"] = self.object
        context["notes"] = self.object.notes.select_related("author")
        context["note_url"] = reverse("participation_response:add_note", args=[self.object.pk])
        context["history_url"] = reverse("participation_response:history", args=[self.object.pk])
        return context


class ResponseDeleteView(OwnResponsesMixin, DeleteView):
    def delete_action(self):
        services.delete_response(self.object, by=self.request.user)


class ResponseHistoryView(OwnResponsesMixin, HistoryView):
    pass


class ResponseUsageView(OwnResponsesMixin, UsageView):
    pass


class AddNoteView(NoStoreMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        response = get_object_or_404(permissions.visible_responses(request.user), pk=pk)
        if not permissions.can_add_note(request.user, response):
            raise Http404
        text = request.POST.get("text", "").strip()
        if text:
            services.add_note(response, text[:4000], by=request.user)
            messages.success(request, _("Note added."))
        else:
            messages.error(request, _("Write the note first."))
        return HttpResponseRedirect(reverse("participation_response:edit", args=[pk]))


class ResponseViewSet(ModelViewSet):
    model = Response
    name = "participation_response"
    url_prefix = "responses"
    icon = "mail"
    menu_label = _("Responses")
    menu_order = 240
    add_to_admin_menu = True
    index_view_class = ResponseIndexView
    edit_view_class = ResponseEditView
    delete_view_class = ResponseDeleteView
    history_view_class = ResponseHistoryView
    usage_view_class = ResponseUsageView
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["status"]
    filterset_class = ResponseFilterSet
    # The listing names no one: who sent it shows when it is opened (and logged).
    list_display = ["__str__", "organisation", "contact_route", "created_at", "status"]
    list_export = [
        "pk",
        "created_at",
        "organisation",
        "opportunity_title",
        "status",
        "name",
        "contact_route",
        "email",
        "phone",
        "referrer_label",
        "message",
        "access_needs",
        "answers_text",
        "justice_status",
    ]
    export_headings = {
        "pk": _("Number"),
        "referrer_label": _("Referred by"),
        "answers_text": _("Answers"),
    }
    export_filename = "responses"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/notes/", AddNoteView.as_view(), name="add_note"),
        ]
