"""The shared vocabularies in the Wagtail admin, under "Vocabularies":
areas, asset types, audiences and sectors. Composed here, at the top layer,
because the terms live in two apps (partners and opportunities).

Moderators keep them (the Moderators group holds their add, change, delete
and view permissions, granted by partners/migrations/0006); partners'
groups do not. Each is a translatable snippet: "Translate" makes the row in
another language, whose label the /it/ pages then show. A term in use
cannot be deleted: the delete screen says where it is used instead.
"""

from django.contrib.admin.utils import quote
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet, SnippetViewSetGroup

from cooperativa.core.vocabularies import in_use_message, uses_of
from cooperativa.opportunities.models import Audience, Sector
from partners.models import Area, AssetType


class VocabularyDeleteView(DeleteView):
    """Refuses, with a message naming the uses, to delete a term in use."""

    def refuse(self, message):
        messages.error(self.request, message)
        return redirect(reverse(self.edit_url_name, args=[quote(self.object.pk)]))

    def form_valid(self, form):
        uses = uses_of(self.object)
        if uses:
            return self.refuse(in_use_message(self.object, uses))
        try:
            return super().form_valid(form)
        except ProtectedError as error:
            return self.refuse(error.args[0])


class VocabularyViewSet(SnippetViewSet):
    delete_view_class = VocabularyDeleteView
    list_display = ["name", "code", "locale"]
    search_fields = ["name", "code"]
    # Plain database search: a handful of rows, no index to keep.
    search_backend_name = None


class AreaViewSet(VocabularyViewSet):
    model = Area
    icon = "site"
    menu_label = _("Areas")
    list_display = ["name", "province", "region", "slug", "locale"]
    search_fields = ["name", "province", "slug"]


class AssetTypeViewSet(VocabularyViewSet):
    model = AssetType
    icon = "folder-open-inverse"
    menu_label = _("Asset types")


class AudienceViewSet(VocabularyViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Audiences")


class SectorViewSet(VocabularyViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Sectors")


class VocabularyViewSetGroup(SnippetViewSetGroup):
    items = (AreaViewSet, AssetTypeViewSet, AudienceViewSet, SectorViewSet)
    menu_icon = "list-ul"
    menu_label = _("Vocabularies")
    menu_name = "vocabularies"
    menu_order = 260
