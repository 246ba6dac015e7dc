"""A Django email backend that writes to the outbox instead of sending.

``EMAIL_BACKEND`` is ``OutboxEmailBackend``, so mail from code we do not
control (Wagtail's workflow and moderation notifications, Django's
``send_mail`` and ``mail_admins``, any third-party app) gets the outbox's
guarantees too: it is stored in the caller's transaction, leaves after the
commit through a worker, and survives a mail server that is down. Left to
itself, Wagtail sends inside the request and, if the mail server fails,
logs the error and loses the email.

The worker delivers through ``OUTBOX_DELIVERY_BACKEND`` (SMTP, or files in
development), never through this backend.
"""

import logging

from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from .email import queue_message

logger = logging.getLogger(__name__)


class OutboxEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        """Queue each message; return how many were accepted.

        Like the SMTP backend, a message without recipients is skipped.
        With ``fail_silently`` (Django's error emails to ADMINS) a message
        that cannot be stored is logged and the caller's transaction goes
        on: the savepoint keeps a failed write from breaking it.
        """
        accepted = 0
        for message in email_messages:
            if not message.recipients():
                continue
            if not self.fail_silently:
                queue_message(message)
                accepted += 1
                continue
            try:
                with transaction.atomic():
                    queue_message(message)
            except Exception:
                logger.exception("An email could not be put in the outbox: %s", message.subject)
            else:
                accepted += 1
        return accepted
