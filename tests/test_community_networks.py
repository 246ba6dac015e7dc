"""Support networks: their pages, the /networks/ hub and its facets, their
meetings and events, and the iCal feeds (a regular meeting keeps its hour
in Italy when the clocks change)."""

import datetime
import json
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil import rrule
from django.utils import timezone

from cooperativa.community import recurrence
from cooperativa.community.models import NetworkMeeting, NetworkPage
from partners.models import Organisation
from tests.factories import (
    AreaFactory,
    OrganisationFactory,
    create_call,
    create_network,
    create_network_index,
    create_partner_page,
    translate_page,
)
from tests.helpers import facet, facet_counts, in_days, listed, soup

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")


def rome(*args):
    return datetime.datetime(*args, tzinfo=ROME)


@pytest.fixture
def hub(home):
    create_network_index()
    torino = AreaFactory(name="Torino", slug="torino")
    bari = AreaFactory(name="Bari", slug="bari", province="BA")
    circles = create_partner_page(OrganisationFactory(name="Cerchi", slug="cerchi"))
    create_network(
        circles, title="Mentors", network_kind="mentoring", area=torino, audiences=["after_release"]
    )
    create_network(
        circles, title="Circles", network_kind="cosa", area=torino, audiences=["probation"]
    )
    create_network(
        circles,
        title="Mutual aid",
        network_kind="mutual_aid",
        area=bari,
        audiences=["families", "after_release"],
    )
    pending = create_partner_page(
        OrganisationFactory(name="Pending", slug="pending", status=Organisation.Status.PENDING)
    )
    create_network(pending, title="Pending network", area=torino)
    draft = create_network(circles, title="Draft network", area=torino)
    draft.unpublish()
    return circles


def test_the_hub_lists_live_networks_of_approved_organisations(client, hub):
    assert listed(client.get("/networks/")) == ["Circles", "Mentors", "Mutual aid"]


def test_the_hub_facets_filter_and_count(client, hub):
    response = client.get("/networks/")
    assert facet_counts(response, "kind") == {
        "mentoring": 1,
        "circle": 0,
        "cosa": 1,
        "mutual_aid": 1,
    }
    assert facet_counts(response, "area") == {"bari": 1, "torino": 2}
    assert facet_counts(response, "audience")["after_release"] == 2

    response = client.get("/networks/?area=torino")
    assert listed(response) == ["Circles", "Mentors"]
    # Counts within a facet add up; other facets apply.
    assert facet(response, "area")["bari"] == (1, False, False)
    assert facet_counts(response, "kind")["mutual_aid"] == 0

    response = client.get("/networks/?audience=after_release&kind=mutual_aid&kind=cosa")
    assert listed(response) == ["Mutual aid"]
    assert listed(client.get("/networks/?audience=families&area=torino")) == []


def test_a_network_page_says_how_to_join_and_refer_and_names_no_one(client, hub):
    member = OrganisationFactory(name="ignored")  # noqa: F841 - an unrelated organisation
    page = create_network(
        hub,
        title="Citizen circle",
        network_kind="circle",
        who_for="<p>People leaving prison in Torino.</p>",
        volunteer_role="<p>Meet once a week.</p>",
        commitment="Two hours a week for a year",
        path_enquiry="Write to us.",
        path_training="Three evenings.",
        path_checks="References and an interview.",
        path_active="You join a circle of four.",
        how_to_refer="<p>Probation officers write to us with the person's consent.</p>",
    )
    call = create_call(hub, title="Become a circle volunteer", audiences=["volunteers"])
    create_call(hub, title="A call for families", audiences=["families"])
    create_call(
        hub,
        title="A closed call",
        audiences=["volunteers"],
        closes_on=in_days(-3),
    )
    page_html = soup(client.get(page.url))
    text = page_html.get_text(" ", strip=True)
    for step in ("Enquiry", "Training", "Checks", "Active volunteer"):
        assert step in text
    assert "References and an interview." in text
    assert "Probation officers write to us" in text
    assert "Two hours a week for a year" in text
    calls = [link.get_text(strip=True) for link in page_html.select(".card__title a")]
    assert calls == [call.title]
    # No list of members or of people supported: no membership is shown.
    assert "member" not in text.lower()


def meeting(**fields):
    fields.setdefault("title", "Coffee morning")
    fields.setdefault("duration_minutes", 90)
    return fields


def test_a_regular_meeting_keeps_its_hour_across_a_change_of_clocks():
    # Every Tuesday at 19:00 in Italy, from before to after 29 March 2026.
    weekly = NetworkMeeting(
        title="Circle", starts_at=rome(2026, 3, 17, 19, 0), repeats="weekly", duration_minutes=60
    )
    dates = recurrence.occurrences(weekly, rome(2026, 3, 1), rome(2026, 4, 10))
    assert [date.astimezone(ROME).hour for date in dates] == [19, 19, 19, 19]
    assert [date.astimezone(datetime.UTC).hour for date in dates] == [18, 18, 17, 17]
    # The first Tuesday of each month, through the October change back.
    monthly = NetworkMeeting(
        title="Open day", starts_at=rome(2026, 9, 1, 10, 0), repeats="monthly", duration_minutes=60
    )
    dates = recurrence.occurrences(monthly, rome(2026, 9, 1), rome(2026, 12, 31))
    assert [(date.month, date.day, date.hour) for date in dates] == [
        (9, 1, 10),
        (10, 6, 10),
        (11, 3, 10),
        (12, 1, 10),
    ]
    assert [date.utcoffset() for date in dates] == [
        datetime.timedelta(hours=2),
        datetime.timedelta(hours=2),
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=1),
    ]


def _expand(event, until):
    """What a calendar program makes of a VEVENT: its dates up to ``until``."""
    start = event.decoded("dtstart")
    if "rrule" not in event:
        return [start]
    rule = rrule.rrulestr(event["rrule"].to_ical().decode(), dtstart=start.replace(tzinfo=None))
    return [
        moment.replace(tzinfo=start.tzinfo)
        for moment in rule.between(start.replace(tzinfo=None), until, inc=True)
    ]


def test_the_ical_feed_expands_correctly_across_a_change_of_clocks(client, hub):
    network = create_network(
        hub,
        title="Thursday circle",
        meetings=[
            meeting(
                title="Circle evening",
                starts_at=timezone.now()
                .astimezone(ROME)
                .replace(
                    year=timezone.now().year + 1,
                    month=3,
                    day=18,
                    hour=19,
                    minute=0,
                    second=0,
                    microsecond=0,
                ),
                repeats="weekly",
            ),
            meeting(title="Open day", starts_at=timezone.now() + datetime.timedelta(days=10)),
            meeting(title="Past open day", starts_at=timezone.now() - datetime.timedelta(days=10)),
        ],
    )
    for url in (f"/feeds/networks/{network.pk}.ics", "/feeds/networks.ics"):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")
        calendar = icalendar.Calendar.from_ical(response.content)
        events = {event["summary"].split(" (")[0]: event for event in calendar.walk("VEVENT")}
        assert set(events) == {"Circle evening", "Open day"}
        assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Rome"
        circle = events["Circle evening"]
        assert circle["dtstart"].params["TZID"] == "Europe/Rome"
        assert circle["location"] == "Torino (TO)" or circle["location"]
        year = timezone.now().year + 1
        dates = _expand(circle, datetime.datetime(year, 4, 15))
        # Over the last Sunday of March: 19:00 every week, an hour earlier in UTC.
        assert {date.hour for date in dates} == {19}
        utc_hours = [date.astimezone(datetime.UTC).hour for date in dates]
        assert utc_hours[0] == 18 and utc_hours[-1] == 17


def test_meetings_show_on_the_network_and_partner_pages(client, hub):
    network = create_network(
        hub,
        title="Coffee network",
        meetings=[
            meeting(title="Coffee morning", starts_at=timezone.now() + datetime.timedelta(days=3))
        ],
    )
    for url in (network.url, hub.url):
        text = soup(client.get(url)).get_text(" ", strip=True)
        assert "Coffee morning" in text, url


def test_a_meeting_that_has_ended_leaves_the_partner_page_the_same_day(client, hub, settings):
    """The partner page keeps its networks and meetings under the content
    version, but works out which are still to come on each request."""
    import time_machine

    settings.PAGE_CACHE_SECONDS = 0
    starts = timezone.now() + datetime.timedelta(hours=1)
    create_network(hub, title="Coffee network", meetings=[meeting(starts_at=starts)])
    assert "Coffee morning" in soup(client.get(hub.url)).get_text(" ", strip=True)

    with time_machine.travel(starts + datetime.timedelta(minutes=91)):
        assert "Coffee morning" not in soup(client.get(hub.url)).get_text(" ", strip=True)


def test_json_ld_describes_the_network_and_its_next_events(client, hub):
    network = create_network(
        hub,
        title="Coffee network",
        meetings=[
            meeting(title="Coffee morning", starts_at=timezone.now() + datetime.timedelta(days=3))
        ],
    )
    blocks = [
        json.loads(block.string)
        for block in soup(client.get(network.url)).select('script[type="application/ld+json"]')
    ]
    described = blocks[0]
    assert described["@type"] == "Organization"
    assert described["event"][0]["name"] == "Coffee morning"
    assert set(described["event"][0]["location"]["address"]) <= {
        "@type",
        "addressLocality",
        "addressRegion",
        "addressCountry",
    }


def test_networks_in_italian(client, hub):
    index = create_network_index()
    translate_page(index, title="Reti di sostegno", slug="reti")
    translate_page(hub, title="Cerchi")
    mentors = NetworkPage.objects.get(title="Mentors")
    translate_page(mentors, title="Mentori", slug="mentori")
    response = client.get("/it/reti/")
    assert listed(response) == ["Mentori"]
    assert "Tipo di rete" in response.content.decode()
    assert client.get("/it/feeds/networks.ics").status_code == 200


def test_a_network_page_takes_its_organisation_from_its_partner_page(hub):
    page = NetworkPage.objects.get(title="Mentors")
    assert page.organisation == hub.organisation
