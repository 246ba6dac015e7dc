"""Taking part, in a real browser 360 px wide (a cheap phone): a visitor
filters the placements and responds without an account; a probation officer
refers someone to a call; the host's editor finds both in the inbox, marks
one contacted and exports the CSV. axe finds nothing serious or critical on
the forms and the inbox."""

import time
from pathlib import Path

import pytest
from django.urls import reverse

from tests.browser.accessibility import assert_accessible
from tests.factories import (
    DEFAULT_TEST_PASSWORD,
    add_member,
    create_approved_organisation,
    create_call,
    create_hub,
    create_placement,
    totp_code,
    verified_user,
    with_mfa,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 360, "height": 740}


def submit(page, selector):
    with page.expect_navigation():
        page.locator(selector).first.click()


def sign_in(page, email, secret, next_url):
    page.goto(f"/accounts/login/?next={next_url}")
    form = "main form:has(input[name=password])"
    page.locator(f"{form} input[name=login]").fill(email)
    page.locator(f"{form} input[name=password]").fill(DEFAULT_TEST_PASSWORD)
    submit(page, f"{form} button[type=submit]")
    page.locator("main input[name=code]").fill(totp_code(secret))
    submit(page, "main form:has(input[name=code]) button[type=submit]")


@pytest.fixture
def world(transactional_db, settings):
    from partners.models import Organisation

    # The live server runs in this process: a short minimum fill time keeps
    # the test quick while still checking it.
    settings.PARTICIPATION_MIN_FILL_SECONDS = 1
    create_hub("placement")
    host = create_approved_organisation(
        name="Il Forno", email="lavoro@ilforno.example.org", phone="011 123 4567"
    )
    office = create_approved_organisation(name="UEPE Torino", kind=Organisation.Kind.PUBLIC_SERVICE)
    editor = add_member(host, verified_user("editor@ilforno.example.org"))
    officer = add_member(office, verified_user("officer@uepe.example.org"))
    parent = host.pages.first()
    return {
        "placement": create_placement(parent, title="Bakery assistant", sector="catering"),
        "other": create_placement(parent, title="Laundry helper", sector="cleaning"),
        "call": create_call(parent, title="Open day at the bakery"),
        "editor_secret": with_mfa(editor),
        "officer_secret": with_mfa(officer),
    }


def test_respond_refer_and_follow_up_in_the_inbox(browser, live_server, world):
    from cooperativa.participation.models import Response

    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="en-GB")
    page = context.new_page()

    # A visitor filters the placements and responds.
    page.goto("/placements/")
    checkbox = page.locator("form.filters input[name=sector][value=catering]")
    # Long lists of choices fold into a <details>: open it as a visitor would.
    folded = checkbox.locator("xpath=ancestor::details[1]")
    if folded.count() and folded.get_attribute("open") is None:
        folded.locator("summary").first.click()
    checkbox.check()
    submit(page, "form.filters button[type=submit]")
    assert page.locator(".card__title a", has_text="Laundry helper").count() == 0
    with page.expect_navigation():
        page.locator(".card__title a", has_text="Bakery assistant").click()
    assert "lavoro@ilforno.example.org" in page.locator("#apply").inner_text()
    submit(page, "#apply a.button")
    assert_accessible(page)
    page.get_by_label("Your name or initials").fill("M. R.")
    page.get_by_label("By phone").check()
    page.locator("input[name=phone]").fill("333 1234567")
    page.locator("textarea[name=message]").fill("Mornings suit me.")
    page.get_by_label("I agree").check()
    time.sleep(1.2)
    submit(page, "main form button[type=submit]")
    assert "Your response is sent" in page.locator("h1").inner_text()

    # A probation officer refers someone to the call.
    officer = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="en-GB")
    officer_page = officer.new_page()
    refer_url = f"/respond/{world['call'].pk}/refer/"
    sign_in(officer_page, "officer@uepe.example.org", world["officer_secret"], refer_url)
    assert officer_page.url.endswith(refer_url)
    assert_accessible(officer_page)
    officer_page.get_by_label("The person's initials").fill("G. B.")
    officer_page.get_by_label("The person has agreed to this").check()
    time.sleep(1.2)
    submit(officer_page, "main form button[type=submit]")
    assert "Your referral is sent" in officer_page.locator("h1").inner_text()
    officer.close()

    # The host's editor sees both, marks one contacted and exports CSV.
    editor = browser.new_context(
        base_url=live_server.url, viewport=PHONE, locale="en-GB", accept_downloads=True
    )
    editor_page = editor.new_page()
    sign_in(editor_page, "editor@ilforno.example.org", world["editor_secret"], "/admin/responses/")
    assert editor_page.url.endswith("/admin/responses/")
    # Again, without the "signed in" message that Wagtail fades in (axe would
    # measure its contrast half-way through the animation).
    editor_page.goto("/admin/responses/")
    response, referral = Response.objects.order_by("pk")
    listing = editor_page.locator("main").inner_text()
    assert f"Response {response.pk}" in listing and f"Response {referral.pk}" in listing
    assert_accessible(editor_page)

    editor_page.goto(reverse("participation_response:edit", args=[response.pk]))
    assert "333 1234567" in editor_page.locator("main").inner_text()
    assert_accessible(editor_page)
    editor_page.locator("select[name=status]").select_option("contacted")
    submit(editor_page, "form#w-editor-form button[type=submit]")
    response.refresh_from_db()
    assert response.status == Response.Status.CONTACTED

    editor_page.goto("/admin/responses/")
    with editor_page.expect_download() as download:
        editor_page.evaluate(
            "url => { window.location.href = url; }", "/admin/responses/?export=csv"
        )
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "M. R." in text and "G. B." in text
    editor.close()
    context.close()
