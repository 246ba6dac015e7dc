"""Places, assets and town centres in the Wagtail admin, for the
cooperative's moderators (partners edit their own places in their
organisation's management area), and the community's log actions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Asset, Place, TownCentre

LOG_ACTIONS = [
    ("community.add_place", _("Add place"), _("Place added")),
    ("community.change_place", _("Change place"), _("Place changed")),
    ("community.delete_place", _("Delete place"), _("Place deleted")),
    ("community.add_asset", _("Add community asset"), _("Community asset added")),
    ("community.change_asset", _("Change community asset"), _("Community asset changed")),
    ("community.delete_asset", _("Delete community asset"), _("Community asset deleted")),
]


@hooks.register("register_log_actions")
def register_community_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    list_display = ["name", "organisation", "area", "town_only"]
    list_filter = ["town_only", "step_free"]
    search_fields = ["name", "address"]


class AssetViewSet(SnippetViewSet):
    model = Asset
    icon = "pick"
    list_display = ["asset_type", "place", "description"]


class TownCentreViewSet(SnippetViewSet):
    model = TownCentre
    icon = "globe"
    list_display = ["area", "latitude", "longitude"]


class CommunityViewSetGroup(SnippetViewSetGroup):
    items = (PlaceViewSet, AssetViewSet, TownCentreViewSet)
    menu_icon = "site"
    menu_label = _("Community map")
    menu_name = "community"


register_snippet(CommunityViewSetGroup)
