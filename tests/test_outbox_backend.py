"""Mail sent through Django's email API, by anyone, goes through the outbox.

``EMAIL_BACKEND`` is ``OutboxEmailBackend`` in every settings module, so
Wagtail's moderation notifications and Django's ``send_mail`` get the same
guarantees as ``queue_email``. pytest-django swaps EMAIL_BACKEND for locmem
in the test process, so these tests put the outbox backend back, with
locmem as the delivery backend the worker uses.
"""

import datetime
import logging
from email.mime.image import MIMEImage
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives, send_mail
from django.db import DatabaseError, transaction
from django.test import override_settings

from cooperativa.notifications import checks
from cooperativa.notifications import email as outbox
from cooperativa.notifications.backends import OutboxEmailBackend
from cooperativa.notifications.models import OutboxEmail
from cooperativa.notifications.tasks import requeue_pending_emails
from tests.factories import create_partner_page, moderator, verified_user
from tests.helpers import mail_server_refuses, sign_in_with_mfa

OUTBOX_BACKEND = "cooperativa.notifications.backends.OutboxEmailBackend"
LOCMEM_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("outbox_backend"),
]

SUBJECT = "Your answer to the call for mentors"
BODY = "Thank you: the Circle of Trento will call you within a week."
HTML_BODY = "<p>Thank you: the Circle of Trento will call you within a week.</p>"
ADDRESS = "mentor@example.org"
START = datetime.datetime(2025, 3, 3, 9, 0, tzinfo=datetime.UTC)
# A few bytes that are not UTF-8, as a PDF's are.
PDF_BYTES = b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def outbox_backend():
    with override_settings(EMAIL_BACKEND=OUTBOX_BACKEND, OUTBOX_DELIVERY_BACKEND=LOCMEM_BACKEND):
        yield


# --- The settings ------------------------------------------------------------------


def test_every_settings_module_sends_through_the_outbox():
    from cooperativa.settings import base
    from cooperativa.settings import test as test_settings

    assert base.EMAIL_BACKEND == OUTBOX_BACKEND
    assert base.OUTBOX_DELIVERY_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    assert test_settings.EMAIL_BACKEND == OUTBOX_BACKEND
    assert test_settings.OUTBOX_DELIVERY_BACKEND == LOCMEM_BACKEND


# --- Django's send_mail -------------------------------------------------------------


def test_send_mail_writes_a_row_and_leaves_once_after_the_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        accepted = send_mail(SUBJECT, BODY, "Circle of Trento <circle@example.org>", [ADDRESS])

    assert accepted == 1
    queued = OutboxEmail.objects.get()
    assert queued.status == OutboxEmail.Status.PENDING
    assert (queued.subject, queued.body, queued.recipients) == (SUBJECT, BODY, [ADDRESS])
    assert queued.from_email == "Circle of Trento <circle@example.org>"
    assert mail.outbox == []

    for callback in callbacks:
        callback()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert (message.subject, message.body, message.to) == (SUBJECT, BODY, [ADDRESS])
    assert message.from_email == "Circle of Trento <circle@example.org>"
    assert message.extra_headers["Message-ID"] == outbox.message_id(queued)
    assert OutboxEmail.objects.get().status == OutboxEmail.Status.SENT

    # Beat's next run finds nothing owed: one message, once.
    requeue_pending_emails()
    assert len(mail.outbox) == 1


def test_send_mail_in_a_rolled_back_transaction_sends_nothing(
    django_capture_on_commit_callbacks,
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send_mail(SUBJECT, BODY, None, [ADDRESS])
        raise RuntimeError("the response could not be saved")

    assert not OutboxEmail.objects.exists()
    assert mail.outbox == []


def test_the_html_version_survives(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_mail(SUBJECT, BODY, None, [ADDRESS], html_message=HTML_BODY)

    assert OutboxEmail.objects.get().html_body == HTML_BODY
    message = mail.outbox[0]
    assert message.body == BODY
    assert [(alt.content, alt.mimetype) for alt in message.alternatives] == [
        (HTML_BODY, "text/html")
    ]


def test_an_html_only_message_stays_html_only(django_capture_on_commit_callbacks):
    message = EmailMessage(SUBJECT, HTML_BODY, None, [ADDRESS])
    message.content_subtype = "html"

    with django_capture_on_commit_callbacks(execute=True):
        message.send()

    assert (OutboxEmail.objects.get().body, OutboxEmail.objects.get().html_body) == ("", HTML_BODY)
    sent = mail.outbox[0]
    assert sent.content_subtype == "html"
    assert sent.body == HTML_BODY
    assert sent.message().get_content_type() == "text/html"


def test_copies_reply_to_sender_and_headers_survive(django_capture_on_commit_callbacks):
    message = EmailMessage(
        SUBJECT,
        BODY,
        "UEPE Trento <uepe@example.org>",
        [ADDRESS],
        bcc=["archive@example.org"],
        cc=["tutor@example.org"],
        reply_to=["coordinator@example.org"],
        headers={"Auto-Submitted": "auto-generated", "List-Id": "<mentors.example.org>"},
    )

    with django_capture_on_commit_callbacks(execute=True):
        message.send()

    stored = OutboxEmail.objects.get()
    assert (stored.cc, stored.bcc, stored.reply_to) == (
        ["tutor@example.org"],
        ["archive@example.org"],
        ["coordinator@example.org"],
    )
    sent = mail.outbox[0]
    assert sent.to == [ADDRESS]
    assert sent.cc == ["tutor@example.org"]
    assert sent.bcc == ["archive@example.org"]
    assert sent.reply_to == ["coordinator@example.org"]
    assert sent.from_email == "UEPE Trento <uepe@example.org>"
    assert sent.recipients() == [ADDRESS, "tutor@example.org", "archive@example.org"]
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"
    assert sent.extra_headers["List-Id"] == "<mentors.example.org>"
    mime = sent.message()
    assert mime["Cc"] == "tutor@example.org"
    assert mime["Reply-To"] == "coordinator@example.org"
    assert "archive@example.org" not in mime.as_string()


def test_attachments_are_kept_with_the_row_and_leave_whole(django_capture_on_commit_callbacks):
    message = EmailMultiAlternatives(SUBJECT, BODY, None, [ADDRESS])
    message.attach_alternative(HTML_BODY, "text/html")
    message.attach("agreement.pdf", PDF_BYTES, "application/pdf")
    message.attach("timetable.csv", "day,hours\nMonday,9-13\n", "text/csv")
    logo = MIMEImage(PNG_BYTES, "png")
    logo.add_header("Content-ID", "<logo@cooperativa>")
    logo.add_header("Content-Disposition", "inline", filename="logo.png")
    message.attach(logo)

    with django_capture_on_commit_callbacks(execute=True):
        message.send()

    assert outbox.attachment_names(OutboxEmail.objects.get()) == [
        "agreement.pdf",
        "timetable.csv",
        "logo.png",
    ]
    parts = {
        part.get_filename(): part for part in mail.outbox[0].message().walk() if part.get_filename()
    }
    assert parts["agreement.pdf"].get_content_type() == "application/pdf"
    assert parts["agreement.pdf"].get_payload(decode=True) == PDF_BYTES
    assert parts["timetable.csv"].get_payload(decode=True) == b"day,hours\nMonday,9-13\n"
    assert parts["logo.png"]["Content-ID"] == "<logo@cooperativa>"
    assert parts["logo.png"].get_payload(decode=True) == PNG_BYTES
    assert mail.outbox[0].alternatives[0].content == HTML_BODY


def test_an_alternative_the_outbox_cannot_keep_is_refused_not_cut():
    message = EmailMultiAlternatives(SUBJECT, BODY, None, [ADDRESS])
    message.attach_alternative("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")

    with pytest.raises(ValueError, match="text/calendar"):
        message.send()

    assert not OutboxEmail.objects.exists()


def test_a_message_without_recipients_is_not_stored():
    assert OutboxEmailBackend().send_messages([EmailMessage(SUBJECT, BODY, None, [])]) == 0
    assert not OutboxEmail.objects.exists()


def test_a_message_that_cannot_be_stored_fails_loudly_unless_told_to_be_silent(caplog):
    messages = [EmailMessage(SUBJECT, BODY, None, [ADDRESS])]
    cannot_write = mock.patch(
        "cooperativa.notifications.backends.queue_message",
        side_effect=DatabaseError("disk I/O error"),
    )

    with cannot_write, pytest.raises(DatabaseError):
        OutboxEmailBackend().send_messages(messages)
    with cannot_write, caplog.at_level(logging.ERROR, "cooperativa.notifications.backends"):
        # Django's error emails to ADMINS are sent like this: they must not
        # raise from inside the logging of another error.
        assert OutboxEmailBackend(fail_silently=True).send_messages(messages) == 0

    assert "could not be put in the outbox" in caplog.text


# --- Wagtail's moderation notifications ----------------------------------------------


def test_a_wagtail_workflow_notification_goes_through_the_outbox_and_leaves_once(
    django_capture_on_commit_callbacks,
):
    reviewer = moderator("reviewer@example.org")
    submitter = verified_user("editor@ilponte.example.org")
    page = create_partner_page(title="Il Ponte")
    page.intro = "We now also run a repair café on Saturdays."
    page.save_revision(user=submitter)
    workflow = page.get_workflow()
    # A partner's page follows the Co-design workflow: with no other partner
    # and no panel members, the moderators are the first to be asked.
    assert workflow.name == "Co-design"

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        workflow.start(page, submitter)

    queued = OutboxEmail.objects.get()
    assert queued.recipients == [reviewer.email]
    assert 'The page "Il Ponte" has been submitted for approval' in queued.subject
    assert queued.headers == {"Auto-Submitted": "auto-generated"}
    assert mail.outbox == []

    for callback in callbacks:
        callback()
    requeue_pending_emails()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [reviewer.email]
    assert message.subject == queued.subject
    assert f"/admin/pages/{page.pk}/edit/" in message.body
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    assert OutboxEmail.objects.get().status == OutboxEmail.Status.SENT


# --- The mail server fails -----------------------------------------------------------


def test_a_refused_delivery_is_kept_and_retried_later(django_capture_on_commit_callbacks):
    with (
        time_machine.travel(START, tick=False),
        mail_server_refuses(),
        django_capture_on_commit_callbacks(execute=True),
    ):
        send_mail(SUBJECT, BODY, None, [ADDRESS])

    waiting = OutboxEmail.objects.get()
    assert waiting.status == OutboxEmail.Status.PENDING
    assert waiting.attempts == 1
    assert waiting.last_error == "SMTPException: 451 4.3.0 Temporary local problem"
    assert waiting.next_attempt_at == START + datetime.timedelta(minutes=2)
    assert mail.outbox == []

    with time_machine.travel(START + datetime.timedelta(minutes=2), tick=False):
        requeue_pending_emails()

    assert [message.to for message in mail.outbox] == [[ADDRESS]]
    sent = OutboxEmail.objects.get()
    assert sent.status == OutboxEmail.Status.SENT
    assert sent.attempts == 2


def test_the_worker_never_delivers_through_the_outbox_itself(django_capture_on_commit_callbacks):
    with (
        override_settings(OUTBOX_DELIVERY_BACKEND=OUTBOX_BACKEND),
        django_capture_on_commit_callbacks(execute=True),
    ):
        send_mail(SUBJECT, BODY, None, [ADDRESS])
        errors = checks.check_delivery_backend(None)

    # One row, not one more per attempt: the attempt failed instead of looping.
    waiting = OutboxEmail.objects.get()
    assert waiting.status == OutboxEmail.Status.PENDING
    assert waiting.last_error.startswith("ImproperlyConfigured: OUTBOX_DELIVERY_BACKEND")
    assert mail.outbox == []
    assert [error.id for error in errors] == ["notifications.E002"]
    assert checks.check_delivery_backend(None) == []


# --- The admin ---------------------------------------------------------------------


def test_a_superuser_sees_copies_and_attachment_names_not_their_contents(
    client, django_capture_on_commit_callbacks
):
    message = EmailMessage(SUBJECT, BODY, None, [ADDRESS], cc=["tutor@example.org"])
    message.attach("agreement.pdf", PDF_BYTES, "application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        message.send()
    root = verified_user("root@example.org", is_superuser=True)
    sign_in_with_mfa(client, root)

    page = client.get(f"/admin/outbox/inspect/{OutboxEmail.objects.get().pk}/").content.decode()
    found = client.get("/admin/outbox/", {"q": "tutor@"}).content.decode()

    assert "tutor@example.org" in page
    assert "agreement.pdf" in page
    assert OutboxEmail.objects.get().attachments[0]["base64"] not in page
    assert SUBJECT in found
