"""Listing opportunities: the querysets behind hubs, partner pages, detail
pages and the home page.

An opportunity's state (open, closing soon, closed) is defined once, by
OpportunityQuerySet in models.py; lists here filter and sort by it.

Every function here runs a fixed number of queries, however many
opportunities there are: pages are made specific one page of results at a
time, and host organisations are fetched for a whole list at once.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import RowNumber
from wagtail.models import Page

from .models import (
    CallPage,
    OpportunityIndexPage,
    OpportunityPage,
    OpportunityQuerySet,
    PlacementPage,
    ProjectPage,
    host_pages_of,
    today,
)

KIND_MODELS = {
    "placement": PlacementPage,
    "call": CallPage,
    "project": ProjectPage,
}


# --- Base querysets ------------------------------------------------------------


def content_type_for_kind(kind):
    return ContentType.objects.get_for_model(KIND_MODELS[kind])


def kind_for_content_type_id(content_type_id):
    """The kind ("placement", "call" or "project") of a content type id, without a query."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return getattr(model, "kind_code", None)


def published_opportunities(locale, kind=""):
    """Live, public opportunities of a language, of one kind or of all."""
    queryset = OpportunityPage.objects.live().public().filter(locale=locale)
    if kind:
        queryset = queryset.filter(content_type=content_type_for_kind(kind))
    return queryset


def sort_closing_soonest(queryset, on=None):
    """Closing soonest first; those without a closing date after them, and
    closed ones (when they are shown at all) last."""
    on = on or today()
    return queryset.annotate(
        closed_rank=Case(
            When(OpportunityQuerySet.closed_q(on), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        ),
    ).order_by("closed_rank", F("closes_on").asc(nulls_last=True), "-first_published_at", "pk")


def sort_newest(queryset):
    return queryset.order_by(F("first_published_at").desc(nulls_last=True), "-pk")


def for_display(queryset):
    """Make a (sliced) queryset of opportunities ready for cards: specific
    pages with their area, one query per page type."""
    return queryset.specific().select_related("area", "sector", for_specific_subqueries=True)


def attach_hosts(opportunities):
    """Set ``host_page`` on each opportunity from one query for all of them.

    The host is the partner page above the opportunity in the tree;
    OpportunityPage.host_page would otherwise ask the database once per card.
    """
    opportunities = list(opportunities)
    if not opportunities:
        return opportunities
    hosts = list(host_pages_of(opportunities))
    for page in opportunities:
        host = next((host for host in hosts if page.is_child_of(host)), None)
        if host is not None:
            page.host_page = host
    return opportunities


def hub_for(locale, kind):
    """The live hub listing ``kind`` (or every kind for "") in a language, if any."""
    return OpportunityIndexPage.objects.live().filter(locale=locale, kind=kind).first()


def hubs_of(locale):
    """Every live hub of a language, the all-types hub first."""
    return list(OpportunityIndexPage.objects.live().filter(locale=locale).order_by("kind", "path"))


# --- Lists for other pages -----------------------------------------------------


def featured_opportunities(locale, limit=6):
    """The newest open opportunities of a language, ready for cards."""
    queryset = sort_newest(published_opportunities(locale).open())[:limit]
    return attach_hosts(for_display(queryset))


def similar_open_opportunities(page, limit=3):
    """Open opportunities like ``page`` (same type, same sector or area), to
    offer when ``page`` itself is closed."""
    queryset = (
        published_opportunities(page.locale_id, page.kind)
        .open()
        .filter(Q(sector_id=page.sector_id) | Q(area_id=page.area_id))
        .exclude(pk=page.pk)
    )
    return attach_hosts(for_display(sort_closing_soonest(queryset)[:limit]))


def localized_opportunities(pages, locale):
    """The live, public versions in ``locale`` of the given opportunities
    (themselves in any language), specific and with their hosts."""
    keys = {page.translation_key for page in pages}
    if not keys:
        return []
    queryset = (
        OpportunityPage.objects.live().public().filter(locale=locale, translation_key__in=keys)
    )
    return attach_hosts(for_display(sort_closing_soonest(queryset)))


# --- A partner's profile ----------------------------------------------------------

# A profile shows a taste of each list, not the whole of it: an organisation
# with hundreds of placements would otherwise send a page of megabytes. The
# rest is one link away, on the hub filtered by the organisation.
PROFILE_LIMIT = 6


@dataclass
class ProfileList:
    """Up to PROFILE_LIMIT open opportunities of one kind, how many there
    are in all, and where to see them all (None when they are all here)."""

    kind: str
    heading: str
    items: list
    count: int
    more_url: str | None = None


@dataclass
class PartnerProfile:
    # One ProfileList per kind the organisation publishes something open of.
    groups: list = field(default_factory=list)
    # Open joint projects led by others, in which it is a partner.
    partner_projects: ProfileList | None = None


def _hosted_q(partner_page):
    return Page.objects.child_of_q(partner_page)


def _partnered_q(partner_page):
    """Joint projects of other organisations, in ``partner_page``'s language,
    that credit its organisation as a partner."""
    return (
        Q(locale=partner_page.locale_id)
        & ProjectPage.crediting_q(partner_page.organisation_id)
        & ~_hosted_q(partner_page)
    )


def _hub_urls(hubs, request, query):
    """{kind: address of the hub listing it, with ``query`` applied}. A kind
    without a hub of its own goes to the all-types hub, filtered by type."""
    by_kind = {hub.kind: hub for hub in hubs}
    urls = {}
    for kind in KIND_MODELS:
        hub, params = by_kind.get(kind), dict(query)
        if hub is None and "" in by_kind:
            hub, params = by_kind[""], {"type": kind, **params}
        url = hub.get_url(request) if hub is not None else None
        if url:
            urls[kind] = f"{url}?{urlencode(params)}"
    return urls


def partner_profile(partner_page, request=None, limit=PROFILE_LIMIT, on=None):
    """The lists on a partner's profile: up to ``limit`` open opportunities
    of each kind it publishes, closing soonest first, and up to ``limit`` of
    the joint projects it is a partner in, each with its total and a link
    to the rest. A fixed number of queries, however many there are: one
    aggregate for every total, one for the first ``limit`` of each kind."""
    on = on or today()
    organisation = partner_page.organisation
    public = OpportunityPage.objects.live().public().open(on)
    hosted, partnered = _hosted_q(partner_page), _partnered_q(partner_page)
    totals = public.aggregate(
        partner_projects=Count("pk", filter=partnered),
        **{
            kind: Count("pk", filter=hosted & Q(content_type=content_type_for_kind(kind)))
            for kind in KIND_MODELS
        },
    )
    profile = PartnerProfile()
    if not any(totals.values()):
        return profile

    order = (F("closes_on").asc(nulls_last=True), F("first_published_at").desc(), F("pk").asc())
    firsts = (
        public.filter(hosted)
        .annotate(
            position=Window(RowNumber(), partition_by=[F("content_type")], order_by=list(order))
        )
        .filter(position__lte=limit)
        .order_by(*order)
    )
    opportunities = list(for_display(firsts)) if any(totals[kind] for kind in KIND_MODELS) else []
    for page in opportunities:
        page.host_page = partner_page

    partner_projects = []
    if totals["partner_projects"]:
        partner_projects = attach_hosts(
            sort_closing_soonest(
                ProjectPage.objects.filter(pk__in=public.filter(partnered).values("pk")),
                on,
            ).select_related("area")[:limit]
        )

    # Asked whether or not a list is long enough to need its link, so that
    # the page costs the same however many opportunities there are.
    hubs = hubs_of(partner_page.locale_id)
    hosted_urls = _hub_urls(hubs, request, {"partner": organisation.slug})
    with_partner_urls = _hub_urls(hubs, request, {"with_partner": organisation.slug})

    for kind, heading, pages in group_by_kind(opportunities):
        more_url = hosted_urls.get(kind) if totals[kind] > len(pages) else None
        profile.groups.append(ProfileList(kind, heading, pages, totals[kind], more_url))
    if partner_projects:
        more_url = (
            with_partner_urls.get("project")
            if totals["partner_projects"] > len(partner_projects)
            else None
        )
        profile.partner_projects = ProfileList(
            "project",
            dict(OpportunityIndexPage.Kind.choices)["project"],
            partner_projects,
            totals["partner_projects"],
            more_url,
        )
    return profile


def group_by_kind(opportunities):
    """[(kind, heading, [pages])] in the order placements, calls, projects,
    leaving out kinds with nothing in them."""
    labels = dict(OpportunityIndexPage.Kind.choices)
    groups = []
    for kind in KIND_MODELS:
        pages = [page for page in opportunities if page.kind == kind]
        if pages:
            groups.append((kind, labels[kind], pages))
    return groups
