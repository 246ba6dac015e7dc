"""Search on SQLite ranks each match once (cooperativa/search/backends.py):
the same results in the same order as modelsearch's own backend, at a cost
that does not grow with the number of matches."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend
from wagtail.models import Locale, Page

from tests.factories import AreaFactory, create_partner_page, create_placement, translate_page
from tests.test_query_counts import add_opportunities

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    partner = create_partner_page()
    create_placement(parent=partner, title="Bakery assistant", summary="Bake bread.")
    create_placement(
        parent=partner,
        title="Kitchen help",
        summary="Help in the bakery and the bakery shop of a bakery cooperative.",
    )
    create_placement(parent=partner, title="Gardener", summary="Grow vegetables.")
    draft = create_placement(parent=partner, title="Bakery draft")
    draft.unpublish()
    italian = translate_page(create_placement(parent=partner, title="Bakery in Bari"), "it")
    return partner, italian


def titles(results):
    return [page.title for page in results]


def english_pages():
    return Page.objects.live().public().filter(locale=Locale.get_default())


def test_the_backend_ranks_once_on_sqlite():
    assert type(get_search_backend()).__name__ == "RankOnceSQLiteSearchBackend"


@pytest.mark.parametrize("words", ["bakery", "bakery bread", "bake", "vegetables", "nothing"])
def test_same_results_in_the_same_order_as_modelsearch(pages, words):
    ours = list(get_search_backend().search(words, english_pages()))
    theirs = list(SQLiteSearchBackend({}).search(words, english_pages()))
    assert [page.pk for page in ours] == [page.pk for page in theirs]


def test_only_what_the_queryset_allows_is_found(pages):
    found = titles(get_search_backend().search("bakery", english_pages()))
    assert "Bakery assistant" in found
    assert "Bakery draft" not in found  # not live
    assert "Bakery in Bari" in found  # the English original
    italian = Page.objects.live().filter(locale=Locale.objects.get(language_code="it"))
    found = titles(get_search_backend().search("bakery", italian))
    assert "Bakery in Bari" in found
    assert "Bakery assistant" not in found


def test_a_common_word_costs_two_queries_and_keeps_the_best(pages):
    partner, _italian = pages
    add_opportunities(120, [partner], [AreaFactory()])
    search = get_search_backend().search("bakery", english_pages())
    with CaptureQueriesContext(connection) as queries:
        best = list(search[:50])
    assert len(queries) == 2
    theirs = list(SQLiteSearchBackend({}).search("bakery", english_pages())[:50])
    assert [page.pk for page in best] == [page.pk for page in theirs]
    assert len(best) == 50
