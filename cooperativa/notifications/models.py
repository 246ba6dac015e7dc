"""The email outbox: every message the platform sends is first a row here.

``queue_email`` writes the row in the caller's transaction, so an email
exists exactly when the business event that caused it was committed. A
Celery task then sends it; when the broker is down or a worker dies the row
stays and the beat task ``requeue_pending_emails`` picks it up again. The
operations on rows live in ``cooperativa.notifications.email``.

Rows hold personal data (addresses and texts): sent ones are purged after
``OUTBOX_RETENTION_DAYS`` by the daily ``purge_sent_emails`` task.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_key():
    return uuid.uuid4().hex


class OutboxEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    key = models.CharField(
        _("key"),
        max_length=200,
        unique=True,
        default=new_key,
        help_text=_("One notification, one key: a second email with the same key is not sent."),
    )
    subject = models.TextField(_("subject"))
    body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML version"), blank=True)
    recipients = models.JSONField(_("recipients"), default=list)
    # The rest of a message as Django's email API builds it: what Wagtail,
    # allauth or Django's own mail (sent through OutboxEmailBackend) set.
    cc = models.JSONField(_("copy to"), default=list, blank=True)
    bcc = models.JSONField(_("blind copy to"), default=list, blank=True)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    from_email = models.TextField(
        _("sender"), blank=True, help_text=_("Empty: the site's default sender.")
    )
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    # Base64-encoded where binary (cooperativa.notifications.email): kept
    # with the row, and purged with it, so that the message leaves whole.
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # While pending: not before this time (the back-off after a failure).
    # While sending: the claim's expiry, after which a silent worker is
    # presumed dead and the row is offered again.
    next_attempt_at = models.DateTimeField(
        _("next attempt"),
        null=True,
        blank=True,
        help_text=_("Empty when the email can be sent at once."),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outbox")
        indexes = [
            # The beat task's questions: which rows are due, which claims are stale.
            models.Index(fields=["status", "next_attempt_at"], name="outbox_status_due_idx"),
            # The retention purge.
            models.Index(fields=["status", "sent_at"], name="outbox_status_sent_idx"),
        ]

    def __str__(self):
        return self.subject

    @property
    def recipients_display(self):
        return ", ".join(self.recipients)
