"""Listing and filtering opportunities for hubs, partner pages and the home page."""

from .models import OpportunityPage


def featured_opportunities(locale, limit=6):
    return (
        OpportunityPage.objects.live().public().filter(locale=locale)
        .order_by("-first_published_at")[:limit]
    )


def opportunities_of(partner_page):
    return OpportunityPage.objects.live().public().child_of(partner_page)
