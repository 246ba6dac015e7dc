"""Search on PostgreSQL understands each language: English pages are
matched with English stemming, Italian pages with Italian stemming."""

import pytest
from django.utils import translation
from wagtail.models import Locale, Page

from tests.factories import create_placement, translate_page

pytestmark = [pytest.mark.services, pytest.mark.django_db]

ENGLISH_TITLE = "Kitchen assistant at the community café"
# Italian stemming reduces "tirocini" and "tirocinio" to one stem; English
# (and "simple") stemming does not, so only the Italian configuration finds it.
ITALIAN_TITLE = "Tirocini retribuiti nella lavanderia sociale"


@pytest.fixture
def placements():
    english = create_placement(
        title=ENGLISH_TITLE,
        slug="kitchen-assistant",
        summary="Cooking lunches for the neighbourhood, with a chef who trains you.",
    )
    italian = translate_page(
        create_placement(
            title="Paid placements in the social laundry",
            slug="laundry-placements",
            summary="Washing and ironing for hotels, with a tutor beside you.",
        ),
        "it",
        title=ITALIAN_TITLE,
        summary="Lavare e stirare per gli alberghi della città, con una tutor accanto.",
    )
    return english, italian


def search(language_code, query):
    with translation.override(language_code):
        locale = Locale.objects.get(language_code=language_code)
        results = Page.objects.live().filter(locale=locale).search(query)
        return [page.pk for page in results]


def test_english_page_is_found_by_an_english_stem(placements):
    english, _italian = placements
    assert english.pk in search("en", "cook")


def test_italian_page_is_found_by_an_italian_stem(placements):
    _english, italian = placements
    assert italian.pk in search("it", "tirocinio")


def test_site_search_finds_english_page_by_stem(client, placements):
    response = client.get("/search/", {"q": "cook"})
    assert response.status_code == 200
    assert ENGLISH_TITLE in response.content.decode(), "not among the results for 'cook'"


def test_site_search_in_italian_finds_italian_page_by_stem(client, placements):
    response = client.get("/it/search/", {"q": "tirocinio"})
    assert response.status_code == 200
    content = response.content.decode()
    assert ITALIAN_TITLE in content, "not among the results for 'tirocinio'"
    assert ENGLISH_TITLE not in content, "an English page among the Italian results"


def test_matching_each_column_finds_what_modelsearch_finds_in_the_same_order(placements):
    """The backend matches the title and the body each with its GIN index
    (cooperativa/search/backends.py) rather than their concatenation: the
    results and their order are modelsearch's own."""
    from modelsearch.backends import get_search_backend
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    for _ in range(5):
        create_placement(title="Kitchen porter", summary="Wash up in a busy kitchen.")
    create_placement(title="Gardener", summary="Grow vegetables for the kitchen garden.")
    with translation.override("en"):
        pages = Page.objects.live().filter(locale=Locale.objects.get(language_code="en"))
        ours = [page.pk for page in get_search_backend().search("kitchen", pages)]
        theirs = [
            page.pk
            for page in PostgresSearchBackend({"SEARCH_CONFIG": "english"}).search("kitchen", pages)
        ]
    assert len(ours) >= 7
    assert ours == theirs
