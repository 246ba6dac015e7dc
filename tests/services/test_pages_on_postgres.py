"""The public pages render on PostgreSQL as on SQLite: the batched menu
query (a UNION), the facet aggregates, the partner profile's counts and the
home page's featured list are all vendor-sensitive SQL."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from home.models import MainMenuItem, NavigationSettings
from tests.factories import (
    create_call,
    create_hub,
    create_partner_index,
    create_partner_page,
    create_placement,
    create_project,
    translate_page,
)

pytestmark = [pytest.mark.services, pytest.mark.django_db]


@pytest.fixture
def site(home):
    hubs = {kind: create_hub(kind) for kind in ("", "placement", "call", "project")}
    directory = create_partner_index()
    partner = create_partner_page(title="Bucato Chiaro")
    placements = [
        create_placement(
            parent=partner,
            title=f"Laundry placement {n}",
            sector="laundry",
            paid=True,
            stipend="€500 a month",
        )
        for n in range(8)
    ]
    call = create_call(parent=partner, title="Join our open day")
    project = create_project(parent=partner, title="A laundry for the neighbourhood")
    translate_page(home, intro="Trova un modo per partecipare.")
    translate_page(hubs["placement"], title="Tirocini", slug="tirocini")
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    for order, page in enumerate([hubs["placement"], hubs["call"], directory]):
        MainMenuItem.objects.create(setting=navigation, page=page, sort_order=order)
    return {"partner": partner, "placements": placements, "call": call, "project": project}


def menu_labels(response):
    soup = BeautifulSoup(response.content, "html.parser")
    navigation = soup.select_one("nav.site-nav")
    return [link.get_text(strip=True) for link in navigation.find_all("a")]


def test_menus_show_each_language_s_titles(client, site):
    english = client.get("/")
    italian = client.get("/it/")

    assert english.status_code == italian.status_code == 200
    assert "Placements" in menu_labels(english)
    assert "Tirocini" in menu_labels(italian)


def test_hub_facets_count_on_postgresql(client, site):
    response = client.get("/placements/", {"sector": "laundry", "paid": "yes"})

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    titles = {link.get_text(strip=True) for link in soup.select(".card__title a")}
    assert titles == {f"Laundry placement {n}" for n in range(8)}
    laundry = soup.find("input", attrs={"name": "sector", "value": "laundry"})
    assert laundry is not None and laundry.has_attr("checked")
    count = soup.find("label", attrs={"for": laundry["id"]}).find(class_="filters__count")
    assert count is not None and count.get_text(strip=True) == "8"


def test_partner_profile_caps_its_lists_on_postgresql(client, site):
    response = client.get(site["partner"].url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "See all 8 work placements from" in content
    assert content.count("Laundry placement") == 6


def test_detail_pages_render_on_postgresql(client, site):
    for page in (site["placements"][0], site["call"], site["project"]):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()
