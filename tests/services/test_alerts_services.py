"""Alert emails under faults, with a real broker, worker, database and
mail server.

The tests run their own Redis (a ``redis-server`` on a free port, which they
stop and start) and their own Celery worker on it, which they kill; the
shared Redis of the run is never touched. The mail server is aiosmtpd, made
to refuse or to hold a delivery on demand. Where a job waits for time to
pass (a dead worker's claim, a back-off), the test moves the rows' clock
instead of the processes': it sets the time the row waits for into the
past, as if those minutes had gone by.
"""

import asyncio
import datetime
import os
import signal
import sys
import threading
import uuid
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
import redis
from celery import current_app
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.test import Client
from django.utils import timezone

from cooperativa.alerts import lifecycle, services
from cooperativa.alerts.models import Alert
from cooperativa.notifications.models import OutboxEmail
from cooperativa.notifications.tasks import requeue_pending_emails
from cooperativa.opportunities.models import OpportunityPage
from partners.models import PartnerPage
from tests.factories import (
    add_member,
    create_approved_organisation,
    create_hub,
    create_partner_page,
    create_placement,
    verified_user,
)
from tests.services.conftest import process_environment
from tests.services.support import (
    WORKER_START_TIMEOUT,
    Mailbox,
    ServiceProcess,
    Worker,
    free_port,
    wait_until,
)

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BATCH = 100
# Generous: a worker reconnecting to a broker that was away backs off for
# up to half a minute between attempts.
RECOVERY_TIMEOUT = 180


# --- The mail server, made to misbehave ---------------------------------------------------


@dataclass
class UnreliableMailbox(Mailbox):
    """A Mailbox that can refuse every message for a while (451, as a busy
    server does) or hold the delivery after ``hold_after`` messages at the
    RCPT command, until released, so that a test can kill the sender then."""

    refusing: bool = False
    refused: int = 0
    hold_after: int | None = None
    held: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if self.hold_after is not None and len(self.messages) >= self.hold_after:
            self.held.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.refusing:
            self.refused += 1
            return "451 4.3.0 Temporary local problem, try again later"
        return await super().handle_DATA(server, session, envelope)

    def count_to(self, address):
        with self._lock:
            return sum(1 for message in self.messages if address in message.rcpt_tos)

    def recipients(self):
        with self._lock:
            return Counter(address for message in self.messages for address in message.rcpt_tos)


@pytest.fixture(scope="module")
def mailbox():
    from aiosmtpd.controller import Controller

    box = UnreliableMailbox(port=free_port())
    controller = Controller(box, hostname=box.host, port=box.port)
    controller.start()
    try:
        yield box
    finally:
        box.release.set()
        controller.stop()


@pytest.fixture
def smtp(mailbox):
    """The module's mail server, emptied and well-behaved for each test."""
    with mailbox._lock:
        mailbox.messages.clear()
    mailbox.refusing, mailbox.refused, mailbox.hold_after = False, 0, None
    mailbox.held.clear()
    mailbox.release.clear()
    yield mailbox
    mailbox.release.set()


# --- A broker of our own --------------------------------------------------------------


class RedisServer(ServiceProcess):
    """A private ``redis-server`` without persistence, on a fixed port so
    that it can be stopped and started again where clients expect it."""

    name = "Redis"

    def __init__(self, port, log_path):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        command = [
            "redis-server", "--port", str(port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no",
        ]  # fmt: skip
        super().__init__(command, os.environ.copy(), log_path)
        wait_until(self.answers, f"Redis on port {port}", self)

    def answers(self):
        try:
            return redis.Redis.from_url(self.url, socket_connect_timeout=1).ping()
        except redis.RedisError:
            return False


class Broker:
    """Starts and stops the private Redis; the test process publishes to it."""

    def __init__(self, log_dir):
        self.port = free_port()
        self.log_dir = log_dir
        self.server = None
        self.starts = 0

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.starts += 1
        self.server = RedisServer(self.port, self.log_dir / f"redis-{self.starts}.log")

    def stop(self):
        self.server.stop()
        assert not self.server.answers()


def publish_to(url):
    """Make this process's Celery app publish to ``url`` (from the next
    task). Celery reads the broker's address from the environment first."""
    os.environ["CELERY_BROKER_URL"] = url
    current_app._pool = None
    current_app.amqp._producer_pool = None


@pytest.fixture(scope="module")
def broker(django_db_setup, tmp_path_factory):
    shared = os.environ["CELERY_BROKER_URL"]
    own = Broker(tmp_path_factory.mktemp("redis"))
    own.start()
    publish_to(own.url)
    try:
        yield own
    finally:
        publish_to(shared)
        if own.server is not None:
            own.server.stop()


class Workers:
    """The Celery worker of these tests, on the private broker; it can be
    killed (SIGKILL) and started again."""

    def __init__(self, broker, mailbox, log_dir, **env):
        self.env = {
            **process_environment(),
            "CELERY_BROKER_URL": broker.url,
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": mailbox.host,
            "EMAIL_PORT": str(mailbox.port),
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_USE_TLS": "0",
            "EMAIL_USE_SSL": "0",
            **env,
        }
        self.log_dir = log_dir
        self.current = None
        self.started = 0

    def start(self):
        self.started += 1
        command = [
            sys.executable, "-m", "celery", "-A", "cooperativa", "worker",
            "--pool=solo", "--concurrency=1", "--loglevel=INFO",
            "--hostname", f"alerts-{uuid.uuid4().hex[:8]}@%h",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
        ]  # fmt: skip
        self.current = Worker(command, self.env, self.log_dir / f"worker-{self.started}.log")
        wait_until(
            lambda: " ready." in self.current.output(),
            "the Celery worker to be ready",
            process=self.current,
            timeout=WORKER_START_TIMEOUT,
        )
        return self.current

    def kill(self):
        self.current.process.send_signal(signal.SIGKILL)
        self.current.process.wait(timeout=30)

    def stop(self):
        if self.current is not None:
            self.current.stop()


@pytest.fixture
def workers(broker, mailbox, tmp_path):
    pool = Workers(broker, mailbox, tmp_path, ALERTS_DIGEST_HOUR="0")
    pool.start()
    try:
        yield pool
    finally:
        pool.stop()


# --- The world ------------------------------------------------------------------------


def hub():
    return create_hub("placement")


def confirmed_alerts(count, *, created=None, **fields):
    created = created or timezone.now() - datetime.timedelta(hours=1)
    alerts = Alert.objects.bulk_create(
        Alert(
            hub=fields.get("hub") or hub(),
            email=f"reader{number}-{uuid.uuid4().hex[:6]}@example.org",
            name=f"Alert {number}",
            language="en",
            frequency=fields.get("frequency", Alert.Frequency.IMMEDIATE),
            confirmed_at=created,
        )
        for number in range(count)
    )
    # auto_now_add cannot be set at creation: the alerts were made an hour ago.
    Alert.objects.filter(pk__in=[alert.pk for alert in alerts]).update(created_at=created)
    return list(Alert.objects.filter(pk__in=[alert.pk for alert in alerts]))


def digests_for(alerts):
    """One digest email per alert, as beat's job queues them (committed)."""
    create_placement(parent=create_partner_page(), title=f"Kitchen porter {uuid.uuid4().hex[:6]}")
    for alert in alerts:
        services.send_alert(alert.pk)
    rows = OutboxEmail.objects.filter(recipients__in=[[alert.email] for alert in alerts])
    assert rows.count() == len(alerts)
    return rows


def wait_for_all(smtp, addresses, process, timeout=RECOVERY_TIMEOUT):
    wait_until(
        lambda: all(smtp.count_to(address) for address in addresses),
        f"{len(addresses)} recipients to get their email",
        process=process,
        timeout=timeout,
    )


def wait_until_all_sent(rows_filter, count, process):
    wait_until(
        lambda: (
            OutboxEmail.objects.filter(rows_filter, status=OutboxEmail.Status.SENT).count() == count
        ),
        f"{count} outbox rows marked sent",
        process=process,
        timeout=RECOVERY_TIMEOUT,
    )


def expire_claims_and_back_offs():
    """Minutes later, as far as the outbox can tell: the claims of a dead
    worker and the pauses after failures are over."""
    past = timezone.now() - datetime.timedelta(seconds=1)
    return OutboxEmail.objects.exclude(status=OutboxEmail.Status.SENT).update(next_attempt_at=past)


# --- The broker stops ------------------------------------------------------------------


def test_alert_emails_asked_for_while_the_broker_is_down_all_leave_once_when_it_is_back(
    broker, workers, smtp
):
    target = hub()
    addresses = [f"visitor{number}-{uuid.uuid4().hex[:6]}@example.org" for number in range(BATCH)]
    broker.stop()
    try:
        visitor = Client()
        for address in addresses:
            response = visitor.post(
                "/alerts/new/",
                {"hub": target.pk, "query": "", "email": address, "frequency": "daily"},
            )
            # Every request succeeds: the person sees "check your email".
            assert response.status_code == 200
            assert b"Check your email" in response.content
        rows = OutboxEmail.objects.filter(recipients__in=[[address] for address in addresses])
        assert rows.count() == BATCH
        assert set(rows.values_list("status", flat=True)) == {OutboxEmail.Status.PENDING}
        assert smtp.messages == []
    finally:
        broker.start()

    # Beat's next run, through the broker that is back.
    requeue_pending_emails.delay()
    wait_for_all(smtp, addresses, workers.current)
    wait_until_all_sent(
        Q(recipients__in=[[address] for address in addresses]), BATCH, workers.current
    )
    # A second run finds nothing to do; nobody got two.
    requeue_pending_emails.delay()
    received = smtp.recipients()
    assert sorted(received) == sorted(addresses)
    assert set(received.values()) == {1}
    assert all("/alerts/confirm/" in message.text for message in smtp.messages)


# --- A worker dies mid-batch ----------------------------------------------------------------


def test_a_worker_killed_while_sending_a_batch_leaves_every_message_sent_exactly_once(
    broker, workers, smtp
):
    smtp.hold_after = 40
    alerts = confirmed_alerts(BATCH)
    with transaction.atomic():
        rows = digests_for(alerts)
    ids = list(rows.values_list("pk", flat=True))

    # The worker is in the middle of the 41st delivery: kill it there.
    wait_until(smtp.held.is_set, "the 41st delivery to start", process=workers.current)
    workers.kill()
    smtp.hold_after = None
    smtp.release.set()
    assert len(smtp.messages) == 40
    stuck = OutboxEmail.objects.filter(pk__in=ids, status=OutboxEmail.Status.SENDING)
    assert stuck.count() == 1

    workers.start()
    # The queued tasks go on; the dead worker's row waits for its claim to
    # expire, then beat offers it again.
    wait_until(
        lambda: (
            OutboxEmail.objects.filter(pk__in=ids, status=OutboxEmail.Status.SENT).count()
            == BATCH - 1
        ),
        "the rest of the batch",
        process=workers.current,
        timeout=RECOVERY_TIMEOUT,
    )
    expire_claims_and_back_offs()
    requeue_pending_emails.delay()
    wait_until_all_sent(Q(pk__in=ids), BATCH, workers.current)

    received = smtp.recipients()
    assert sorted(received) == sorted(alert.email for alert in alerts)
    assert set(received.values()) == {1}
    for message in smtp.messages:
        assert str(message.message["List-Unsubscribe"]).strip().startswith("<http://")
        assert message.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


# --- The mail server refuses for a while --------------------------------------------------


def test_a_refusing_mail_server_is_retried_with_growing_pauses_and_gets_it_once(
    broker, workers, smtp
):
    smtp.refusing = True
    (alert,) = confirmed_alerts(1)
    with transaction.atomic():
        (row,) = digests_for([alert])

    def attempts_made(number):
        wait_until(
            lambda: (
                OutboxEmail.objects.get(pk=row.pk).attempts == number
                and OutboxEmail.objects.get(pk=row.pk).status == OutboxEmail.Status.PENDING
            ),
            f"attempt {number} to fail",
            process=workers.current,
        )
        failed = OutboxEmail.objects.get(pk=row.pk)
        assert "451" in failed.last_error
        return (failed.next_attempt_at - timezone.now()).total_seconds()

    first_pause = attempts_made(1)
    assert 100 < first_pause <= 120
    expire_claims_and_back_offs()
    requeue_pending_emails.delay()
    second_pause = attempts_made(2)
    assert 220 < second_pause <= 240  # doubled
    assert smtp.refused == 2

    smtp.refusing = False
    expire_claims_and_back_offs()
    requeue_pending_emails.delay()
    smtp.wait_for(OutboxEmail.objects.get(pk=row.pk).subject, worker=workers.current)
    wait_until(
        lambda: OutboxEmail.objects.get(pk=row.pk).status == OutboxEmail.Status.SENT,
        "the row to be marked sent",
        process=workers.current,
    )
    requeue_pending_emails.delay()
    assert smtp.count_to(alert.email) == 1
    assert OutboxEmail.objects.get(pk=row.pk).attempts == 3


# --- Beat's jobs ----------------------------------------------------------------------------


def run_beat_entry(name, worker):
    """Send the task of one of beat's schedule entries to the worker, as
    beat does at its time, and wait until the worker has finished it."""
    task = settings.CELERY_BEAT_SCHEDULE[name]["task"]
    done = worker.output().count(f"Task {task}[")
    current_app.send_task(task)
    wait_until(
        lambda: worker.output().count(f"Task {task}[") >= done + 2,  # received, then succeeded
        f"{name} to run",
        process=worker,
        timeout=RECOVERY_TIMEOUT,
    )


def subjects_to(smtp, address):
    with smtp._lock:
        return sorted(m.message["Subject"] for m in smtp.messages if address in m.rcpt_tos)


def test_beats_jobs_do_what_they_claim_with_shifted_time(broker, workers, smtp):
    today = timezone.localdate()
    admin = verified_user(email=f"admin-{uuid.uuid4().hex[:6]}@example.org")
    organisation = create_approved_organisation(admin, name=f"Il Ponte {uuid.uuid4().hex[:4]}")
    editor = add_member(organisation, verified_user(email=f"ed-{uuid.uuid4().hex[:6]}@example.org"))
    partner = PartnerPage.objects.get(organisation=organisation, locale__language_code="en")
    placements = hub()
    closing = create_placement(
        parent=partner, title="Closing soon", closes_on=today + datetime.timedelta(days=5)
    )
    create_placement(
        parent=partner, title="Closed yesterday", closes_on=today - datetime.timedelta(days=1)
    )
    # Scheduled to go live in an hour, then the clock moves on: its time has come.
    scheduled = create_placement(parent=partner, title="Scheduled")
    scheduled.unpublish()
    scheduled = OpportunityPage.objects.get(pk=scheduled.pk).specific
    scheduled.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = scheduled.save_revision()
    revision.publish()
    assert not OpportunityPage.objects.get(pk=scheduled.pk).live
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.refresh_from_db()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    OpportunityPage.objects.filter(pk=scheduled.pk).update(go_live_at=past)
    # A daily alert made two days ago, an immediate one an hour ago.
    (daily,) = confirmed_alerts(
        1,
        hub=placements,
        frequency=Alert.Frequency.DAILY,
        created=timezone.now() - datetime.timedelta(days=2),
    )
    (immediate,) = confirmed_alerts(1, hub=placements)

    run_beat_entry("publish-scheduled-pages", workers.current)
    assert OpportunityPage.objects.get(pk=scheduled.pk).live

    for _twice in range(2):
        for name in ("send-immediate-alerts", "send-alert-digests", "send-deadline-notices"):
            run_beat_entry(name, workers.current)
        run_beat_entry("requeue-pending-emails", workers.current)

    def delivered():
        return (
            subjects_to(smtp, immediate.email)
            and subjects_to(smtp, daily.email)
            and OutboxEmail.objects.exclude(status=OutboxEmail.Status.SENT).count() == 0
        )

    wait_until(delivered, "every email", process=workers.current, timeout=RECOVERY_TIMEOUT)
    assert subjects_to(smtp, immediate.email) == ["2 new opportunities: Alert 0"]
    assert subjects_to(smtp, daily.email) == ["2 new opportunities: Alert 0"]
    digest = next(m for m in smtp.messages if immediate.email in m.rcpt_tos)
    assert "Closing soon" in digest.text and "Scheduled" in digest.text
    assert "Closed yesterday" not in digest.text
    for member in (admin, editor):
        mine = subjects_to(smtp, member.email)
        assert [subject for subject in mine if subject.startswith("Clos")] == [
            "Closed: Closed yesterday",
            f"Closing on {lifecycle._local_date(closing.closes_on)}: Closing soon",
        ]
    assert Alert.objects.get(pk=daily.pk).last_period == today.isoformat()

    # The reminder's link, followed: the new date is live.
    reminder = next(
        m
        for m in smtp.messages
        if editor.email in m.rcpt_tos and "Closing on" in m.message["Subject"]
    )
    extend_path = next(
        urlsplit(word).path for word in reminder.text.split() if "/alerts/extend/" in word
    )
    assert Client().post(extend_path).status_code == 200
    assert OpportunityPage.objects.get(pk=closing.pk).closes_on == (
        today + datetime.timedelta(days=5) + lifecycle.EXTENSION
    )
