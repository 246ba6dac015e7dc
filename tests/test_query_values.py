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
