"""What a partner page shows from the community app: the organisation's
places and what it offers there, its networks, and their meetings."""

from django import template

from cooperativa.core import page_cache

from ..listing import listed_networks
from ..models import NetworkMeeting, Place
from ..recurrence import upcoming

register = template.Library()


@register.simple_tag
def partner_community(page):
    """{"places", "networks", "meetings"} for a PartnerPage. Places are
    shown by their published position rules: a town-only place by its town.
    The rows are kept under the content version (places, assets and networks
    are public content, see apps.py); which meetings are still to come is
    worked out from them on every request, to the minute."""
    places, networks, meetings = page_cache.remember(
        "partner-community", lambda: _community_rows(page), page.pk
    )
    return {"places": places, "networks": networks, "meetings": upcoming(meetings)}


def _community_rows(page):
    places = list(
        Place.objects.filter(organisation_id=page.organisation_id)
        .select_related("area")
        .prefetch_related("assets__asset_type")
        .order_by("name", "pk")
    )
    # The organisation's own networks (set from their partner page on save)
    # under this page: the organisation lets the database start from the
    # few networks, not from the hundreds of opportunities under the page.
    networks = list(
        listed_networks(page.locale_id)
        .filter(organisation_id=page.organisation_id)
        .child_of(page)
        .order_by("title")
    )
    meetings = list(NetworkMeeting.objects.filter(page__in=networks).select_related("area", "page"))
    return places, networks, meetings
