"""``{% feed_links as links %}``: the feeds to announce in a page's <head>;
``{% follow_links listing as links %}``: the same feeds as visible links on a
hub, keeping its filters."""

from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from cooperativa.opportunities.feeds import FEED_SLUG_BY_KIND, feed_url_name
from cooperativa.opportunities.models import OpportunityIndexPage, OpportunityPage

register = template.Library()


def feed_kind_for(page):
    """The hub a page belongs to: a hub is its own, an opportunity belongs
    to its type's hub, every other page to the all-opportunities hub."""
    if isinstance(page, OpportunityIndexPage):
        return page.kind
    if isinstance(page, OpportunityPage):
        return page.kind_code
    return ""


@register.simple_tag(takes_context=True)
def feed_links(context):
    """Dicts of href, type and title. URLs are reversed in the active
    language, so an Italian page announces the Italian feeds."""
    kind = feed_kind_for(context.get("page"))
    if kind not in FEED_SLUG_BY_KIND:
        kind = ""
    label = OpportunityIndexPage.Kind(kind).label
    return [
        {
            "href": reverse(feed_url_name(FEED_SLUG_BY_KIND[kind], "rss")),
            "type": "application/rss+xml",
            "title": _("%(feed)s (RSS)") % {"feed": label},
        },
        {
            "href": reverse("feeds_deadlines_ics"),
            "type": "text/calendar",
            "title": _("Deadlines and events (iCal)"),
        },
    ]


@register.simple_tag(takes_context=True)
def follow_links(context, listing):
    """The "Follow" links a hub shows: its RSS and Atom feeds and the
    calendar of deadlines, as dicts of href, type and label, each keeping
    the filters chosen on the hub (the feeds apply them with the hub's own
    filtering code)."""
    kind = feed_kind_for(context.get("page"))
    if kind not in FEED_SLUG_BY_KIND:
        kind = ""
    slug = FEED_SLUG_BY_KIND[kind]
    query = listing.filter_params
    # The calendar covers every kind: a typed hub's calendar keeps to its type.
    calendar_query = QueryDict(query, mutable=True)
    if kind:
        calendar_query["type"] = kind

    def with_query(url, encoded):
        return f"{url}?{encoded}" if encoded else url

    return [
        {
            "href": with_query(reverse(feed_url_name(slug, "rss")), query),
            "type": "application/rss+xml",
            "label": _("RSS feed"),
        },
        {
            "href": with_query(reverse(feed_url_name(slug, "atom")), query),
            "type": "application/atom+xml",
            "label": _("Atom feed"),
        },
        {
            "href": with_query(reverse("feeds_deadlines_ics"), calendar_query.urlencode()),
            "type": "text/calendar",
            "label": _("Calendar of closing dates and events (iCal)"),
        },
    ]
