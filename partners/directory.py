"""The partner directory: the public pages of approved organisations,
filterable by kind of organisation, area served and what they offer their
town (community assets), with a count beside every choice.

Only organisations that the cooperative has approved are listed: a pending,
rejected or suspended organisation's page stays out even if it is live.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cooperativa.core.facets import Facet, FacetedListing
from cooperativa.core.vocabularies import vocabulary_choices

from .facets import AreaFacet
from .models import AssetType, Organisation, PartnerPage

PER_PAGE = 20


def _organisations_with(relation, lookup, values):
    """Partner pages whose organisation has one of ``values`` through a
    many-to-many ``relation``, as a subquery so that rows are not repeated."""
    through = getattr(Organisation, relation).through
    return Q(
        organisation__in=through.objects.filter(**{f"{lookup}__in": values}).values(
            "organisation_id"
        )
    )


def directory_facets():
    return [
        Facet("kind", _("Kind of organisation"), "organisation__kind", Organisation.Kind.choices),
        AreaFacet(
            "area",
            _("Area served"),
            "organisation__areas",
            filter=lambda slugs: _organisations_with("areas", "area__slug", slugs),
        ),
        Facet(
            "asset",
            _("What they offer"),
            "organisation__assets__code",
            vocabulary_choices(AssetType),
            filter=lambda codes: _organisations_with("assets", "assettype__code", codes),
        ),
    ]


def listed_partner_pages(index_page):
    return (
        PartnerPage.objects.live()
        .public()
        .child_of(index_page)
        .filter(organisation__in=Organisation.objects.public())
    )


class PartnerDirectory(FacetedListing):
    """Used by PartnerIndexPage.get_context; the template reads
    ``facet_groups``, ``items``, ``page_obj`` and the links."""

    per_page = PER_PAGE

    def __init__(self, index_page, request):
        self.index_page = index_page
        self.request = request
        super().__init__(
            request.GET, listed_partner_pages(index_page), directory_facets(), path=request.path
        )

    def order(self, queryset):
        return (
            queryset.select_related("organisation")
            .prefetch_related("organisation__areas")
            .order_by("title", "pk")
        )
