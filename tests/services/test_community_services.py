"""The community map on PostgreSQL with the Redis cache: the list's facet
aggregates and the GeoJSON (an EXISTS subquery, decimal positions) on the
real database, and the GeoJSON kept in the shared cache, where every web
process finds it and where any change drops it."""

import json
import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperativa.core import page_cache
from tests.factories import (
    AreaFactory,
    OrganisationFactory,
    create_asset,
    create_map_page,
    create_partner_page,
    create_place,
    make_assets,
    town_centre,
)
from tests.helpers import facet_counts, soup
from tests.services.support import unavailable

pytestmark = [pytest.mark.services, pytest.mark.django_db]


@pytest.fixture
def redis_cache():
    if not os.environ.get("REDIS_URL"):
        unavailable("The community cache test needs REDIS_URL (e.g. redis://127.0.0.1:6379/2)")
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    return cache


@pytest.fixture
def world(home):
    create_map_page()
    torino = AreaFactory(name="Torino", slug="torino")
    town_centre(torino, "45.070312", "7.686856")
    bakery = create_partner_page(OrganisationFactory(name="Granaio", slug="granaio"))
    oven = create_place(bakery.organisation, name="Oven", area=torino)
    create_asset(oven, "jobs")
    circle = create_place(
        bakery.organisation,
        name="Circle room",
        area=torino,
        town_only=True,
        latitude="45.123457",
        longitude="7.654321",
    )
    create_asset(circle, "mentoring")
    return {"oven": oven}


def geojson(client, query=""):
    response = client.get(f"/map/assets.geojson{query}")
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_map_and_its_geojson_agree_on_postgresql(client, world):
    assert connection.vendor == "postgresql"
    response = client.get("/map/?area=torino")
    assert facet_counts(response, "asset")["jobs"] == 1
    assert facet_counts(response, "asset")["mentoring"] == 1
    data = geojson(client, "?area=torino")
    assert data["count"] == 2
    heading = soup(response).select_one("#results-title").get_text(strip=True)
    assert heading.startswith("2 ")
    positions = {
        feature["properties"]["place"]: feature["geometry"]["coordinates"]
        for feature in data["features"]
    }
    assert positions == {"Oven": [7.68531, 45.09214], "Circle room": [7.686856, 45.070312]}
    assert "45.123457" not in json.dumps(data)


def test_the_geojson_is_kept_in_redis_and_dropped_on_change(client, world, redis_cache):
    geojson(client, "?asset=jobs")
    keys = [key for key in redis_cache._cache.get_client().keys("*community:geojson*")]
    assert keys, "the GeoJSON is in the shared cache"
    with CaptureQueriesContext(connection) as queries:
        geojson(client, "?asset=jobs")
    assert len(queries) <= 1
    create_asset(world["oven"], "jobs", description="A second shift")
    assert geojson(client, "?asset=jobs")["count"] == 2


def test_queries_do_not_grow_on_postgresql(client, home, redis_cache):
    create_map_page()
    make_assets(10)

    def measured(url):
        client.get(url)
        page_cache.bump("measured afresh")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = {url: measured(url) for url in ("/map/", "/map/assets.geojson")}
    # Not served from the cache: the data is read from the database each time.
    assert all(count > 3 for count in small.values()), small
    make_assets(1000)
    assert {url: measured(url) for url in small} == small
