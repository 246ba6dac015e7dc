"""notify(): every notification the platform writes is rendered per
recipient, in that person's language, with a text and an HTML part, and goes
through the durable outbox in the caller's transaction."""

import pytest
from django.core import mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cooperativa.core.notify import notify, subject
from cooperativa.notifications.models import OutboxEmail
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def send_suspension(recipients):
    organisation = OrganisationFactory(name="Cooperativa Il Ponte")
    return notify(
        recipients,
        subject(_("Welcome: %(name)s is now a partner"), name="Il Ponte"),
        "partners/suspended",
        {"organisation": organisation, "reason": "<b>Address</b> missing: see https://example.org"},
    )


def test_each_recipient_is_written_to_in_their_own_language(django_capture_on_commit_callbacks):
    italian = UserFactory(email="lucia@example.org", preferred_language="it")
    english = UserFactory(email="tom@example.org", preferred_language="en")

    with django_capture_on_commit_callbacks(execute=True):
        assert send_suspension([italian, english]) == 2

    by_address = {message.to[0]: message for message in mail.outbox}
    assert (
        by_address["lucia@example.org"].subject
        == "Ti diamo il benvenuto: Il Ponte ora è un ente partner"
    )
    assert "è stata sospesa" in by_address["lucia@example.org"].body
    assert by_address["tom@example.org"].subject == "Welcome: Il Ponte is now a partner"
    assert "has been suspended" in by_address["tom@example.org"].body


def test_a_plain_address_is_written_to_in_the_current_language(django_capture_on_commit_callbacks):
    with translation.override("it"), django_capture_on_commit_callbacks(execute=True):
        send_suspension(["someone@example.org"])

    assert mail.outbox[0].subject == "Ti diamo il benvenuto: Il Ponte ora è un ente partner"


def test_every_notification_has_a_text_and_an_escaped_html_part(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_suspension(["someone@example.org"])

    message = mail.outbox[0]
    assert "<b>Address</b> missing" in message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    # What a person typed is shown as text, never as markup; links stay links.
    assert "&lt;b&gt;Address&lt;/b&gt; missing" in html
    assert '<a href="https://example.org"' in html
    assert '<html lang="en">' in html


def test_a_notification_is_stored_with_the_transaction_and_lost_with_its_rollback(
    django_capture_on_commit_callbacks,
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send_suspension(["someone@example.org"])
        assert OutboxEmail.objects.count() == 1
        raise RuntimeError("the suspension could not be saved")

    assert not OutboxEmail.objects.exists()
    assert mail.outbox == []


def test_people_without_an_address_are_skipped():
    assert send_suspension([""]) == 0
    assert not OutboxEmail.objects.exists()
