"""The number of database queries for a list or a detail page must not grow
with what is in it: a hub with 200 opportunities costs what one with 10 does."""

import datetime
import itertools

import pytest
from django.test import Client
from django.utils import timezone

from cooperativa.opportunities.models import (
    Audience,
    CallPage,
    Commitment,
    PlacementPage,
    ProjectPage,
    ProjectUpdate,
    Sector,
)
from tests.factories import (
    AreaFactory,
    OrganisationFactory,
    create_hub,
    create_partner_page,
    create_placement,
    create_project,
    name_partners,
    terms,
)
from tests.helpers import built_once, count_queries

pytestmark = pytest.mark.django_db

_numbers = itertools.count(1)


def add_opportunities(count, partners, areas):
    """Add ``count`` live opportunities of every type quickly: straight into
    the tree, without revisions, spread over partners, areas and facets."""
    audiences = list(terms(Audience, Audience.objects.values("code")))
    sectors = list(terms(Sector, Sector.objects.values("code")))
    commitments = list(Commitment.values)
    today = timezone.localdate()
    for index in range(count):
        n = next(_numbers)
        model = (PlacementPage, CallPage, ProjectPage)[index % 3]
        fields = {
            "title": f"Opportunity {n}",
            "slug": f"bulk-{n}",
            "live": True,
            "first_published_at": timezone.now() - datetime.timedelta(minutes=n),
            "summary": "Work in a bakery that employs people on probation.",
            "commitment": commitments[index % len(commitments)],
            "sector": sectors[index % len(sectors)],
            "area": areas[index % len(areas)],
            "paid": index % 2 == 0,
            # One in ten closed, the rest open for a while.
            "closes_on": today + datetime.timedelta(days=-1 if index % 10 == 9 else index % 29 + 1),
        }
        if model is PlacementPage:
            fields.update(
                hours_per_week=20,
                duration="6 months",
                stipend="€500",
                how_to_apply="<p>Write to us.</p>",
            )
        elif model is CallPage:
            fields.update(what_is_asked="<p>Come along.</p>", how_to_respond="<p>Write.</p>")
        else:
            fields.update(goals="<p>Grow vegetables.</p>", stage="running")
        page = model(**fields)
        page.audiences.set(audiences[index % len(audiences) : index % len(audiences) + 2])
        partners[index % len(partners)].add_child(instance=page)


@pytest.fixture
def catalogue():
    create_hub("")
    create_hub("placement")
    partners = [create_partner_page() for _ in range(3)]
    areas = [AreaFactory() for _ in range(4)]
    return partners, areas


HUB_URLS = [
    "/opportunities/",
    "/opportunities/?sector=catering&sector=laundry&paid=yes&audience=probation",
    "/opportunities/?closed=1&sort=newest&type=placement&type=call&commitment=job",
    "/placements/?page=2",
]


@pytest.fixture(scope="module")
def hubs_at_10_and_200(django_db_setup, django_db_blocker):
    """Each hub's query count with 10 opportunities; the world then grows to
    200 (more partners and areas too), once for all the hubs' tests."""

    def build():
        create_hub("")
        create_hub("placement")
        partners = [create_partner_page() for _ in range(3)]
        areas = [AreaFactory() for _ in range(4)]
        add_opportunities(10, partners, areas)
        client = Client()
        small = {url: count_queries(client, url) for url in HUB_URLS}
        more_areas = [*areas, *(AreaFactory() for _ in range(10))]
        more_partners = [*partners, *(create_partner_page() for _ in range(5))]
        add_opportunities(190, more_partners, more_areas)
        return small

    with built_once(django_db_blocker, build) as small:
        yield small


@pytest.mark.parametrize("url", HUB_URLS)
def test_a_hub_costs_the_same_with_10_or_200(client, hubs_at_10_and_200, url):
    assert PlacementPage.objects.count() + CallPage.objects.count() > 60
    assert count_queries(client, url) == hubs_at_10_and_200[url]


def test_an_area_filter_costs_the_same_with_10_or_200(client, catalogue):
    partners, areas = catalogue
    add_opportunities(10, partners, areas)
    url = f"/opportunities/?area={areas[0].slug}&area={areas[1].slug}"
    small = count_queries(client, url)
    add_opportunities(190, partners, areas)
    assert count_queries(client, url) == small


def test_search_costs_the_same_with_10_or_200_results(client, catalogue):
    partners, areas = catalogue
    add_opportunities(10, partners, areas)
    url = "/search/?q=bakery&paid=yes&sector=catering&sector=laundry"
    small = count_queries(client, url)
    add_opportunities(190, partners, areas)
    assert count_queries(client, url) == small


def test_a_partner_page_costs_the_same_with_few_or_many_opportunities(client, catalogue):
    partners, areas = catalogue
    partner = partners[0]
    add_opportunities(3, [partner], areas)
    # Projects led by others in which this organisation is a partner.
    project = create_project(parent=partners[1])
    name_partners(project, partner.organisation)
    small = count_queries(client, partner.url)

    add_opportunities(60, [partner], areas)
    for _ in range(5):
        other = create_project(parent=partners[2])
        name_partners(other, partner.organisation)
    assert count_queries(client, partner.url) == small


def make_project(size):
    """A project with ``size`` partners, updates and linked opportunities."""
    lead = create_partner_page()
    project = create_project(parent=lead, title=f"Project with {size}")
    organisations = []
    for index in range(size):
        organisation = OrganisationFactory()
        organisations.append(organisation)
        if index % 2 == 0:  # some partners have a page, some do not
            create_partner_page(organisation=organisation)
    linked = [create_placement(parent=lead) for _ in range(size)]
    name_partners(project, *organisations)
    project.linked_opportunities.set(linked)
    for index in range(size):
        project.updates.add(
            ProjectUpdate(
                date=timezone.localdate() - datetime.timedelta(days=index),
                title=f"Update {index}",
                text="We planted tomatoes.",
            )
        )
    project.save_revision().publish()
    return project


def test_a_project_page_costs_the_same_with_1_or_10_of_everything(client):
    small = count_queries(client, make_project(1).url)
    assert count_queries(client, make_project(10).url) == small


def test_a_closed_placement_costs_the_same_with_few_or_many_similar(client, catalogue):
    partners, areas = catalogue
    today = timezone.localdate()
    closed = create_placement(
        parent=partners[0], area=areas[0], closes_on=today - datetime.timedelta(days=1)
    )
    add_opportunities(6, partners, areas)
    small = count_queries(client, closed.url)
    add_opportunities(60, partners, areas)
    assert count_queries(client, closed.url) == small
