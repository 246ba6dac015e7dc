"""allauth's rate limits hold across web processes.

Production runs several web processes (gunicorn workers, machines behind a
load balancer). allauth counts attempts in the cache, so the limits hold only
if every process counts in the same one, the shared Redis cache: with a cache
per process, an attacker alternating between processes would get the allowed
attempts once per process. Here two separate gunicorn processes serve the
site, and the failed logins for one account go to each in turn.
"""

import re
import uuid

import pytest
import requests
from django.conf import settings

from tests.factories import DEFAULT_TEST_PASSWORD, verified_user

pytestmark = [
    pytest.mark.services,
    # The servers read the account from the database: it must be committed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WRONG_PASSWORD = "not the password"
NOT_CORRECT = "The email address and/or password you specified are not correct."
TOO_MANY = "Too many failed login attempts"


def failures_allowed_per_account():
    """The amount of the per-account ("key") limit on failed logins."""
    for rate in settings.ACCOUNT_RATE_LIMITS["login_failed"].split(","):
        amount, _period, per = rate.strip().split("/")
        if per == "key":
            return int(amount)
    pytest.fail("ACCOUNT_RATE_LIMITS['login_failed'] has no per-account limit")


def sign_in(server, session, email, password):
    """Post the login form of ``server`` as a browser would; the page's text."""
    page = session.get(server.url("/accounts/login/"), timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        server.url("/accounts/login/"),
        data={"login": email, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": server.url("/accounts/login/")},
        allow_redirects=False,
        timeout=30,
    )
    return response


def test_failed_logins_are_counted_across_processes(web_servers):
    email = f"target-{uuid.uuid4().hex[:8]}@example.org"
    verified_user(email=email)
    # One browser session per process, as with a load balancer that does not
    # keep a visitor on one process.
    sessions = [requests.Session() for _server in web_servers]
    for session in sessions:
        session.headers["Accept-Language"] = "en"
    allowed = failures_allowed_per_account()

    answers = []
    for attempt in range(allowed + 1):
        which = attempt % len(web_servers)
        response = sign_in(web_servers[which], sessions[which], email, WRONG_PASSWORD)
        answers.append(
            (response.status_code, TOO_MANY in response.text, NOT_CORRECT in response.text)
        )

    # Each process alone saw fewer attempts than the limit; together they
    # refuse the attempt after the limit, whichever process gets it.
    assert answers[:allowed] == [(200, False, True)] * allowed
    assert answers[allowed][1], answers[allowed]

    # Now even the right password waits, on either process.
    for server, session in zip(web_servers, sessions, strict=True):
        response = sign_in(server, session, email, DEFAULT_TEST_PASSWORD)
        assert response.status_code in (200, 429)
        assert TOO_MANY in response.text
        me = session.get(server.url("/me/"), allow_redirects=False, timeout=30)
        assert me.status_code == 302, "signed in despite the lock"
