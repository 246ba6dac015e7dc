"""The one way the platform sends email, through a durable outbox.

Our code calls ``queue_email``; everything else that sends mail through
Django's email API (Wagtail's moderation notifications, ``send_mail``,
``mail_admins``) reaches ``queue_message`` through ``OutboxEmailBackend``,
which is ``EMAIL_BACKEND``. Either way an ``OutboxEmail`` row is written in
the caller's transaction (a rolled-back transaction sends nothing) and, once
the transaction commits, the row's id goes to the ``send_outbox_email``
task: inline in the embedded default, on a worker in production. The worker
delivers through ``OUTBOX_DELIVERY_BACKEND``, the backend by which mail
really leaves (SMTP, or files in development).

Nothing is lost when a part fails:

- the broker is down: the row waits as "pending" and the beat task
  ``requeue_pending_emails`` enqueues it again within a minute of the broker
  coming back (``manage.py send_pending_emails`` sends it without a broker);
- the mail server refuses or is unreachable: the row records the error and
  waits an exponentially growing pause, after which the same beat task
  enqueues it again; after ``OUTBOX_MAX_ATTEMPTS`` attempts it is marked
  "failed" (a superuser can retry it from the admin);
- a worker dies while sending: its claim expires after
  ``OUTBOX_SENDING_TIMEOUT`` seconds and the row is offered again.

Delivery is at least once, never lost: a task that arrives twice sends once,
because a row is claimed (pending to sending) by one conditional UPDATE
before anything is sent. Only a worker dying between the mail server's
acceptance and the "sent" mark can cause a second copy, which carries the
same Message-ID so that mail clients can recognise it.

Sent rows hold addresses and texts: ``purge_sent`` deletes them
``OUTBOX_RETENTION_DAYS`` after sending.
"""

import base64
import datetime
import functools
import hashlib
import logging
import smtplib
import time
from collections import Counter
from email.message import Message
from email.mime.base import MIMEBase
from email.parser import BytesParser
from email.policy import compat32

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.utils import DNS_NAME
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerOperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .models import OutboxEmail

logger = logging.getLogger(__name__)

# The settings, with their defaults; any of them can be set in settings.
DEFAULTS = {
    # Attempts before a row is marked failed: with the delays below, about
    # four hours of retries, enough to ride out a mail server's bad afternoon.
    "OUTBOX_MAX_ATTEMPTS": 8,
    # The wait after the first failure (seconds), doubled after each next one...
    "OUTBOX_RETRY_DELAY": 120,
    # ...up to this.
    "OUTBOX_RETRY_MAX_DELAY": 6 * 60 * 60,
    # How long a claim lasts: far beyond EMAIL_TIMEOUT, so that only a dead
    # worker's row is offered again.
    "OUTBOX_SENDING_TIMEOUT": 10 * 60,
    # Sent rows are kept this long for moderators' questions, then deleted.
    "OUTBOX_RETENTION_DAYS": 30,
    # Rows enqueued per run of requeue_pending_emails: after a long outage the
    # backlog drains at the workers' pace instead of flooding the broker.
    "OUTBOX_REQUEUE_BATCH": 500,
    # How mail really leaves, for the worker only: EMAIL_BACKEND is the
    # outbox itself (OutboxEmailBackend).
    "OUTBOX_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
}

# What publishing a task raises when the broker cannot be reached.
BROKER_ERRORS = (BrokerOperationalError, RedisConnectionError, RedisTimeoutError, OSError)

# last_error is shown to superusers only; an SMTP reply is short, a traceback is not kept.
ERROR_MAX_LENGTH = 1000


def outbox_setting(name):
    return getattr(settings, name, DEFAULTS[name])


def retry_delay(attempts):
    """Seconds to wait after the ``attempts``-th failed attempt."""
    delay = outbox_setting("OUTBOX_RETRY_DELAY") * 2 ** max(attempts - 1, 0)
    return min(delay, outbox_setting("OUTBOX_RETRY_MAX_DELAY"))


# --- Queueing -----------------------------------------------------------------


def queue_email(
    subject,
    body,
    recipients,
    html_body=None,
    *,
    key=None,
    cc=(),
    bcc=(),
    reply_to=(),
    from_email=None,
    headers=None,
    attachments=(),
):
    """Send after the current transaction commits (at once outside one).

    Lazy translations are rendered now, in the caller's language. ``key``
    names the notification (for example ``"organisation-approved:42"``): while
    a row with that key exists, queueing it again sends nothing. A message
    with ``html_body`` and an empty ``body`` leaves as HTML only. The other
    arguments mean what they mean to Django's ``EmailMessage``; without
    ``from_email`` the message leaves from ``DEFAULT_FROM_EMAIL``. Returns
    the outbox row.
    """
    values = {
        "subject": str(subject),
        "body": str(body),
        "html_body": str(html_body) if html_body else "",
        "recipients": _addresses(recipients),
        "cc": _addresses(cc),
        "bcc": _addresses(bcc),
        "reply_to": _addresses(reply_to),
        "from_email": str(from_email) if from_email else "",
        "headers": {str(name): str(value) for name, value in (headers or {}).items()},
        "attachments": [_stored_attachment(attachment) for attachment in attachments],
    }
    if key is None:
        email, created = OutboxEmail.objects.create(**values), True
    else:
        email, created = OutboxEmail.objects.get_or_create(key=str(key), defaults=values)
    if created:
        transaction.on_commit(functools.partial(enqueue, email.pk))
    return email


def queue_message(message, *, key=None):
    """``queue_email`` for a Django ``EmailMessage`` (what
    ``OutboxEmailBackend`` receives). Returns the outbox row.

    The row keeps a text body and one HTML version: a message with any other
    alternative (a calendar invitation, say) is refused with ValueError
    rather than sent without it. Attachments are kept with the row.
    """
    body, html_body = message.body, None
    if message.content_subtype == "html":
        body, html_body = "", message.body
    for content, mimetype in getattr(message, "alternatives", ()):
        if mimetype != "text/html" or html_body is not None:
            raise ValueError(
                f"The outbox keeps a text and an HTML version; this message also has {mimetype}."
            )
        html_body = content
    return queue_email(
        message.subject,
        body,
        message.to,
        html_body=html_body,
        key=key,
        cc=message.cc,
        bcc=message.bcc,
        reply_to=message.reply_to,
        from_email=message.from_email,
        headers=message.extra_headers,
        attachments=message.attachments,
    )


def _addresses(addresses):
    return [str(address) for address in addresses]


class StoredPart(MIMEBase):
    """A MIME attachment read back from a row whole: its headers (a
    Content-ID, say) and encoding as the sender made them. Django attaches a
    MIMEBase instance as it is."""

    def __init__(self, policy=compat32):
        # The parser builds the part; MIMEBase's own arguments would add a
        # second Content-Type.
        Message.__init__(self, policy=policy)


def _stored_attachment(attachment):
    """An attachment as Django's EmailMessage holds it (a MIME part, or a
    filename, content, mimetype triple) as JSON for the row."""
    if isinstance(attachment, MIMEBase):
        return {"mime": _encode(attachment.as_bytes())}
    filename, content, mimetype = attachment
    if isinstance(content, EmailMessage):
        content = content.message()
    if isinstance(content, Message):
        content = content.as_bytes()
    if isinstance(content, str):
        return {"filename": filename, "mimetype": mimetype, "text": content}
    return {"filename": filename, "mimetype": mimetype, "base64": _encode(content)}


def _restored_attachment(stored):
    """The arguments of ``EmailMessage.attach`` for a stored attachment."""
    if "mime" in stored:
        return (BytesParser(_class=StoredPart).parsebytes(base64.b64decode(stored["mime"])),)
    content = stored["text"] if "text" in stored else base64.b64decode(stored["base64"])
    return (stored["filename"], content, stored["mimetype"])


def _encode(data):
    return base64.b64encode(data).decode("ascii")


def attachment_names(email):
    """The file names of a row's attachments, for the admin."""
    names = []
    for stored in email.attachments:
        if "mime" in stored:
            names.append(_restored_attachment(stored)[0].get_filename() or "")
        else:
            names.append(stored["filename"] or "")
    return names


class BrokerPause:
    """After the broker could not be reached, this process leaves new work
    (outbox rows, immediate alerts) to the beat jobs that pick it up for
    ``seconds`` instead of trying again. The work waits either way; what the
    pause saves is the connection attempt that every email of every request
    would otherwise pay during an outage (a few milliseconds when the broker
    refuses, up to the connection timeout when its host does not answer)."""

    seconds = 30
    clock = staticmethod(time.monotonic)

    def __init__(self):
        self.until = 0.0

    @property
    def active(self):
        return self.clock() < self.until

    def start(self):
        self.until = self.clock() + self.seconds

    def end(self):
        self.until = 0.0


broker_pause = BrokerPause()


def hand_to_worker(task, args=(), *, what, even_if_paused=False):
    """Send ``task`` to the broker for a worker, once: returns False when the
    broker could not be reached, or was not tried because it could not be a
    moment ago (``BrokerPause``; ``even_if_paused`` tries anyway). For work
    that a beat job picks up anyway when this fails (``what`` names it in
    the log), so that the request that asked for it goes on as if nothing
    happened."""
    if broker_pause.active and not even_if_paused:
        logger.info("%s waits: the broker was unreachable moments ago", what)
        return False
    try:
        # Once: a retry would keep the request waiting.
        task.apply_async(args, retry=False)
    except BROKER_ERRORS as error:
        broker_pause.start()
        logger.warning(
            "%s waits: the broker could not be reached (%s: %s)", what, type(error).__name__, error
        )
        return False
    broker_pause.end()
    return True


def enqueue(outbox_id, *, even_if_paused=False):
    """Hand a row to a worker (``hand_to_worker``); when that fails the row
    waits for ``requeue_pending_emails``."""
    from .tasks import send_outbox_email

    return hand_to_worker(
        send_outbox_email,
        (outbox_id,),
        what=f"Outbox email {outbox_id}",
        even_if_paused=even_if_paused,
    )


# --- Sending ------------------------------------------------------------------


def message_id(email):
    """The same Message-ID on every attempt, so that a second copy is
    recognisable as such."""
    digest = hashlib.sha256(f"{email.pk}:{email.key}".encode()).hexdigest()[:32]
    return f"<{digest}@{DNS_NAME}>"


def message_for(email):
    """The EmailMessage a row stands for."""
    headers = dict(email.headers)
    # A sender's own Message-ID (to thread replies, say) is as stable as ours.
    if not any(name.lower() == "message-id" for name in headers):
        headers["Message-ID"] = message_id(email)
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body,
        from_email=email.from_email or settings.DEFAULT_FROM_EMAIL,
        to=email.recipients,
        cc=email.cc,
        bcc=email.bcc,
        reply_to=email.reply_to,
        headers=headers,
    )
    if email.html_body and not email.body:
        message.body, message.content_subtype = email.html_body, "html"
    elif email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    for stored in email.attachments:
        message.attach(*_restored_attachment(stored))
    return message


def delivery_connection():
    """A connection to the backend by which mail really leaves. Never the
    outbox's own backend: each delivery would queue the message again."""
    from .backends import OutboxEmailBackend

    backend = outbox_setting("OUTBOX_DELIVERY_BACKEND")
    mail_connection = get_connection(backend)
    if isinstance(mail_connection, OutboxEmailBackend):
        raise ImproperlyConfigured(
            f"OUTBOX_DELIVERY_BACKEND is {backend}, the outbox itself: it must be the "
            "backend that sends mail (SMTP, say), which the environment variable "
            "EMAIL_BACKEND sets."
        )
    return mail_connection


def deliver(message):
    """Send an EmailMessage now, through ``OUTBOX_DELIVERY_BACKEND``.
    Returns the number of messages the mail server accepted."""
    message.connection = delivery_connection()
    return message.send()


def _due(now):
    return Q(status=OutboxEmail.Status.PENDING) & (
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )


def _claim(outbox_id, now):
    """Take a due row for sending, or return None."""
    with transaction.atomic():
        rows = OutboxEmail.objects.filter(pk=outbox_id)
        if connection.features.has_select_for_update_skip_locked:
            # A row locked by another worker is being handled: skip it at once.
            rows = rows.select_for_update(skip_locked=True)
        if rows.filter(_due(now)).values_list("pk", flat=True).first() is None:
            return None
        # The claim itself: a conditional UPDATE is atomic on every database,
        # including SQLite, which has no row locks. Only one claimant matches.
        claimed = OutboxEmail.objects.filter(_due(now), pk=outbox_id).update(
            status=OutboxEmail.Status.SENDING,
            attempts=F("attempts") + 1,
            next_attempt_at=now
            + datetime.timedelta(seconds=outbox_setting("OUTBOX_SENDING_TIMEOUT")),
        )
    if not claimed:
        return None
    return OutboxEmail.objects.get(pk=outbox_id)


def _settle(email, **values):
    """Update a claimed row unless its claim was lost meanwhile (expired and
    taken again); the attempt number identifies the claim."""
    return OutboxEmail.objects.filter(
        pk=email.pk, status=OutboxEmail.Status.SENDING, attempts=email.attempts
    ).update(**values)


def send_queued(outbox_id):
    """Send one outbox row now if it is due. Returns "sent", "retry" (it
    failed and waits its pause), "failed" (the last attempt failed) or
    "skipped" (not due, already sent, or another worker has it). Used by the
    task and the management command; a mail server's failure never raises."""
    email = _claim(outbox_id, timezone.now())
    if email is None:
        return "skipped"
    try:
        deliver(message_for(email))
    except Exception as error:  # Whatever went wrong, the row must record it.
        return _record_failure(email, error)
    _settle(
        email,
        status=OutboxEmail.Status.SENT,
        sent_at=timezone.now(),
        next_attempt_at=None,
        last_error="",
    )
    return "sent"


def _record_failure(email, error):
    if isinstance(error, (smtplib.SMTPException, OSError)):
        logger.warning(
            "Outbox email %s, attempt %s: %s", email.pk, email.attempts, type(error).__name__
        )
    else:
        # Not the mail server: a defect worth its traceback in the log.
        logger.exception("Outbox email %s, attempt %s failed", email.pk, email.attempts)
    # The exception's text only: SMTP replies and socket errors, no credentials.
    description = f"{type(error).__name__}: {error}"[:ERROR_MAX_LENGTH]
    if email.attempts >= outbox_setting("OUTBOX_MAX_ATTEMPTS"):
        _settle(
            email, status=OutboxEmail.Status.FAILED, next_attempt_at=None, last_error=description
        )
        return "failed"
    delay = retry_delay(email.attempts)
    _settle(
        email,
        status=OutboxEmail.Status.PENDING,
        next_attempt_at=timezone.now() + datetime.timedelta(seconds=delay),
        last_error=description,
    )
    return "retry"


# --- Recovery -----------------------------------------------------------------


def recover_stale(now=None):
    """Offer again the rows whose worker died while sending them (their
    claim expired). Returns how many."""
    now = now or timezone.now()
    stale = OutboxEmail.objects.filter(status=OutboxEmail.Status.SENDING, next_attempt_at__lte=now)
    # Stored for the admin like the mail server's own messages, untranslated.
    note = "The worker stopped before finishing this attempt."
    failed = stale.filter(attempts__gte=outbox_setting("OUTBOX_MAX_ATTEMPTS")).update(
        status=OutboxEmail.Status.FAILED, next_attempt_at=None, last_error=note
    )
    pending = stale.update(status=OutboxEmail.Status.PENDING, next_attempt_at=now, last_error=note)
    if failed or pending:
        logger.warning("Outbox: %s stale claims released, %s given up", pending, failed)
    return failed + pending


def due_ids(now=None, limit=None):
    """Ids of the rows that may be sent now, oldest first."""
    ids = (
        OutboxEmail.objects.filter(_due(now or timezone.now()))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return list(ids[:limit] if limit else ids)


def requeue_pending(now=None):
    """Release stale claims and enqueue the due rows again. A row whose task
    is still in the queue may be enqueued twice; the claim makes the second
    task a no-op. Returns how many rows were enqueued."""
    recover_stale(now)
    enqueued = 0
    for outbox_id in due_ids(now, limit=outbox_setting("OUTBOX_REQUEUE_BATCH")):
        # This run is how waiting rows leave once the broker is back: it
        # tries whatever this process saw a moment ago.
        if not enqueue(outbox_id, even_if_paused=True):
            break  # The broker is still away; the next run tries again.
        enqueued += 1
    return enqueued


def send_pending(limit=None):
    """Send the due rows in this process, without a broker. Returns a
    Counter of outcomes."""
    recover_stale()
    return Counter(send_queued(outbox_id) for outbox_id in due_ids(limit=limit))


def retry_failed(outbox_id):
    """Give a failed row a fresh set of attempts and enqueue it. Returns
    whether the row was failed (and is now pending)."""
    with transaction.atomic():
        retried = OutboxEmail.objects.filter(pk=outbox_id, status=OutboxEmail.Status.FAILED).update(
            status=OutboxEmail.Status.PENDING, attempts=0, next_attempt_at=None
        )
        if retried:
            transaction.on_commit(functools.partial(enqueue, outbox_id))
    return bool(retried)


# --- Retention ----------------------------------------------------------------


def purge_sent(now=None):
    """Delete sent rows older than ``OUTBOX_RETENTION_DAYS``: they hold
    personal data (addresses, texts) that is no longer needed once the
    message has left. Pending and failed rows are kept: they are still owed.
    Returns how many rows were deleted."""
    cutoff = (now or timezone.now()) - datetime.timedelta(
        days=outbox_setting("OUTBOX_RETENTION_DAYS")
    )
    deleted, _ = OutboxEmail.objects.filter(
        status=OutboxEmail.Status.SENT, sent_at__lt=cutoff
    ).delete()
    return deleted
