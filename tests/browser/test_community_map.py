"""The community asset map in a real browser: filter it, reach a marker with
the keyboard and follow it to the partner's page; do the same without
JavaScript through the list; and axe on the map and the networks, in both
languages."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.accessibility import assert_accessible
from tests.factories import translate_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

JOBS = "Jobs and placements"


def filter_by_asset_type(page, label):
    form = page.locator("form.filters")
    checkbox = form.get_by_label(label)
    folded = checkbox.locator("xpath=ancestor::details[1]")
    if folded.count() and folded.get_attribute("open") is None:
        folded.locator("summary").first.click()
    checkbox.check()
    with page.expect_navigation():
        form.get_by_role("button", name="Show results").click()
    assert "jobs" in parse_qs(urlsplit(page.url).query).get("asset", [])


def listed(page):
    return page.locator("section[aria-labelledby=results-title] .card__title").all_inner_texts()


def test_filter_the_map_and_follow_a_marker_with_the_keyboard(page, site):
    laundry_partner = site.partners[0]
    page.goto(site.map_page.url)
    assert len(listed(page)) == 3
    filter_by_asset_type(page, JOBS)
    assert listed(page) == [f"{JOBS}: Laundry"]

    # The map has drawn the one marker of the filtered list.
    map_section = page.locator(".asset-map")
    assert map_section.is_visible()
    marker = map_section.locator(".leaflet-marker-icon")
    marker.first.wait_for()
    assert marker.count() == 1
    assert marker.first.get_attribute("alt") == f"{JOBS}: Laundry"

    # From the map, Tab reaches the marker; Enter opens it and moves to its link.
    page.locator(".asset-map__canvas").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('leaflet-marker-icon')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('alt')") == f"{JOBS}: Laundry"
    page.keyboard.press("Enter")
    link = page.locator(".leaflet-popup .asset-map__popup a")
    link.wait_for()
    assert page.evaluate("document.activeElement.textContent") == f"{JOBS}: Laundry"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == laundry_partner.url
    # The partner page lists the place and what it offers.
    assert page.get_by_role("heading", name="Laundry", exact=True).is_visible()
    assert_accessible(page)


def test_the_same_without_javascript_through_the_list(browser, live_server, site):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site.map_page.url)
        # No script: the map stays hidden and the list does the work.
        assert not page.locator(".asset-map").is_visible()
        filter_by_asset_type(page, JOBS)
        assert listed(page) == [f"{JOBS}: Laundry"]
        with page.expect_navigation():
            page.get_by_role("link", name=f"{JOBS}: Laundry").click()
        assert urlsplit(page.url).path == site.partners[0].url
    finally:
        context.close()


def test_a_town_only_marker_is_drawn_at_the_town_centre(page, site):
    page.goto(f"{site.map_page.url}?asset=mentoring")
    marker = page.locator(".asset-map .leaflet-marker-icon")
    marker.first.wait_for()
    # The data the marker was drawn from.
    position = page.evaluate(
        """() => fetch(document.querySelector('.asset-map').dataset.geojson)
            .then(response => response.json())
            .then(data => data.features[0].geometry.coordinates)"""
    )
    assert position == [11.34652, 44.49419]
    assert "Via Riservata" not in page.content()


@pytest.mark.parametrize("language", ["en", "it"])
def test_map_and_networks_have_no_serious_accessibility_violations(page, site, language):
    urls = [site.map_page.url, site.network_index.url, site.networks[0].url]
    if language == "it":
        translate_page(site.partners[1])
        urls = [
            translate_page(site.map_page, title="Mappa della comunità", slug="mappa").url,
            translate_page(site.network_index, title="Reti di sostegno", slug="reti").url,
            translate_page(site.networks[0], slug="circoli").url,
        ]
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        if "map" in url or "mappa" in url:
            page.locator(
                ".asset-map .leaflet-marker-icon, .asset-map .marker-cluster"
            ).first.wait_for()
        assert_accessible(page)


def test_an_administrator_places_a_room_by_clicking_the_map(page, site):
    from cooperativa.community.models import Place
    from partners.models import Membership
    from tests.browser.test_partner_journey import sign_in
    from tests.factories import DEFAULT_TEST_PASSWORD, verified_user, with_mfa

    organisation = site.partners[0].organisation
    admin = verified_user("map-admin@example.org")
    Membership.objects.create(user=admin, organisation=organisation, role=Membership.Role.ADMIN)
    secret = with_mfa(admin)
    add_url = f"/partners/manage/{organisation.slug}/places/add/"
    sign_in(page, admin.email, DEFAULT_TEST_PASSWORD, add_url, secret=secret)
    assert urlsplit(page.url).path == add_url

    page.locator("#id_name").fill("Café")
    page.locator("#id_area").select_option(label="Torino (TO)")
    picker = page.locator(".place-picker")
    assert picker.is_visible()
    picker.locator(".place-picker__canvas").click()
    latitude = page.locator("#id_latitude").input_value()
    longitude = page.locator("#id_longitude").input_value()
    assert latitude and longitude
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    place = Place.objects.get(name="Café")
    assert (str(place.latitude), str(place.longitude)) == (latitude, longitude)
