"""Admin hooks for the site shell.

The content checker (in the userbar and the editor's "Checks" panel) runs
Wagtail's default rules. Editors here also place images and build tables,
so it checks that every image has a text alternative and that table
headings head something, with messages in the editor's language.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
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
