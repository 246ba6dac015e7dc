"""A partner's home in the Wagtail admin: a panel about their own
organisations (pages, drafts, moderation, requests, invitations, links to
add opportunities), at a cost that does not grow with their pages."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners import services
from partners.models import PartnerPage
from tests.factories import (
    create_approved_organisation,
    create_placement,
    login_with_mfa,
    moderator,
    verified_user,
    with_mfa,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(client):
    user = verified_user("partner@example.org")
    organisation = create_approved_organisation(admin=user, name="Il Forno")
    with_mfa(user)
    login_with_mfa(client, user)
    client.organisation = organisation
    client.partner_page = PartnerPage.objects.get(organisation=organisation)
    return client


def panel(client):
    page = BeautifulSoup(client.get("/admin/").content.decode(), "html.parser")
    return page.find(id="partner-home-section")


def add_draft(partner_page, title):
    placement = create_placement(partner_page, title=title)
    placement.title = f"{title} (edited)"
    placement.save_revision()
    return placement


def test_partner_sees_their_pages_drafts_and_add_links(partner):
    partner_page = partner.partner_page
    create_placement(partner_page, title="Kitchen help")
    add_draft(partner_page, "Laundry help")
    section = panel(partner)
    assert section is not None
    text = " ".join(section.get_text(" ").split())
    assert "Il Forno" in text
    assert "2 pages" in text
    assert "1 with changes not yet published" in text
    assert "0 waiting for the moderators" in text
    links = {a["href"] for a in section.find_all("a")}
    for model in ("placementpage", "callpage", "projectpage"):
        assert f"/admin/pages/add/opportunities/{model}/{partner_page.pk}/" in links
    # The counts of the whole site are for moderators.
    summary = BeautifulSoup(partner.get("/admin/").content.decode(), "html.parser").find(
        class_="w-summary"
    )
    assert summary is None or not summary.find("li")


def test_partner_admin_sees_requests_to_join_and_open_invitations(partner):
    services.request_to_join(partner.organisation, verified_user("asker@example.org"))
    services.invite_member(
        partner.organisation, "new@example.org", "editor", invited_by=partner.organisation.applicant
    )
    text = " ".join(panel(partner).get_text(" ").split())
    assert "1 request to join waits for your answer" in text
    assert "1 invitation not yet accepted" in text


def test_panel_queries_do_not_grow_with_pages(partner):
    for n in range(2):
        create_placement(partner.partner_page, title=f"Placement {n}")
    with CaptureQueriesContext(connection) as few:
        panel(partner)
    for n in range(2, 12):
        add_draft(partner.partner_page, f"Placement {n}")
    with CaptureQueriesContext(connection) as many:
        section = panel(partner)
    assert "12 pages" in " ".join(section.get_text(" ").split())
    assert len(many.captured_queries) == len(few.captured_queries)


def test_moderators_keep_the_site_counts_and_see_no_partner_panel(client):
    user = moderator("moderator@example.org")
    with_mfa(user)
    login_with_mfa(client, user)
    content = client.get("/admin/").content.decode()
    assert 'id="partner-home-section"' not in content
    summary = BeautifulSoup(content, "html.parser").find(class_="w-summary")
    assert summary.find("li")
