"""Facets on the hubs: each filter narrows correctly, choices within one
facet add up, and the count beside each choice applies every other filter."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    AreaFactory,
    create_call,
    create_hub,
    create_partner_page,
    create_placement,
    create_project,
)
from tests.helpers import built_once, facet, facet_counts, listed, soup

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    """Built once for the module; each test's own writes are rolled back."""
    with built_once(django_db_blocker, build_catalogue):
        yield


def build_catalogue():
    """Four open opportunities and one closed, spread over the facets."""
    create_hub("")
    asti = AreaFactory(name="Asti", slug="asti", province="AT")
    biella = AreaFactory(name="Biella", slug="biella", province="BI")
    cuneo = AreaFactory(name="Cuneo", slug="cuneo", province="CN")
    partner = create_partner_page()
    soon = timezone.localdate() + datetime.timedelta(days=30)
    create_placement(
        parent=partner,
        title="P1",
        area=asti,
        sector="catering",
        commitment="job",
        paid=True,
        stipend="€600",
        audiences=["probation"],
        closes_on=soon,
    )
    create_placement(
        parent=partner,
        title="P2",
        area=biella,
        sector="laundry",
        commitment="job",
        audiences=["after_release", "probation"],
        closes_on=soon,
    )
    create_call(
        parent=partner,
        title="C1",
        area=asti,
        sector="catering",
        commitment="one_off",
        audiences=["volunteers"],
        closes_on=soon,
    )
    create_project(
        parent=partner,
        title="J1",
        area=biella,
        sector="community",
        commitment="regular",
        audiences=["anyone"],
        closes_on=None,
    )
    create_placement(
        parent=partner,
        title="Closed",
        area=cuneo,
        sector="printing",
        commitment="job",
        closes_on=timezone.localdate() - datetime.timedelta(days=1),
    )


def test_counts_without_filters(client, catalogue):
    response = client.get("/opportunities/")
    assert listed(response) == ["C1", "J1", "P1", "P2"]
    assert facet_counts(response, "type") == {"placement": 2, "call": 1, "project": 1}
    # An area with only closed opportunities is still offered, with nothing in it.
    assert facet_counts(response, "area") == {"asti": 2, "biella": 2, "cuneo": 0}
    sectors = facet_counts(response, "sector")
    assert (sectors["catering"], sectors["laundry"], sectors["community"]) == (2, 1, 1)
    assert sectors["printing"] == 0
    assert len(sectors) == 12  # every sector is offered
    assert facet_counts(response, "commitment") == {
        "one_off": 1,
        "occasional": 0,
        "regular": 1,
        "job": 2,
    }
    assert facet_counts(response, "paid") == {"yes": 1, "no": 3}
    audiences = facet_counts(response, "audience")
    assert audiences["probation"] == 2
    assert (audiences["after_release"], audiences["volunteers"], audiences["anyone"]) == (1, 1, 1)
    assert audiences["families"] == 0
    assert facet(response, "closed") == {"1": (1, False, False)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=placement", ["P1", "P2"]),
        ("type=call&type=project", ["C1", "J1"]),
        ("area=asti", ["C1", "P1"]),
        ("area=asti&area=biella", ["C1", "J1", "P1", "P2"]),
        ("sector=laundry", ["P2"]),
        ("sector=laundry&sector=community", ["J1", "P2"]),
        ("commitment=job", ["P1", "P2"]),
        ("commitment=one_off&commitment=regular", ["C1", "J1"]),
        ("paid=yes", ["P1"]),
        ("paid=no", ["C1", "J1", "P2"]),
        ("paid=yes&paid=no", ["C1", "J1", "P1", "P2"]),
        ("audience=probation", ["P1", "P2"]),
        # P2 is for both: listed once.
        ("audience=probation&audience=after_release", ["P1", "P2"]),
        ("audience=volunteers&audience=anyone", ["C1", "J1"]),
        # Different facets narrow together.
        ("type=placement&area=biella", ["P2"]),
        ("area=asti&paid=no&audience=volunteers", ["C1"]),
        ("area=cuneo", []),
        ("area=cuneo&closed=1", ["Closed"]),
    ],
)
def test_each_filter_narrows_the_list(client, catalogue, query, expected):
    assert listed(client.get(f"/opportunities/?{query}")) == expected


def test_counts_are_disjunctive(client, catalogue):
    response = client.get("/opportunities/?sector=catering")
    assert listed(response) == ["C1", "P1"]
    # Within the chosen facet, the counts ignore its own choice: ticking
    # laundry as well would add one.
    sectors = facet(response, "sector")
    assert sectors["catering"] == (2, True, False)
    assert sectors["laundry"] == (1, False, False)
    assert sectors["community"] == (1, False, False)
    # Other facets count within the catering results.
    assert facet_counts(response, "area") == {"asti": 2, "biella": 0, "cuneo": 0}
    assert facet_counts(response, "type") == {"placement": 1, "call": 1, "project": 0}
    assert facet_counts(response, "paid") == {"yes": 1, "no": 1}
    assert facet(response, "closed") == {"1": (0, False, True)}


def test_counts_with_two_facets_active(client, catalogue):
    response = client.get("/opportunities/?area=biella&type=placement")
    assert listed(response) == ["P2"]
    # Types counted within Biella; areas counted within placements.
    assert facet_counts(response, "type") == {"placement": 1, "call": 0, "project": 1}
    assert facet_counts(response, "area") == {"asti": 1, "biella": 1, "cuneo": 0}
    assert facet(response, "area")["biella"] == (1, True, False)
    assert facet(response, "type")["placement"] == (1, True, False)
    audiences = facet_counts(response, "audience")
    assert (audiences["probation"], audiences["after_release"], audiences["anyone"]) == (1, 1, 0)


def test_counts_include_closed_ones_when_shown(client, catalogue):
    response = client.get("/opportunities/?closed=1")
    assert facet_counts(response, "area") == {"asti": 2, "biella": 2, "cuneo": 1}
    assert facet_counts(response, "type")["placement"] == 3
    assert facet(response, "closed") == {"1": (1, True, False)}


def test_options_without_results_are_shown_and_marked(client, catalogue):
    page = soup(client.get("/opportunities/?sector=catering"))
    biella = page.select_one("input[name=area][value=biella]").find_parent("li")
    assert "filters__option--empty" in biella["class"]
    assert "no results" in biella.get_text()
    asti = page.select_one("input[name=area][value=asti]").find_parent("li")
    assert "filters__option--empty" not in asti["class"]
    assert "2 results" in asti.get_text()


def test_a_chosen_area_with_nothing_in_this_hub_stays_visible(client, catalogue):
    AreaFactory(name="Torino", slug="torino")
    response = client.get("/opportunities/?area=torino")
    assert listed(response) == []
    assert facet(response, "area")["torino"] == (0, True, True)


def test_unknown_values_are_ignored(client, catalogue):
    response = client.get("/opportunities/?area=999&sector=mining&type=spaceship")
    assert listed(response) == ["C1", "J1", "P1", "P2"]
    assert not any(checked for _c, checked, _m in facet(response, "area").values())


def test_the_hub_kind_limits_the_counts(client, catalogue):
    create_hub("placement")
    response = client.get("/placements/")
    assert listed(response) == ["P1", "P2"]
    assert facet_counts(response, "area") == {"asti": 1, "biella": 1, "cuneo": 0}
    assert facet_counts(response, "paid") == {"yes": 1, "no": 1}
    assert facet(response, "closed") == {"1": (1, False, False)}


def test_the_partner_does_not_matter(client, catalogue):
    other = create_partner_page()
    create_call(parent=other, title="C2", area=AreaFactory(slug="asti"), audiences=["volunteers"])
    response = client.get("/opportunities/?audience=volunteers")
    assert listed(response) == ["C1", "C2"]
    assert facet_counts(response, "area")["asti"] == 2
