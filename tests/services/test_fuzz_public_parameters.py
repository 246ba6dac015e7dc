"""Every public GET parameter, fed hostile values on PostgreSQL, never gives
a server error.

The parameter names come from the code: the facets, sorts and scopes of the
hub listings, the partner directory and search (``parameter_names``), and
the read API's known parameters and filterable fields. A new facet or API
field is fuzzed without touching this file. Pages that read no parameter of
their own (feeds, iCal, sitemap, a placement, a partner profile) get every
name found. The values are a fixed list: the same requests on every run.
"""

import itertools
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.test import RequestFactory
from django.urls import reverse
from wagtail.images.models import Image

from cooperativa.opportunities import feeds
from cooperativa.opportunities.api import PublicImagesAPIViewSet, PublicPagesAPIViewSet
from cooperativa.opportunities.filters import OpportunityListing
from cooperativa.opportunities.models import OpportunityPage, PlacementPage
from cooperativa.search import views as search_views
from partners.directory import PartnerDirectory
from tests.factories import (
    AreaFactory,
    create_call,
    create_hub,
    create_partner_index,
    create_partner_page,
    create_placement,
    create_project,
    translate_page,
)

pytestmark = [pytest.mark.services, pytest.mark.django_db]

# Empty, blank, NUL, huge, unicode, negative, out of range, syntax of other
# languages: each is sent alone to each parameter.
HOSTILE_VALUES = [
    "",
    " ",
    "\x00",
    "laundry\x00",
    "%00",
    "x" * 5000,
    "é" * 300,
    "Ünïcödé 🙂 ‮",
    "-1",
    "0",
    "2",
    "99999999999999999999",
    str(2**63),
    "-9223372036854775809",
    "1e309",
    "NaN",
    "' OR 1=1 --",
    '"*()[]',
    "root",
]
REPEATED = 60


# For pages that read no parameter of their own: the values that broke
# something somewhere.
SHORT_LIST = ["\x00", "x" * 5000, "99999999999999999999"]


def query_strings(names, valid=None, values=HOSTILE_VALUES):
    """(name, query string) pairs: each hostile value for each name, and
    the name repeated many times with a valid and a hostile value."""
    valid = valid or {}
    for name in names:
        for value in values + valid.get(name, [])[:1]:
            yield name, urlencode({name: value})
        for value in [*valid.get(name, [])[:1], "\x00"]:
            yield name, urlencode([(name, value)] * REPEATED)


@pytest.fixture
def site(home):
    hubs = [create_hub(kind) for kind in ("", "placement", "call", "project")]
    directory = create_partner_index()
    partner = create_partner_page(title="Bucato Chiaro")
    area = AreaFactory(name="Alba", slug="alba")
    placement = create_placement(parent=partner, title="Laundry placement", area=area)
    create_call(parent=partner, title="Laundry open day", area=area)
    create_project(parent=partner, title="A laundry for the neighbourhood")
    translate_page(home)
    for hub in hubs:
        translate_page(hub)
    translate_page(directory)
    return {"hubs": hubs, "directory": directory, "partner": partner, "placement": placement}


def listing_valid_values(listing):
    """A valid value of each facet, so that repeated values are also tried
    on a list that is really filtered."""
    valid = {facet.param: [value for value, _label in facet.choices] for facet in listing.facets}
    valid["area"] = ["alba"]
    valid["sort"] = list(listing.sorts)
    valid["closed"] = ["1"]
    return valid


def api_names(viewset, model):
    return sorted(
        viewset.known_query_parameters
        | viewset.find_query_parameters
        | set(viewset.get_available_fields(model, db_fields_only=True))
    )


def targets(site):
    """(path, parameter names, valid values, values) for every public page type."""
    hub_listing = OpportunityListing(QueryDict(), OpportunityPage.objects.none())
    hub_names = hub_listing.parameter_names
    hub_valid = listing_valid_values(hub_listing)
    search_listing = OpportunityListing(QueryDict(), OpportunityPage.objects.none(), ranked_ids=[])
    search_names = [
        *search_listing.parameter_names,
        search_views.QUERY_PARAMETER,
        search_views.OTHER_PAGE_PARAMETER,
    ]
    directory = PartnerDirectory(site["directory"], RequestFactory().get("/partners/"))
    directory_names = directory.parameter_names
    pages_names = sorted(
        set(api_names(PublicPagesAPIViewSet, PlacementPage))
        | set(api_names(PublicPagesAPIViewSet, OpportunityPage))
    )
    images_names = api_names(PublicImagesAPIViewSet, Image)
    every_name = sorted(
        set(hub_names) | set(search_names) | set(directory_names) | set(pages_names)
    )

    found = []
    for hub in site["hubs"]:
        for prefix in ("", "/it"):
            found.append((f"{prefix}/{hub.slug}/", hub_names, hub_valid, HOSTILE_VALUES))
    for prefix in ("", "/it"):
        found.append(
            (
                f"{prefix}/partners/",
                directory_names,
                listing_valid_values(directory),
                HOSTILE_VALUES,
            )
        )
        # Search with words that find opportunities, so the facets are counted.
        found.append((f"{prefix}/search/?q=laundry&", search_names, hub_valid, HOSTILE_VALUES))
    found += [
        ("/api/v2/pages/", pages_names, {"type": ["opportunities.PlacementPage"]}, HOSTILE_VALUES),
        ("/api/v2/pages/?type=opportunities.PlacementPage&", pages_names, {}, HOSTILE_VALUES),
        ("/api/v2/pages/find/", pages_names, {"html_path": ["/placements/"]}, HOSTILE_VALUES),
        ("/api/v2/images/", images_names, {}, HOSTILE_VALUES),
    ]
    pages_without_parameters = [
        *(reverse(pattern.name) for pattern in feeds.urlpatterns),
        "/sitemap.xml",
        site["placement"].url,
        site["partner"].url,
    ]
    found += [(path, every_name, {}, SHORT_LIST) for path in pages_without_parameters]
    return found


def test_no_public_parameter_gives_a_server_error(client, site):
    client.raise_request_exception = False
    sent, server_errors = 0, []
    for path, names, valid, values in targets(site):
        separator = "" if path.endswith("&") else "?"
        for name, query in query_strings(names, valid, values):
            response = client.get(f"{path}{separator}{query}")
            sent += 1
            if response.status_code >= 500:
                server_errors.append((response.status_code, path, name, query[:80]))
    print(f"fuzzed public parameters: {sent} requests, {len(server_errors)} server errors")
    assert sent >= 2000
    assert server_errors == [], "\n".join(map(str, itertools.islice(server_errors, 40)))
