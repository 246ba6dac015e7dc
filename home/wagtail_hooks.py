"""Admin hooks for the site shell and the page editor.

A new page's first save does not race its autosave: see
``save_into_autosaved_draft``.

The content checker (in the userbar and the editor's "Checks" panel) runs
Wagtail's default rules. Editors here also place images and build tables,
so it checks that every image has a text alternative and that table
headings head something, with messages in the editor's language.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.admin.views.pages.edit import EditView
from wagtail.snippets.models import register_snippet

from .vocabulary_admin import VocabularyViewSetGroup


class SiteContentCheckerItem(ContentCheckerItem):
    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "th-has-data-cells",
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Image without a text alternative"),
            "help_text": _("Describe what the image shows for people who cannot see it"),
        },
        "th-has-data-cells": {
            "error_name": _("Table header without data"),
            "help_text": _("Remove the empty column or row, or fill it in"),
        },
    }


@hooks.register("construct_wagtail_userbar")
def use_site_content_checker(request, items, page):
    """Swap Wagtail's content checker for ours, wherever it appears."""
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, SiteContentCheckerItem):
            items[position] = SiteContentCheckerItem(in_editor=item.in_editor)


# Areas and asset types (partners) with audiences and sectors (opportunities),
# kept by moderators under one menu item.
register_snippet(VocabularyViewSetGroup)


# --- Autosave on a new page ---------------------------------------------------------
#
# On the "new page" form, Wagtail's autosave creates the page in the
# background after half a second of typing, then points the form at the new
# page's editor once its answer arrives. A person who clicks "Save draft"
# before that answer posts the form to "create" again: the autosaved page
# already holds the slug, and the save fails with "The slug is already in
# use", on every retry. Autosave stays on (it keeps work safe on new pages
# too); instead a create that arrives for a page this browser session has
# just autosaved is handled as an edit of that page.

AUTOSAVED_NEW_PAGES = "cooperativa_autosaved_new_pages"
AUTOSAVED_KEPT = 20


@hooks.register("after_create_page")
def remember_autosaved_new_page(request, page):
    """Note the pages that autosave (a request that wants JSON, not HTML)
    created in this session."""
    if not request.accepts("text/html"):
        created = [pk for pk in request.session.get(AUTOSAVED_NEW_PAGES, []) if pk != page.pk]
        request.session[AUTOSAVED_NEW_PAGES] = [*created, page.pk][-AUTOSAVED_KEPT:]


@hooks.register("before_create_page")
def save_into_autosaved_draft(request, parent_page, page_class):
    """A create posted for a page this session's autosave already created
    (same parent, type and slug, still an unpublished draft of this person)
    saves into that page, through Wagtail's own edit view."""
    if request.method != "POST":
        return None
    autosaved = request.session.get(AUTOSAVED_NEW_PAGES)
    slug = request.POST.get("slug", "").strip()
    if not autosaved or not slug:
        return None
    draft = (
        page_class.objects.child_of(parent_page)
        .filter(
            pk__in=autosaved,
            slug=slug,
            owner=request.user,
            live=False,
            first_published_at__isnull=True,
        )
        .first()
    )
    if draft is None:
        return None
    return EditView.as_view()(request, page_id=draft.pk)
