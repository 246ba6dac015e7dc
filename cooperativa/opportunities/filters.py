"""Filters for lists of opportunities: the hubs and site search, on the
faceted listing machinery of cooperativa.core.facets.

A list can also be narrowed to one organisation (``partner=<slug>``: what it
publishes; ``with_partner=<slug>``: the joint projects of others it is a
partner in), as a partner profile's "See all" links do. That is not a facet:
no checkboxes and no counts, but a notice that says so and can be removed.
"""

import functools
import operator
from dataclasses import dataclass
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cooperativa.core.facets import (
    BooleanFacet,
    Facet,
    FacetedListing,
    cached_answers,
    query_key,
)
from cooperativa.core.vocabularies import vocabulary_choices
from partners.facets import AreaFacet
from partners.models import Organisation, PartnerPage

from . import listing
from .models import (
    Audience,
    Commitment,
    OpportunityIndexPage,
    OpportunityPage,
    OpportunityQuerySet,
    ProjectPage,
    Sector,
    today,
)


class TypeFacet(Facet):
    """Placement, call or project, stored as the page's content type."""

    def __init__(self):
        kinds = [choice for choice in OpportunityIndexPage.Kind.choices if choice[0]]
        super().__init__("type", _("Type"), "content_type", kinds)

    def to_db(self, value):
        return listing.content_type_for_kind(value).pk

    def from_db(self, db_value):
        return listing.kind_for_content_type_id(db_value)


@dataclass
class ChosenOrganisation:
    organisation: object
    # Its live partner pages (one per language): what it publishes is below them.
    pages: list

    def hosted_q(self):
        return functools.reduce(
            operator.or_, (Page.objects.child_of_q(page) for page in self.pages)
        )


class OrganisationScope:
    """Narrows a list to one organisation, named by its slug in ``param``.

    Only an organisation with a public profile can be chosen: an unknown
    slug (or that of an organisation not approved) is ignored like any other
    invalid value, and never shows the organisation's name.
    """

    def __init__(self, param, label, condition):
        self.param = param
        self.label = label
        self.condition = condition

    def clean(self, raw_value):
        slug = (raw_value or "").strip()
        if not slug:
            return None
        # One query, only when the parameter is there.
        pages = list(
            PartnerPage.objects.live()
            .filter(organisation__in=Organisation.objects.public(), organisation__slug=slug[:80])
            .select_related("organisation")
        )
        return ChosenOrganisation(pages[0].organisation, pages) if pages else None

    def q(self, chosen):
        return self.condition(chosen)

    def label_of(self, chosen):
        return self.label % {"name": chosen.organisation.name}


def _partnered_q(chosen):
    return ProjectPage.crediting_q(chosen.organisation.pk) & ~chosen.hosted_q()


ORGANISATION_SCOPES = (
    OrganisationScope("partner", _("From: %(name)s"), ChosenOrganisation.hosted_q),
    OrganisationScope("with_partner", _("Joint projects with: %(name)s"), _partnered_q),
)


# --- Opportunities -----------------------------------------------------------------


def opportunity_facets(show_type=True):
    through = OpportunityPage.audiences.through
    facets = [
        Facet(
            "audience",
            _("Who it is for"),
            "audiences__code",
            vocabulary_choices(Audience),
            filter=lambda codes: Q(
                pk__in=through.objects.filter(audience__code__in=codes).values("opportunitypage_id")
            ),
        ),
        AreaFacet("area", _("Area"), "area"),
        Facet("sector", _("Sector"), "sector__code", vocabulary_choices(Sector)),
        Facet("commitment", _("Commitment"), "commitment", Commitment.choices),
        BooleanFacet("paid", _("Pay"), "paid", _("Paid"), _("Unpaid")),
    ]
    if show_type:
        facets.insert(0, TypeFacet())
    return facets


class OpportunityListing(FacetedListing):
    """A hub's list (or the opportunities found by a search).

    Closed opportunities are hidden unless ``closed=1``. With ``ranked_ids``
    (the ids a search found, best first) the results can also be sorted by
    relevance.
    """

    default_sort = "closing"

    def __init__(self, params, base, *, show_type=True, ranked_ids=None, path="", on=None):
        self.on = on or today()
        self.ranked_ids = ranked_ids
        self.sorts = {}
        if ranked_ids is not None:
            self.sorts["relevance"] = _("Best match")
            self.default_sort = "relevance"
            self.kept_params = ("q",)
        self.sorts["closing"] = _("Closing soonest")
        self.sorts["newest"] = _("Newest")
        super().__init__(params, base, opportunity_facets(show_type), path=path)
        self.show_closed = self.params.get("closed") in {"1", "on", "yes", "true"}
        self.organisations = [
            (scope, chosen)
            for scope in ORGANISATION_SCOPES
            if (chosen := scope.clean(self.params.get(scope.param))) is not None
        ]

    @property
    def parameter_names(self):
        return [*super().parameter_names, "closed", *(scope.param for scope in ORGANISATION_SCOPES)]

    def scope_q(self):
        return Q() if self.show_closed else OpportunityQuerySet.open_q(self.on)

    def filter_q(self, exclude=None, *, scope=True):
        # The organisation applies to everything, the facets' counts and the
        # number of closed ones included, whatever ``scope`` says.
        condition = super().filter_q(exclude, scope=scope)
        for organisation_scope, chosen in self.organisations:
            condition &= organisation_scope.q(chosen)
        return condition

    @property
    def organisation_notices(self):
        """(label, address without it) for the chosen organisation."""
        return [
            (scope.label_of(chosen), self.url_with(**{scope.param: None}))
            for scope, chosen in self.organisations
        ]

    @property
    def active_filters(self):
        return [*self.organisation_notices, *super().active_filters]

    @property
    def hidden_fields(self):
        return [
            *super().hidden_fields,
            *((scope.param, chosen.organisation.slug) for scope, chosen in self.organisations),
        ]

    @property
    def filter_params(self):
        """The chosen filters (facets and organisation) as a query string,
        without sort, page or closed: what a feed of this list keeps."""
        query = QueryDict(mutable=True)
        for facet in self.facets:
            if self.selected[facet.param]:
                query.setlist(facet.param, self.params.getlist(facet.param))
        for scope, chosen in self.organisations:
            query[scope.param] = chosen.organisation.slug
        return query.urlencode()

    @cached_property
    def closed_count(self):
        """How many closed opportunities the other filters match (cached
        like the facets' counts)."""
        condition = self.filter_q(scope=False) & OpportunityQuerySet.closed_q(self.on)
        key = query_key("closed", self.base.filter(condition))
        return cached_answers({key: lambda: self.base.filter(condition).count()})[key]

    @property
    def show_closed_url(self):
        return self.url_with(closed="1")

    @property
    def hide_closed_url(self):
        return self.url_with(closed=None)

    @property
    def is_filtered(self):
        return super().is_filtered or self.show_closed or bool(self.organisations)

    def order(self, queryset):
        if self.sort == "newest":
            return listing.sort_newest(queryset)
        if self.sort == "relevance":
            return queryset
        return listing.sort_closing_soonest(queryset, self.on)

    @cached_property
    def page_obj(self):
        if self.sort != "relevance":
            return super().page_obj
        # Relevance is the search backend's order, not a column: filter in
        # the database, then order the matching ids as the search ranked them.
        rank = {pk: position for position, pk in enumerate(self.ranked_ids)}
        matching = sorted(self.result_ids, key=rank.__getitem__)
        return Paginator(matching, self.per_page).get_page(self.params.get("page"))

    def prepare(self, object_list):
        if self.sort == "relevance":
            ids = list(object_list)
            pages = {
                page.pk: page
                for page in listing.for_display(OpportunityPage.objects.filter(pk__in=ids))
            }
            return listing.attach_hosts(pages[pk] for pk in ids if pk in pages)
        return listing.attach_hosts(listing.for_display(object_list))
