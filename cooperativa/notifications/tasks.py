"""Celery tasks. They take ids and plain values, never model instances.

The email tasks are thin: the outbox's rules live in
``cooperativa.notifications.email``, where the management command
``send_pending_emails`` uses them too.
"""

from celery import shared_task
from django.core.management import call_command

from . import email


@shared_task(acks_late=True)
def send_outbox_email(outbox_id):
    """Send one outbox row, once, however often this task arrives.

    A failed attempt is not retried with Celery's ``retry``: the row itself
    holds the back-off (``next_attempt_at``) and ``requeue_pending_emails``
    enqueues it again when that time comes. The schedule so survives a
    broker restart, a long countdown never sits in Redis (where a message
    older than the visibility timeout is delivered twice), and under eager
    execution no Retry exception escapes into the request that queued the
    email.
    """
    return email.send_queued(outbox_id)


@shared_task(acks_late=True)
def requeue_pending_emails():
    """Every minute (beat): enqueue the rows the broker never took or whose
    back-off is over, and release the claims of workers that died."""
    return email.requeue_pending()


@shared_task(acks_late=True)
def purge_sent_emails():
    """Daily (beat): delete sent emails older than OUTBOX_RETENTION_DAYS,
    because they hold personal data: addresses and texts."""
    return email.purge_sent()


@shared_task(acks_late=True)
def publish_scheduled_pages():
    """Publish pages whose go-live time has come and unpublish expired ones."""
    call_command("publish_scheduled", verbosity=0)
