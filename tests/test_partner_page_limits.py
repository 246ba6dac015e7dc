"""A partner's profile shows a few of each list and links to the rest.

An organisation may publish hundreds of placements; its profile shows the
six closing soonest of each type and a "See all" link to the hub filtered
by the organisation (``?partner=<slug>``), so the page stays light and costs
the same number of queries however much there is.
"""

import datetime
import itertools

import pytest
from django.utils import timezone

from cooperativa.codesign.models import Partnership
from cooperativa.opportunities.models import (
    CallPage,
    Commitment,
    PlacementPage,
    ProjectPage,
    Sector,
)
from partners.models import Organisation
from tests.factories import (
    AreaFactory,
    OrganisationFactory,
    create_hub,
    create_partner_page,
    term,
)
from tests.helpers import count_queries, soup

pytestmark = pytest.mark.django_db

_numbers = itertools.count(1)

KIND_FIELDS = {
    PlacementPage: {
        "commitment": Commitment.JOB,
        "hours_per_week": 20,
        "duration": "6 months",
        "how_to_apply": "<p>Write to us.</p>",
    },
    CallPage: {"what_is_asked": "<p>Come along.</p>", "how_to_respond": "<p>Write.</p>"},
    ProjectPage: {"goals": "<p>Grow vegetables.</p>", "stage": ProjectPage.Stage.RUNNING},
}


def add_live(parent, model=PlacementPage, *, title=None, closes_in=30, **fields):
    """A live opportunity straight into the tree (no revision: fast enough
    for lists of dozens)."""
    n = next(_numbers)
    values = {
        "title": title or f"{model._meta.verbose_name.capitalize()} {n}",
        "slug": f"limits-{n}",
        "live": True,
        "first_published_at": timezone.now() - datetime.timedelta(minutes=n),
        "summary": "Bake bread three mornings a week with a friendly team.",
        "commitment": Commitment.REGULAR,
        "sector": term(Sector, "catering"),
        "closes_on": timezone.localdate() + datetime.timedelta(days=closes_in),
        **KIND_FIELDS[model],
        **fields,
    }
    values["area"] = values.get("area") or AreaFactory()
    page = model(**values)
    parent.add_child(instance=page)
    return page


def add_partner_projects(lead, organisation, count, area):
    """``count`` projects led by ``lead`` with ``organisation`` as a partner."""
    projects = [add_live(lead, ProjectPage, area=area) for _ in range(count)]
    ProjectPage.partner_organisations.through.objects.bulk_create(
        ProjectPage.partner_organisations.through(
            projectpage_id=project.pk, organisation=organisation
        )
        for project in projects
    )
    # Credited publicly only once it agreed to be named (co-design).
    Partnership.objects.bulk_create(
        Partnership(
            translation_key=project.translation_key,
            project=project,
            organisation=organisation,
            status=Partnership.Status.ACCEPTED,
        )
        for project in projects
    )
    return projects


def card_titles(element):
    return [a.get_text(strip=True) for a in element.select(".card__title a")]


def see_all_link(section):
    links = [a for a in section.find_all("a") if a.get_text(strip=True).startswith("See all")]
    return links[0] if links else None


@pytest.fixture
def hubs(home):
    return {kind: create_hub(kind) for kind in ("", "placement", "project")}


def test_a_profile_shows_the_six_closing_soonest_and_links_to_all_of_them(client, hubs):
    partner = create_partner_page()
    name = partner.organisation.name
    area = AreaFactory()
    # Created latest-closing first, so that the order shown is not the order made.
    placements = [
        add_live(partner, title=f"Placement closing in {days} days", closes_in=days, area=area)
        for days in range(20, 0, -1)
    ]
    other = create_partner_page()
    others = [add_live(other, title=f"Elsewhere {n}", area=area) for n in range(3)]

    section = soup(client.get(partner.url)).select_one("section[aria-labelledby=open-placement]")
    assert card_titles(section) == [f"Placement closing in {days} days" for days in range(1, 7)]
    link = see_all_link(section)
    assert link.get_text(strip=True) == f"See all 20 work placements from {name}"
    assert link["href"] == f"/placements/?partner={partner.organisation.slug}"

    first = soup(client.get(link["href"]))
    assert first.select_one("#results-title").get_text(strip=True) == "20 opportunities"
    notice = first.select_one("form.filters .notice")
    assert notice.get_text(" ", strip=True).startswith(f"From: {name}")
    assert notice.find("a")["href"] == "/placements/"
    assert first.select_one("form.filters input[type=hidden][name=partner]")["value"] == (
        partner.organisation.slug
    )
    # The facets count only this organisation's placements.
    sector_counts = [
        int(option.select_one(".filters__count").get_text())
        for option in first.select("form.filters .filters__option")
        if option.select_one("input[name=sector]")
    ]
    assert sum(sector_counts) == 20

    next_link = first.select_one(".pagination a[rel=next]")
    assert f"partner={partner.organisation.slug}" in next_link["href"]
    second = soup(client.get(f"/placements/{next_link['href']}"))
    listed = card_titles(first.select_one("section.layout-sidebar__main")) + card_titles(
        second.select_one("section.layout-sidebar__main")
    )
    assert sorted(listed) == sorted(page.title for page in placements)
    assert not set(listed) & {page.title for page in others}

    # Removing the notice brings back everyone's placements.
    everyone = soup(client.get(notice.find("a")["href"]))
    assert everyone.select_one("#results-title").get_text(strip=True) == "23 opportunities"


def test_short_lists_are_shown_whole_without_a_link(client, hubs):
    partner = create_partner_page()
    for _ in range(6):
        add_live(partner)
    section = soup(client.get(partner.url)).select_one("section[aria-labelledby=open-placement]")
    assert len(card_titles(section)) == 6
    assert see_all_link(section) is None


def test_a_type_without_a_hub_of_its_own_links_to_the_all_types_hub(client, hubs):
    partner = create_partner_page()
    for _ in range(7):
        add_live(partner, CallPage)
    section = soup(client.get(partner.url)).select_one("section[aria-labelledby=open-call]")
    link = see_all_link(section)
    assert link["href"] == f"/opportunities/?type=call&partner={partner.organisation.slug}"
    listing = soup(client.get(link["href"]))
    assert listing.select_one("#results-title").get_text(strip=True) == "7 opportunities"


def test_projects_it_takes_part_in_are_capped_too(client, hubs):
    partner = create_partner_page()
    lead = create_partner_page()
    add_partner_projects(lead, partner.organisation, 8, AreaFactory())
    add_live(lead, ProjectPage, title="Without them")

    section = soup(client.get(partner.url)).select_one(
        "section[aria-labelledby=partner-projects-title]"
    )
    assert len(card_titles(section)) == 6
    link = see_all_link(section)
    name = partner.organisation.name
    assert link.get_text(strip=True) == f"See all 8 joint projects {name} takes part in"
    listing = soup(client.get(link["href"]))
    assert listing.select_one("#results-title").get_text(strip=True) == "8 opportunities"
    assert "Without them" not in card_titles(listing)


@pytest.mark.parametrize("slug", ["no-such-organisation", "pending-one", ""])
def test_an_unknown_or_unpublished_organisation_is_ignored(client, hubs, slug):
    OrganisationFactory(slug="pending-one", name="Pending One", status=Organisation.Status.PENDING)
    add_live(create_partner_page())
    add_live(create_partner_page())
    page = soup(client.get(f"/placements/?partner={slug}"))
    assert page.select_one("#results-title").get_text(strip=True) == "2 opportunities"
    assert page.select_one("form.filters .notice") is None
    assert "Pending One" not in page.get_text()


def test_a_profile_costs_the_same_with_7_or_60_opportunities(client, hubs):
    partner = create_partner_page()
    lead = create_partner_page()
    area = AreaFactory()
    kinds = itertools.cycle([PlacementPage, CallPage, ProjectPage])
    for _ in range(7):
        add_live(partner, next(kinds), area=area)
    add_partner_projects(lead, partner.organisation, 1, area)
    few = count_queries(client, partner.url)

    for _ in range(53):
        add_live(partner, next(kinds), area=area)
    add_partner_projects(lead, partner.organisation, 9, area)
    assert count_queries(client, partner.url) == few

    html = soup(client.get(partner.url))
    assert len(html.select("section[aria-labelledby=open-title] .card")) == 18
