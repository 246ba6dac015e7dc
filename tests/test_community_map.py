"""The community asset map: its list, its GeoJSON, what they show and what
they never show (a town-only place's address or exact position)."""

import json
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperativa.community import listing
from cooperativa.community.models import TownCentre
from partners.models import Organisation
from tests.factories import (
    AreaFactory,
    OrganisationFactory,
    create_asset,
    create_map_page,
    create_network,
    create_partner_page,
    create_place,
    make_assets,
    town_centre,
    translate_page,
)
from tests.helpers import facet_counts, soup

pytestmark = pytest.mark.django_db

# The circle's real position and address: they must never leave the site.
SECRET_LATITUDE = "45.123457"
SECRET_LONGITUDE = "7.654321"
SECRET_ADDRESS = "Via Segreta 12"


@pytest.fixture
def world(home):
    """Two approved organisations with live pages, one pending, one whose
    page is not live; rooms, jobs and a town-only circle in two towns."""
    create_map_page()
    torino = AreaFactory(name="Torino", slug="torino")
    bologna = AreaFactory(name="Bologna", slug="bologna", province="BO")
    town_centre(torino, "45.070312", "7.686856")
    bakery = create_partner_page(OrganisationFactory(name="Granaio", slug="granaio"))
    circle = create_partner_page(
        OrganisationFactory(name="Cerchio", slug="cerchio", kind=Organisation.Kind.MENTORING)
    )
    pending = create_partner_page(
        OrganisationFactory(name="Pending", slug="pending", status=Organisation.Status.PENDING)
    )
    hidden = create_partner_page(OrganisationFactory(name="Hidden", slug="hidden"))
    hidden.unpublish()

    oven = create_place(bakery.organisation, name="Oven", area=torino)
    create_asset(oven, "jobs")
    create_asset(oven, "training")
    hall = create_place(
        bakery.organisation, name="Hall", area=bologna, latitude="44.49", longitude="11.34"
    )
    create_asset(hall, "rooms")
    room = create_place(
        circle.organisation,
        name="Circle room",
        area=torino,
        town_only=True,
        address=SECRET_ADDRESS,
        latitude=SECRET_LATITUDE,
        longitude=SECRET_LONGITUDE,
    )
    create_asset(room, "mentoring")
    create_asset(create_place(pending.organisation, name="Pending place"), "rooms")
    create_asset(create_place(hidden.organisation, name="Hidden place"), "rooms")
    return {"bakery": bakery, "circle": circle, "room": room}


def geojson(client, query=""):
    response = client.get(f"/map/assets.geojson{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    return json.loads(response.content)


def listed_places(response):
    return sorted(
        title.get_text(strip=True)
        for title in soup(response).select("section[aria-labelledby=results-title] .card__title")
    )


def test_only_live_approved_organisations_are_on_the_map(client, world):
    response = client.get("/map/")
    assert listed_places(response) == [
        "Jobs and placements: Oven",
        "Mentoring: Circle room",
        "Rooms and spaces: Hall",
        "Training: Oven",
    ]
    places = {feature["properties"]["place"] for feature in geojson(client)["features"]}
    assert places == {"Oven", "Hall", "Circle room"}


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?asset=rooms",
        "?asset=jobs&asset=mentoring",
        "?area=torino",
        "?kind=mentoring",
        "?area=torino&kind=coop_b",
        "?asset=rooms&area=torino",
    ],
)
def test_list_and_geojson_agree_on_filters_and_counts(client, world, query):
    response = client.get(f"/map/{query}")
    data = geojson(client, query)
    page = soup(response)
    heading = page.select_one("#results-title").get_text(strip=True)
    assert heading.startswith(f"{data['count']} ")
    assert len(data["features"]) == data["count"]
    assert sorted(
        f"{feature['properties']['type_label']}: {feature['properties']['place']}"
        for feature in data["features"]
    ) == listed_places(response)
    # The GeoJSON of the page's own filters is what the map draws.
    section = page.select_one(".asset-map")
    assert section["data-geojson"] == f"/map/assets.geojson{query}"


def test_facet_counts_are_those_of_the_geojson(client, world):
    response = client.get("/map/?area=torino")
    counts = facet_counts(response, "asset")
    for code, count in counts.items():
        assert geojson(client, f"?area=torino&asset={code}")["count"] == count
    assert counts["mentoring"] == 1 and counts["jobs"] == 1 and counts["rooms"] == 0
    assert facet_counts(response, "area") == {"bologna": 1, "torino": 3}


def test_a_town_only_place_is_published_at_its_town_centre(client, world):
    feature = next(
        feature
        for feature in geojson(client)["features"]
        if feature["properties"]["place"] == "Circle room"
    )
    assert feature["geometry"]["coordinates"] == [7.686856, 45.070312]
    assert feature["properties"]["address"] == ""
    assert feature["properties"]["town"] == "Torino (TO)"


def _leaks(content):
    text = content.decode() if isinstance(content, bytes) else content
    return [
        secret
        for secret in (SECRET_LATITUDE, SECRET_LONGITUDE, SECRET_ADDRESS, "45.12345", "7.65432")
        if secret in text
    ]


def test_a_town_only_place_never_leaks_anywhere(client, world):
    circle = world["circle"]
    network = create_network(circle, title="Circle of friends", slug="circle-of-friends")
    italian = translate_page(circle, title="Cerchio")
    pages = [
        "/map/",
        "/map/?asset=mentoring",
        "/map/assets.geojson",
        "/map/assets.geojson?asset=mentoring",
        circle.url,
        network.url,
        italian.url,
        "/sitemap.xml",
        f"/api/v2/pages/{circle.pk}/",
        f"/api/v2/pages/{network.pk}/",
        "/api/v2/pages/?type=partners.PartnerPage&fields=*",
        "/api/v2/pages/?type=community.NetworkPage&fields=*",
        "/feeds/networks.ics",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not _leaks(response.content), url
    # The JSON-LD, read as a search engine reads it.
    for url in (circle.url, network.url, "/map/"):
        blocks = soup(client.get(url)).select('script[type="application/ld+json"]')
        assert blocks, url
        for block in blocks:
            assert not _leaks(json.dumps(json.loads(block.string))), url
    # The page does name its town.
    assert "Torino (TO)" in client.get(circle.url).content.decode()


def test_a_town_without_a_known_centre_keeps_its_town_only_places_off_the_map(client, world):
    TownCentre.objects.all().delete()
    world["room"].refresh_from_db()
    assert world["room"].public_latitude is None
    data = geojson(client)
    assert "Circle room" not in {feature["properties"]["place"] for feature in data["features"]}
    assert not _leaks(client.get("/map/").content)
    # A centre known again puts it back, at the centre.
    town_centre(world["room"].area, "45.000001", "7.000001")
    world["room"].refresh_from_db()
    assert world["room"].public_latitude == Decimal("45.000001")


def test_the_geojson_is_size_bounded(client, world, monkeypatch):
    monkeypatch.setattr(listing, "GEOJSON_MAX_FEATURES", 2)
    data = geojson(client)
    assert data["truncated"] is True
    assert len(data["features"]) == 2
    assert data["count"] == 4
    assert geojson(client, "?asset=rooms")["truncated"] is False


def test_the_geojson_is_cached_until_something_changes(client, world):
    geojson(client)
    with CaptureQueriesContext(connection) as queries:
        geojson(client)
    # Only the language's locale is looked up: no asset, place or page.
    assert len(queries) <= 1, [query["sql"] for query in queries]
    # A new asset shows at once: every change drops the cached data.
    create_asset(world["room"], "rooms", description="A quiet room")
    assert any(
        feature["properties"]["description"] == "A quiet room"
        for feature in geojson(client)["features"]
    )
    response = client.get("/map/assets.geojson")
    assert "max-age" in response["Cache-Control"]


def test_the_map_works_in_italian(client, world):
    map_page = create_map_page()
    italian = translate_page(map_page, title="Mappa della comunità", slug="mappa")
    translate_page(world["bakery"], title="Granaio")
    assert italian.url == "/it/mappa/"
    response = client.get("/it/mappa/")
    assert soup(response).select_one(".asset-map")["data-geojson"] == "/it/map/assets.geojson"
    data = json.loads(client.get("/it/map/assets.geojson").content)
    # Only organisations with an Italian page are on the Italian map, linked to it.
    assert {feature["properties"]["url"] for feature in data["features"]} == {
        "/it/partners/granaio/"
    }
    assert data["features"][0]["properties"]["type_label"] in {
        "Lavoro e tirocini",
        "Formazione",
        "Sale e spazi",
    }


def test_without_a_tile_server_the_map_uses_the_outline_of_italy(client, world, settings):
    section = soup(client.get("/map/")).select_one(".asset-map")
    assert section["data-tiles"] == ""
    assert section["data-outline"].endswith("vendor/italy/italy.svg")
    # It stays hidden until the script has drawn it: the list is the page.
    assert section.has_attr("hidden")


# --- Speed ---------------------------------------------------------------------------------


def uncached_queries(client, url):
    """The queries of a GET of ``url`` once per-process caches are warm but
    the map's cached data is not."""
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/map/", "/map/?asset=rooms&kind=coop_b", "/map/assets.geojson"])
def test_queries_do_not_grow_with_the_number_of_assets(client, home, url):
    create_map_page()
    make_assets(10)
    small = uncached_queries(client, url)
    make_assets(1000)
    assert uncached_queries(client, url) == small


def test_a_filter_that_finds_nothing_says_how_to_widen_it(client, world):
    response = client.get("/map/?asset=food&area=torino")
    page = soup(response)
    assert page.select_one("#results-title").get_text(strip=True).startswith("0 ")
    text = page.get_text(" ", strip=True)
    assert "Nothing matches these filters." in text
    links = {link.get_text(strip=True): link["href"] for link in page.select(".notice a")}
    assert links["Clear all filters"] == "/map/"
    assert geojson(client, "?asset=food&area=torino")["features"] == []


def test_a_partner_page_costs_the_same_with_few_or_many_places(client, home):
    from tests.helpers import count_queries

    partner = create_partner_page()
    area = AreaFactory()
    create_asset(create_place(partner.organisation, area=area), "rooms")
    create_network(
        partner, meetings=[{"title": "Coffee", "starts_at": "2030-01-07T10:00:00+01:00"}]
    )
    few = count_queries(client, partner.url)
    for n in range(15):
        place = create_place(partner.organisation, name=f"Room {n}", area=AreaFactory())
        create_asset(place, "jobs")
        create_asset(place, "training")
    create_network(partner, meetings=[{"title": "Tea", "starts_at": "2030-01-08T10:00:00+01:00"}])
    assert count_queries(client, partner.url) == few


def test_a_partner_page_shows_a_place_changed_or_added_at_once(client, home, settings):
    """Its places and networks are kept under the content version: a place
    edited or added (in the organisation's place manager) shows at once."""
    settings.PAGE_CACHE_SECONDS = 0
    partner = create_partner_page()
    place = create_place(partner.organisation, name="Old bakery", area=AreaFactory())
    assert "Old bakery" in client.get(partner.url).content.decode()

    place.name = "New bakery"
    place.save()
    create_place(partner.organisation, name="Laundry", area=AreaFactory())

    page = client.get(partner.url).content.decode()
    assert "New bakery" in page and "Old bakery" not in page
    assert "Laundry" in page
