import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import AreaFactory, create_hub, create_partner_page, create_placement
from tests.test_query_counts import add_opportunities

pytestmark = pytest.mark.django_db


def test_counts():
    for k in ("", "placement", "call", "project"):
        create_hub(k)
    partners = [create_partner_page() for _ in range(3)]
    areas = [AreaFactory() for _ in range(4)]
    add_opportunities(10, partners, areas)
    p = create_placement(parent=partners[0])
    c = Client()
    for url in [
        "/",
        "/opportunities/",
        "/placements/",
        "/calls/",
        "/projects/",
        "/placements/?sector=catering&paid=yes",
        p.url,
        partners[0].url,
        "/partners/",
        "/search/?q=bakery",
        "/api/v2/pages/",
        f"/api/v2/pages/{p.pk}/",
        "/feeds/opportunities.rss",
        "/sitemap.xml",
    ]:
        c.get(url)
        with CaptureQueriesContext(connection) as q:
            r = c.get(url)
        print("COUNT", r.status_code, len(q), url)
        if url in ("/placements/", p.url, "/"):
            for x in q.captured_queries:
                print("   ", x["sql"][:230])
