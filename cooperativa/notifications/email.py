"""The one way the platform sends email.

Callers use ``queue_email``: the message leaves after the surrounding
transaction commits, through Celery (inline in the embedded default, on a
worker in production, retried if the mail server is down).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction


def deliver(subject, body, recipients, html_body=None):
    """Send now. Returns the number of messages the mail server accepted."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=list(recipients)
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    return message.send()


def queue_email(subject, body, recipients, html_body=None):
    """Send after the current transaction commits (at once outside one)."""
    from .tasks import send_email

    args = (str(subject), str(body), list(recipients))
    transaction.on_commit(lambda: send_email.delay(*args, html_body=html_body))
