"""Saved searches: matching with the hub's own filters and language, each
opportunity at most once per alert, digests, double opt-in, one-click
unsubscribe and the participant's alerts at /me/alerts/. Time is frozen."""

import datetime
import re

import pytest
import time_machine
from django.core import mail

from cooperativa.alerts import services
from cooperativa.alerts.models import Alert, SentItem
from tests.factories import (
    AreaFactory,
    create_call,
    create_hub,
    create_partner_page,
    create_placement,
    translate_page,
    verified_user,
)

pytestmark = pytest.mark.django_db

# A Tuesday, 09:00 in Rome.
START = datetime.datetime(2026, 3, 10, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def host(clock):
    create_hub("")
    create_hub("placement")
    create_hub("call")
    return create_partner_page()


def placements_hub():
    from cooperativa.opportunities.models import OpportunityIndexPage

    return OpportunityIndexPage.objects.get(slug="placements")


def make_alert(hub=None, query="", frequency=Alert.Frequency.IMMEDIATE, **fields):
    fields.setdefault("email", "reader@example.org")
    fields.setdefault("language", "en")
    fields.setdefault("name", "Catering")
    return Alert.objects.create(
        hub=hub or placements_hub(),
        query=query,
        frequency=frequency,
        confirmed_at=START,
        **fields,
    )


def run(capture, frequency=Alert.Frequency.IMMEDIATE, now=None):
    with capture(execute=True):
        return services.send_digests(frequency, now)


def later(clock, **delta):
    clock.move_to(START + datetime.timedelta(**delta))


def titles_in(message):
    return re.findall(r"^- (.+?)(?: \(|$)", message.body, re.MULTILINE)


# --- Matching ------------------------------------------------------------------------


def test_an_alert_finds_what_its_hub_would_show_with_the_same_filters(
    host, clock, django_capture_on_commit_callbacks
):
    alert = make_alert(query="sector=catering&paid=yes")
    later(clock, hours=1)
    create_placement(
        parent=host,
        title="Paid kitchen porter",
        sector="catering",
        paid=True,
        stipend="600 euro a month",
    )
    create_placement(parent=host, title="Unpaid kitchen helper", sector="catering", paid=False)
    create_placement(
        parent=host, title="Paid laundry work", sector="laundry", paid=True, stipend="500 euro"
    )
    create_call(parent=host, title="Paid catering call", sector="catering", paid=True)
    create_placement(
        parent=host,
        title="Closed kitchen job",
        sector="catering",
        paid=True,
        stipend="5 euro",
        closes_on=START.date() - datetime.timedelta(days=1) - datetime.timedelta(days=1),
    )

    assert run(django_capture_on_commit_callbacks) == 1
    (message,) = mail.outbox
    assert message.to == ["reader@example.org"]
    assert titles_in(message) == ["Paid kitchen porter"]
    assert SentItem.objects.filter(alert=alert).count() == 1


def test_what_was_published_before_the_alert_is_not_news(
    host, clock, django_capture_on_commit_callbacks
):
    create_placement(parent=host, title="Old kitchen porter")
    later(clock, minutes=5)
    make_alert()
    assert run(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_an_alert_on_the_italian_hub_finds_italian_pages_and_writes_in_italian(
    host, clock, django_capture_on_commit_callbacks
):
    italian_hub = translate_page(placements_hub(), "it", title="Tirocini", slug="tirocini")
    make_alert(hub=italian_hub, language="it", email="lettrice@example.org")
    later(clock, hours=1)
    english = create_placement(parent=host, title="Kitchen porter")
    translate_page(english, "it", title="Aiuto cuoco", slug="aiuto-cuoco")

    run(django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    assert titles_in(message) == ["Aiuto cuoco"]
    assert message.subject == "1 nuova opportunità: Catering"
    assert "/it/" in message.body


def test_a_participant_is_written_to_in_their_own_language(
    host, clock, django_capture_on_commit_callbacks
):
    user = verified_user(preferred_language="it")
    make_alert(user=user, email="")
    later(clock, hours=1)
    create_placement(parent=host, title="Kitchen porter")

    run(django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    assert message.to == [user.email]
    assert message.subject == "1 nuova opportunità: Catering"


def test_an_unconfirmed_address_gets_nothing(host, clock, django_capture_on_commit_callbacks):
    alert = make_alert()
    Alert.objects.filter(pk=alert.pk).update(confirmed_at=None)
    later(clock, hours=1)
    create_placement(parent=host)
    assert run(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


# --- Once per alert ------------------------------------------------------------------


def test_each_opportunity_is_announced_once_per_alert(
    host, clock, django_capture_on_commit_callbacks
):
    make_alert()
    other = make_alert(email="other@example.org")
    later(clock, hours=1)
    create_placement(parent=host, title="Kitchen porter")
    run(django_capture_on_commit_callbacks)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "other@example.org",
        "reader@example.org",
    ]

    # A duplicate run sends nothing.
    assert run(django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 2

    # Only the new one next time, and an alert's own send is keyed too.
    later(clock, hours=2)
    create_placement(parent=host, title="Dishwasher")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_alert(other.pk) == 1
        assert services.send_alert(other.pk) == 0
    assert titles_in(mail.outbox[-1]) == ["Dishwasher"]


def test_publishing_an_opportunity_sends_immediate_alerts_at_once(
    host, clock, django_capture_on_commit_callbacks
):
    make_alert()
    later(clock, hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        create_placement(parent=host, title="Kitchen porter")
    assert [titles_in(message) for message in mail.outbox] == [["Kitchen porter"]]


# --- Digests -------------------------------------------------------------------------


def test_a_digest_lists_twenty_and_links_to_the_rest(
    host, clock, django_capture_on_commit_callbacks
):
    make_alert(query="sector=catering")
    area = AreaFactory()
    for number in range(25):
        later(clock, hours=1, minutes=number)
        create_placement(parent=host, title=f"Kitchen job {number:02d}", area=area)

    assert run(django_capture_on_commit_callbacks) == 1
    (message,) = mail.outbox
    assert message.subject == "25 new opportunities: Catering"
    # The newest first.
    assert titles_in(message) == [f"Kitchen job {number:02d}" for number in range(24, 4, -1)]
    assert "And 5 more: http://127.0.0.1:8000/placements/?sector=catering&sort=newest" in (
        message.body
    )
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert html.count("<li") == 20
    assert "And 5 more" in html
    # All 25 were announced: none comes again.
    assert SentItem.objects.count() == 25


def test_daily_and_weekly_digests_leave_once_per_period_from_seven(
    host, clock, django_capture_on_commit_callbacks
):
    daily = make_alert(frequency=Alert.Frequency.DAILY, email="daily@example.org")
    make_alert(frequency=Alert.Frequency.WEEKLY, email="weekly@example.org")
    later(clock, hours=1)
    create_placement(parent=host, title="Kitchen porter")

    def digests(at):
        clock.move_to(at)
        with django_capture_on_commit_callbacks(execute=True):
            return services.run_digests()

    # 06:30 in Rome on the Wednesday: too early.
    assert digests(datetime.datetime(2026, 3, 11, 5, 30, tzinfo=datetime.UTC)) == {
        "daily": 0,
        "weekly": 0,
    }
    # 08:00: the day's digest, and this calendar week's.
    assert digests(datetime.datetime(2026, 3, 11, 7, 0, tzinfo=datetime.UTC)) == {
        "daily": 1,
        "weekly": 1,
    }
    recipients = [message.to[0] for message in mail.outbox]
    assert "daily@example.org" in recipients
    daily.refresh_from_db()
    assert daily.last_period == "2026-03-11"

    # Later the same day, with something new: the day's digest has gone.
    clock.move_to(datetime.datetime(2026, 3, 11, 9, 0, tzinfo=datetime.UTC))
    create_placement(parent=host, title="Dishwasher")
    before = len(mail.outbox)
    assert digests(datetime.datetime(2026, 3, 11, 10, 0, tzinfo=datetime.UTC))["daily"] == 0
    assert len(mail.outbox) == before
    # The next day it comes.
    assert digests(datetime.datetime(2026, 3, 12, 7, 0, tzinfo=datetime.UTC)) == {
        "daily": 1,
        "weekly": 0,
    }
    assert titles_in(mail.outbox[-1]) == ["Dishwasher"]
    # The weekly one on Monday, from seven, with everything of its week.
    assert digests(datetime.datetime(2026, 3, 16, 5, 0, tzinfo=datetime.UTC))["weekly"] == 0
    assert digests(datetime.datetime(2026, 3, 16, 6, 30, tzinfo=datetime.UTC))["weekly"] == 1
    weekly = [message for message in mail.outbox if message.to == ["weekly@example.org"]]
    assert [titles_in(message) for message in weekly] == [["Kitchen porter"], ["Dishwasher"]]


def test_nothing_matched_means_no_email(host, clock, django_capture_on_commit_callbacks):
    make_alert(frequency=Alert.Frequency.DAILY, query="sector=laundry")
    later(clock, hours=1)
    create_placement(parent=host, sector="catering")
    clock.move_to(datetime.datetime(2026, 3, 11, 7, 0, tzinfo=datetime.UTC))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.run_digests()["daily"] == 0
    assert mail.outbox == []
