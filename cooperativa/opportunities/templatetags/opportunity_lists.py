"""``{% partner_profile page as profile %}``: what an organisation publishes,
for its partner page.

A template tag rather than PartnerPage.get_context, so that partners never
imports opportunities: opportunities stand on partners, not the reverse.
"""

from django import template

from cooperativa.opportunities.listing import partner_profile as build_partner_profile

register = template.Library()


@register.simple_tag(takes_context=True)
def partner_profile(context, partner_page):
    """At most a few of each list, with a link to the rest on the hubs: the
    page stays light however much the organisation publishes."""
    return build_partner_profile(partner_page, context.get("request"))
