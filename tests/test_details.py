"""Opportunity pages: every fact in plain words, and a clear state. A closed
opportunity offers no way to apply but points to similar open ones."""

import datetime

import pytest
import time_machine

from cooperativa.opportunities.models import ProjectPage, ProjectUpdate
from tests.factories import (
    AreaFactory,
    OrganisationFactory,
    create_call,
    create_hub,
    create_partner_page,
    create_placement,
    create_project,
    name_partners,
    translate_page,
)
from tests.helpers import in_days, soup

pytestmark = pytest.mark.django_db


def facts(page):
    """The key facts list as {term: text}."""
    dl = page.select_one("dl.facts")
    return {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in dl.select("dt")
    }


@pytest.fixture
def frozen():
    with time_machine.travel(datetime.datetime(2026, 5, 4, 8, 0, tzinfo=datetime.UTC), tick=False):
        yield


def test_a_placement_shows_every_fact(client, frozen):
    partner = create_partner_page(title="Cooperativa La Lavanderia")
    placement = create_placement(
        parent=partner,
        title="Laundry assistant",
        sector="laundry",
        area=AreaFactory(name="Alba", province="CN"),
        location="Via Roma 3",
        hours_per_week=25,
        duration="6 months, renewable",
        paid=True,
        stipend="€600 a month",
        audiences=["work_release", "after_release"],
        requirements="Able to lift 10 kg.",
        support_mentor=True,
        support_meals=True,
        places=2,
        starts_on=datetime.date(2026, 6, 1),
        closes_on=datetime.date(2026, 5, 30),
        how_to_apply="<p>Call Maria on 011 555 1234.</p>",
    )
    page = soup(client.get(placement.url))
    found = facts(page)
    host_link = page.select_one("dl.facts a")
    assert host_link.get_text(strip=True) == "Cooperativa La Lavanderia"
    assert host_link["href"] == partner.url
    assert found["Sector"] == "Laundry and tailoring"
    assert found["Where"] == "Via Roma 3, Alba (CN)"
    assert found["Hours"] == "25 hours a week"
    assert found["How long"] == "6 months, renewable"
    assert found["Pay"] == "Paid: €600 a month"
    assert found["Who it is open to"] == ("People in custody on work release; People after release")
    assert found["Places"] == "2"
    assert page.select_one("dl.facts time[datetime='2026-06-01']")
    assert page.select_one("dl.facts time[datetime='2026-05-30']")
    text = page.get_text(" ", strip=True)
    assert "Able to lift 10 kg." in text
    support = page.select_one("section[aria-labelledby=support-title]").get_text(" ", strip=True)
    assert "A mentor" in support and "Meals" in support and "Training" not in support
    assert (
        # The host's words first; the response form's link follows (participation).
        page.select_one("#apply > p").get_text(" ", strip=True) == "Call Maria on 011 555 1234."
    )
    assert not page.select_one(".notice")  # open, not closing soon


def test_closing_soon_is_announced(client, frozen):
    placement = create_placement(closes_on=in_days(3))
    notice = soup(client.get(placement.url)).select_one(".notice")
    assert "Closing soon." in notice.get_text()
    assert notice.select_one("time")["datetime"] == in_days(3).isoformat()
    assert notice.select_one("a[href='#apply']")


def test_a_closed_placement_offers_no_way_to_apply_but_similar_ones(client, frozen):
    create_hub("placement")
    area = AreaFactory(name="Bra")
    closed = create_placement(
        title="Closed bakery job",
        sector="catering",
        area=area,
        closes_on=in_days(-1),
        how_to_apply="<p>Phone 011 999.</p>",
    )
    create_placement(title="Open catering job", sector="catering", closes_on=in_days(40))
    create_placement(title="Open job in Bra", sector="printing", area=area, closes_on=in_days(9))
    create_placement(title="Unrelated job", sector="cleaning")
    create_call(title="A call in Bra", sector="catering", area=area)  # another type
    create_placement(title="Also closed", sector="catering", closes_on=in_days(-5))

    page = soup(client.get(closed.url))
    notice = page.select_one(".notice--warning")
    text = notice.get_text(" ", strip=True)
    assert "This placement is closed." in text
    assert notice.select_one("time")["datetime"] == in_days(-1).isoformat()
    assert [a.get_text(strip=True) for a in notice.select("li a")] == [
        "Open job in Bra",
        "Open catering job",
    ]
    assert notice.find("a", string=lambda s: s and "Placements" in s)["href"] == "/placements/"
    assert not page.select_one("#apply")
    assert "Phone 011 999." not in page.get_text()
    assert page.select_one("header .badge--closed")


def test_a_closed_call_hides_how_to_respond(client, frozen):
    call = create_call(closes_on=in_days(-2), how_to_respond="<p>Write to circles@example.org</p>")
    page = soup(client.get(call.url))
    assert "This call is closed." in page.select_one(".notice--warning").get_text()
    assert not page.select_one("#respond")
    assert "circles@example.org" not in page.get_text()


def test_a_call_shows_its_facts_and_event(client, frozen):
    partner = create_partner_page(title="UEPE Torino")
    start = datetime.datetime(2026, 5, 20, 15, 0, tzinfo=datetime.UTC)
    call = create_call(
        parent=partner,
        title="Become a mentor",
        audiences=["volunteers"],
        commitment="regular",
        closes_on=datetime.date(2026, 5, 15),
        what_is_asked="<p>Two hours a week.</p>",
        event_starts_at=start,
        event_ends_at=start + datetime.timedelta(hours=2),
        event_place="Casa del Quartiere",
        how_to_respond="<p>Fill in the form.</p>",
    )
    page = soup(client.get(call.url))
    found = facts(page)
    assert found["Published by"] == "UEPE Torino"
    assert found["Who is invited"] == "Volunteers"
    assert found["Commitment"] == "Regular commitment"
    assert page.select_one("dl.facts time[datetime='2026-05-15']")
    # Shown in the site's time zone (Europe/Rome), machine-readable with offset.
    event_times = [t["datetime"] for t in page.select("dl.facts time") if "T" in t["datetime"]]
    assert event_times == ["2026-05-20T17:00:00+02:00", "2026-05-20T19:00:00+02:00"]
    assert found["Where"] == "Casa del Quartiere"
    assert "Two hours a week." in page.get_text()
    assert "Fill in the form." in page.select_one("#respond").get_text()


def test_a_project_shows_partners_stage_updates_and_ways_in(client, frozen):
    lead = create_partner_page(title="Cooperativa Orto Comune")
    with_page = OrganisationFactory(name="Parrocchia San Paolo")
    partner_page = create_partner_page(organisation=with_page, title="Parrocchia San Paolo")
    without_page = OrganisationFactory(name="Comitato di quartiere")
    open_call = create_call(parent=lead, title="Garden volunteers", closes_on=in_days(2))
    project = create_project(
        parent=lead,
        title="Community garden",
        stage=ProjectPage.Stage.AGREED,
        starts_on=datetime.date(2026, 6, 1),
        ends_on=datetime.date(2027, 5, 31),
        place="Parco Dora",
        outcomes="<p>Twelve beds built.</p>",
    )
    name_partners(project, with_page, without_page)
    project.linked_opportunities.set([open_call])
    project.updates.add(
        ProjectUpdate(date=datetime.date(2026, 4, 1), title="First meeting", text="We met.")
    )
    project.updates.add(
        ProjectUpdate(date=datetime.date(2026, 4, 20), title="Beds built", text="Twelve beds.")
    )
    project.save_revision().publish()

    page = soup(client.get(project.url))
    found = facts(page)
    assert found["Led by"] == "Cooperativa Orto Comune"
    partner_items = page.select("dl.facts dd ul li")
    # In alphabetical order; a link where the organisation has a page.
    assert [item.get_text(strip=True) for item in partner_items] == [
        "Comitato di quartiere",
        "Parrocchia San Paolo",
    ]
    assert not partner_items[0].select_one("a")
    assert partner_items[1].select_one("a")["href"] == partner_page.url
    steps = page.select("ol.stages li")
    # Stages passed are ticked, the current one is marked in words too.
    assert [step.get_text(" ", strip=True) for step in steps] == [
        "Idea ✓ (done)",
        "Co-design ✓ (done)",
        "Agreed (we are here)",
        "Running",
        "Completed",
    ]
    assert [step.get("aria-current") for step in steps] == [None, None, "step", None, None]
    assert found["Where"].startswith("Parco Dora")
    assert page.select_one("dl.facts time[datetime='2026-06-01']")
    assert page.select_one("dl.facts time[datetime='2027-05-31']")
    assert "Twelve beds built." in page.get_text()
    updates = [
        h.get_text(strip=True) for h in page.select("section[aria-labelledby=updates-title] h3")
    ]
    assert updates == ["Beds built", "First meeting"]  # newest first
    ways = page.select_one("#get-involved")
    assert ways.select_one(".card__title a").get_text(strip=True) == "Garden volunteers"
    assert ways.select_one(".badge--closing-soon")


def test_a_completed_project_says_so(client, frozen):
    project = create_project(stage=ProjectPage.Stage.COMPLETED, closes_on=None)
    project.linked_opportunities.set([create_call()])
    project.save_revision().publish()
    page = soup(client.get(project.url))
    assert "This project is completed." in page.select_one(".notice--warning").get_text()
    assert not page.select_one("#get-involved")
    assert (
        page.select_one("ol.stages li[aria-current=step]")
        .get_text(" ", strip=True)
        .startswith("Completed")
    )


def test_a_translated_project_links_to_translated_partners_and_opportunities(client, frozen):
    lead = create_partner_page(title="Lead")
    partner_org = OrganisationFactory(name="Partner")
    partner_page = create_partner_page(organisation=partner_org, title="Partner")
    call = create_call(parent=lead, title="Volunteers wanted")
    project = create_project(parent=lead, title="Garden")
    name_partners(project, partner_org)
    project.linked_opportunities.set([call])
    project.save_revision().publish()

    translate_page(lead.get_parent(), "it", title="Partner", slug="partner")
    translate_page(lead, "it", title="Capofila")
    italian_partner = translate_page(partner_page, "it", title="Ente partner")
    translate_page(call, "it", title="Cerchiamo volontari")
    italian_project = translate_page(project, "it", title="Orto")

    page = soup(client.get(italian_project.url))
    partner_link = page.select_one("dl.facts dd ul li a")
    assert partner_link.get_text(strip=True) == "Ente partner"
    assert partner_link["href"] == italian_partner.url
    assert partner_link["href"].startswith("/it/")
    ways = page.select_one("#get-involved .card__title a")
    assert ways.get_text(strip=True) == "Cerchiamo volontari"
    assert ways["href"].startswith("/it/")


def test_an_image_is_described(client, frozen):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Bakery", file=get_test_image_file())
    placement = create_placement(image=image, image_alt="Two people kneading bread")
    img = soup(client.get(placement.url)).select_one("figure img")
    assert img["alt"] == "Two people kneading bread"
