"""A response sent while the broker is unreachable, on PostgreSQL with a real
worker and mail server: the response is stored, the person's request
succeeds, and the organisation's email leaves once, after the broker is back.

The broker outage is the real producer publishing to a port where nothing
listens (kombu fails as it does when Redis is down); the shared Redis is
never stopped. The test is transactional so that the worker sees the rows.
"""

import logging
import uuid
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from cooperativa.notifications.models import OutboxEmail
from cooperativa.notifications.tasks import requeue_pending_emails, send_outbox_email
from cooperativa.participation.models import Response
from tests.factories import (
    add_member,
    create_approved_organisation,
    create_placement,
    verified_user,
)
from tests.services.support import free_port, wait_until

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_response_sent_while_the_broker_is_down_is_kept_and_its_email_leaves_once_later(
    celery_worker, smtp_server, caplog, settings
):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    name = f"Il Forno {uuid.uuid4().hex[:6]}"
    host = create_approved_organisation(name=name)
    editor = add_member(host, verified_user(f"editor-{uuid.uuid4().hex[:6]}@ilforno.example.org"))
    placement = create_placement(host.pages.first(), title=f"Bakery assistant {name}")
    before = OutboxEmail.objects.count()

    dead_broker = f"redis://127.0.0.1:{free_port()}/0"
    publish = send_outbox_email.apply_async

    def publish_to_dead_broker(*args, **kwargs):
        with send_outbox_email.app.connection_for_write(dead_broker) as connection:
            return publish(*args, connection=connection, **kwargs)

    client = Client()
    url = reverse("participation:respond", args=[placement.pk])
    page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    data = {
        field["name"]: field.get("value", "")
        for field in page.select("form.form input[type=hidden]")
    }
    data.update(
        name="M. R.", contact_route="phone", phone="333 1234567", message="Mornings.", consent="on"
    )
    with (
        caplog.at_level(logging.WARNING, logger="cooperativa.notifications.email"),
        mock.patch.object(send_outbox_email, "apply_async", publish_to_dead_broker),
    ):
        answer = client.post(url, data)

    # The person's request succeeded and the response is stored.
    assert answer.status_code == 302
    assert answer["Location"] == reverse("participation:sent", args=[placement.pk])
    stored = Response.objects.get(opportunity_title=placement.title)
    assert stored.phone == "333 1234567"
    assert "the broker could not be reached" in caplog.text
    # Its emails wait in the outbox (one per member of the organisation).
    waiting = list(OutboxEmail.objects.order_by("pk")[before:])
    assert waiting
    assert all(email.status == OutboxEmail.Status.PENDING for email in waiting)

    # The broker is back: beat's next run sends it, once.
    requeue_pending_emails.delay()

    def to_editor():
        return [
            message
            for message in list(smtp_server.messages)
            if placement.title in str(message.message["Subject"])
            and editor.email in message.rcpt_tos
        ]

    wait_until(lambda: to_editor(), "the editor's email", process=celery_worker)
    received = to_editor()[0]
    assert str(received.message["Subject"]).strip().startswith("New response to")
    assert "333 1234567" not in received.text and "M. R." not in received.text
    wait_until(
        lambda: all(
            OutboxEmail.objects.get(pk=email.pk).status == OutboxEmail.Status.SENT
            for email in waiting
        ),
        "the response's emails to be marked sent",
        process=celery_worker,
    )
    # Beat runs again: nothing leaves twice.
    assert requeue_pending_emails.apply().get() == 0
    assert all(OutboxEmail.objects.get(pk=email.pk).attempts == 1 for email in waiting)
    assert len(to_editor()) == 1
    assert Response.objects.filter(opportunity_title=placement.title).count() == 1
