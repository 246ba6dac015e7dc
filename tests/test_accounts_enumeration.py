"""Sign-up does the same work whether or not the address has an account.

ACCOUNT_PREVENT_ENUMERATION makes the two answers look alike; they must also
take alike. A new account costs a password hash, which with the production
hasher outweighs the rest of the request: a known address answered without
one, measurably sooner. Timing itself is not tested (it would be flaky);
the work behind it is: one password hash, one email queued and nothing sent
before the transaction commits, and the same response, on both paths.
"""

import re

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from cooperativa.notifications.models import OutboxEmail
from tests.factories import verified_user

pytestmark = pytest.mark.django_db

PASSWORD = "a fresh long password 97"
KNOWN = "known@example.org"
NEW = "brand.new@example.org"


class CountingHasher(MD5PasswordHasher):
    """The test hasher, counting the passwords it hashes."""

    algorithm = "counting_md5"
    hashed = []

    def encode(self, password, salt):
        self.hashed.append(password)
        return super().encode(password, salt)


def without_tokens(content, address):
    """The response with the typed address and per-request CSRF tokens blanked."""
    content = content.decode().replace(address, "ADDRESS")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", content)


def sign_up(client, email, capture):
    """Post the sign-up form; what the request did before its transaction committed."""
    CountingHasher.hashed.clear()
    outbox_rows = OutboxEmail.objects.count()
    with capture(execute=False) as after_commit:
        response = client.post(
            reverse("account_signup"),
            {"email": email, "password1": PASSWORD, "password2": PASSWORD},
        )
    work = {
        "passwords hashed": list(CountingHasher.hashed),
        "outbox rows written": OutboxEmail.objects.count() - outbox_rows,
        "emails sent during the request": len(mail.outbox),
        "tasks after commit": len(after_commit),
    }
    for callback in after_commit:
        callback()
    page = client.get(response["Location"])
    return work, response, page


@override_settings(PASSWORD_HASHERS=[f"{__name__}.CountingHasher"])
def test_sign_up_does_the_same_work_for_a_known_and_a_new_address(
    client, django_capture_on_commit_callbacks
):
    verified_user(email=KNOWN)

    known_work, known, known_page = sign_up(client, KNOWN, django_capture_on_commit_callbacks)
    sent_for_known = list(mail.outbox)
    mail.outbox.clear()
    client.cookies.clear()
    new_work, new, new_page = sign_up(client, NEW, django_capture_on_commit_callbacks)

    expected = {
        "passwords hashed": [PASSWORD],
        "outbox rows written": 1,
        "emails sent during the request": 0,
        "tasks after commit": 1,
    }
    assert known_work == expected
    assert new_work == expected
    # The same answer, byte for byte, but for the address typed.
    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert known.content == new.content
    assert sorted(known.cookies) == sorted(new.cookies)
    assert without_tokens(known_page.content, KNOWN) == without_tokens(new_page.content, NEW)
    # Each address learns by email only, after the commit, what applies to it.
    assert [message.to for message in sent_for_known] == [[KNOWN]]
    assert "already exists" in sent_for_known[0].body
    assert [message.to for message in mail.outbox] == [[NEW]]
    assert "confirm-email" in mail.outbox[0].body
