"""Celery tasks. They take ids and plain values, never model instances."""

from celery import shared_task
from django.core.management import call_command


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def send_email(subject, body, recipients, html_body=None):
    """Send one email; retried with backoff if the mail server is unreachable."""
    from .email import deliver

    return deliver(subject, body, recipients, html_body=html_body)


@shared_task(acks_late=True)
def publish_scheduled_pages():
    """Publish pages whose go-live time has come and unpublish expired ones."""
    call_command("publish_scheduled", verbosity=0)
