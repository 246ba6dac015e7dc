"""Every public page costs at most QUERY_BUDGET database queries, the same
with 10 opportunities as with 200, rendered afresh (the page cache for
anonymous visitors is off here: this is what a signed-in visitor, or the
first visitor after a change, costs)."""

import pytest
from django.test import Client

from cooperativa.opportunities.models import CallPage, PlacementPage, ProjectPage
from tests.factories import AreaFactory, create_hub, create_partner_index, create_partner_page
from tests.helpers import built_once, count_queries
from tests.test_query_counts import add_opportunities

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 12


def pages(partner):
    placement = PlacementPage.objects.live().child_of(partner).first()
    return {
        "home": "/",
        "all opportunities": "/opportunities/",
        "placements": "/placements/",
        "calls": "/calls/",
        "projects": "/projects/",
        "filtered hub": "/placements/?sector=catering&paid=yes&audience=probation",
        "second page of a hub": "/opportunities/?page=2&sort=newest",
        "placement": placement.url,
        "call": CallPage.objects.live().first().url,
        "project": ProjectPage.objects.live().first().url,
        "partner profile": partner.url,
        "partner directory": "/partners/",
        "search for a common word": "/search/?q=bakery",
        "search, filtered": "/search/?q=bakery&paid=yes&type=placement",
        "API listing": "/api/v2/pages/",
        "API listing of placements": "/api/v2/pages/?type=opportunities.PlacementPage&fields=*",
        "API detail": f"/api/v2/pages/{placement.pk}/",
        "feed": "/feeds/opportunities.rss",
        "sitemap": "/sitemap.xml",
    }


@pytest.fixture(scope="module")
def costs_at_10_and_200(django_db_setup, django_db_blocker):
    """{page: (queries with 10 opportunities, queries with 200)}."""

    def build():
        for kind in ("", "placement", "call", "project"):
            create_hub(kind)
        create_partner_index()
        partners = [create_partner_page() for _ in range(3)]
        areas = [AreaFactory() for _ in range(4)]
        add_opportunities(10, partners, areas)
        urls = pages(partners[0])
        client = Client()
        small = {name: count_queries(client, url) for name, url in urls.items()}
        add_opportunities(190, [*partners, *(create_partner_page() for _ in range(4))], areas)
        large = {name: count_queries(client, url) for name, url in urls.items()}
        return {name: (small[name], large[name]) for name in urls}

    with built_once(django_db_blocker, build) as costs:
        yield costs


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "all opportunities",
        "placements",
        "calls",
        "projects",
        "filtered hub",
        "second page of a hub",
        "placement",
        "call",
        "project",
        "partner profile",
        "partner directory",
        "search for a common word",
        "search, filtered",
        "API listing",
        "API listing of placements",
        "API detail",
        "feed",
        "sitemap",
    ],
)
def test_every_public_page_keeps_to_the_budget_at_any_size(costs_at_10_and_200, name):
    small, large = costs_at_10_and_200[name]
    assert small <= QUERY_BUDGET, (name, small)
    assert large == small, (name, small, large)
