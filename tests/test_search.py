"""Site search: finds pages of the active language, shows opportunities with
the hub's filters and other pages apart; and the per-language backend."""

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import translation
from wagtail.models import Page

from cooperativa.search import backends
from tests.factories import (
    OrganisationFactory,
    create_call,
    create_hub,
    create_partner_page,
    create_placement,
    translate_page,
)
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def opportunity_titles(response):
    results = soup(response).select_one("section[aria-labelledby=results-title]")
    if results is None:
        return []
    return [link.get_text(strip=True) for link in results.select(".card__title a")]


def other_titles(response):
    section = soup(response).select_one("section[aria-labelledby=other-title]")
    if section is None:
        return []
    return [link.get_text(strip=True) for link in section.select(".card__title a")]


def test_an_empty_search_shows_the_form_only(client):
    page = soup(client.get("/search/"))
    assert page.select_one("form[role=search] input[name=q]")
    assert page.select_one("label[for=search-q]")
    assert not page.select(".notice")
    assert not page.select(".card")
    assert page.select_one("meta[name=robots]")["content"].startswith("noindex")


def test_finds_a_placement_by_a_word_in_its_summary(client):
    create_placement(title="Night shift", summary="Bake focaccia for the neighbourhood.")
    create_placement(title="Laundry", summary="Wash and iron for the hospital.")
    response = client.get("/search/?q=focaccia")
    assert opportunity_titles(response) == ["Night shift"]
    card = soup(response).select_one(".card")
    assert card.select_one(".badge--open")


def test_other_pages_are_listed_apart(client):
    organisation = OrganisationFactory(name="Cooperativa Girasole")
    partner = create_partner_page(
        organisation=organisation,
        title="Cooperativa Girasole",
        intro="Sunflower fields tended by people on probation.",
    )
    create_placement(parent=partner, title="Field work", summary="Harvest sunflower seeds.")
    response = client.get("/search/?q=sunflower")
    assert opportunity_titles(response) == ["Field work"]
    assert other_titles(response) == ["Cooperativa Girasole"]
    assert (
        "Sunflower fields tended by people on probation."
        in soup(response).select_one("section[aria-labelledby=other-title]").get_text()
    )


def test_search_respects_the_language(client):
    create_hub("")
    english = create_placement(title="Kitchen porter", summary="Wash pots in a busy kitchen.")
    translate_page(english.get_parent().get_parent(), "it", title="Partner", slug="partner")
    translate_page(english.get_parent(), "it")
    translate_page(english, "it", title="Lavapiatti", summary="Lavare pentole in una cucina.")

    assert opportunity_titles(client.get("/search/?q=pots")) == ["Kitchen porter"]
    assert opportunity_titles(client.get("/search/?q=pentole")) == []
    assert opportunity_titles(client.get("/it/search/?q=pentole")) == ["Lavapiatti"]
    assert opportunity_titles(client.get("/it/search/?q=pots")) == []


def test_search_results_have_the_hub_facets(client):
    create_placement(title="Paid baker", summary="Bread every night.", paid=True, stipend="€700")
    create_call(title="Bread festival", summary="Help with the bread festival.")
    create_placement(title="Other", summary="Nothing to do with it.")

    response = client.get("/search/?q=bread")
    assert sorted(opportunity_titles(response)) == ["Bread festival", "Paid baker"]
    page = soup(response)
    types = {
        box["value"]: box.find_parent("li").select_one(".filters__count").get_text(strip=True)
        for box in page.select("form.filters input[name=type]")
    }
    assert types == {"placement": "1", "call": "1", "project": "0"}
    # The words travel with the filters.
    assert page.select_one("form.filters input[type=hidden][name=q]")["value"] == "bread"

    filtered = client.get("/search/?q=bread&type=call")
    assert opportunity_titles(filtered) == ["Bread festival"]
    paid = client.get("/search/?q=bread&paid=yes")
    assert opportunity_titles(paid) == ["Paid baker"]
    clear = soup(paid).select_one("a.filters__clear")["href"]
    assert clear == "/search/?q=bread"


def test_search_can_sort_and_paginate(client):
    for n in range(14):
        create_placement(title=f"Mentor {n:02d}", summary="Mentoring after release.")
    response = client.get("/search/?q=mentoring")
    assert len(opportunity_titles(response)) == 12
    sorts = [a.get_text(strip=True) for a in soup(response).select(".results__sort a")]
    assert sorts == ["Best match", "Closing soonest", "Newest"]
    next_link = soup(response).select_one(".pagination a[rel=next]")["href"]
    assert "q=mentoring" in next_link
    assert len(opportunity_titles(client.get(f"/search/{next_link}"))) == 2


def test_nothing_found_suggests_the_hubs(client):
    create_hub("")
    create_hub("placement")
    create_placement(summary="Gardening.")
    page = soup(client.get("/search/?q=astronaut"))
    notice = page.select_one(".notice")
    assert "Nothing was found for “astronaut”." in notice.get_text()
    assert {a["href"] for a in notice.select("a")} == {"/opportunities/", "/placements/"}


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "*", "bread)", "-", "café's \\"])
def test_odd_words_do_not_break_search(client, query):
    create_placement(summary="Bread.")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_closed_opportunities_found_are_hidden_until_asked_for(client):
    import datetime

    from django.utils import timezone

    create_placement(
        title="Closed bread job",
        summary="Bread.",
        closes_on=timezone.localdate() - datetime.timedelta(days=2),
    )
    response = client.get("/search/?q=bread")
    assert opportunity_titles(response) == []
    assert "Show the closed opportunity" in soup(response).get_text()
    assert opportunity_titles(client.get("/search/?q=bread&closed=1")) == ["Closed bread job"]


# --- The backend ------------------------------------------------------------------


def test_the_configured_backend_falls_back_to_the_database_backend_on_sqlite():
    from modelsearch.backends import get_search_backend
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    assert connection.vendor == "sqlite"
    backend = get_search_backend()
    assert not isinstance(backend, backends.LocalisedPostgresSearchBackend)
    # modelsearch's SQLite backend, ranking each match once (test_search_ranking.py).
    assert isinstance(backend, SQLiteSearchBackend)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("it", "italian"),
        ("en", "english"),
        ("it-ch", "italian"),
        ("EN-gb", "english"),
        ("de", "simple"),
        ("", "simple"),
        (None, "simple"),
    ],
)
def test_language_to_configuration(language, expected):
    configs = {"en": "english", "it": "italian"}
    assert backends.config_for_language(language, configs, "simple") == expected


@override_settings(WAGTAILSEARCH_LANGUAGE_CONFIGS={"en": "english", "it": "italian"})
def test_objects_are_indexed_in_their_language():
    backend = backends.LocalisedPostgresSearchBackend({"SEARCH_CONFIG": "simple"})
    english = create_placement()
    italian_parent = translate_page(english.get_parent().get_parent(), "it", slug="partner")
    italian = translate_page(english, "it")
    organisation = OrganisationFactory()  # no language of its own
    assert italian_parent.locale.language_code == "it"
    assert backend.configs_for_objects([english, italian, organisation]) == [
        "english",
        "italian",
        "simple",
    ]


def test_queries_use_the_active_language():
    backend = backends.LocalisedPostgresSearchBackend(
        {"SEARCH_CONFIG": "english", "LANGUAGE_CONFIGS": {"en": "english", "it": "italian"}}
    )
    compiler = backends.LocalisedPostgresSearchQueryCompiler(Page.objects.all(), "cucinare")
    with translation.override("it"):
        assert compiler.get_config(backend) == "italian"
    with translation.override("en"):
        assert compiler.get_config(backend) == "english"
    with translation.override("fr"):
        assert compiler.get_config(backend) == "english"


def test_modelsearch_indexes_with_the_configuration_of_the_backend_it_is_given():
    """LocalisedPostgresIndex relies on modelsearch's indexer reading the
    configuration from the backend (see cooperativa/search/backends.py): if an
    upgrade of modelsearch reads it elsewhere, this fails rather than every
    language being indexed as English again."""
    from modelsearch.backends.database.postgres.postgres import ObjectIndexer

    backend = backends.LocalisedPostgresSearchBackend({"SEARCH_CONFIG": "english"})
    italian = backends.with_config(backend, "italian")

    assert ObjectIndexer(create_placement(), italian).config == "italian"
    assert backend.config == "english"
    assert backends.LocalisedPostgresSearchBackend.index_class is backends.LocalisedPostgresIndex
