"""What the site shell (header, menus, language links, breadcrumbs, footer)
costs in database queries, and what whole pages cost.

The shell is on every page, so each query it makes is paid on every
request. It reads: the page's ancestors and their translations (one query,
shared by the language switcher, the hreflang alternates, the breadcrumbs
and the home link), the items of both menus (one), the pages they lead to
in the active language (one), and the contact settings (one). The counts
below are exact, so that a query added by mistake fails here; and they do
not grow with the number of menu items.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home.models import ContactSettings, FooterItem, MainMenuItem, NavigationSettings
from tests.factories import (
    create_hub,
    create_partner_index,
    create_partner_page,
    create_placement,
    create_standard_page,
    translate_page,
    verified_user,
)

pytestmark = pytest.mark.django_db

# The shell of a Wagtail page: its family (shared with the JSON-LD
# BreadcrumbList) and the contact settings. The menu items and the pages they
# lead to come from the shared cache, under the content version
# (cooperativa/core/page_cache.py), once any page has shown them.
SHELL_QUERIES = 2

# Whole pages, anonymous visitor, warm per-process caches. Before the shell
# was batched (and the partner profile capped) these were 26, 25, 31, 33,
# 28, 31 and 14. Since the vocabularies became translatable rows, a page
# reads the labels of each vocabulary it shows once (a hub: audiences,
# sectors, areas; a placement also fetches its sector row): 22, 23, 18 and 9
# before. Then the shared cache, under the content version, took the site,
# the route to the page, the menus, the vocabularies' labels, the hubs' counts
# and result ids, the home page's lists and the partner profile: 18, 18, 25,
# 26, 22, 21 and 11 before. A partner page then listed the organisation's
# places and networks (three queries, not kept in the shared cache: 8
# before), and search reads its results and counts from the cache too (6).
# A hub keeps its rendered filters and results under the content version
# too, so it no longer reads the cards' pages and hosts once rendered (9).
# An opportunity reads its host page, organisation and logo in one query,
# and a partner page keeps its places and networks under the version (11, 11).
PAGE_QUERIES = {
    "home": 6,
    "italian home": 7,
    "hub": 6,
    "all hub": 6,
    "placement": 9,
    "partner": 8,
    "search": 4,
}

INTRO = "How we work with the services of our towns."


def describe(queries):
    return "\n".join(f"{n:2d}. {query['sql'][:300]}" for n, query in enumerate(queries, 1))


@pytest.fixture
def site(home):
    hubs = [create_hub(kind) for kind in ("", "placement", "call", "project")]
    partners = create_partner_index()
    partner = create_partner_page()
    placement = create_placement(parent=partner)
    about = create_standard_page(home, title="Page 0", slug="page-0", intro=INTRO)
    translate_page(home, intro="Trova un modo per partecipare.")
    translate_page(hubs[1], title="Tirocini", slug="tirocini")
    settings = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    settings.email = "info@example.org"
    settings.phone = "011 555 0000"
    settings.save()
    return {
        "home": home,
        "hubs": hubs,
        "partners": partners,
        "partner": partner,
        "placement": placement,
        "about": about,
    }


def fill_menus(site, size):
    """``size`` main menu items (hubs, the directory, then standard pages)
    and half as many footer links."""
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    targets = [*site["hubs"], site["partners"]]
    targets += [
        create_standard_page(site["home"], title=f"Page {n}", slug=f"page-{n}", intro=INTRO)
        for n in range(1, size - len(targets) + 1)
    ]
    for order, page in enumerate(targets[:size]):
        MainMenuItem.objects.create(setting=navigation, page=page, sort_order=order)
    for order, page in enumerate(targets[: size // 2]):
        FooterItem.objects.create(setting=navigation, page=page, sort_order=order)


def urls(site):
    return {
        "home": "/",
        "italian home": "/it/",
        "hub": site["hubs"][1].url,
        "all hub": site["hubs"][0].url,
        "placement": site["placement"].url,
        "partner": site["partner"].url,
        "search": "/search/?q=bread",
    }


def measure(client, url):
    client.get(url)  # warm the per-process caches: content types, site root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, queries


@pytest.mark.parametrize("menu_size", [3, 12])
def test_every_page_costs_exactly_what_it_did(client, site, menu_size):
    fill_menus(site, menu_size)
    found = {}
    for name, url in urls(site).items():
        response, queries = measure(client, url)
        found[name] = len(queries)
        # Shown when the test fails (pytest prints captured output): what to look at.
        print(f"\n{name} {url}: {len(queries)} queries\n{describe(queries)}")
        nav = response.content.decode()
        assert nav.count('class="site-nav__link"') == menu_size, name
    assert found == PAGE_QUERIES


def render_shell(page, path):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    # Wagtail finds the site once per request, before serving the page.
    Site.find_for_request(request)
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string("base.html", {"page": page, "request": request}, request=request)
    return html, queries


@pytest.mark.parametrize("menu_size", [3, 12])
def test_the_shell_of_a_page_costs_two_queries_whatever_the_menus(client, site, menu_size):
    fill_menus(site, menu_size)
    page = site["about"]
    client.get(page.url)  # warm the site root paths
    html, queries = render_shell(page, page.url)
    assert len(queries) == SHELL_QUERIES, describe(queries)
    # And the shell is all there: menus, breadcrumbs, languages, footer.
    assert html.count('class="site-nav__link"') == menu_size
    assert 'class="breadcrumbs container"' in html
    assert 'class="language-switcher"' in html
    assert "info@example.org" in html


def test_an_empty_description_is_left_out_and_a_real_one_kept(client, site):
    """An empty <meta name="description"> is flagged by accessibility
    checkers and says nothing to search engines: pages without a
    description (a person's own account pages) have no tag at all."""
    client.force_login(verified_user())
    for url in ("/me/", "/partners/join/member/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert (
            BeautifulSoup(response.content, "html.parser").find(
                "meta", attrs={"name": "description"}
            )
            is None
        ), url

    about = BeautifulSoup(client.get(site["about"].url).content, "html.parser")
    description = about.find("meta", attrs={"name": "description"})
    assert description["content"] == INTRO
