"""The partner directory and the partner profile pages."""

import datetime

import pytest
from django.utils import timezone

from partners.models import AssetType, Organisation
from tests.factories import (
    AreaFactory,
    OrganisationFactory,
    create_call,
    create_partner_page,
    create_placement,
    create_project,
    name_partners,
    terms,
)
from tests.helpers import facet_counts, listed, soup

pytestmark = pytest.mark.django_db


def partner(name, kind, areas=(), assets=(), status=Organisation.Status.APPROVED):
    organisation = OrganisationFactory(name=name, kind=kind, status=status)
    organisation.areas.set(areas)
    organisation.assets.set(terms(AssetType, assets))
    return create_partner_page(organisation=organisation, title=name)


@pytest.fixture
def directory():
    asti = AreaFactory(name="Asti", slug="asti")
    bra = AreaFactory(name="Bra", slug="bra")
    partner("Forno Sociale", "coop_b", [asti], ["jobs", "training"])
    partner("UEPE Asti", "public", [asti, bra], ["advice"])
    partner("Circolo Mentori", "mentoring", [bra], ["mentoring", "peer_support"])
    partner("Waiting Coop", "coop_b", [asti], ["jobs"], status=Organisation.Status.PENDING)
    partner("Suspended Coop", "coop_b", [asti], ["jobs"], status=Organisation.Status.SUSPENDED)


def test_only_approved_organisations_are_listed(client, directory):
    response = client.get("/partners/")
    assert listed(response) == ["Circolo Mentori", "Forno Sociale", "UEPE Asti"]
    assert "3 organisations" in soup(response).select_one("#results-title").get_text()
    # Nor do they count anywhere.
    assert facet_counts(response, "kind")["coop_b"] == 1
    assert facet_counts(response, "area")["asti"] == 2


def test_counts_for_every_facet(client, directory):
    response = client.get("/partners/")
    kinds = facet_counts(response, "kind")
    assert (kinds["coop_b"], kinds["public"], kinds["mentoring"], kinds["coop_a"]) == (1, 1, 1, 0)
    assert facet_counts(response, "area") == {"asti": 2, "bra": 2}
    assets = facet_counts(response, "asset")
    assert (assets["jobs"], assets["advice"], assets["mentoring"], assets["rooms"]) == (1, 1, 1, 0)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=coop_b", ["Forno Sociale"]),
        ("kind=coop_b&kind=public", ["Forno Sociale", "UEPE Asti"]),
        ("area=bra", ["Circolo Mentori", "UEPE Asti"]),
        # Serving two of the chosen areas, UEPE is listed once.
        ("area=bra&area=asti", ["Circolo Mentori", "Forno Sociale", "UEPE Asti"]),
        ("asset=mentoring&asset=training", ["Circolo Mentori", "Forno Sociale"]),
        ("area=asti&asset=advice", ["UEPE Asti"]),
        ("area=nowhere", ["Circolo Mentori", "Forno Sociale", "UEPE Asti"]),
        ("kind=alien&asset=spaceships&page=xyz", ["Circolo Mentori", "Forno Sociale", "UEPE Asti"]),
    ],
)
def test_filters(client, directory, query, expected):
    assert listed(client.get(f"/partners/?{query}")) == expected


def test_counts_apply_the_other_filters(client, directory):
    response = client.get("/partners/?area=bra")
    assert facet_counts(response, "area") == {"asti": 2, "bra": 2}  # own facet not narrowed
    kinds = facet_counts(response, "kind")
    assert (kinds["coop_b"], kinds["public"], kinds["mentoring"]) == (0, 1, 1)
    assert soup(response).select_one("input[name=area][value=bra]").has_attr("checked")


def test_nothing_found_offers_to_remove_filters(client, directory):
    response = client.get("/partners/?kind=coop_a")
    assert listed(response) == []
    notice = soup(response).select_one(".notice")
    assert "No organisation matches these filters." in notice.get_text()
    remove = notice.find("a", string="Remove “Social cooperative, type A (services)”")
    assert listed(client.get(remove["href"])) == ["Circolo Mentori", "Forno Sociale", "UEPE Asti"]


def test_pages_of_twenty_keep_the_filters(client):
    area = AreaFactory(slug="ivrea")
    for n in range(23):
        partner(f"Partner {n:02d}", "community", [area])
    partner("Elsewhere", "community")
    first = client.get("/partners/?area=ivrea")
    assert len(listed(first)) == 20
    next_link = soup(first).select_one(".pagination a[rel=next]")["href"]
    assert "area=ivrea" in next_link
    assert listed(client.get(f"/partners/{next_link}")) == [
        "Partner 20",
        "Partner 21",
        "Partner 22",
    ]


# --- The profile -------------------------------------------------------------------


def test_a_profile_shows_the_organisation(client):
    organisation = OrganisationFactory(
        name="Cooperativa Il Telaio",
        kind="coop_b",
        legal_form="social_coop",
        registry_number="A123456",
        address="Via Po 1, Torino",
        website="https://telaio.example.org",
        email="info@telaio.example.org",
        phone="011 555 0000",
        description="We weave and mend, with people on work release.",
    )
    organisation.areas.set([AreaFactory(name="Torino", province="TO")])
    organisation.assets.set(terms(AssetType, ["workshops", "training"]))
    page = create_partner_page(organisation=organisation, intro="A weaving workshop.")

    html = soup(client.get(page.url))
    dl = html.select_one("dl.facts")
    found = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in dl.select("dt")
    }
    assert found["Kind"] == "Social cooperative, type B (work integration)"
    assert found["Legal form"] == "Social cooperative (L. 381/1991)"
    assert found["Registry number"] == "A123456"
    assert found["Areas served"] == "Torino (TO)"
    assert found["Address"] == "Via Po 1, Torino"
    assert dl.select_one("a[href='https://telaio.example.org']")
    assert dl.select_one("a[href='mailto:info@telaio.example.org']")
    assert dl.select_one("a[href='tel:0115550000']")
    text = html.get_text(" ", strip=True)
    assert "We weave and mend, with people on work release." in text
    assert "A weaving workshop." in text
    assets = html.select_one("section[aria-labelledby=assets-title]").get_text(" ", strip=True)
    assert "Workshops and equipment" in assets and "Training" in assets


def test_no_registry_number_no_line(client):
    page = create_partner_page(organisation=OrganisationFactory(registry_number=""))
    assert "Registry number" not in soup(client.get(page.url)).select_one("dl.facts").get_text()


def test_a_profile_lists_what_is_open_grouped_by_type(client):
    today = timezone.localdate()
    page = create_partner_page()
    create_placement(parent=page, title="Kitchen placement")
    create_placement(parent=page, title="Old placement", closes_on=today - datetime.timedelta(1))
    create_call(parent=page, title="Mentors wanted")
    create_project(parent=page, title="Finished", stage="completed")
    other = create_project(title="Shared garden")
    name_partners(other, page.organisation)

    html = soup(client.get(page.url))
    groups = {
        section.select_one("h3").get_text(strip=True): [
            a.get_text(strip=True) for a in section.select(".card__title a")
        ]
        for section in html.select("section[aria-labelledby=open-title] > section")
    }
    assert groups == {
        "Work placements": ["Kitchen placement"],
        "Calls for participation": ["Mentors wanted"],
    }
    partner_in = html.select_one("section[aria-labelledby=partner-projects-title]")
    assert [a.get_text(strip=True) for a in partner_in.select(".card__title a")] == [
        "Shared garden"
    ]


def test_a_profile_with_nothing_open_says_so(client):
    page = create_partner_page()
    text = soup(client.get(page.url)).get_text(" ", strip=True)
    assert "Nothing open at the moment." in text
