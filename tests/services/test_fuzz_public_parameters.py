"""Every public GET parameter, fed hostile values on PostgreSQL, never gives
a server error.

The parameter names come from the code: the facets, sorts and scopes of the
hub listings, the partner directory and search (``parameter_names``), and
the read API's known parameters and filterable fields. A new facet or API
field is fuzzed without touching this file. The values are a fixed list:
the same requests on every run.

A hub page, with its facet counts, costs many times an API answer: the
lists (hubs, directory, search) get the values that broke something before
(empty, NUL, huge, out of range, negative, unicode, repeated), and the other
hubs and languages, which run the same code, get them once each. The API
gets the full list on every field of the most specific page type and of
images, and the short list on its other endpoints. Pages that read no
parameter of their own (feeds, iCal, sitemap, a placement, a partner
profile) get every name found at once, in one request per value.
"""

import itertools
import time
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.test import RequestFactory
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.models import Page

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
    "2026-13-45",
    "0001-01-01T00:00",
]
REPEATED = 60


# The values that broke something somewhere.
SHORT_LIST = ["", "\x00", "x" * 5000, "99999999999999999999", "-1", "é" * 300]


def query_strings(names, valid=None, values=HOSTILE_VALUES, repeated=True):
    """(name, query string) pairs: each hostile value for each name, and
    the name repeated many times with a valid and a hostile value."""
    valid = valid or {}
    for name in names:
        for value in values + valid.get(name, [])[:1]:
            yield name, urlencode({name: value})
        for value in [*valid.get(name, [])[:1], "\x00"] if repeated else []:
            yield name, urlencode([(name, value)] * REPEATED)


def all_at_once(names, values=SHORT_LIST):
    """("*", query string) pairs: every name with the same value, and every
    name repeated, for pages that read no parameter of their own."""
    for value in values:
        yield "*", urlencode([(name, value) for name in names])
    yield "*", urlencode([(name, value) for name in names for value in values])


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
    translate_page(hubs[0])
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
    """(path, (name, query string) pairs) for every public page type."""
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

    page_names = api_names(PublicPagesAPIViewSet, Page)
    found = []
    first_hub, *other_hubs = site["hubs"]
    found.append((f"/{first_hub.slug}/", query_strings(hub_names, hub_valid, SHORT_LIST)))
    # The other kinds and the other language run the same listing code.
    for path in [*(f"/{hub.slug}/" for hub in other_hubs), f"/it/{first_hub.slug}/"]:
        found.append((path, query_strings(hub_names, hub_valid, SHORT_LIST, repeated=False)))
    directory_valid = listing_valid_values(directory)
    found += [
        ("/partners/", query_strings(directory_names, directory_valid, SHORT_LIST)),
        ("/it/partners/", query_strings(directory_names, directory_valid, SHORT_LIST)),
        # Search with words that find opportunities, so the facets are
        # counted; each language has its own search configuration.
        ("/search/?q=laundry&", query_strings(search_names, hub_valid, SHORT_LIST)),
        ("/it/search/?q=laundry&", query_strings(search_names, hub_valid, SHORT_LIST)),
        # Every field of the most specific page type, every value.
        ("/api/v2/pages/?type=opportunities.PlacementPage&", query_strings(pages_names)),
        ("/api/v2/images/", query_strings(images_names)),
        (
            "/api/v2/pages/",
            query_strings(page_names, {"type": ["opportunities.PlacementPage"]}, SHORT_LIST),
        ),
        (f"/api/v2/pages/{site['placement'].pk}/", query_strings(page_names, values=SHORT_LIST)),
        (
            "/api/v2/pages/find/",
            query_strings(page_names, {"html_path": ["/placements/"]}, SHORT_LIST),
        ),
    ]
    pages_without_parameters = [
        *(reverse(pattern.name) for pattern in feeds.urlpatterns),
        "/sitemap.xml",
        site["placement"].url,
        site["partner"].url,
    ]
    found += [(path, all_at_once(every_name)) for path in pages_without_parameters]
    return found


def test_no_public_parameter_gives_a_server_error(client, site):
    client.raise_request_exception = False
    sent, server_errors = 0, []
    for path, queries in targets(site):
        separator = "" if path.endswith("&") else "?"
        started, sent_before = time.monotonic(), sent
        for name, query in queries:
            response = client.get(f"{path}{separator}{query}")
            sent += 1
            if response.status_code >= 500:
                server_errors.append((response.status_code, path, name, query[:80]))
        # Where the time goes, to keep this test quick.
        print(f"{sent - sent_before:5d} requests {time.monotonic() - started:6.1f} s {path}")
    print(f"\nfuzzed public parameters: {sent} requests, {len(server_errors)} server errors")
    assert sent >= 2000
    assert server_errors == [], "\n".join(map(str, itertools.islice(server_errors, 40)))
