"""The email outbox with a real broker, worker, database and mail server.

An email queued in a committed transaction reaches the SMTP server through
Redis and the worker; one queued while the broker is unreachable waits in
PostgreSQL and leaves once ``requeue_pending_emails`` runs against the
broker again. The tests are transactional so that the worker, another
process, sees their rows.
"""

import logging
import uuid
from unittest import mock

import pytest
from django.core.mail import send_mail
from django.db import transaction

from cooperativa.notifications.email import message_id, queue_email
from cooperativa.notifications.models import OutboxEmail
from cooperativa.notifications.tasks import requeue_pending_emails, send_outbox_email
from tests.services.support import free_port, wait_until

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BODY = "Your organisation is approved. Its page is ready for your first placement."
HTML_BODY = "<p>Your organisation is approved. Its page is ready for your first placement.</p>"
ADDRESS = "admin@ilponte.example.org"


def unique(subject):
    # A message left in the mail server by an earlier run cannot pass for this one.
    return f"{subject} ({uuid.uuid4().hex[:8]})"


def wait_until_sent(email, worker):
    wait_until(
        lambda: OutboxEmail.objects.get(pk=email.pk).status == OutboxEmail.Status.SENT,
        f"outbox email {email.pk} to be marked sent",
        process=worker,
    )


def test_a_queued_email_leaves_through_the_worker_once_committed(
    celery_worker, smtp_server, mailoutbox
):
    subject = unique("Il Ponte is approved")

    with transaction.atomic():
        email = queue_email(subject, BODY, [ADDRESS], html_body=HTML_BODY)
        # Not before the commit: the worker could not even see the row.
        assert smtp_server.find(subject) is None

    received = smtp_server.wait_for(subject, worker=celery_worker)
    assert received.rcpt_tos == [ADDRESS]
    assert BODY in received.text
    assert HTML_BODY in received.html
    wait_until_sent(email, celery_worker)
    sent = OutboxEmail.objects.get(pk=email.pk)
    assert sent.attempts == 1
    assert received.message["Message-ID"].split("@")[0] == message_id(sent).split("@")[0]
    # This process sent nothing itself: the broker carried the task.
    assert mailoutbox == []


def test_an_email_queued_while_the_broker_is_down_leaves_when_it_is_back(
    celery_worker, smtp_server, caplog
):
    subject = unique("Il Ponte has a question about your application")
    dead_broker = f"redis://127.0.0.1:{free_port()}/0"
    publish = send_outbox_email.apply_async

    def publish_to_dead_broker(*args, **kwargs):
        # The real producer against a port where nothing listens: kombu
        # fails as it does when Redis is down.
        with send_outbox_email.app.connection_for_write(dead_broker) as connection:
            return publish(*args, connection=connection, **kwargs)

    with (
        caplog.at_level(logging.WARNING, logger="cooperativa.notifications.email"),
        mock.patch.object(send_outbox_email, "apply_async", publish_to_dead_broker),
        transaction.atomic(),
    ):
        email = queue_email(subject, BODY, [ADDRESS])

    assert "the broker could not be reached" in caplog.text
    waiting = OutboxEmail.objects.get(pk=email.pk)
    assert waiting.status == OutboxEmail.Status.PENDING
    assert waiting.attempts == 0
    assert smtp_server.find(subject) is None

    # Beat's next run, through the broker that is back.
    requeue_pending_emails.delay()

    received = smtp_server.wait_for(subject, worker=celery_worker)
    assert received.rcpt_tos == [ADDRESS]
    wait_until_sent(email, celery_worker)
    assert OutboxEmail.objects.get(pk=email.pk).attempts == 1


def test_django_send_mail_leaves_over_smtp_through_the_outbox_and_the_worker(
    celery_worker, smtp_server, mailoutbox, settings
):
    """What Wagtail and Django send (django.core.mail with EMAIL_BACKEND)
    takes the same road as queue_email: a row, the broker, the worker."""
    # As in every settings module; pytest-django put locmem in its place.
    settings.EMAIL_BACKEND = "cooperativa.notifications.backends.OutboxEmailBackend"
    subject = unique("The page Il Ponte has been submitted for approval")

    with transaction.atomic():
        assert send_mail(subject, BODY, "Cooperativa <moderation@example.org>", [ADDRESS]) == 1
        email = OutboxEmail.objects.get(subject=subject)
        assert smtp_server.find(subject) is None

    received = smtp_server.wait_for(subject, worker=celery_worker)
    assert received.rcpt_tos == [ADDRESS]
    assert received.mail_from == "moderation@example.org"
    assert BODY in received.text
    wait_until_sent(email, celery_worker)
    sent = OutboxEmail.objects.get(pk=email.pk)
    assert received.message["Message-ID"].split("@")[0] == message_id(sent).split("@")[0]
    # Nothing left this process: pytest-django's locmem backend was not used.
    assert mailoutbox == []
