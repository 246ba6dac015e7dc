"""A new page saved at once in the editor: Wagtail's autosave creates the
page in the background, and a "Save draft" clicked before its answer
arrives must save into that page, not fail on the slug it already holds."""

import contextlib
from urllib.parse import urlsplit

from tests.browser.helpers import (
    BROWSER_TEST,
    NEW_PLACEMENT_TITLE,
    fill_in_placement,
    save_draft,
    sign_in,
)
from tests.factories import (
    DEFAULT_TEST_PASSWORD,
    AreaFactory,
    create_approved_organisation,
    verified_user,
    with_mfa,
)

pytestmark = BROWSER_TEST


def test_save_draft_right_after_autosave_saves_the_autosaved_page(page):
    from cooperativa.opportunities.models import PlacementPage
    from partners.models import PartnerPage

    AreaFactory(name="Torino", province="TO", slug="torino")
    partner = verified_user("giulia@example.org")
    organisation = create_approved_organisation(admin=partner, name="Il Forno")
    partner_page = PartnerPage.objects.get(organisation=organisation)
    secret = with_mfa(partner)
    add_url = f"/admin/pages/add/opportunities/placementpage/{partner_page.pk}/"
    sign_in(page, partner.email, DEFAULT_TEST_PASSWORD, add_url, secret)
    page.goto(add_url)
    # The editor notes the form's first state two seconds after it loads,
    # and autosaves changes from it (a person takes longer than that anyway).
    page.wait_for_timeout(2500)

    # Autosave reaches the server (which creates the page), but its answer
    # is held back, as on a slow connection: the form still says "create".
    held = []

    def hold_autosave(route):
        if route.request.method == "POST" and "json" in route.request.headers.get("accept", ""):
            held.append((route, route.fetch()))
        else:
            route.continue_()

    page.route(f"**{add_url}", hold_autosave)

    fill_in_placement(page)
    deadline = 50
    while not held and deadline:
        page.wait_for_timeout(100)
        deadline -= 1
    assert held, "autosave never started"
    assert PlacementPage.objects.filter(title=NEW_PLACEMENT_TITLE).count() == 1

    save_draft(page)

    placements = PlacementPage.objects.filter(title=NEW_PLACEMENT_TITLE)
    assert placements.count() == 1
    placement = placements.get()
    assert urlsplit(page.url).path == f"/admin/pages/{placement.pk}/edit/"
    assert page.get_by_text("already in use").count() == 0
    assert page.locator(".messages .success").count() == 1
    assert placement.get_latest_revision().content["duration"] == "6 months"
    for route, response in held:
        # The page has moved on; the held answer has nowhere to go.
        with contextlib.suppress(Exception):
            route.fulfill(response=response)
