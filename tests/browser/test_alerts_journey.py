"""An alert from a filtered hub, end to end in Chromium without JavaScript:
save it with an address, confirm it from the email, receive a digest and
stop it in one click. And axe-core finds nothing on the alert pages."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from cooperativa.alerts.models import Alert
from tests.browser.accessibility import assert_no_violations
from tests.browser.conftest import NAVIGATION_TIMEOUT_MS
from tests.factories import create_placement

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ADDRESS = "reader@example.org"


@pytest.fixture
def no_script_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", java_script_enabled=False
    )
    context.set_default_timeout(NAVIGATION_TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


def link_in(message, fragment):
    (url,) = [url for url in re.findall(r"https?://\S+", message.body) if fragment in url]
    return urlsplit(url).path


def test_an_alert_is_saved_confirmed_received_and_stopped_without_javascript(no_script_page, site):
    page = no_script_page
    page.goto("/placements/?sector=catering")
    page.get_by_role("link", name="Get alerts for this search").click()
    page.get_by_label("Your email address").fill(ADDRESS)
    page.get_by_label("As soon as they are published").check()
    page.get_by_role("button", name="Send me the confirmation link").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Check your email"

    (confirmation,) = [message for message in mail.outbox if message.to == [ADDRESS]]
    page.goto(link_in(confirmation, "/alerts/confirm/"))
    page.get_by_role("button", name="Yes, start my alert").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Your alert is on"
    assert Alert.objects.get(email=ADDRESS).is_confirmed

    # A partner publishes a catering placement: the alert writes at once.
    create_placement(title="Pizzeria helper", sector="catering")
    create_placement(title="Laundry helper", sector="laundry")
    digests = [m for m in mail.outbox if m.to == [ADDRESS] and m is not confirmation]
    assert [m.subject for m in digests] == ["1 new opportunity: Placements: Catering and food"]
    (digest,) = digests
    assert "Pizzeria helper" in digest.body and "Laundry helper" not in digest.body

    page.goto(link_in(digest, "/alerts/stop/"))
    page.get_by_role("button", name="Stop this alert").click()
    assert page.get_by_role("heading", level=1).inner_text() == "The alert is stopped"
    assert not Alert.objects.filter(email=ADDRESS).exists()


def test_the_alert_pages_have_no_accessibility_violations(page, site):
    page.goto("/placements/?sector=catering&paid=yes")
    page.get_by_role("link", name="Get alerts for this search").click()
    assert_no_violations(page)
    page.get_by_role("button", name="Send me the confirmation link").click()
    # The form again, with its errors.
    assert page.get_by_role("alert").is_visible()
    assert_no_violations(page)
    page.get_by_label("Your email address").fill(ADDRESS)
    page.get_by_label("Once a day").check()
    page.get_by_role("button", name="Send me the confirmation link").click()
    assert_no_violations(page)
    (confirmation,) = [message for message in mail.outbox if message.to == [ADDRESS]]
    page.goto(link_in(confirmation, "/alerts/confirm/"))
    assert_no_violations(page)
