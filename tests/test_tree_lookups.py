"""Tree look-ups for whole lists agree with Wagtail's per-page answers.

The listings and the site shell find hosts and ancestors for many pages at
once, through Wagtail's public tree API (``parent_of_q``, ``ancestor_of_q``,
``is_child_of``, ``is_descendant_of``) rather than by cutting tree paths by
hand. These tests pin that they give the same answer as ``get_parent()`` and
``get_ancestors()``, in one query.
"""

from django.test import RequestFactory
from wagtail.models import Page, Site

from cooperativa.core.site_context import page_family
from cooperativa.opportunities.listing import attach_hosts
from cooperativa.opportunities.models import OpportunityPage
from home.models import HomePage
from tests.factories import (
    create_call,
    create_hub,
    create_partner_page,
    create_placement,
    create_project,
)


def test_attach_hosts_gives_each_opportunity_the_partner_page_above_it(
    home, django_assert_num_queries
):
    bakery, garden = create_partner_page(), create_partner_page()
    hosted = [create_placement(bakery), create_call(garden), create_project(bakery)]
    # An opportunity filed under a hub rather than a partner has no host.
    orphan = create_call(create_hub())
    pages = list(OpportunityPage.objects.filter(pk__in=[p.pk for p in [*hosted, orphan]]))

    with django_assert_num_queries(1):
        pages = attach_hosts(pages)

    by_pk = {page.pk: page for page in pages}
    for page in hosted:
        assert by_pk[page.pk].host_page == page.get_parent().specific
    assert "host_page" not in vars(by_pk[orphan.pk])


def test_attach_hosts_of_nothing_asks_nothing(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert attach_hosts([]) == []


def test_page_family_ancestors_are_the_pages_ancestors(home, django_assert_num_queries):
    placement = create_placement()
    # Pages beside the lineage (a hub under the same home page, another
    # partner) must not be taken for ancestors.
    create_hub()
    create_partner_page()
    request = RequestFactory().get("/")

    with django_assert_num_queries(1):
        family = page_family(request, placement)

    expected = list(placement.get_ancestors())
    assert [page.pk for page in family.ancestors] == [page.pk for page in expected]
    assert len(expected) == 4  # root, home, partner directory, partner page


def test_migrate_alone_leaves_a_sound_tree_with_the_home_page_at_the_sites_root(db):
    """The data migration takes over the place of Wagtail's welcome page
    instead of writing a tree path by hand: treebeard finds nothing wrong."""
    home = HomePage.objects.get()

    assert Page.find_problems() == ([], [], [], [], [])
    assert list(Page.get_first_root_node().get_children()) == [home.page_ptr]
    assert Site.objects.get(is_default_site=True).root_page.specific == home
    assert home.url_path == "/home/" and home.live
