"""Faceted filters for lists of pages: the hubs, site search and the partner
directory.

Every filter lives in the query string, so a filtered list is a link that can
be shared, bookmarked and used without JavaScript. Values that are not valid
(an unknown area, a page number that is not a number, a sort that does not
exist) are ignored rather than refused: a visitor following an old link
still gets a list.

A list can also be narrowed to one organisation (``partner=<slug>``: what it
publishes; ``with_partner=<slug>``: the joint projects of others it is a
partner in), as a partner profile's "See all" links do. That is not a facet:
no checkboxes and no counts, but a notice that says so and can be removed.

Counts are disjunctive: within one facet the choices add up (sector is
catering OR laundry) and the count beside each choice applies every OTHER
active filter, so it says how many results ticking that box would give.
Each facet costs one aggregate query, whatever the number of results or
choices.
"""

import functools
import operator
from dataclasses import dataclass
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from partners.models import Area, PartnerPage

from . import listing, parameters
from .models import (
    Audience,
    Commitment,
    OpportunityIndexPage,
    OpportunityPage,
    ProjectPage,
    Sector,
)

PER_PAGE = 12
COLLAPSE_AFTER = 4


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False

    @property
    def empty(self):
        return self.count == 0


class Facet:
    """A set of checkboxes filtering by one field.

    ``lookup`` is the field (or path through relations) that the counts
    group by; ``filter`` builds the condition for the chosen values when a
    plain ``lookup__in`` would not do (many-to-many relations, where a join
    would repeat rows).
    """

    def __init__(self, param, legend, lookup, choices=(), *, filter=None):
        self.param = param
        self.legend = legend
        self.lookup = lookup
        self.choices = list(choices)
        self._filter = filter

    def clean(self, raw_values):
        known = {value for value, _label in self.choices}
        return list(dict.fromkeys(value for value in raw_values if value in known))

    def to_db(self, value):
        return value

    def from_db(self, db_value):
        return db_value

    def q(self, values):
        if self._filter:
            return self._filter(values)
        return Q(**{f"{self.lookup}__in": [self.to_db(value) for value in values]})

    def _rows(self, base, condition, *lookups):
        count = Count("pk", filter=condition) if condition else Count("pk")
        return base.order_by().values(*lookups).annotate(n=count)

    def count(self, base, condition):
        """{value: how many of ``base`` meet ``condition`` and have value}."""
        return {
            self.from_db(row[self.lookup]): row["n"]
            for row in self._rows(base, condition, self.lookup)
            if row[self.lookup] is not None
        }

    def options(self, counts, selected):
        return [
            Option(value, str(label), counts.get(value, 0), value in selected)
            for value, label in self.choices
        ]

    def label_of(self, value):
        return next((str(label) for key, label in self.choices if key == value), value)


class BooleanFacet(Facet):
    def __init__(self, param, legend, lookup, yes_label, no_label):
        super().__init__(param, legend, lookup, [("yes", yes_label), ("no", no_label)])

    def to_db(self, value):
        return value == "yes"

    def from_db(self, db_value):
        return "yes" if db_value else "no"


class TypeFacet(Facet):
    """Placement, call or project, stored as the page's content type."""

    def __init__(self):
        kinds = [choice for choice in OpportunityIndexPage.Kind.choices if choice[0]]
        super().__init__("type", _("Type"), "content_type", kinds)

    def to_db(self, value):
        return listing.content_type_for_kind(value).pk

    def from_db(self, db_value):
        return listing.kind_for_content_type_id(db_value)


class AreaFacet(Facet):
    """Areas are data, not a fixed list: the choices are the areas that
    appear in the list, plus any chosen area that does not."""

    def __init__(self, param, legend, prefix, *, filter=None):
        super().__init__(param, legend, f"{prefix}__slug", filter=filter)
        self.prefix = prefix
        self.labels = {}

    def clean(self, raw_values):
        raw_values = list(dict.fromkeys(value for value in raw_values if value))
        if not raw_values:
            return []
        # One query, only when an area is chosen: unknown slugs are dropped.
        self.labels = {
            area.slug: str(area) for area in Area.objects.filter(slug__in=raw_values[:50])
        }
        return [value for value in raw_values if value in self.labels]

    def count(self, base, condition):
        name, province = f"{self.prefix}__name", f"{self.prefix}__province"
        counts = {}
        for row in self._rows(base, condition, self.lookup, name, province):
            slug = row[self.lookup]
            if slug is None:
                continue
            counts[slug] = row["n"]
            self.labels.setdefault(slug, f"{row[name]} ({row[province]})")
        return counts

    def options(self, counts, selected):
        slugs = set(counts) | set(selected)
        options = [
            Option(slug, self.labels.get(slug, slug), counts.get(slug, 0), slug in selected)
            for slug in slugs
        ]
        return sorted(options, key=lambda option: option.label.casefold())

    def label_of(self, value):
        return self.labels.get(value, value)


@dataclass
class FacetGroup:
    facet: Facet
    options: list

    @property
    def param(self):
        return self.facet.param

    @property
    def legend(self):
        return self.facet.legend

    @property
    def selected_count(self):
        return sum(1 for option in self.options if option.selected)

    @property
    def collapsible(self):
        """Long lists fold away (unless something in them is chosen), so
        that on a phone the results are not pushed screens below."""
        return len(self.options) > COLLAPSE_AFTER


@dataclass
class Sort:
    value: str
    label: str
    url: str
    current: bool


class FacetedListing:
    """Filters, counts, sorts and paginates ``base`` from GET parameters.

    Subclasses say which facets and sorts exist, and how to make a page of
    results ready for display (``prepare``).
    """

    per_page = PER_PAGE
    sorts = {}
    default_sort = None
    # Parameters that are not filters but must survive every link (the
    # search words).
    kept_params = ()

    def __init__(self, params, base, facets, *, path=""):
        # Values the database cannot take are dropped here, once, before any
        # facet, sort, page or link reads them.
        self.params = parameters.cleaned(params)
        self.base = base
        self.facets = facets
        self.path = path
        self.selected = {
            facet.param: facet.clean(self.params.getlist(facet.param)) for facet in facets
        }
        sort = self.params.get("sort")
        self.sort = sort if sort in self.sorts else self.default_sort

    @property
    def parameter_names(self):
        """Every GET parameter this list reads."""
        return [
            *(facet.param for facet in self.facets),
            *(["sort"] if self.sorts else []),
            "page",
            *self.kept_params,
        ]

    # --- Conditions ------------------------------------------------------

    def scope_q(self):
        """A condition that applies whatever the facets (e.g. open only)."""
        return Q()

    def filter_q(self, exclude=None, *, scope=True):
        condition = self.scope_q() if scope else Q()
        for facet in self.facets:
            values = self.selected[facet.param]
            if values and facet.param != exclude:
                condition &= facet.q(values)
        return condition

    # --- Facets and results --------------------------------------------------

    @cached_property
    def facet_groups(self):
        groups = []
        for facet in self.facets:
            counts = facet.count(self.base, self.filter_q(exclude=facet.param))
            groups.append(FacetGroup(facet, facet.options(counts, self.selected[facet.param])))
        return groups

    @property
    def is_filtered(self):
        return any(self.selected.values())

    def order(self, queryset):
        return queryset

    @cached_property
    def results(self):
        condition = self.filter_q()
        queryset = self.base.filter(condition) if condition else self.base
        return self.order(queryset)

    @cached_property
    def page_obj(self):
        return Paginator(self.results, self.per_page).get_page(self.params.get("page"))

    @property
    def count(self):
        return self.page_obj.paginator.count

    def prepare(self, object_list):
        return list(object_list)

    @cached_property
    def items(self):
        return self.prepare(self.page_obj.object_list)

    # --- Links ---------------------------------------------------------------

    def url_with(self, **changes):
        """This list's address with some parameters replaced (a list value
        sets a multiple parameter, None removes it); back to page 1."""
        params = self.params.copy()
        params.pop("page", None)
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            elif isinstance(value, list):
                params.setlist(name, value)
            else:
                params[name] = value
        query = params.urlencode()
        return f"{self.path}?{query}" if query else self.path or "?"

    @cached_property
    def active_filters(self):
        """(label, address without it) for each chosen value: the ways to
        widen a search that found nothing."""
        active = []
        for facet in self.facets:
            values = self.selected[facet.param]
            for value in values:
                remaining = [other for other in values if other != value]
                active.append((facet.label_of(value), self.url_with(**{facet.param: remaining})))
        return active

    @property
    def clear_url(self):
        params = {name: self.params[name] for name in self.kept_params if self.params.get(name)}
        if self.sort != self.default_sort:
            params["sort"] = self.sort
        query = QueryDict(mutable=True)
        query.update(params)
        encoded = query.urlencode()
        return f"{self.path}?{encoded}" if encoded else self.path or "?"

    @property
    def sort_links(self):
        return [
            Sort(value, str(label), self.url_with(sort=value), value == self.sort)
            for value, label in self.sorts.items()
        ]

    @property
    def hidden_fields(self):
        """Parameters the filter form must carry along."""
        fields = [(name, self.params[name]) for name in self.kept_params if self.params.get(name)]
        if self.sort != self.default_sort:
            fields.append(("sort", self.sort))
        return fields


# --- One organisation ------------------------------------------------------------------


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
            .filter(organisation__slug=slug[:80])
            .select_related("organisation")
        )
        return ChosenOrganisation(pages[0].organisation, pages) if pages else None

    def q(self, chosen):
        return self.condition(chosen)

    def label_of(self, chosen):
        return self.label % {"name": chosen.organisation.name}


def _partnered_q(chosen):
    through = ProjectPage.partner_organisations.through
    return (
        Q(
            pk__in=through.objects.filter(organisation_id=chosen.organisation.pk).values(
                "projectpage_id"
            )
        )
        & ~chosen.hosted_q()
    )


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
            list(Audience.CHOICES.items()),
            filter=lambda codes: Q(
                pk__in=through.objects.filter(audience__code__in=codes).values("opportunitypage_id")
            ),
        ),
        AreaFacet("area", _("Area"), "area"),
        Facet("sector", _("Sector"), "sector", Sector.choices),
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
        self.on = on or listing.today()
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
        return Q() if self.show_closed else listing.open_q(self.on)

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

    @cached_property
    def closed_count(self):
        """How many closed opportunities the other filters match."""
        condition = self.filter_q(scope=False) & listing.closed_q(self.on)
        return self.base.aggregate(n=Count("pk", filter=condition))["n"]

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
        matching = sorted(self.results.values_list("pk", flat=True), key=rank.__getitem__)
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
