"""The email outbox: an email exists exactly when its transaction commits,
leaves once, and is never lost to a broker outage, a mail server failure or
a worker that dies mid-send.

The default suite runs Celery eagerly: ``.delay`` sends inline, as in the
embedded default. The services layer repeats the essentials with a real
broker, worker and SMTP server (tests/services/test_outbox_services.py).
"""

import datetime
import io
import logging
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from cooperativa.notifications import email as outbox
from cooperativa.notifications.email import broker_pause, queue_email
from cooperativa.notifications.models import OutboxEmail
from cooperativa.notifications.tasks import (
    purge_sent_emails,
    requeue_pending_emails,
    send_outbox_email,
)
from tests.factories import moderator, verified_user
from tests.helpers import mail_server_refuses, sign_in_with_mfa

pytestmark = pytest.mark.django_db

SUBJECT = "Your interest in the laundry placement"
BODY = "Thank you. Cooperativa Il Ponte will write to you within five working days."
HTML_BODY = "<p>Thank you. Cooperativa Il Ponte will write to you within five working days.</p>"
ADDRESS = "volunteer@example.org"
MAX_ATTEMPTS = outbox.DEFAULTS["OUTBOX_MAX_ATTEMPTS"]
START = datetime.datetime(2025, 3, 3, 9, 0, tzinfo=datetime.UTC)


def broker_down():
    return mock.patch.object(
        send_outbox_email,
        "apply_async",
        side_effect=OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused."),
    )


def queued_while_broker_down(capture, **kwargs):
    with broker_down(), capture(execute=True):
        return queue_email(SUBJECT, BODY, [ADDRESS], **kwargs)


def row(email):
    return OutboxEmail.objects.get(pk=email.pk)


# --- Queueing in the caller's transaction ----------------------------------------


def test_a_rolled_back_transaction_sends_nothing_and_leaves_no_row(
    django_capture_on_commit_callbacks,
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue_email(SUBJECT, BODY, [ADDRESS])
        raise RuntimeError("the organisation could not be saved")

    assert not OutboxEmail.objects.exists()
    assert mail.outbox == []


def test_nothing_leaves_before_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = queue_email(SUBJECT, BODY, [ADDRESS])

    assert row(email).status == OutboxEmail.Status.PENDING
    assert mail.outbox == []
    callbacks[0]()
    assert len(mail.outbox) == 1


def test_on_commit_the_email_is_sent_once_and_marked_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(SUBJECT, BODY, [ADDRESS, "tutor@example.org"], html_body=HTML_BODY)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == SUBJECT
    assert message.to == [ADDRESS, "tutor@example.org"]
    assert message.body == BODY
    assert message.alternatives[0].content == HTML_BODY
    sent = row(email)
    assert sent.status == OutboxEmail.Status.SENT
    assert sent.sent_at is not None
    assert sent.attempts == 1
    assert message.extra_headers["Message-ID"] == outbox.message_id(sent)


def test_a_duplicate_task_sends_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(SUBJECT, BODY, [ADDRESS])

    result = send_outbox_email.delay(email.pk)

    assert result.get() == "skipped"
    assert len(mail.outbox) == 1
    assert row(email).attempts == 1


def test_two_tasks_for_one_waiting_email_send_it_once(django_capture_on_commit_callbacks):
    email = queued_while_broker_down(django_capture_on_commit_callbacks)

    outcomes = [send_outbox_email.delay(email.pk).get() for _ in range(2)]

    assert outcomes == ["sent", "skipped"]
    assert len(mail.outbox) == 1


def test_the_same_key_sends_one_email(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = queue_email(SUBJECT, BODY, [ADDRESS], key="organisation-approved:42")
        second = queue_email(SUBJECT, BODY, [ADDRESS], key="organisation-approved:42")
    with django_capture_on_commit_callbacks(execute=True):
        later = queue_email(SUBJECT, BODY, [ADDRESS], key="organisation-approved:42")

    assert first.pk == second.pk == later.pk
    assert OutboxEmail.objects.count() == 1
    assert len(mail.outbox) == 1


def test_different_keys_send_different_emails(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(SUBJECT, BODY, [ADDRESS], key="organisation-approved:42")
        queue_email(SUBJECT, BODY, [ADDRESS], key="organisation-approved:43")
        queue_email(SUBJECT, BODY, [ADDRESS])

    assert len(mail.outbox) == 3


# --- The broker is down ---------------------------------------------------------


def test_a_broker_outage_leaves_the_email_waiting_and_the_request_succeeds(
    client, django_capture_on_commit_callbacks, caplog
):
    verified_user(email="known@example.org")

    with (
        broker_down(),
        django_capture_on_commit_callbacks(execute=True),
        caplog.at_level(logging.WARNING, logger="cooperativa.notifications.email"),
    ):
        response = client.post(reverse("account_reset_password"), {"email": "known@example.org"})

    assert response.status_code == 302
    waiting = OutboxEmail.objects.get()
    assert waiting.status == OutboxEmail.Status.PENDING
    assert waiting.recipients == ["known@example.org"]
    assert mail.outbox == []
    assert "the broker could not be reached" in caplog.text

    # The broker is back: beat's next run sends it.
    requeue_pending_emails.delay()

    assert [message.to for message in mail.outbox] == [["known@example.org"]]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
    assert row(waiting).status == OutboxEmail.Status.SENT


def test_requeue_stops_while_the_broker_is_still_down(django_capture_on_commit_callbacks):
    first = queued_while_broker_down(django_capture_on_commit_callbacks)
    second = queued_while_broker_down(django_capture_on_commit_callbacks)

    with broker_down() as delay:
        assert requeue_pending_emails() == 0

    assert delay.call_count == 1
    assert {row(first).status, row(second).status} == {OutboxEmail.Status.PENDING}


def test_after_an_outage_a_process_stops_trying_the_broker_for_a_while(
    django_capture_on_commit_callbacks, monkeypatch
):
    """Three emails of one request during an outage: the broker is tried
    once, not three times, and all three wait; the requeue tries anyway and
    sends them; after the pause a new email is handed to the broker again."""
    clock = [1000.0]
    monkeypatch.setattr(broker_pause, "clock", lambda: clock[0])

    with broker_down() as delay, django_capture_on_commit_callbacks(execute=True):
        emails = [queue_email(SUBJECT, BODY, [f"member-{n}@example.org"]) for n in range(3)]

    assert delay.call_count == 1
    assert {row(email).status for email in emails} == {OutboxEmail.Status.PENDING}
    assert mail.outbox == []

    # Still paused: a new email is not tried either...
    clock[0] += 10
    with broker_down() as delay, django_capture_on_commit_callbacks(execute=True):
        later = queue_email(SUBJECT, BODY, [ADDRESS])
    assert delay.call_count == 0
    # ...but beat's requeue is how waiting rows leave, so it tries.
    assert requeue_pending_emails() == 4
    assert len(mail.outbox) == 4
    assert row(later).status == OutboxEmail.Status.SENT

    # The broker answered: new emails go straight to it again.
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(SUBJECT, BODY, [ADDRESS])
    assert len(mail.outbox) == 5


def test_publishing_during_an_outage_leaves_immediate_alerts_to_beat(
    django_capture_on_commit_callbacks, caplog
):
    """The same rule for the other work a request hands to the broker: a
    publication during an outage succeeds, tries the broker once, and the
    emails queued after it in the same pause are not tried at all."""
    from cooperativa.alerts.tasks import send_immediate_alerts
    from tests.factories import create_placement

    refused = OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    with (
        mock.patch.object(send_immediate_alerts, "apply_async", side_effect=refused) as alerts,
        broker_down() as emails,
        caplog.at_level(logging.WARNING, logger="cooperativa.notifications.email"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        create_placement(title="Kitchen assistant").save_revision().publish()
    with broker_down() as emails, django_capture_on_commit_callbacks(execute=True):
        queue_email(SUBJECT, BODY, [ADDRESS])

    assert alerts.call_count == 1
    assert emails.call_count == 0
    assert "Immediate alerts (beat's next run sends them) waits" in caplog.text


def test_the_pause_ends_by_itself(django_capture_on_commit_callbacks, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(broker_pause, "clock", lambda: clock[0])
    queued_while_broker_down(django_capture_on_commit_callbacks)

    clock[0] += 31
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(SUBJECT, BODY, [ADDRESS])

    assert [message.to for message in mail.outbox] == [[ADDRESS]]


def test_the_management_command_sends_waiting_emails_without_a_broker(
    django_capture_on_commit_callbacks,
):
    email = queued_while_broker_down(django_capture_on_commit_callbacks)
    out = io.StringIO()

    with broker_down():
        call_command("send_pending_emails", stdout=out)

    assert row(email).status == OutboxEmail.Status.SENT
    assert len(mail.outbox) == 1
    assert "Sent 1," in out.getvalue()


# --- The mail server fails ------------------------------------------------------


def test_a_mail_server_failure_is_recorded_and_retried_with_growing_pauses(
    django_capture_on_commit_callbacks,
):
    with time_machine.travel(START, tick=False), mail_server_refuses():
        with django_capture_on_commit_callbacks(execute=True):
            email = queue_email(SUBJECT, BODY, [ADDRESS])
        waiting = row(email)
        assert waiting.status == OutboxEmail.Status.PENDING
        assert waiting.attempts == 1
        assert waiting.last_error == "SMTPException: 451 4.3.0 Temporary local problem"
        assert waiting.next_attempt_at == START + datetime.timedelta(minutes=2)
        # Beat runs before the pause is over: nothing is tried.
        requeue_pending_emails()
        assert row(email).attempts == 1

    pauses = []
    now = waiting.next_attempt_at
    while row(email).status == OutboxEmail.Status.PENDING:
        with time_machine.travel(now, tick=False), mail_server_refuses():
            requeue_pending_emails()
        current = row(email)
        if current.next_attempt_at:
            pauses.append(current.next_attempt_at - now)
            now = current.next_attempt_at

    failed = row(email)
    assert failed.status == OutboxEmail.Status.FAILED
    assert failed.attempts == MAX_ATTEMPTS
    assert failed.next_attempt_at is None
    assert failed.last_error.startswith("SMTPException")
    assert [pause.total_seconds() / 60 for pause in pauses] == [4, 8, 16, 32, 64, 128]
    assert mail.outbox == []


def test_an_email_sent_after_a_failure_forgets_the_error(django_capture_on_commit_callbacks):
    with (
        time_machine.travel(START, tick=False),
        mail_server_refuses(),
        django_capture_on_commit_callbacks(execute=True),
    ):
        email = queue_email(SUBJECT, BODY, [ADDRESS])
    with time_machine.travel(START + datetime.timedelta(minutes=2), tick=False):
        requeue_pending_emails()

    sent = row(email)
    assert sent.status == OutboxEmail.Status.SENT
    assert sent.attempts == 2
    assert sent.last_error == ""
    assert len(mail.outbox) == 1


# --- A worker dies while sending --------------------------------------------------


def crash_while_sending(email):
    """The worker process dies inside the mail backend: nothing after it runs."""
    with mock.patch.object(outbox, "deliver", side_effect=SystemExit), pytest.raises(SystemExit):
        outbox.send_queued(email.pk)


def test_an_email_whose_worker_died_is_sent_after_the_claim_expires(
    django_capture_on_commit_callbacks,
):
    with time_machine.travel(START, tick=False):
        email = queued_while_broker_down(django_capture_on_commit_callbacks)
        crash_while_sending(email)
        assert row(email).status == OutboxEmail.Status.SENDING

    # Within the claim the worker may still be alive and sending: hands off.
    with time_machine.travel(START + datetime.timedelta(minutes=9), tick=False):
        requeue_pending_emails()
        assert row(email).status == OutboxEmail.Status.SENDING
        assert mail.outbox == []

    with time_machine.travel(START + datetime.timedelta(minutes=10), tick=False):
        requeue_pending_emails()

    recovered = row(email)
    assert recovered.status == OutboxEmail.Status.SENT
    assert recovered.attempts == 2
    assert len(mail.outbox) == 1


def test_an_email_that_kills_every_worker_is_given_up(django_capture_on_commit_callbacks):
    with time_machine.travel(START, tick=False):
        email = queued_while_broker_down(django_capture_on_commit_callbacks)
    now = START
    for _attempt in range(MAX_ATTEMPTS):
        with time_machine.travel(now, tick=False):
            crash_while_sending(email)
        now += datetime.timedelta(minutes=10)
        with time_machine.travel(now, tick=False):
            outbox.recover_stale()

    given_up = row(email)
    assert given_up.status == OutboxEmail.Status.FAILED
    assert given_up.attempts == MAX_ATTEMPTS
    assert "worker stopped" in given_up.last_error


# --- Retention --------------------------------------------------------------------


def test_purge_deletes_only_sent_emails_past_the_retention_period():
    now = timezone.now()

    def email(status, sent_days_ago=None, **fields):
        sent_at = now - datetime.timedelta(days=sent_days_ago) if sent_days_ago else None
        return OutboxEmail.objects.create(
            subject=SUBJECT, body=BODY, recipients=[ADDRESS], status=status, sent_at=sent_at
        )

    old_sent = email(OutboxEmail.Status.SENT, sent_days_ago=31)
    recent_sent = email(OutboxEmail.Status.SENT, sent_days_ago=29)
    pending = email(OutboxEmail.Status.PENDING)
    failed = email(OutboxEmail.Status.FAILED)
    OutboxEmail.objects.filter(pk__in=[pending.pk, failed.pk]).update(
        created_at=now - datetime.timedelta(days=90)
    )

    assert purge_sent_emails() == 1

    assert set(OutboxEmail.objects.values_list("pk", flat=True)) == {
        recent_sent.pk,
        pending.pk,
        failed.pk,
    }
    assert not OutboxEmail.objects.filter(pk=old_sent.pk).exists()


def test_the_beat_schedule_runs_the_outbox_tasks():
    from django.conf import settings

    tasks = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert tasks["cooperativa.notifications.tasks.requeue_pending_emails"] == 60
    assert tasks["cooperativa.notifications.tasks.purge_sent_emails"] == 24 * 60 * 60


# --- The admin --------------------------------------------------------------------

OUTBOX = "/admin/outbox/"


@pytest.fixture
def superuser_client(client):
    return sign_in_with_mfa(client, verified_user("root@example.org", is_superuser=True))


@pytest.fixture
def failed_email(django_capture_on_commit_callbacks):
    with mail_server_refuses(), django_capture_on_commit_callbacks(execute=True):
        email = queue_email(SUBJECT, BODY, ["refused@example.org"])
    OutboxEmail.objects.filter(pk=email.pk).update(
        status=OutboxEmail.Status.FAILED, attempts=MAX_ATTEMPTS, next_attempt_at=None
    )
    return row(email)


@pytest.mark.parametrize(
    ("who", "url", "allowed"),
    [
        ("superuser", "", True),
        ("superuser", "inspect/{pk}/", True),
        ("superuser", "edit/{pk}/", False),
        ("superuser", "delete/{pk}/", False),
        ("superuser", "new/", False),
        ("moderator", "", False),
        ("moderator", "inspect/{pk}/", False),
        ("moderator", "retry/{pk}/", False),
    ],
)
def test_only_superusers_see_the_outbox_and_nobody_edits_it(
    client, failed_email, who, url, allowed
):
    if who == "superuser":
        user = verified_user("root@example.org", is_superuser=True)
    else:
        user = moderator("moderator@example.org")
    sign_in_with_mfa(client, user)

    response = client.get(OUTBOX + url.format(pk=failed_email.pk))

    assert (response.status_code == 200) is allowed
    assert ("refused@example.org" in response.content.decode()) is allowed


def test_the_listing_filters_by_status_and_finds_an_address(
    superuser_client, failed_email, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        queue_email("Welcome to Cooperativa", BODY, ["welcome@example.org"])

    failed = superuser_client.get(OUTBOX, {"status": "failed"}).content.decode()
    found = superuser_client.get(OUTBOX, {"q": "welcome@"}).content.decode()

    assert "refused@example.org" in failed
    assert f"{OUTBOX}retry/{failed_email.pk}/" in failed
    assert "welcome@example.org" not in failed
    assert "welcome@example.org" in found
    assert "refused@example.org" not in found


def test_a_superuser_retries_a_failed_email(
    superuser_client, failed_email, django_capture_on_commit_callbacks
):
    inspect = superuser_client.get(f"{OUTBOX}inspect/{failed_email.pk}/").content.decode()
    assert "SMTPException: 451 4.3.0 Temporary local problem" in inspect
    retry_url = f"{OUTBOX}retry/{failed_email.pk}/"
    assert retry_url in inspect

    confirm = superuser_client.get(retry_url)
    assert confirm.status_code == 200
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(retry_url)

    assert response["Location"] == f"{OUTBOX}inspect/{failed_email.pk}/"
    assert [message.to for message in mail.outbox] == [["refused@example.org"]]
    sent = row(failed_email)
    assert sent.status == OutboxEmail.Status.SENT
    assert sent.attempts == 1


def test_a_sent_email_cannot_be_retried(superuser_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(SUBJECT, BODY, [ADDRESS])
        superuser_client.post(f"{OUTBOX}retry/{email.pk}/")

    assert len(mail.outbox) == 1
    assert row(email).attempts == 1
