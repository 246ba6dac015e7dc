"""The page cache purges pages that show the community map's places and
assets, and a project's accepted partners: what these apps add to public
pages is registered with ``shows_publicly`` (cooperativa/core/page_cache.py)."""

import pytest
from django.test import Client

from cooperativa.codesign import services as codesign
from cooperativa.core import page_cache
from tests.factories import (
    AreaFactory,
    create_approved_organisation,
    create_asset,
    create_map_page,
    create_partner_page,
    create_place,
    create_project,
    town_centre,
    translate_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def fetch(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.get(page_cache.HIT_HEADER) == "hit", response.content.decode()


@pytest.mark.parametrize("language", ["en", "it"])
def test_a_new_asset_shows_on_the_cached_map_at_once(commit, language):
    with commit():
        partner = create_partner_page()
        if language == "it":
            translate_page(partner)  # the map links each asset to its partner page
        area = AreaFactory()
        town_centre(area)
        place = create_place(partner.organisation, name="Laboratorio", area=area)
        map_page = create_map_page()
        url = map_page.url if language == "en" else translate_page(map_page, slug="mappa").url
    fetch(url)
    assert fetch(url)[0], "the map should come from the cache on the second visit"
    with commit():
        create_asset(place, "rooms", description="A carpentry workshop open on Saturdays.")
    hit, text = fetch(url)
    assert not hit
    assert "A carpentry workshop open on Saturdays." in text


def test_a_partner_accepting_shows_on_the_cached_project_page(commit):
    with commit():
        lead = create_partner_page()
        project = create_project(parent=lead)
        guest = create_approved_organisation(name="Circolo dei Mentori")
        project.partner_organisations.add(guest)
        project.save_revision().publish()
        (partnership,) = codesign.ask_named_partners(project, by=None)
    fetch(project.url)
    hit, text = fetch(project.url)
    assert hit
    assert "Circolo dei Mentori" not in text, "not named before it accepts"
    with commit():
        codesign.answer(partnership, by=None, accept=True)
    hit, text = fetch(project.url)
    assert not hit
    assert "Circolo dei Mentori" in text
