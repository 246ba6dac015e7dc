"""The sign-offs screen: for a page, which organisation agreed to which
version, who is still asked, and each request for changes. Moderators see
it for every page; members of the project's parties for their projects."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page

from partners import permissions

from . import signoff
from .models import Partnership, SignOff


def may_see_sign_offs(page, user):
    if user.is_superuser or permissions.can_moderate(user):
        return True
    mine = signoff.organisations_of(user)
    if mine and any(organisation.pk in mine for organisation in signoff.parties(page)):
        return True
    return signoff.is_due_member(page, user)


def sign_offs_of(page):
    return SignOff.objects.filter(
        task_state__workflow_state__base_content_type=page.get_base_content_type(),
        task_state__workflow_state__object_id=str(page.pk),
    )


def has_sign_offs(page):
    return signoff.current_sign_off_state(page) is not None or sign_offs_of(page).exists()


class SignOffsView(WagtailAdminTemplateMixin, TemplateView):
    http_method_names = ["get"]
    template_name = "codesign/admin/sign_offs.html"
    header_icon = "group"
    page_title = _("Partner sign-offs")

    @cached_property
    def page(self):
        return get_object_or_404(Page, pk=self.kwargs["page_id"]).specific

    def dispatch(self, request, *args, **kwargs):
        if not may_see_sign_offs(self.page, request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = signoff.current_sign_off_state(self.page)
        context.update(
            page=self.page,
            rows=sign_offs_of(self.page)
            .select_related("organisation", "revision", "by")
            .order_by("-at", "-pk"),
            latest_revision=self.page.get_latest_revision(),
            current=current,
            due=signoff.due(current) if current else [],
            agreed=signoff.agreed(current).values() if current else [],
            partnerships=Partnership.objects.for_project(self.page).select_related("organisation"),
            is_translation=not signoff.is_original(self.page),
            original=signoff.original_page(self.page),
        )
        return context


sign_offs = SignOffsView.as_view()
