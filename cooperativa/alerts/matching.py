"""What an alert matches: the hub's own faceted listing, re-run.

An alert keeps its hub and the query string that the hub's listing itself
normalised (``OpportunityListing.filter_params``). Matching builds the same
listing on the same base (the hub's language and type) and asks it for its
results: there is no second definition of a filter, of "open" or of a
language here. What is new for an alert is what the listing finds, first
published after the alert was made, that the alert has not announced yet.
"""

from django.http import QueryDict

from cooperativa.opportunities.filters import OpportunityListing
from cooperativa.opportunities.listing import attach_hosts, for_display, published_opportunities
from cooperativa.opportunities.models import today

from .models import SentItem


def listing_for(hub, params, *, on=None):
    """The hub's listing for ``params`` (a QueryDict), as the hub shows it."""
    return OpportunityListing(
        params,
        published_opportunities(hub.locale_id, hub.kind),
        show_type=not hub.kind,
        path=hub.get_url() or "",
        on=on,
    )


def normalised_query(hub, params):
    """The filters of ``params`` as the hub's listing understood them: the
    values its facets and organisation scopes accepted (unknown ones,
    sorting and paging dropped), in the listing's order."""
    listing = listing_for(hub, params)
    query = QueryDict(mutable=True)
    for facet in listing.facets:
        if listing.selected[facet.param]:
            query.setlist(facet.param, listing.selected[facet.param])
    for scope, chosen in listing.organisations:
        query[scope.param] = chosen.organisation.slug
    return query.urlencode()


def alert_listing(alert, *, on=None):
    params = QueryDict(alert.query, mutable=True)
    params["sort"] = "newest"
    return listing_for(alert.hub, params, on=on or today())


def describe(alert):
    """The labels of an alert's filters ("Catering", "Paid"…), for people."""
    return [label for label, _url in alert_listing(alert).active_filters]


def new_matches(alert, *, on=None):
    """The open opportunities the alert's search finds, published since the
    alert was made and not yet announced by it, newest first (a queryset)."""
    return (
        alert_listing(alert, on=on)
        .results.filter(first_published_at__gt=alert.created_at)
        .exclude(pk__in=SentItem.objects.filter(alert=alert).values("opportunity_id"))
    )


def ready_for_email(queryset):
    """Specific pages with their area and host, for the digest."""
    return attach_hosts(for_display(queryset))
