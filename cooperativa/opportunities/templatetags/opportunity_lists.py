"""``{% partner_profile page as profile %}``: what an organisation publishes,
for its partner page.

A template tag rather than PartnerPage.get_context, so that partners never
imports opportunities: opportunities stand on partners, not the reverse.
"""

from django import template

from cooperativa.core import page_cache
from cooperativa.opportunities.listing import partner_profile as build_partner_profile
from cooperativa.opportunities.models import today

register = template.Library()


@register.simple_tag(takes_context=True)
def partner_profile(context, partner_page):
    """At most a few of each list, with a link to the rest on the hubs: the
    page stays light however much the organisation publishes. Kept under
    the content version (for the page, the day and the host its links are
    made for)."""
    request = context.get("request")
    host = request.get_host() if request is not None else ""
    return page_cache.remember(
        "partner-profile",
        lambda: build_partner_profile(partner_page, request),
        partner_page.pk,
        today(),
        host,
    )
