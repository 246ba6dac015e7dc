"""Query values that the database cannot take (a NUL character, a number
beyond a 64-bit integer, a search of no words) are ignored by the public
lists and refused with a clear 400 by the API: never a server error. The
services layer fuzzes every parameter on PostgreSQL
(tests/services/test_fuzz_public_parameters.py); these are the cases found."""

import pytest
from django.http import QueryDict

from cooperativa.core import parameters
from tests.factories import (
    AreaFactory,
    create_hub,
    create_partner_index,
    create_partner_page,
    create_placement,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home):
    create_hub("")
    create_hub("placement")
    create_partner_index()
    partner = create_partner_page(title="Bucato Chiaro")
    create_placement(parent=partner, title="Laundry placement", area=AreaFactory(slug="alba"))
    return partner


def test_lists_drop_values_with_a_nul_and_keep_the_rest():
    query = QueryDict("area=alba&area=%00&partner=a%00b&sort=newest&q=" + "x" * 2000)
    assert dict(parameters.cleaned(query).lists()) == {"area": ["alba"], "sort": ["newest"]}


@pytest.mark.parametrize(
    "path",
    [
        "/opportunities/?area=%00",
        "/opportunities/?partner=%00",
        "/opportunities/?with_partner=%00",
        "/placements/?area=alba&area=%00&sort=%00&page=%00",
        "/partners/?area=%00",
        "/search/?q=laundry&area=%00&partner=%00",
    ],
)
def test_lists_ignore_nul_values(client, site, path):
    response = client.get(path)
    assert response.status_code == 200
    # The list is shown as if the value had not been there.
    expected = "Bucato Chiaro" if path.startswith("/partners/") else "Laundry placement"
    assert expected in response.content.decode()


def test_a_search_for_a_nul_is_a_search_for_nothing(client, site):
    assert client.get("/search/?q=%00").status_code == 200


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/api/v2/pages/?offset=99999999999999999999", "offset: must be at most"),
        ("/api/v2/images/?offset=99999999999999999999", "offset: must be at most"),
        ("/api/v2/pages/?limit=99999999999999999999", "limit: must be at most"),
        ("/api/v2/pages/?search=%00", "search: null characters are not allowed"),
        ("/api/v2/images/?search=%00", "search: null characters are not allowed"),
        ("/api/v2/pages/?search=%20", "search: write at least one word"),
        ("/api/v2/images/?search=%20", "search: write at least one word"),
        ("/api/v2/pages/?locale=%00", "locale: null characters are not allowed"),
        ("/api/v2/pages/?site=%00", "site: null characters are not allowed"),
        ("/api/v2/pages/find/?html_path=%00", "html_path: null characters are not allowed"),
    ],
)
def test_the_api_refuses_unusable_values_with_a_clear_400(client, site, path, message):
    response = client.get(path)
    assert response.status_code == 400
    assert response.json()["message"].startswith(message)


def test_the_api_still_pages_and_searches(client, site):
    assert client.get("/api/v2/pages/?offset=1000&limit=5").status_code == 200
    found = client.get("/api/v2/pages/?search=laundry").json()
    assert "Laundry placement" in [item["title"] for item in found["items"]]


PLACEMENTS = "/api/v2/pages/?type=opportunities.PlacementPage&"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        # A date that is no ISO date, or no date at all.
        ("closes_on=tomorrow", "closes_on: “tomorrow” value has an invalid date format"),
        ("starts_on=2026-13-01", "starts_on: “2026-13-01” value has the correct format"),
        ("closes_on=%C3%A9", "closes_on: “é” value has an invalid date format"),
        # A time that is not one, or that cannot be moved to UTC.
        ("first_published_at=x", "first_published_at: “x” value has an invalid format"),
        ("first_published_at=0001-01-01T00:00", "first_published_at: this value cannot be"),
        # Many-to-many and foreign keys take ids.
        ("audiences=adults", "audiences: “adults” value must be an integer"),
        ("audiences=99999999999999999999", "audiences: Ensure this value is less than"),
        ("area=alba", "area: “alba” value must be an integer"),
        ("sector=-9223372036854775809", "sector: Ensure this value is greater than"),
        # Integers beyond their column.
        ("places=99999999999999999999", "places: Ensure this value is less than or equal to"),
        ("places=-1", "places: Ensure this value is greater than or equal to 0"),
        ("hours_per_week=1.5", "hours_per_week: “1.5” value must be an integer"),
        ("id=99999999999999999999", "id: Ensure this value is less than"),
        # Booleans: Wagtail's own check, kept.
        ("paid=perhaps", "field filter error. 'perhaps' is not a valid value for paid"),
    ],
)
def test_the_api_refuses_field_filter_values_the_database_cannot_take(client, site, query, message):
    response = client.get(PLACEMENTS + query)
    assert response.status_code == 400
    assert response.json()["message"].startswith(message)


def test_every_value_of_a_repeated_field_filter_is_checked(client, site):
    response = client.get(PLACEMENTS + "closes_on=nonsense&closes_on=2030-01-01")
    assert response.status_code == 400
    assert response.json()["message"].startswith("closes_on:")


def test_a_single_item_refuses_field_filter_values_too(client, site):
    placement = client.get(PLACEMENTS + "title=Laundry%20placement").json()["items"][0]
    response = client.get(f"/api/v2/pages/{placement['id']}/?first_published_at=x")
    assert response.status_code == 400
    assert response.json()["message"].startswith("first_published_at:")


@pytest.mark.parametrize(
    "query",
    [
        "closes_on=2030-01-01",
        "first_published_at=2020-01-01T00:00:00Z",
        "places=1",
        "paid=false",
        "show_in_menus=false",
        "title=Laundry%20placement",
    ],
)
def test_the_api_still_filters_by_valid_field_values(client, site, query):
    response = client.get(PLACEMENTS + query)
    assert response.status_code == 200


@pytest.mark.parametrize("value", ["", "root", "1e309", "99999999999999999999"])
def test_find_refuses_an_id_that_is_no_page_id(client, site, value):
    response = client.get(f"/api/v2/pages/find/?id={value}")
    assert response.status_code == 400
    assert response.json()["message"].startswith("id:")


def test_the_images_api_can_be_searched(client, site):
    # The list of public images is filtered on the id alone, which the
    # search backends can apply to search results.
    response = client.get("/api/v2/images/?search=laundry")
    assert response.status_code == 200
    assert response.json()["items"] == []
