"""RSS and Atom feeds per hub, and an iCal feed of deadlines and events.

Mounted at /feeds/ inside the language prefix, so /it/feeds/… lists the
Italian pages and speaks Italian. Only live, public, open opportunities of
the active language appear: an item leaves the feeds the day after it
closes, and a completed project leaves them when it is completed.

Each feed runs a fixed number of queries whatever the number of items: the
host organisations of all items are fetched together.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlparse

import icalendar
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Site

from .listing import attach_hosts, hub_for
from .models import CallPage, OpportunityIndexPage, OpportunityPage, PlacementPage, ProjectPage

FEED_MAX_ITEMS = 100
# Feed readers poll often; a few minutes of staleness costs nothing.
FEED_CACHE_SECONDS = 15 * 60

# Feed slug -> (hub kind, page model). The slug is the hub's English slug.
FEED_KINDS = {
    "opportunities": ("", OpportunityPage),
    "placements": ("placement", PlacementPage),
    "calls": ("call", CallPage),
    "projects": ("project", ProjectPage),
}
FEED_SLUG_BY_KIND = {kind: slug for slug, (kind, _model) in FEED_KINDS.items()}


def open_opportunities(model=OpportunityPage, locale=None, today=None):
    """Live, public opportunities of ``model`` in ``locale`` that can still
    be joined ``today``."""
    return model.objects.live().public().filter(locale=locale).open(today)


def matching_filters(queryset, request, *, show_type=True):
    """``queryset`` narrowed by the hub filters in the request's query string
    (area, sector, audience, partner…), with the very code the hubs use, so
    "Follow" from a filtered hub follows what the visitor sees. Feeds list
    open opportunities only, whatever ``closed`` says."""
    from .filters import OpportunityListing

    condition = OpportunityListing(request.GET, queryset, show_type=show_type).filter_q(scope=False)
    return queryset.filter(condition) if condition else queryset


def feed_url_name(slug, format):
    return f"feeds_{slug}_{format}"


def site_hostname():
    """The site's public host name, for identifiers that must never change
    with the address a request happened to use."""
    return urlparse(settings.SITE_URL).hostname or "localhost"


@dataclass
class FeedSource:
    """What one request's feed is about: passed from get_object to every
    other method, so the shared Feed instance holds no request state."""

    request: object
    slug: str
    kind: str
    model: type
    locale: Locale
    hub: OpportunityIndexPage | None


class OpportunityFeed(Feed):
    """RSS 2.0 feed of one hub's open opportunities, newest first."""

    feed_type = Rss201rev2Feed
    slug = "opportunities"

    def get_object(self, request, *args, **kwargs):
        kind, model = FEED_KINDS[self.slug]
        locale = Locale.get_active()
        hub = hub_for(locale, kind)
        return FeedSource(request, self.slug, kind, model, locale, hub)

    def title(self, source):
        label = source.hub.title if source.hub else OpportunityIndexPage.Kind(source.kind).label
        return f"{label} · {settings.WAGTAIL_SITE_NAME}"

    def link(self, source):
        if source.hub:
            return source.hub.get_full_url(source.request)
        site = Site.find_for_request(source.request)
        if site:
            return site.root_page.localized.get_full_url(source.request)
        return source.request.build_absolute_uri("/")

    def description(self, source):
        if source.hub and source.hub.intro:
            return source.hub.intro
        return _("Open opportunities published on %(site)s.") % {"site": settings.WAGTAIL_SITE_NAME}

    def feed_url(self, source):
        return source.request.build_absolute_uri()

    def items(self, source):
        queryset = matching_filters(
            open_opportunities(source.model, source.locale),
            source.request,
            show_type=not source.kind,
        ).select_related("sector")
        pages = attach_hosts(queryset.order_by("-first_published_at", "-pk")[:FEED_MAX_ITEMS])
        hostname = site_hostname()
        for page in pages:
            # Everything the item methods need is worked out here, where the
            # request is at hand.
            page.feed_link = page.get_full_url(source.request)
            # attach_hosts set host_page where the parent is a partner page;
            # reading the attribute otherwise would query the parent.
            page.feed_host = page.__dict__.get("host_page")
            page.feed_host_link = (
                page.feed_host.get_full_url(source.request) if page.feed_host else None
            )
            page.feed_guid = f"tag:{hostname},{page.first_published_at:%Y-%m-%d}:page-{page.pk}"
        return pages

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        # Stable when a page is renamed or moved, unlike its address.
        return item.feed_guid

    item_guid_is_permalink = False

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.feed_host.organisation.name if item.feed_host else None

    def item_author_link(self, item):
        return item.feed_host_link

    def item_categories(self, item):
        return [str(item.sector.label), str(item.kind_label)]


class OpportunityAtomFeed(OpportunityFeed):
    """The same feed in Atom 1.0."""

    feed_type = Atom1Feed

    def subtitle(self, source):
        return self.description(source)


def make_feed(slug, feed_class):
    return cache_control(max_age=FEED_CACHE_SECONDS, public=True)(
        type(f"{feed_class.__name__}_{slug}", (feed_class,), {"slug": slug})()
    )


# --- iCal -----------------------------------------------------------------


def _calendar_events(request, locale, now):
    """The VEVENTs of one language's calendar."""
    hostname = site_hostname()
    today = timezone.localdate(now)
    events = []

    deadlines = (
        matching_filters(open_opportunities(OpportunityPage, locale, today), request)
        .filter(closes_on__isnull=False)
        .order_by("closes_on", "pk")
    )
    for page in deadlines:
        event = icalendar.Event()
        event.add("uid", f"deadline-{page.pk}@{hostname}")
        event.add("summary", _("Closing date: %(title)s") % {"title": page.title})
        # An all-day event: DTEND is the day after, as RFC 5545 requires.
        event.add("dtstart", page.closes_on)
        event.add("dtend", page.closes_on + datetime.timedelta(days=1))
        _add_common(event, page, request, now)
        events.append(event)

    # A call's event stays in the calendar while the call is open or the
    # event has not yet ended, even if responses are closed.
    still_on = Q(event_ends_at__gte=now) | Q(event_ends_at__isnull=True, event_starts_at__gte=now)
    calls = (
        matching_filters(CallPage.objects.live().public(), request)
        .filter(locale=locale, event_starts_at__isnull=False)
        .filter(Q(pk__in=open_opportunities(CallPage, locale, today).values("pk")) | still_on)
        .order_by("event_starts_at", "pk")
    )
    for page in calls:
        event = icalendar.Event()
        event.add("uid", f"event-{page.pk}@{hostname}")
        event.add("summary", page.title)
        event.add("dtstart", page.event_starts_at.astimezone(datetime.UTC))
        if page.event_ends_at:
            event.add("dtend", page.event_ends_at.astimezone(datetime.UTC))
        if page.event_place:
            event.add("location", page.event_place)
        _add_common(event, page, request, now)
        events.append(event)
    return events


def _add_common(event, page, request, now):
    url = page.get_full_url(request)
    # Without METHOD, DTSTAMP is when the information last changed: the
    # last publication, so an unchanged event reads the same on every poll.
    changed = (page.last_published_at or now).astimezone(datetime.UTC)
    event.add("dtstamp", changed)
    event.add("last-modified", changed)
    event.add("url", url)
    event.add("description", f"{page.summary}\n\n{url}")


@require_GET
@cache_control(max_age=FEED_CACHE_SECONDS, public=True)
def deadlines_ics(request):
    """Closing dates of open opportunities and the events of calls."""
    locale = Locale.get_active()
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//{site_hostname()}//")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add(
        "x-wr-calname",
        _("%(site)s: deadlines and events") % {"site": settings.WAGTAIL_SITE_NAME},
    )
    for event in _calendar_events(request, locale, timezone.now()):
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="deadlines.ics"'
    return response


urlpatterns = [
    *(
        path(
            f"{slug}.{extension}", make_feed(slug, feed_class), name=feed_url_name(slug, extension)
        )
        for slug in FEED_KINDS
        for extension, feed_class in (("rss", OpportunityFeed), ("atom", OpportunityAtomFeed))
    ),
    path("deadlines.ics", deadlines_ics, name="feeds_deadlines_ics"),
]
