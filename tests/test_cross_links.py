"""The links that tie the public site, the participant's area and the
organisations' management area together: the header's account links for
each kind of visitor, the ways to register or join an organisation, and the
home page's landmarks."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.models import Membership
from tests.factories import (
    OrganisationFactory,
    create_partner_index,
    create_partner_page,
    translate_page,
    verified_user,
    with_mfa,
)
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def header_links(response):
    """(text, href) of each link in the header's tools (languages aside)."""
    tools = soup(response).select_one(".site-header__tools")
    return [(a.get_text(strip=True), a["href"]) for a in tools.select("a.site-header__account")]


@pytest.fixture
def member():
    user = verified_user("member@example.org")
    Membership.objects.create(
        user=user, organisation=OrganisationFactory(), role=Membership.Role.ADMIN
    )
    return user


# --- The header -------------------------------------------------------------------------


def test_visitor_sees_sign_in_that_comes_back(client, home):
    assert header_links(client.get("/")) == [("Sign in", "/accounts/login/?next=/")]


def test_participant_goes_to_their_own_area(client, home):
    client.force_login(verified_user("participant@example.org"))
    assert header_links(client.get("/")) == [("Your account", "/me/")]


def test_organisation_member_also_reaches_their_organisations(client, home, member):
    # Members see other people's data there, so they have an authenticator app.
    with_mfa(member)
    client.force_login(member)
    assert header_links(client.get("/")) == [
        ("Your account", "/me/"),
        ("My organisations", "/partners/manage/"),
    ]
    # The link leads to a page that lists the member's organisation.
    manage = soup(client.get("/partners/manage/"))
    assert member.memberships.get().organisation.name in manage.find("main").get_text()


def test_account_link_keeps_the_language(client, home, member):
    translate_page(home, "it")
    client.force_login(member)
    links = dict(header_links(client.get("/it/")))
    assert links["Il tuo account"] == "/it/me/"
    assert "/it/partners/manage/" in links.values()


def test_current_account_page_is_marked_in_the_header(client, home, member):
    client.force_login(member)
    tools = soup(client.get("/me/")).select_one(".site-header__tools")
    assert tools.find("a", href="/me/")["aria-current"] == "page"
    assert not tools.find("a", href="/partners/manage/").has_attr("aria-current")


@pytest.mark.parametrize("signed_in", ["nobody", "participant", "member"])
def test_header_asks_about_memberships_once_and_only_when_signed_in(
    client, home, member, signed_in
):
    if signed_in == "participant":
        client.force_login(verified_user("participant@example.org"))
    elif signed_in == "member":
        client.force_login(member)
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    asked = [q["sql"] for q in queries if "partners_membership" in q["sql"]]
    assert len(asked) == (0 if signed_in == "nobody" else 1), asked


# --- Registering and joining an organisation -------------------------------------------


def test_footer_offers_to_register_an_organisation(client, home):
    footer = soup(client.get("/")).find("footer")
    link = footer.find("a", string="Register your organisation")
    assert link["href"] == "/partners/join/"


def test_directory_invites_organisations_to_register(client, home):
    create_partner_index()
    main = soup(client.get("/partners/")).find("main")
    link = main.find("a", href="/partners/join/")
    assert link.get_text(strip=True) == "Register it"
    assert "Is your organisation working with us?" in link.find_parent("p").get_text()


def partner_links(response):
    """The join or manage links of a partner page, as (text, href)."""
    main = soup(response).find("main")
    return [
        (a.get_text(strip=True), a["href"])
        for a in main.find_all("a", href=True)
        if a["href"].startswith(("/partners/join/", "/partners/manage/"))
    ]


def test_partner_page_offers_nothing_to_visitors(client, home):
    page = create_partner_page(OrganisationFactory(name="Forno Sociale", slug="forno-sociale"))
    assert partner_links(client.get(page.url)) == []


def test_partner_page_invites_signed_in_people_to_ask_to_join(client, home):
    page = create_partner_page(OrganisationFactory(name="Forno Sociale", slug="forno-sociale"))
    client.force_login(verified_user("baker@example.org"))

    links = partner_links(client.get(page.url))
    assert links == [
        ("Ask to join this organisation", "/partners/join/member/?organisation=forno-sociale")
    ]
    # The request form opens with this organisation already chosen.
    form = soup(client.get(links[0][1]))
    chosen = form.select_one("select[name=organisation] option[selected]")
    assert chosen["value"] == "forno-sociale"


def test_partner_page_lets_its_members_manage_it(client, home, member):
    organisation = member.memberships.get().organisation
    page = create_partner_page(organisation)
    client.force_login(member)

    assert partner_links(client.get(page.url)) == [
        ("Manage this organisation", f"/partners/manage/{organisation.slug}/")
    ]
    # A member of another organisation is offered to join this one instead.
    other = create_partner_page(OrganisationFactory())
    assert [text for text, _ in partner_links(client.get(other.url))] == [
        "Ask to join this organisation"
    ]


# --- Landmarks of the home page -------------------------------------------------------------

LANDMARK_ROLES = {
    "banner",
    "complementary",
    "contentinfo",
    "form",
    "main",
    "navigation",
    "region",
    "search",
}
SECTIONING = ("article", "aside", "main", "nav", "section")


def landmarks(page_soup):
    """(role, accessible name) of every landmark, as a browser works them out
    from the HTML (HTML-AAM): a header or footer inside sectioning content is
    no landmark, a section or form is one only when it has a name."""
    found = []
    for element in page_soup.body.find_all(True):
        if element.has_attr("aria-labelledby"):
            name = " ".join(
                page_soup.find(id=ref).get_text(" ", strip=True)
                for ref in element["aria-labelledby"].split()
            )
        else:
            name = element.get("aria-label", "").strip()
        role = element.get("role")
        if role is None:
            tag = element.name
            if tag in ("header", "footer"):
                inside_section = element.find_parent(SECTIONING) is not None
                role = (
                    None if inside_section else {"header": "banner", "footer": "contentinfo"}[tag]
                )
            elif tag in ("section", "form"):
                role = {"section": "region", "form": "form"}[tag] if name else None
            else:
                role = {"main": "main", "nav": "navigation", "aside": "complementary"}.get(tag)
        if role in LANDMARK_ROLES:
            found.append((role, name))
    return found


def test_landmark_check_sees_a_clash():
    """The check below must be able to fail: two regions with one name."""
    clash = BeautifulSoup(
        '<body><main><section aria-labelledby="t"><h1 id="t">Cooperativa</h1></section></main>'
        '<footer><section aria-label="Cooperativa"></section></footer></body>',
        "html.parser",
    )
    assert landmarks(clash).count(("region", "Cooperativa")) == 2


@pytest.mark.parametrize("path", ["/", "/it/"])
def test_home_page_landmarks_have_unique_names(client, home, path):
    # The home page is usually titled with the site's name, which also names
    # the footer's "about" section.
    home.title = "Cooperativa"
    home.save_revision().publish()
    translate_page(home, "it", title="Cooperativa")

    page_soup = soup(client.get(path))
    found = landmarks(page_soup)
    assert len(found) == len(set(found)), sorted(found)
    # The hero holds the page's title and is not a landmark of its own.
    hero = page_soup.find(class_="hero")
    assert hero.find("h1").get_text(strip=True) == "Cooperativa"
