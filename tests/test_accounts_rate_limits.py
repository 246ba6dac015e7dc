"""Failed sign-ins are counted per account and per client, not per proxy.

One person at a shared address (an office, a library, a prison education
room, or every visitor at once behind the reverse proxy) must not be able to
lock the others out: wrong passwords lock the account they were typed for,
and the per-address limit counts the real client, read from X-Forwarded-For
only when the request comes from a proxy named in TRUSTED_PROXIES.
"""

from unittest import mock

import pytest
from django.conf import settings
from django.core.checks import run_checks
from django.test import RequestFactory, override_settings
from django.urls import reverse

from cooperativa.accounts.adapters import AccountAdapter, login_attempts_key
from tests.factories import DEFAULT_TEST_PASSWORD, verified_user
from tests.helpers import is_signed_in

TOO_MANY = "Too many failed login attempts"
OFFICE = "203.0.113.7"
PROXY = "10.0.0.1"


def limit(action, per):
    """The amount of the ``per`` ("ip", "key") limit of ``action`` in the settings."""
    for rate in settings.ACCOUNT_RATE_LIMITS[action].split(","):
        amount, _period, rate_per = rate.strip().split("/")
        if rate_per == per:
            return int(amount)
    raise AssertionError(f"ACCOUNT_RATE_LIMITS[{action!r}] has no per-{per} limit")


def sign_in(client, email, password, **meta):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **meta)


@pytest.mark.django_db
def test_wrong_passwords_for_one_account_do_not_lock_out_another_at_the_same_address(client):
    verified_user(email="forgetful@example.org")
    verified_user(email="colleague@example.org")
    # Far more than the account's limit, and more than any per-address limit
    # on failures the platform ever had (10 a minute).
    for _attempt in range(4 * limit("login_failed", "key")):
        sign_in(client, "forgetful@example.org", "a guess", REMOTE_ADDR=OFFICE)

    locked = sign_in(client, "forgetful@example.org", DEFAULT_TEST_PASSWORD, REMOTE_ADDR=OFFICE)
    assert TOO_MANY in locked.content.decode()
    assert not is_signed_in(client)

    response = sign_in(client, "colleague@example.org", DEFAULT_TEST_PASSWORD, REMOTE_ADDR=OFFICE)
    assert response.status_code == 302
    assert is_signed_in(client)


@pytest.mark.django_db
def test_spelling_the_host_name_differently_does_not_reset_an_accounts_count(client):
    verified_user(email="target@example.org")
    spellings = ["testserver", "TestServer", "TESTSERVER", "testserver:80", "tEsTsErVeR:8000"]
    allowed = limit("login_failed", "key")
    for attempt in range(allowed):
        sign_in(
            client, "target@example.org", "a guess", HTTP_HOST=spellings[attempt % len(spellings)]
        )

    response = sign_in(client, "target@example.org", DEFAULT_TEST_PASSWORD, HTTP_HOST="Testserver")

    assert TOO_MANY in response.content.decode()
    assert not is_signed_in(client)


@pytest.mark.django_db
@override_settings(TRUSTED_PROXIES=[PROXY])
def test_behind_a_named_proxy_two_clients_are_counted_separately(client):
    verified_user(email="colleague@example.org")
    # One client tries many accounts (a different one each time, so that only
    # the per-address limit can stop it) until its address is refused.
    spraying = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.66"}
    for number in range(limit("login_failed", "ip")):
        sign_in(client, f"someone-{number}@example.org", "a guess", **spraying)
    refused = sign_in(client, "colleague@example.org", DEFAULT_TEST_PASSWORD, **spraying)
    assert TOO_MANY in refused.content.decode()
    assert not is_signed_in(client)

    # Another client of the same proxy is not affected.
    other = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": OFFICE}
    response = sign_in(client, "colleague@example.org", DEFAULT_TEST_PASSWORD, **other)
    assert response.status_code == 302
    assert is_signed_in(client)


@pytest.mark.django_db
@override_settings(TRUSTED_PROXIES=[PROXY])
def test_a_forged_forwarded_address_does_not_escape_the_per_address_limit(client):
    verified_user(email="colleague@example.org")
    # Straight to the web process, not through the proxy, with a new
    # X-Forwarded-For each time: still one client.
    for number in range(limit("login_failed", "ip")):
        sign_in(
            client,
            f"someone-{number}@example.org",
            "a guess",
            REMOTE_ADDR="198.51.100.66",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number + 1}",
        )

    response = sign_in(
        client,
        "colleague@example.org",
        DEFAULT_TEST_PASSWORD,
        REMOTE_ADDR="198.51.100.66",
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )

    assert TOO_MANY in response.content.decode()
    assert not is_signed_in(client)


# trusted proxies, the peer (REMOTE_ADDR), X-Forwarded-For -> the client's address
CLIENT_ADDRESSES = [
    ([], "198.51.100.9", "", "198.51.100.9"),
    # No proxy named: the header is anyone's to write.
    ([], "198.51.100.9", "192.0.2.1", "198.51.100.9"),
    ([], PROXY, "192.0.2.1", PROXY),
    # The peer is not a named proxy: its header is forged.
    ([PROXY], "198.51.100.9", "192.0.2.1", "198.51.100.9"),
    # A named proxy vouches for the address it received the request from...
    ([PROXY], PROXY, "192.0.2.1", "192.0.2.1"),
    # ...and only for that one: what the client wrote to its left is ignored.
    ([PROXY], PROXY, "6.6.6.6, 192.0.2.1", "192.0.2.1"),
    # Several proxies in a row, named as a network, are skipped from the right.
    (["10.0.0.0/8"], "10.0.0.2", "6.6.6.6, 192.0.2.1, 10.1.2.3", "192.0.2.1"),
    (["10.0.0.0/8", "172.16.0.0/12"], "10.0.0.2", "192.0.2.1, 172.16.0.4", "192.0.2.1"),
    # A request from the proxy itself, or a proxy passing on nonsense.
    ([PROXY], PROXY, "", PROXY),
    ([PROXY], PROXY, "unknown", PROXY),
    (["10.0.0.0/8"], "10.0.0.2", "192.0.2.1, unknown, 10.1.2.3", "10.1.2.3"),
    # Ports and IPv6, as proxies write them.
    ([PROXY], PROXY, "192.0.2.1:51234", "192.0.2.1"),
    (["::1"], "::1", "[2001:db8::7]:51234", "2001:db8::7"),
    (["::1"], "::1", "2001:db8::7", "2001:db8::7"),
]


@pytest.mark.parametrize(("proxies", "peer", "forwarded", "expected"), CLIENT_ADDRESSES)
def test_client_address_allauth_counts_by(proxies, peer, forwarded, expected):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR=peer, **headers)
    with override_settings(TRUSTED_PROXIES=proxies):
        assert AccountAdapter(request).get_client_ip(request) == expected


def test_a_mistyped_trusted_proxy_stops_the_start():
    with override_settings(TRUSTED_PROXIES=["10.0.0.1", "10.0.0.300"]):
        errors = [error for error in run_checks() if error.id == "accounts.E001"]
    assert len(errors) == 1
    assert "10.0.0.300" in errors[0].msg


@pytest.mark.django_db
def test_allauth_still_asks_the_adapter_for_the_failed_login_key(client):
    """AccountAdapter overrides a private allauth method (no public hook sets
    this key): if an upgrade of allauth stops calling it, this fails, rather
    than each host name silently getting its own allowance again."""
    verified_user(email="target@example.org")
    with mock.patch(
        "cooperativa.accounts.adapters.login_attempts_key", wraps=login_attempts_key
    ) as key:
        sign_in(client, "Target@Example.org", "a guess", HTTP_HOST="Testserver:80")

    key.assert_called_with("target@example.org")
    assert login_attempts_key(" Target@Example.ORG ") == login_attempts_key("target@example.org")
