"""The base layer's admin hooks: Wagtail's choosers, admin API, move and bulk
actions show and accept only what cooperativa.core.editor_access allows."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_list_or_404
from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from .editor_access import choosable, visible_pages_q


class ChoosableImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=choosable(self.model, self.request.user))


class ChoosableDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=choosable(self.model, self.request.user))


# After Wagtail's own hooks, so these endpoints replace its unfiltered ones.
@hooks.register("construct_admin_api", order=100)
def filter_admin_api_files(router):
    router.register_endpoint("images", ChoosableImagesAdminAPIViewSet)
    router.register_endpoint("documents", ChoosableDocumentsAdminAPIViewSet)


@hooks.register("construct_page_chooser_queryset")
def hide_others_drafts_from_page_chooser(pages, request):
    return pages.filter(visible_pages_q(request.user))


@hooks.register("construct_explorer_page_queryset")
def hide_others_drafts_from_explorer(parent_page, pages, request):
    return pages.filter(visible_pages_q(request.user))


@hooks.register("before_move_page")
def check_move_destination(request, page_to_move, destination):
    """Wagtail shows the move confirmation (both pages' titles) before it
    checks permissions: check first, so nobody learns a title by id."""
    permissions = page_to_move.permissions_for_user(request.user)
    if not (permissions.can_move() and permissions.can_move_to(destination)):
        raise PermissionDenied


class VisiblePagesOnly:
    """Bulk actions name only the pages the person may see: the ids in the
    address of another organisation's drafts are ignored, not listed as
    "you don't have permission" with their titles."""

    def get_queryset(self, model, object_ids):
        return get_list_or_404(
            model.objects.filter(pk__in=object_ids).filter(visible_pages_q(self.request.user))
        )


class VisibleDeleteBulkAction(VisiblePagesOnly, DeleteBulkAction):
    pass


class VisiblePublishBulkAction(VisiblePagesOnly, PublishBulkAction):
    pass


class VisibleUnpublishBulkAction(VisiblePagesOnly, UnpublishBulkAction):
    pass


class VisibleMoveBulkAction(VisiblePagesOnly, MoveBulkAction):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        chooser = form.fields["chooser"]
        chooser.queryset = chooser.queryset.filter(visible_pages_q(self.request.user))
        return form


# Registered after Wagtail's own, which they replace (same action types).
for _action in (
    VisibleDeleteBulkAction,
    VisibleMoveBulkAction,
    VisiblePublishBulkAction,
    VisibleUnpublishBulkAction,
):
    hooks.register("register_bulk_action", _action, order=100)
