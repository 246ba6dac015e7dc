"""What browser tests do in a page: mark themselves, open a page, send a
form, sign in (through the form, with an authenticator code, or by handing
the browser a session), wait for an email. One copy,
imported by every browser test module."""

import re
import time

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from tests.factories import DEFAULT_TEST_PASSWORD, login_with_mfa, totp_code

# Every browser test: the live server answers from another thread, so rows
# must be committed; serialized_rollback brings back what the migrations made.
BROWSER_TEST = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def visit(page, url, status=200):
    """Open ``url`` and check it answered ``status``."""
    response = page.goto(url)
    assert response.status == status, f"{url} answered {response.status} at {page.url}"
    return response


def without_browser_checks(page, form_selector):
    """Switch off the browser's own checks on a form (required fields, email
    syntax, maximum length), so the server's error messages show, as they do
    in a browser that has none."""
    page.locator(form_selector).evaluate(
        "form => { form.noValidate = true;"
        " form.querySelectorAll('[maxlength]').forEach(f => f.removeAttribute('maxlength')); }"
    )


def submit(page, form_selector, *, validate=True):
    """Press the form's (first) submit button and wait for the next page;
    ``validate=False`` sends it past the browser's own checks."""
    if not validate:
        without_browser_checks(page, form_selector)
    with page.expect_navigation():
        page.locator(form_selector).locator("button[type=submit]").first.click()


def sign_in(page, email, password=DEFAULT_TEST_PASSWORD, next_url="", secret=None, *, login_url=""):
    """Sign in through the login form (``login_url``, the English one by
    default), then to ``next_url``; with ``secret``, type the authenticator
    app's current code when asked."""
    url = login_url or "/accounts/login/"
    page.goto(f"{url}?next={next_url}" if next_url else url)
    form = "main form:has(input[name=password])"
    page.locator(f"{form} input[name=login]").fill(email)
    page.locator(f"{form} input[name=password]").fill(password)
    submit(page, form)
    if secret:
        page.locator("main input[name=code]").fill(totp_code(secret))
        submit(page, "main form:has(input[name=code])")


def sign_in_by_session(page, live_server, user, *, mfa=False, recently=True):
    """Give the browser a session for ``user``, as if signed in through the
    form (and the authenticator-app step, with ``mfa``). ``recently`` also
    records that the password was confirmed just now, so the pages that
    ask for it again (allauth's re-authentication) open straight away."""
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY

    client = Client()
    # It also ties the session's authentication records to ``user``; the
    # records themselves are replaced below.
    login_with_mfa(client, user)
    session = client.session
    now = time.time()
    records = [{"method": "password", "at": now, "email": user.email}]
    if mfa:
        records.append({"method": "mfa", "at": now, "type": "totp"})
    if recently:
        records.append({"method": "password", "at": now, "reauthenticated": True})
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session.save()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )


# --- Wagtail's page editor -------------------------------------------------------------

NEW_PLACEMENT_TITLE = "Baker's assistant"


def fill_in_placement(page, area="Torino (TO)"):
    """Fill in the required facts of a new placement, titled
    NEW_PLACEMENT_TITLE, in the page editor."""
    page.locator("#id_title").fill(NEW_PLACEMENT_TITLE)
    page.locator("#id_summary").fill("Learn to bake bread, four mornings a week.")
    page.locator("#id_commitment").select_option(index=1)
    page.locator("#id_sector").select_option(index=1)
    page.locator("[data-contentpath='audiences'] input[type=checkbox]").first.check()
    page.locator("#id_area").select_option(label=area)
    page.locator("#id_hours_per_week").fill("16")
    page.locator("#id_duration").fill("6 months")


def write_how_to_apply(page):
    """Type the placement's "how to apply" in its rich text editor."""
    page.locator("[data-contentpath='how_to_apply'] [contenteditable='true']").click()
    page.keyboard.type("Ask your probation officer to call us.")


def save_draft(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").first.click()


def wait_for_email(to, pattern, timeout=10.0):
    """The first match of ``pattern`` (a link) in an email to ``to``. The live
    server sends from its own thread, after its transaction commits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in mail.outbox:
            if to in message.to and (match := re.search(pattern, message.body)):
                return match.group(0)
        time.sleep(0.1)
    raise AssertionError(f"no email to {to} with {pattern!r}: {[m.subject for m in mail.outbox]}")
