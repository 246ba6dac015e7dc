"""The opportunity hubs: what they list, states over time, sorting,
pagination and what happens with odd addresses."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from cooperativa.opportunities.models import ProjectPage
from tests.factories import (
    AreaFactory,
    create_call,
    create_hub,
    create_partner_page,
    create_placement,
    create_project,
    translate_page,
)
from tests.helpers import in_days, result_titles, soup

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC), tick=False):
        yield


def test_each_hub_lists_its_own_kind_from_every_partner(client):
    for kind in ("", "placement", "call", "project"):
        create_hub(kind)
    first, second = create_partner_page(), create_partner_page()
    create_placement(parent=first, title="Bakery placement")
    create_call(parent=second, title="Mentors wanted")
    create_project(parent=second, title="Community garden")

    assert sorted(result_titles(client.get("/opportunities/"))) == [
        "Bakery placement",
        "Community garden",
        "Mentors wanted",
    ]
    assert result_titles(client.get("/placements/")) == ["Bakery placement"]
    assert result_titles(client.get("/calls/")) == ["Mentors wanted"]
    assert result_titles(client.get("/projects/")) == ["Community garden"]


def test_only_the_all_types_hub_filters_by_type(client):
    create_hub("")
    create_hub("placement")
    create_placement()
    assert soup(client.get("/opportunities/")).select("input[name=type]")
    assert not soup(client.get("/placements/")).select("input[name=type]")


def test_drafts_and_private_pages_are_not_listed(client):
    from wagtail.models import PageViewRestriction

    create_hub("")
    draft = create_placement(title="Still a draft")
    draft.unpublish()
    private_partner = create_partner_page()
    create_placement(parent=private_partner, title="Members only")
    PageViewRestriction.objects.create(page=private_partner, restriction_type="login")
    create_placement(title="Public")

    assert result_titles(client.get("/opportunities/")) == ["Public"]


def test_a_hub_lists_only_its_language(client):
    hub = create_hub("")
    translate_page(hub, "it", title="Opportunità", slug="opportunita")
    english = create_placement(title="Kitchen help")
    translate_page(english.get_parent(), "it")
    translate_page(english, "it", title="Aiuto in cucina")

    assert result_titles(client.get("/opportunities/")) == ["Kitchen help"]
    assert result_titles(client.get("/it/opportunita/")) == ["Aiuto in cucina"]


def test_a_card_shows_the_facts_a_visitor_needs(client):
    create_hub("")
    partner = create_partner_page(title="Cooperativa Il Forno")
    area = AreaFactory(name="Moncalieri", slug="moncalieri")
    create_placement(
        parent=partner,
        title="Bakery assistant",
        area=area,
        paid=True,
        stipend="€600 a month",
        summary="Bake bread at night with a small team.",
        closes_on=in_days(30),
    )
    card = soup(client.get("/opportunities/")).select_one(".card")
    text = card.get_text(" ", strip=True)
    assert "Work placement" in text
    assert "Cooperativa Il Forno" in text
    assert "Moncalieri" in text
    assert "A job or placement" in text or "Regular commitment" in text
    assert "Bake bread at night with a small team." in text
    assert card.select_one(".badge--paid")
    assert card.select_one(".badge--open")
    assert card.select_one("time")["datetime"] == in_days(30).isoformat()


# --- State over time -------------------------------------------------------------


@pytest.mark.parametrize(
    ("travel_to", "expected_badge", "listed"),
    [
        (datetime.date(2026, 3, 1), "badge--open", True),  # 9 days before
        (datetime.date(2026, 3, 3), "badge--closing-soon", True),  # 7 days before
        (datetime.date(2026, 3, 10), "badge--closing-soon", True),  # the last day
        (datetime.date(2026, 3, 11), "badge--closed", False),  # the day after
    ],
)
def test_state_follows_the_calendar(client, travel_to, expected_badge, listed):
    create_hub("")
    create_placement(title="Laundry placement", closes_on=TODAY)

    moment = datetime.datetime.combine(travel_to, datetime.time(10), tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        default = client.get("/opportunities/")
        with_closed = client.get("/opportunities/?closed=1")

    assert (result_titles(default) == ["Laundry placement"]) is listed
    assert result_titles(with_closed) == ["Laundry placement"]
    assert soup(with_closed).select_one(f".card .{expected_badge}")


def test_closed_ones_are_hidden_until_asked_for(client, frozen):
    create_hub("")
    create_placement(title="Open one", closes_on=in_days(20))
    create_placement(title="Closed one", closes_on=in_days(-2))
    create_project(title="Finished project", stage=ProjectPage.Stage.COMPLETED, closes_on=None)

    default = client.get("/opportunities/")
    assert result_titles(default) == ["Open one"]
    page = soup(default)
    assert "2 closed opportunities are hidden" in page.get_text(" ", strip=True)
    show_link = page.find("a", string="Show them too")
    assert "closed=1" in show_link["href"]
    checkbox = page.select_one("input[name=closed]")
    assert not checkbox.has_attr("checked")

    shown = client.get(show_link["href"])
    assert sorted(result_titles(shown)) == ["Closed one", "Finished project", "Open one"]
    assert soup(shown).select_one("input[name=closed]").has_attr("checked")
    completed_card = [
        card for card in soup(shown).select(".card") if "Finished project" in card.get_text()
    ][0]
    assert "Completed" in completed_card.select_one(".badge--closed").get_text()


# --- Sorting -----------------------------------------------------------------------


def test_default_sort_is_closing_soonest_with_undated_last(client, frozen):
    create_hub("")
    create_project(title="No date", closes_on=None)
    create_placement(title="In a month", closes_on=in_days(30))
    create_call(title="Tomorrow", closes_on=in_days(1))
    create_placement(title="Closed", closes_on=in_days(-1))

    assert result_titles(client.get("/opportunities/")) == ["Tomorrow", "In a month", "No date"]
    # Closed ones, when shown, come after everything still open.
    assert result_titles(client.get("/opportunities/?closed=1")) == [
        "Tomorrow",
        "In a month",
        "No date",
        "Closed",
    ]


def test_newest_first(client):
    create_hub("")
    for title, published in (("Old", 10), ("Newest", 1), ("Middle", 5)):
        page = create_placement(title=title)
        page.first_published_at = timezone.now() - datetime.timedelta(days=published)
        page.save(update_fields=["first_published_at"])

    response = client.get("/opportunities/?sort=newest")
    assert result_titles(response) == ["Newest", "Middle", "Old"]
    current = soup(response).select_one(".results__sort a[aria-current]")
    assert current.get_text(strip=True) == "Newest"


# --- Pagination and addresses --------------------------------------------------------


def make_many(count, **fields):
    partner = create_partner_page()
    return [
        create_placement(
            parent=partner, title=f"Placement {n:02d}", closes_on=in_days(n + 1), **fields
        )
        for n in range(count)
    ]


def test_twelve_per_page_and_filters_kept_across_pages(client):
    create_hub("")
    area = AreaFactory(slug="ivrea", name="Ivrea")
    make_many(14, area=area)
    create_call(title="Elsewhere")  # another area: filtered out

    first = client.get("/opportunities/?area=ivrea")
    assert len(result_titles(first)) == 12
    assert "14 opportunities" in soup(first).select_one("#results-title").get_text()
    next_link = soup(first).select_one(".pagination a[rel=next]")["href"]
    assert "area=ivrea" in next_link and "page=2" in next_link

    second = client.get(f"/opportunities/{next_link}")
    assert result_titles(second) == ["Placement 12", "Placement 13"]
    # Changing a filter or the sort starts again from page 1.
    for link in soup(second).select(".results__sort a"):
        assert "page=" not in link["href"]


@pytest.mark.parametrize(
    "query",
    [
        "?area=999",
        "?page=abc",
        "?page=0",
        "?page=9999",
        "?sort=zzz",
        "?type=spaceship",
        "?paid=maybe",
        "?audience=nobody&sector=mining&commitment=forever",
        "?area=",
        "?closed=perhaps",
        "?page=2.5",
    ],
)
def test_odd_addresses_still_give_a_list(client, query):
    create_hub("")
    create_placement(title="Still here")
    response = client.get(f"/opportunities/{query}")
    assert result_titles(response) == ["Still here"]


def test_nothing_found_says_so_and_offers_wider_searches(client, frozen):
    create_hub("")
    create_placement(title="Paid catering", sector="catering", paid=True, stipend="€600")
    create_placement(title="Unpaid printing", sector="printing", paid=False)
    create_placement(
        title="Closed paid print job",
        sector="printing",
        paid=True,
        stipend="€5 an hour",
        closes_on=in_days(-3),
    )

    response = client.get("/opportunities/?sector=printing&paid=yes")
    assert result_titles(response) == []
    notice = soup(response).select_one("section[aria-labelledby=results-title] .notice")
    assert "No opportunities match these filters." in notice.get_text(" ", strip=True)
    links = {link.get_text(strip=True): link["href"] for link in notice.select("a")}
    assert set(links) == {
        "Remove “Printing and design”",
        "Remove “Paid”",
        "Show the closed opportunity",
        "Clear all filters",
    }
    assert links["Clear all filters"] == "/opportunities/"
    # Each link widens the search in its own way.
    assert result_titles(client.get(links["Remove “Printing and design”"])) == ["Paid catering"]
    assert result_titles(client.get(links["Remove “Paid”"])) == ["Unpaid printing"]
    assert result_titles(client.get(links["Show the closed opportunity"])) == [
        "Closed paid print job"
    ]


def test_an_empty_hub_says_there_is_nothing_open(client):
    create_hub("call")
    text = soup(client.get("/calls/")).get_text(" ", strip=True)
    assert "There are no open opportunities here at the moment." in text


def test_filtered_and_later_pages_are_not_indexed_by_search_engines(client):
    create_hub("")
    create_placement()
    assert not soup(client.get("/opportunities/")).select("meta[name=robots]")
    robots = soup(client.get("/opportunities/?sector=catering")).select_one("meta[name=robots]")
    assert "noindex" in robots["content"]


def test_the_form_works_without_javascript(client):
    create_hub("")
    create_placement()
    form = soup(client.get("/opportunities/?sort=newest")).select_one("form.filters")
    assert form["method"] == "get"
    assert form["action"] == "/opportunities/"
    assert form.select_one("button[type=submit]")
    # The chosen sort travels with the form.
    assert form.select_one("input[type=hidden][name=sort]")["value"] == "newest"
    for checkbox in form.select("input[type=checkbox]"):
        assert form.select_one(f"label[for={checkbox['id']}]")
