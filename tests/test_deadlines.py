"""The deadline lifecycle: a reminder five days before an opportunity
closes, with a signed, single-use, audited "extend by two weeks" link; a
summary once it has closed; Wagtail's scheduled publishing on beat. Every
job is idempotent. Time is frozen."""

import datetime
import io
import re
import uuid
from urllib.parse import urlsplit

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from wagtail.models import ModelLogEntry, PageLogEntry

from cooperativa.alerts import lifecycle, tokens
from cooperativa.alerts.models import DeadlineNotice
from cooperativa.opportunities.models import OpportunityPage
from partners.models import Membership, PartnerPage
from tests.factories import (
    add_member,
    create_approved_organisation,
    create_placement,
    translate_page,
    verified_user,
)
from tests.helpers import soup

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 10, 8, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def organisation(clock):
    admin = verified_user(email="admin@ilponte.example.org", preferred_language="it")
    organisation = create_approved_organisation(admin, name="Il Ponte")
    add_member(organisation, verified_user(email="editor@ilponte.example.org"))
    mail.outbox.clear()
    return organisation


def partner_page(organisation):
    return PartnerPage.objects.get(organisation=organisation, locale__language_code="en")


@pytest.fixture
def placement(organisation):
    return create_placement(
        parent=partner_page(organisation),
        title="Bakery assistant",
        closes_on=TODAY + datetime.timedelta(days=5),
    )


def remind(capture, on=TODAY):
    with capture(execute=True):
        return lifecycle.send_reminders(on)


def extend_link(message):
    (url,) = re.findall(r"https?://\S+/alerts/extend/\S+/", message.body)
    return urlsplit(url).path


def reminders_to(address):
    return [message for message in mail.outbox if message.to == [address]]


# --- Reminders -----------------------------------------------------------------------


def test_members_are_reminded_five_days_before_closing_once(
    placement, django_capture_on_commit_callbacks
):
    # Six days before: not yet.
    assert remind(django_capture_on_commit_callbacks, TODAY - datetime.timedelta(days=1)) == 0
    assert mail.outbox == []

    assert remind(django_capture_on_commit_callbacks) == 1
    assert sorted(message.to[0] for message in mail.outbox) == [
        "admin@ilponte.example.org",
        "editor@ilponte.example.org",
    ]
    (english,) = reminders_to("editor@ilponte.example.org")
    assert english.subject == "Closing on March 15, 2026: Bakery assistant"
    assert "Extend it by two weeks, to March 29, 2026" in english.body
    # Each member in their own language.
    (italian,) = reminders_to("admin@ilponte.example.org")
    assert italian.subject.startswith("Chiude il 15 Marzo 2026")

    # Beat again, the next day, an operator's command: nothing twice.
    assert remind(django_capture_on_commit_callbacks) == 0
    assert remind(django_capture_on_commit_callbacks, TODAY + datetime.timedelta(days=1)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_alert_jobs", "deadlines", stdout=io.StringIO())
    assert len(mail.outbox) == 2


def test_an_opportunity_in_two_languages_is_one_reminder(
    organisation, placement, django_capture_on_commit_callbacks
):
    translate_page(placement, "it", title="Aiuto fornaio", slug="aiuto-fornaio")
    assert remind(django_capture_on_commit_callbacks) == 1
    assert len(mail.outbox) == 2


# --- The one-click extension -----------------------------------------------------------


def test_the_extension_publishes_the_new_date_once_and_is_audited(
    client, placement, django_capture_on_commit_callbacks
):
    remind(django_capture_on_commit_callbacks)
    link = extend_link(reminders_to("editor@ilponte.example.org")[0])
    editor = Membership.objects.get(user__email="editor@ilponte.example.org").user

    # The link opens a page with a button; the GET changes nothing.
    page = soup(client.get(link))
    assert page.select_one("main form[method=post] button").get_text(strip=True) == (
        "Extend by two weeks"
    )
    assert OpportunityPage.objects.get(pk=placement.pk).closes_on == TODAY + datetime.timedelta(
        days=5
    )

    response = client.post(link)
    assert response.status_code == 200
    assert "March 29, 2026" in soup(response).get_text()
    extended = OpportunityPage.objects.get(pk=placement.pk)
    assert extended.closes_on == datetime.date(2026, 3, 29)
    # Published directly: the live page says so, with a new revision.
    assert extended.live_revision_id != placement.live_revision_id
    assert not extended.has_unpublished_changes
    entry = PageLogEntry.objects.get(action="alerts.extend_deadline")
    assert (entry.page_id, entry.user_id) == (placement.pk, editor.pk)
    assert entry.data == {"from": "2026-03-15", "to": "2026-03-29"}
    assert entry.message == "Closing date extended by two weeks from the reminder's link"

    # Single use: the admin's own link, and the same one again, are refused.
    admin_link = extend_link(reminders_to("admin@ilponte.example.org")[0])
    assert client.post(link).status_code == 410
    assert client.post(admin_link).status_code == 410
    assert OpportunityPage.objects.get(pk=placement.pk).closes_on == datetime.date(2026, 3, 29)
    assert PageLogEntry.objects.filter(action="alerts.extend_deadline").count() == 1


def test_an_extended_opportunity_is_reminded_again_for_its_new_date(
    client, placement, django_capture_on_commit_callbacks
):
    remind(django_capture_on_commit_callbacks)
    client.post(extend_link(mail.outbox[0]))
    mail.outbox.clear()
    assert remind(django_capture_on_commit_callbacks, datetime.date(2026, 3, 24)) == 1
    (message,) = reminders_to("editor@ilponte.example.org")
    assert message.subject == "Closing on March 29, 2026: Bakery assistant"


def test_a_draft_waiting_for_approval_keeps_its_changes_and_gets_the_new_date(
    client, placement, django_capture_on_commit_callbacks
):
    draft = OpportunityPage.objects.get(pk=placement.pk).specific
    draft.summary = "A new summary, not yet approved."
    draft.save_revision()
    remind(django_capture_on_commit_callbacks)
    client.post(extend_link(mail.outbox[0]))

    live = OpportunityPage.objects.get(pk=placement.pk).specific
    assert live.summary == placement.summary  # the unapproved text is not published
    assert live.closes_on == datetime.date(2026, 3, 29)
    latest = live.get_latest_revision_as_object()
    assert (latest.summary, latest.closes_on) == (
        "A new summary, not yet approved.",
        datetime.date(2026, 3, 29),
    )
    assert live.has_unpublished_changes


@pytest.mark.parametrize("case", ["forged", "someone else's id", "no longer a member", "closed"])
def test_an_extension_link_is_refused_unless_signed_for_a_current_member_in_time(
    client, clock, placement, django_capture_on_commit_callbacks, case
):
    remind(django_capture_on_commit_callbacks)
    link = extend_link(reminders_to("editor@ilponte.example.org")[0])
    notice = DeadlineNotice.objects.get()
    if case == "forged":
        link = link[:-6] + "xxxxx/"
    elif case == "someone else's id":
        # A real signature for an account that is not a member.
        link = f"/alerts/extend/{tokens.extension_token(notice, verified_user())}/"
    elif case == "no longer a member":
        Membership.objects.filter(user__email="editor@ilponte.example.org").delete()
    else:
        clock.move_to(START + datetime.timedelta(days=6))

    assert client.post(link).status_code == 410
    assert OpportunityPage.objects.get(pk=placement.pk).closes_on == datetime.date(2026, 3, 15)
    assert not PageLogEntry.objects.filter(action="alerts.extend_deadline").exists()
    assert DeadlineNotice.objects.get().extended_at is None


# --- After closing -------------------------------------------------------------------


def test_the_organisation_gets_a_summary_once_it_has_closed(
    clock, placement, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert lifecycle.send_summaries(datetime.date(2026, 3, 15)) == 0  # its last day
        assert lifecycle.send_summaries(datetime.date(2026, 3, 16)) == 1
        assert lifecycle.send_summaries(datetime.date(2026, 3, 17)) == 0
    (message,) = reminders_to("editor@ilponte.example.org")
    assert message.subject == "Closed: Bakery assistant"
    assert "closed on March 15, 2026" in message.body
    assert "It received 0 responses." in message.body


def test_the_summary_counts_the_responses_in_every_language(
    placement, organisation, django_capture_on_commit_callbacks
):
    from cooperativa.participation import services as participation

    italian = translate_page(placement)
    for page in (placement, placement, italian):
        participation.submit_response(
            page,
            organisation,
            token=uuid.uuid4(),
            fields={"name": "M. R.", "contact_route": "email", "email": "mr@example.org"},
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.send_summaries(datetime.date(2026, 3, 16))
    assert "It received 3 responses." in reminders_to("editor@ilponte.example.org")[0].body


# --- Wagtail's scheduled publishing runs on beat ---------------------------------------


def test_scheduled_publishing_is_on_beat_and_publishes_when_due(clock, organisation):
    entry = settings.CELERY_BEAT_SCHEDULE["publish-scheduled-pages"]
    assert entry["task"] == "cooperativa.notifications.tasks.publish_scheduled_pages"
    assert entry["schedule"] <= 600
    for name in ("send-immediate-alerts", "send-alert-digests", "send-deadline-notices"):
        task = settings.CELERY_BEAT_SCHEDULE[name]["task"]
        assert task.startswith("cooperativa.alerts.tasks.")

    from celery import current_app

    page = create_placement(parent=partner_page(organisation), title="Scheduled placement")
    page.unpublish()
    page = page.specific
    page.go_live_at = START + datetime.timedelta(hours=1)
    page.save_revision().publish()  # with a future go-live: scheduled, not live
    assert not OpportunityPage.objects.get(pk=page.pk).live

    publish = current_app.tasks[entry["task"]]
    publish.apply()
    assert not OpportunityPage.objects.get(pk=page.pk).live
    clock.move_to(START + datetime.timedelta(hours=1, minutes=5))
    publish.apply()
    assert OpportunityPage.objects.get(pk=page.pk).live


def test_log_actions_are_registered():
    from wagtail.log_actions import registry

    assert registry.get_action_label("alerts.extend_deadline") == "Extend closing date"
    assert ModelLogEntry  # the alert's own entries use the model log
