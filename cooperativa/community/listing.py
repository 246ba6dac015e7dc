"""The asset map's list and GeoJSON, the network hub, and a network's calls.

The map's list (server-rendered, the way in without JavaScript) and its
GeoJSON are the same ``AssetListing``: the same facets, the same scope, so
their counts always agree. Only assets at places of approved organisations
with a live public partner page in the page's language are shown, at their
*published* position (see ``Place.published_position``).
"""

import hashlib

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.http import JsonResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from cooperativa.core import page_cache
from cooperativa.core.facets import Facet, FacetedListing
from cooperativa.core.vocabularies import localized_labels, vocabulary_choices
from cooperativa.opportunities.models import Audience, CallPage
from partners.facets import AreaFacet
from partners.models import AssetType, Organisation, PartnerPage

from .models import Asset, NetworkPage, Place

# The GeoJSON carries at most this many features (and says when it stopped).
GEOJSON_MAX_FEATURES = 2000
GEOJSON_CACHE_SECONDS = 10 * 60


def listed_partner_pages(locale):
    """Live, public partner pages of approved organisations in ``locale``."""
    return (
        PartnerPage.objects.live()
        .public()
        .filter(locale=locale, organisation__status=Organisation.Status.APPROVED)
    )


def mapped_assets(locale):
    """Every asset the map may show in ``locale``'s pages."""
    return Asset.objects.filter(
        Exists(listed_partner_pages(locale).filter(organisation=OuterRef("place__organisation"))),
        place__in=Place.objects.on_map(),
    )


def map_facets():
    """The directory's filters, on assets: what it is, where, and who offers it."""
    return [
        Facet("asset", _("What is offered"), "asset_type__code", vocabulary_choices(AssetType)),
        AreaFacet("area", _("Town"), "place__area"),
        Facet(
            "kind",
            _("Kind of organisation"),
            "place__organisation__kind",
            Organisation.Kind.choices,
        ),
    ]


class AssetListing(FacetedListing):
    per_page = 20

    def __init__(self, request, locale):
        self.request = request
        self.locale = locale
        super().__init__(request.GET, mapped_assets(locale), map_facets(), path=request.path)

    def order(self, queryset):
        return queryset.select_related(
            "asset_type", "place", "place__area", "place__organisation"
        ).order_by("place__area__name", "place__organisation__name", "place__name", "pk")

    def prepare(self, object_list):
        assets = list(object_list)
        attach_partner_pages([asset.place for asset in assets], self.locale)
        return assets

    def geojson(self):
        """The filtered assets as a GeoJSON FeatureCollection, with the total
        count (as the list says it) and whether features were left out."""
        rows = list(
            self.results.values(
                "pk",
                "description",
                "availability",
                "how_to_ask",
                "asset_type__code",
                "place__name",
                "place__town_only",
                "place__address",
                "place__public_latitude",
                "place__public_longitude",
                "place__area__slug",
                "place__organisation_id",
                "place__organisation__name",
            )[: GEOJSON_MAX_FEATURES + 1]
        )
        truncated = len(rows) > GEOJSON_MAX_FEATURES
        rows = rows[:GEOJSON_MAX_FEATURES]
        # Site root paths are cached on the request: no query per page.
        site_urls = {
            page.organisation_id: page.get_url(self.request)
            for page in listed_partner_pages(self.locale).filter(
                organisation__in={row["place__organisation_id"] for row in rows}
            )
        }
        types = localized_labels(AssetType)
        towns = _town_labels()
        features = [
            {
                "type": "Feature",
                "id": row["pk"],
                "geometry": {
                    "type": "Point",
                    # GeoJSON order: longitude first. Published positions only.
                    "coordinates": [
                        float(row["place__public_longitude"]),
                        float(row["place__public_latitude"]),
                    ],
                },
                "properties": {
                    "type": row["asset_type__code"],
                    "type_label": str(types.get(row["asset_type__code"], "")),
                    "description": row["description"],
                    "availability": row["availability"],
                    "how_to_ask": row["how_to_ask"],
                    "place": row["place__name"],
                    "address": "" if row["place__town_only"] else row["place__address"],
                    "town_only": row["place__town_only"],
                    "town": str(towns.get(row["place__area__slug"], "")),
                    "organisation": row["place__organisation__name"],
                    "url": site_urls.get(row["place__organisation_id"], ""),
                },
            }
            for row in rows
        ]
        return {
            "type": "FeatureCollection",
            "count": len(features) if not truncated else self.results.count(),
            "truncated": truncated,
            "features": features,
        }


def _town_labels():
    from partners.models import Area

    return localized_labels(Area)


def attach_partner_pages(places, locale):
    """Set ``partner_page`` on each place: its organisation's page in
    ``locale`` (one query for all)."""
    pages = {
        page.organisation_id: page
        for page in listed_partner_pages(locale).filter(
            organisation__in={place.organisation_id for place in places}
        )
    }
    for place in places:
        place.partner_page = pages.get(place.organisation_id)


def _cache_key(request, locale):
    """One key per language and set of filters (in any order), hashed so
    that it is a valid key for every cache backend."""
    listing_params = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if name in {"asset", "area", "kind"}
        for value in values
    )
    digest = hashlib.sha256(repr(listing_params).encode()).hexdigest()[:32]
    return (
        # Under the site's content version (core.page_cache): places,
        # assets, town centres, organisations and pages all bump it.
        f"community:geojson:{page_cache.content_version()}:{locale.language_code}:"
        f"{get_language()}:{digest}"
    )


@require_GET
@cache_control(max_age=GEOJSON_CACHE_SECONDS, public=True)
def geojson(request):
    """/map/assets.geojson: the map's assets in the active language's pages,
    with the list's filters."""
    locale = Locale.get_active()
    key = _cache_key(request, locale)
    data = cache.get(key)
    if data is None:
        data = AssetListing(request, locale).geojson()
        cache.set(key, data, GEOJSON_CACHE_SECONDS)
    return JsonResponse(data, content_type="application/geo+json")


# --- Networks --------------------------------------------------------------------------


def network_facets():
    through = NetworkPage.audiences.through
    return [
        Facet("kind", _("Kind of network"), "network_kind", NetworkPage.Kind.choices),
        AreaFacet("area", _("Town"), "area"),
        Facet(
            "audience",
            _("Who it serves"),
            "audiences__code",
            vocabulary_choices(Audience),
            filter=lambda codes: Q(
                pk__in=through.objects.filter(audience__code__in=codes).values("networkpage_id")
            ),
        ),
    ]


def listed_networks(locale):
    return (
        NetworkPage.objects.live()
        .public()
        .filter(locale=locale, organisation__status=Organisation.Status.APPROVED)
    )


class NetworkListing(FacetedListing):
    def __init__(self, request, locale):
        self.request = request
        super().__init__(request.GET, listed_networks(locale), network_facets(), path=request.path)

    def order(self, queryset):
        return queryset.select_related("organisation", "area").order_by("title", "pk")


def volunteer_calls(network):
    """Open calls of the network's organisation that ask for volunteers."""
    parent = network.get_parent()
    return (
        CallPage.objects.live()
        .public()
        .child_of(parent)
        .open()
        .filter(audiences__code="volunteers")
        .distinct()
        .order_by("closes_on", "title")
    )
