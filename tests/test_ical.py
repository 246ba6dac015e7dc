"""The iCal feed of closing dates and call events, as a calendar app reads it."""

import datetime
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.conf import settings
from django.utils import timezone

from cooperativa.opportunities.models import ProjectPage
from tests.factories import (
    create_call,
    create_partner_page,
    create_placement,
    create_project,
    translate_page,
)
from tests.helpers import in_days

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
URL = "/feeds/deadlines.ics"


def host_name():
    """UIDs are made with the site's public host name, not the request's."""
    return urlparse(settings.SITE_URL).hostname


def calendar(client, url=URL):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(cal):
    return {str(event["SUMMARY"]): event for event in cal.walk("VEVENT")}


@pytest.fixture
def host():
    return create_partner_page()


def test_calendar_is_valid_icalendar(client, host):
    create_placement(parent=host)
    cal = calendar(client)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"])
    assert cal.walk("VEVENT")


def test_one_all_day_event_per_open_closing_date(client, host):
    placement = create_placement(parent=host, title="Laundry helper", closes_on=in_days(12))

    event = events(calendar(client))["Closing date: Laundry helper"]
    assert event.decoded("DTSTART") == in_days(12)
    # An all-day event is a date, not a date and time.
    assert not isinstance(event.decoded("DTSTART"), datetime.datetime)
    assert event.decoded("DTEND") == in_days(13)
    assert str(event["UID"]) == f"deadline-{placement.pk}@{host_name()}"
    assert str(event["URL"]) == placement.get_full_url()
    assert isinstance(event.decoded("DTSTAMP"), datetime.datetime)
    assert placement.summary in str(event["DESCRIPTION"])


def test_uids_are_stable_between_downloads(client, host):
    create_placement(parent=host, closes_on=in_days(3))
    create_call(parent=host, closes_on=in_days(5), event_starts_at=timezone.now())

    def uids_and_stamps():
        return sorted(
            (str(e["UID"]), e.decoded("DTSTAMP")) for e in calendar(client).walk("VEVENT")
        )

    first = uids_and_stamps()
    assert len({uid for uid, _stamp in first}) == 3
    assert uids_and_stamps() == first


def test_call_event_is_a_timed_event_with_its_place(client, host):
    starts = datetime.datetime(2031, 5, 14, 17, 30, tzinfo=ROME)
    ends = datetime.datetime(2031, 5, 14, 19, 0, tzinfo=ROME)
    call = create_call(
        parent=host,
        title="Co-design workshop",
        closes_on=in_days(10),
        event_starts_at=starts,
        event_ends_at=ends,
        event_place="Sala del Consiglio, Via Roma 1",
    )

    found = events(calendar(client))
    event = found["Co-design workshop"]
    assert event.decoded("DTSTART") == starts
    assert event.decoded("DTEND") == ends
    assert str(event["LOCATION"]) == "Sala del Consiglio, Via Roma 1"
    assert str(event["UID"]) == f"event-{call.pk}@{host_name()}"
    assert str(event["URL"]) == call.get_full_url()
    # The call's own closing date is there too, as a separate all-day event.
    assert "Closing date: Co-design workshop" in found


def test_upcoming_event_stays_after_responses_close(client, host):
    create_call(
        parent=host,
        title="Open day",
        closes_on=in_days(-1),
        event_starts_at=timezone.now() + datetime.timedelta(days=2),
    )
    found = events(calendar(client))
    assert "Open day" in found
    assert "Closing date: Open day" not in found


def test_closed_past_drafts_and_completed_are_left_out(client, host):
    create_placement(parent=host, title="Closed", closes_on=in_days(-1))
    create_placement(parent=host, title="No deadline", closes_on=None)
    create_project(
        parent=host, title="Finished", closes_on=in_days(5), stage=ProjectPage.Stage.COMPLETED
    )
    past = timezone.now() - datetime.timedelta(days=3)
    create_call(
        parent=host,
        title="Past event",
        closes_on=in_days(-4),
        event_starts_at=past,
        event_ends_at=past + datetime.timedelta(hours=2),
    )
    draft = create_placement(parent=host, title="Draft", closes_on=in_days(4))
    draft.unpublish()

    assert events(calendar(client)) == {}


def test_italian_calendar_lists_italian_pages_in_italian(client, host):
    english = create_placement(parent=host, title="Bakery assistant", closes_on=in_days(9))
    italian = translate_page(english, title="Aiuto panettiere")

    english_events = events(calendar(client))
    assert list(english_events) == ["Closing date: Bakery assistant"]

    italian_events = calendar(client, "/it" + URL).walk("VEVENT")
    assert len(italian_events) == 1
    assert "Aiuto panettiere" in str(italian_events[0]["SUMMARY"])
    assert str(italian_events[0]["UID"]) == f"deadline-{italian.pk}@{host_name()}"
    assert str(italian_events[0]["URL"]) == italian.get_full_url()
