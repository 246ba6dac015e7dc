"""The read API at /api/v2/: what programs reading the site can see."""

import datetime

import pytest
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cooperativa.opportunities.models import Commitment, ProjectPage
from tests.factories import (
    AreaFactory,
    OrganisationFactory,
    UserFactory,
    create_call,
    create_partner_page,
    create_placement,
    create_project,
    name_partners,
    translate_page,
)

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


def listing(client, **params):
    response = client.get(PAGES, params)
    assert response.status_code == 200, response.content
    return response.json()


def listed_ids(client, **params):
    return {item["id"] for item in listing(client, **params)["items"]}


@pytest.fixture
def pages():
    organisation = OrganisationFactory(
        name="Cooperativa Il Forno",
        website="https://ilforno.example.org",
        email="info@ilforno.example.org",
        phone="+39 011 555 0101",
        address="Via Roma 1, Torino",
        registry_number="A123456",
    )
    host = create_partner_page(organisation)
    live = create_placement(parent=host, title="Bakery assistant")
    draft = create_placement(parent=host, title="Withdrawn placement")
    draft.unpublish()
    private = create_placement(parent=host, title="Members-only placement")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return {"host": host, "live": live, "draft": draft, "private": private}


def test_only_live_public_pages_are_listed(client, pages):
    ids = listed_ids(client, limit=50)
    assert pages["live"].pk in ids
    assert pages["host"].pk in ids
    assert pages["draft"].pk not in ids
    assert pages["private"].pk not in ids


@pytest.mark.parametrize("which", ["draft", "private"])
def test_draft_and_private_pages_are_not_found_by_id(client, pages, which):
    assert client.get(f"{PAGES}{pages[which].pk}/").status_code == 404
    assert client.get(f"{PAGES}{pages['live'].pk}/").status_code == 200


def test_a_logged_in_visitor_sees_no_more_than_anyone(client, pages):
    # A login restriction lets any signed-in user open the page in the
    # browser; the API still answers everyone alike.
    client.force_login(UserFactory())
    assert pages["private"].pk not in listed_ids(client, limit=50)
    assert client.get(f"{PAGES}{pages['private'].pk}/").status_code == 404


def test_pages_below_a_restricted_page_are_hidden_too(client, pages):
    PageViewRestriction.objects.create(
        page=pages["host"], restriction_type=PageViewRestriction.LOGIN
    )
    ids = listed_ids(client, limit=50)
    assert pages["host"].pk not in ids
    assert pages["live"].pk not in ids


def test_the_api_is_read_only(client, pages):
    payload = {"title": "Injected"}
    assert client.post(PAGES, payload).status_code == 405
    detail = f"{PAGES}{pages['live'].pk}/"
    for method in (client.put, client.patch, client.delete):
        assert method(detail, payload, content_type="application/json").status_code == 405


def test_placement_fields_with_type_filter_and_all_fields(client):
    area = AreaFactory(name="Torino", province="TO")
    placement = create_placement(
        title="Bakery assistant",
        summary="Bake bread three mornings a week.",
        area=area,
        sector="catering",
        commitment=Commitment.JOB,
        paid=True,
        stipend="€600 a month",
        hours_per_week=18,
        closes_on=datetime.date(2031, 6, 30),
        audiences=["probation", "after_release"],
    )
    create_call(title="Not a placement")

    data = listing(client, type="opportunities.PlacementPage", fields="*")
    assert data["meta"]["total_count"] == 1
    [item] = data["items"]
    assert item["id"] == placement.pk
    assert item["meta"]["type"] == "opportunities.PlacementPage"
    assert item["title"] == "Bakery assistant"
    assert item["summary"] == "Bake bread three mornings a week."
    assert item["commitment"] == "job"
    assert item["sector"] == "catering"
    assert item["paid"] is True
    assert item["stipend"] == "€600 a month"
    assert item["hours_per_week"] == 18
    assert item["closes_on"] == "2031-06-30"
    assert item["state"] == "open"
    assert item["area"] == "Torino (TO)"
    assert sorted(item["audiences"]) == ["after_release", "probation"]
    assert item["kind"] == "placement"


def test_state_reports_closed_opportunities(client):
    closed = create_placement(closes_on=timezone.localdate() - datetime.timedelta(days=1))
    response = client.get(f"{PAGES}{closed.pk}/")
    assert response.json()["state"] == "closed"


def test_call_project_and_partner_fields(client):
    starts = timezone.now() + datetime.timedelta(days=5)
    call = create_call(event_starts_at=starts, event_place="Sala civica")
    partner_organisation = OrganisationFactory(name="UEPE Torino")
    project = create_project(stage=ProjectPage.Stage.CODESIGN)
    name_partners(project, partner_organisation)

    call_data = client.get(f"{PAGES}{call.pk}/").json()
    assert call_data["event_place"] == "Sala civica"
    assert call_data["event_starts_at"] is not None
    assert "what_is_asked" in call_data

    project_data = client.get(f"{PAGES}{project.pk}/").json()
    assert project_data["stage"] == "codesign"
    assert [o["name"] for o in project_data["partner_organisations"]] == ["UEPE Torino"]

    for model in ("opportunities.CallPage", "opportunities.ProjectPage", "partners.PartnerPage"):
        assert listing(client, type=model, fields="*")["items"], model


def test_partner_page_shows_the_organisation_but_no_contact_details(client, pages):
    response = client.get(f"{PAGES}{pages['host'].pk}/")
    data = response.json()
    assert data["organisation"]["name"] == "Cooperativa Il Forno"
    assert data["organisation"]["website"] == "https://ilforno.example.org"
    body = response.content.decode()
    for private in ("info@ilforno.example.org", "+39 011 555 0101", "Via Roma 1", "A123456"):
        assert private not in body


def test_italian_pages_are_served_with_their_locale(client, pages):
    italian = translate_page(pages["live"], title="Aiuto panettiere")
    data = listing(client, type="opportunities.PlacementPage", locale="it", fields="title")
    assert [(item["id"], item["title"]) for item in data["items"]] == [
        (italian.pk, "Aiuto panettiere")
    ]


def test_images_in_restricted_collections_are_not_listed(client):
    root = Collection.get_first_root_node()
    private_collection = root.add_child(name="Partner drafts")
    CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    public = Image.objects.create(title="Bakery", file=get_test_image_file())
    private = Image.objects.create(
        title="Unpublished", file=get_test_image_file(), collection=private_collection
    )
    # Both are shown on live pages: only the restriction keeps one out.
    create_placement(image=public, image_alt="Loaves on a table")
    create_placement(image=private, image_alt="A draft photo")

    client.force_login(UserFactory())
    response = client.get("/api/v2/images/")
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert public.pk in ids
    assert private.pk not in ids


# --- Totals and slices kept under the content version (RememberedPagination) -----


def placements(client, **params):
    return listing(client, type="opportunities.PlacementPage", **params)


def test_the_total_and_each_slice_follow_publishing_and_unpublishing(client):
    host = create_partner_page()
    first = [create_placement(parent=host, title=f"Placement {n}") for n in range(3)]
    before = placements(client, limit=2)
    assert before["meta"]["total_count"] == 3
    assert [item["title"] for item in before["items"]] == ["Placement 0", "Placement 1"]
    assert [item["title"] for item in placements(client, limit=2, offset=2)["items"]] == [
        "Placement 2"
    ]

    first[0].unpublish()
    first[1].title = "Placement 1, renamed"
    first[1].save_revision().publish()
    create_placement(parent=host, title="Placement 3")

    after = placements(client, limit=2)
    assert after["meta"]["total_count"] == 3
    assert [item["title"] for item in after["items"]] == ["Placement 1, renamed", "Placement 2"]


def test_each_filter_and_order_has_its_own_answer(client):
    host = create_partner_page()
    create_placement(parent=host, title="Bakery assistant", paid=True, stipend="€600 a month")
    create_placement(parent=host, title="Laundry operator", paid=False)

    assert placements(client, paid="true")["meta"]["total_count"] == 1
    assert placements(client, paid="false")["items"][0]["title"] == "Laundry operator"
    assert [item["title"] for item in placements(client, order="-title")["items"]] == [
        "Laundry operator",
        "Bakery assistant",
    ]
    assert [item["title"] for item in placements(client, order="title")["items"]] == [
        "Bakery assistant",
        "Laundry operator",
    ]
