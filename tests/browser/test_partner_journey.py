"""A partner's way in, in a real browser: create an account, confirm the
email, register the organisation, get approved by a moderator, set up the
authenticator app, write a draft placement in the editor, and find another
organisation's page closed."""

from urllib.parse import urlsplit

import pytest

from tests.browser.accessibility import assert_accessible
from tests.browser.helpers import (
    BROWSER_TEST,
    NEW_PLACEMENT_TITLE,
    fill_in_placement,
    save_draft,
    sign_in,
    submit,
    wait_for_email,
    write_how_to_apply,
)
from tests.factories import (
    DEFAULT_TEST_PASSWORD,
    AreaFactory,
    create_approved_organisation,
    create_partner_index,
    moderator,
    totp_code,
    with_mfa,
)

pytestmark = BROWSER_TEST

PARTNER_EMAIL = "giulia@ilforno.example.it"
PARTNER_PASSWORD = "Forno e lavanderia 2026!"
MODERATOR_EMAIL = "moderatrice@cooperativa.example.org"


@pytest.fixture
def world(transactional_db):
    from partners.models import PartnerPage

    create_partner_index()
    AreaFactory(name="Torino", province="TO", slug="torino")
    other = create_approved_organisation(name="Casa Comune")
    reviewer = moderator(MODERATOR_EMAIL)
    return {
        "other_page": PartnerPage.objects.get(organisation=other),
        "moderator_secret": with_mfa(reviewer),
    }


def test_partner_signs_up_is_approved_and_edits_only_its_own_pages(
    page, browser, live_server, world
):
    from cooperativa.opportunities.models import PlacementPage
    from partners.models import Organisation, PartnerPage

    # 1. An account, confirmed through the link in the email.
    page.goto("/accounts/signup/")
    form = "main form:has(input[name=password1])"
    page.locator(f"{form} input[name=email]").fill(PARTNER_EMAIL)
    page.locator(f"{form} input[name=password1]").fill(PARTNER_PASSWORD)
    page.locator(f"{form} input[name=password2]").fill(PARTNER_PASSWORD)
    submit(page, form)
    link = wait_for_email(PARTNER_EMAIL, r"https?://\S+/accounts/confirm-email/\S+")
    page.goto(urlsplit(link).path)
    submit(page, "main form")

    # 2. The organisation's application.
    page.goto("/partners/join/")
    assert page.get_by_role("heading", level=1).inner_text() == "Register your organisation"
    assert_accessible(page)
    page.get_by_label("Name of the organisation").fill("Cooperativa Il Forno")
    page.get_by_label("What kind of organisation is it?").select_option("coop_b")
    page.get_by_label("Legal form").select_option("social_coop")
    page.get_by_label("Registry number").fill("A123456")
    page.get_by_label("What your organisation does").fill(
        "A bakery in Torino that trains and employs people on work release."
    )
    page.get_by_label("Torino (TO)").check()
    page.get_by_label("Jobs and placements").check()
    page.locator("#id_contact_name").fill("Giulia Bianchi")
    page.get_by_label("Contact person's email").fill(PARTNER_EMAIL)
    page.get_by_label("I have read the partnership charter").check()
    submit(page, "form[action='/partners/join/']")
    assert "we have your application" in page.get_by_role("heading", level=1).inner_text()
    assert_accessible(page)
    organisation = Organisation.objects.get(name="Cooperativa Il Forno")
    assert organisation.status == Organisation.Status.PENDING

    # 3. A moderator, signed in with password and code, approves it.
    moderator_context = browser.new_context(base_url=live_server.url, locale="en-GB")
    try:
        moderator_page = moderator_context.new_page()
        approve_url = f"/admin/partners/organisations/{organisation.pk}/approve/"
        sign_in(
            moderator_page,
            MODERATOR_EMAIL,
            DEFAULT_TEST_PASSWORD,
            approve_url,
            secret=world["moderator_secret"],
        )
        assert urlsplit(moderator_page.url).path == approve_url
        with moderator_page.expect_navigation():
            moderator_page.get_by_role("button", name="Yes, approve").click()
        assert "is approved" in moderator_page.content()
    finally:
        moderator_context.close()
    organisation.refresh_from_db()
    assert organisation.is_approved
    partner_page = PartnerPage.objects.get(organisation=organisation)

    # 4. The partner opens the editor and is guided to set up the app first.
    page.goto("/admin/")
    if "/reauthenticate/" in page.url:
        page.locator("main input[name=password]").fill(PARTNER_PASSWORD)
        submit(page, "main form:has(input[name=password])")
    assert urlsplit(page.url).path == "/accounts/2fa/totp/activate/"
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("main input[name=code]").fill(totp_code(secret))
    submit(page, "main form:has(input[name=code])")
    page.goto("/admin/")
    assert urlsplit(page.url).path == "/admin/"

    # 5. A draft placement under its own partner page.
    page.goto(f"/admin/pages/add/opportunities/placementpage/{partner_page.pk}/")
    fill_in_placement(page)
    write_how_to_apply(page)
    save_draft(page)
    placement = PlacementPage.objects.get(title=NEW_PLACEMENT_TITLE)
    assert not placement.live
    assert placement.get_parent().pk == partner_page.pk

    # 6. Another organisation's page stays closed.
    other_edit = f"/admin/pages/{world['other_page'].pk}/edit/"
    page.goto(other_edit)
    assert urlsplit(page.url).path != other_edit
    assert page.get_by_text("Sorry, you do not have permission to access this area.").count()
