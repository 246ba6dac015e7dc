"""``{% feed_links as links %}``: the feeds to announce in a page's <head>."""

from django import template
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
