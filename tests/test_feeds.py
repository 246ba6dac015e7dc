"""RSS and Atom feeds: what a feed reader subscribed to a hub receives."""

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cooperativa.opportunities.models import ProjectPage
from tests.factories import (
    OrganisationFactory,
    create_call,
    create_hub,
    create_partner_page,
    create_placement,
    create_project,
    translate_page,
)
from tests.helpers import in_days

pytestmark = pytest.mark.django_db

FEEDS = [
    "/feeds/opportunities.rss",
    "/feeds/opportunities.atom",
    "/feeds/placements.rss",
    "/feeds/placements.atom",
    "/feeds/calls.rss",
    "/feeds/calls.atom",
    "/feeds/projects.rss",
    "/feeds/projects.atom",
]


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    return response, parsed


def titles(parsed):
    return [entry.title for entry in parsed.entries]


@pytest.fixture
def host():
    organisation = OrganisationFactory(name="Cooperativa Il Forno")
    return create_partner_page(organisation)


@pytest.mark.parametrize("url", FEEDS)
def test_every_feed_is_valid_and_of_its_format(client, url):
    create_placement(title="Bakery assistant")
    response, parsed = fetch(client, url)
    if url.endswith(".rss"):
        assert response["Content-Type"].startswith("application/rss+xml")
        assert parsed.version == "rss20"
    else:
        assert response["Content-Type"].startswith("application/atom+xml")
        assert parsed.version == "atom10"


@pytest.mark.parametrize("extension", ["rss", "atom"])
def test_item_carries_title_link_summary_date_author_and_categories(client, host, extension):
    placement = create_placement(
        parent=host,
        title="Bakery assistant",
        summary="Bake bread three mornings a week with a friendly team.",
        sector="catering",
    )
    _response, parsed = fetch(client, f"/feeds/placements.{extension}")

    [entry] = parsed.entries
    assert entry.title == "Bakery assistant"
    assert entry.link == placement.get_full_url()
    assert entry.link.startswith("http")
    assert entry.summary == "Bake bread three mornings a week with a friendly team."
    assert entry.author == "Cooperativa Il Forno"
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert abs(published - placement.first_published_at) < datetime.timedelta(seconds=1)
    categories = {tag.term for tag in entry.tags}
    assert categories == {"Catering and food", "work placement"}


def test_newest_first(client, host):
    for title in ("Oldest", "Middle", "Newest"):
        create_placement(parent=host, title=title)
    _response, parsed = fetch(client, "/feeds/placements.rss")
    assert titles(parsed) == ["Newest", "Middle", "Oldest"]


def test_each_hub_feed_lists_only_its_type_and_the_all_feed_lists_every_type(client, host):
    create_placement(parent=host, title="A placement")
    create_call(parent=host, title="A call")
    create_project(parent=host, title="A project")

    assert titles(fetch(client, "/feeds/placements.rss")[1]) == ["A placement"]
    assert titles(fetch(client, "/feeds/calls.atom")[1]) == ["A call"]
    assert titles(fetch(client, "/feeds/projects.rss")[1]) == ["A project"]
    assert set(titles(fetch(client, "/feeds/opportunities.rss")[1])) == {
        "A placement",
        "A call",
        "A project",
    }


def test_closed_drafts_private_and_completed_items_are_left_out(client, host):
    create_placement(parent=host, title="Closes today", closes_on=in_days(0))
    create_placement(parent=host, title="No closing date", closes_on=None)
    create_placement(parent=host, title="Closed yesterday", closes_on=in_days(-1))
    create_call(parent=host, title="Call closed last week", closes_on=in_days(-7))
    create_project(parent=host, title="Running project")
    create_project(parent=host, title="Completed project", stage=ProjectPage.Stage.COMPLETED)
    draft = create_placement(parent=host, title="Withdrawn placement")
    draft.unpublish()
    private = create_placement(parent=host, title="Members-only placement")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    for extension in ("rss", "atom"):
        listed = set(titles(fetch(client, f"/feeds/opportunities.{extension}")[1]))
        assert listed == {"Closes today", "No closing date", "Running project"}


def test_item_leaves_the_feed_the_day_after_it_closes(client, host, time_machine):
    time_machine.move_to(datetime.datetime(2025, 3, 10, 12, tzinfo=datetime.UTC))
    create_placement(parent=host, title="Closes on the 10th", closes_on=datetime.date(2025, 3, 10))
    assert titles(fetch(client, "/feeds/placements.rss")[1]) == ["Closes on the 10th"]

    # Midnight in Rome is 23:00 UTC in winter.
    time_machine.move_to(datetime.datetime(2025, 3, 10, 23, 30, tzinfo=datetime.UTC))
    assert titles(fetch(client, "/feeds/placements.rss")[1]) == []


def test_feed_links_to_its_hub_and_uses_its_title(client, host):
    hub = create_hub("placement")
    create_placement(parent=host)
    _response, parsed = fetch(client, "/feeds/placements.atom")
    assert parsed.feed.link == hub.get_full_url()
    assert parsed.feed.title.startswith(hub.title)


def test_italian_feed_lists_italian_pages(client, host):
    english = create_placement(parent=host, title="Bakery assistant")
    italian = translate_page(english, title="Aiuto panettiere", summary="Fare il pane.")
    create_placement(parent=host, title="English only")

    _response, english_feed = fetch(client, "/feeds/placements.rss")
    assert set(titles(english_feed)) == {"Bakery assistant", "English only"}
    assert english_feed.feed.language == "en"

    _response, italian_feed = fetch(client, "/it/feeds/placements.rss")
    assert titles(italian_feed) == ["Aiuto panettiere"]
    assert italian_feed.entries[0].link == italian.get_full_url()
    assert "/it/" in italian_feed.entries[0].link
    assert italian_feed.feed.language == "it"

    _response, italian_atom = fetch(client, "/it/feeds/opportunities.atom")
    assert titles(italian_atom) == ["Aiuto panettiere"]


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        _response, parsed = fetch(client, url)
    return len(queries), len(parsed.entries)


def test_query_count_does_not_grow_with_the_number_of_items(client):
    urls = ["/feeds/opportunities.rss", "/feeds/placements.atom"]
    hosts = [create_partner_page() for _ in range(5)]
    for n in range(5):
        create_placement(parent=hosts[n % 5])
    # The first request fills per-process caches (content types, site root
    # paths); count from the second on.
    for url in urls:
        _count_queries(client, url)
    few = [_count_queries(client, url) for url in urls]

    more_hosts = hosts + [create_partner_page() for _ in range(5)]
    for n in range(45):
        create_placement(parent=more_hosts[n % 10])
    # New content: the caches under the content version fill again first.
    for url in urls:
        _count_queries(client, url)
    many = [_count_queries(client, url) for url in urls]

    assert [items for _queries, items in few] == [5, 5]
    assert [items for _queries, items in many] == [50, 50]
    assert [queries for queries, _items in many] == [queries for queries, _items in few]


def feed_links_in(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    head = soup.head
    return {
        link["type"]: link["href"]
        for link in head.find_all("link", rel="alternate")
        if link.get("type") in ("application/rss+xml", "text/calendar")
    }


@pytest.mark.parametrize(
    ("kind", "feed"),
    [
        ("", "/feeds/opportunities.rss"),
        ("placement", "/feeds/placements.rss"),
        ("call", "/feeds/calls.rss"),
        ("project", "/feeds/projects.rss"),
    ],
)
def test_each_hub_announces_its_own_feed(client, kind, feed):
    hub = create_hub(kind)
    assert feed_links_in(client, hub.url) == {
        "application/rss+xml": feed,
        "text/calendar": "/feeds/deadlines.ics",
    }
    # The announced addresses answer.
    assert client.get(feed).status_code == 200


def test_opportunity_announces_its_types_feed_and_other_pages_the_all_feed(client, host):
    call = create_call(parent=host)
    assert feed_links_in(client, call.url)["application/rss+xml"] == "/feeds/calls.rss"
    assert feed_links_in(client, host.url)["application/rss+xml"] == "/feeds/opportunities.rss"
    assert feed_links_in(client, "/")["application/rss+xml"] == "/feeds/opportunities.rss"


def test_italian_pages_announce_italian_feeds(client, host):
    italian = translate_page(create_placement(parent=host), title="Aiuto panettiere")
    assert feed_links_in(client, italian.url) == {
        "application/rss+xml": "/it/feeds/placements.rss",
        "text/calendar": "/it/feeds/deadlines.ics",
    }


# --- Following a filtered hub --------------------------------------------------------


@pytest.fixture
def kitchen_and_laundry(db):
    create_hub("placement", title="Placements")
    create_hub("", title="Opportunities")
    partner = create_partner_page()
    create_placement(partner, title="Kitchen help", sector="catering")
    create_placement(partner, title="Laundry help", sector="laundry")
    create_call(partner, title="Cooking workshop", sector="catering")


def follow_links(client, url):
    section = BeautifulSoup(client.get(url).content.decode(), "html.parser").find(
        "section", class_="follow"
    )
    return {a["type"]: a["href"] for a in section.find_all("a")}


def test_a_hub_shows_follow_links_that_keep_its_filters(client, kitchen_and_laundry):
    assert follow_links(client, "/placements/") == {
        "application/rss+xml": "/feeds/placements.rss",
        "application/atom+xml": "/feeds/placements.atom",
        "text/calendar": "/feeds/deadlines.ics?type=placement",
    }
    # Sort, page and "closed" are how the list is shown, not what it follows.
    links = follow_links(client, "/placements/?sector=catering&sort=newest&closed=1")
    assert links["application/rss+xml"] == "/feeds/placements.rss?sector=catering"
    assert links["text/calendar"] == "/feeds/deadlines.ics?sector=catering&type=placement"


@pytest.mark.parametrize("extension", ["rss", "atom"])
def test_feeds_apply_the_hub_filters(client, kitchen_and_laundry, extension):
    _response, parsed = fetch(client, f"/feeds/placements.{extension}?sector=catering")
    assert titles(parsed) == ["Kitchen help"]
    _response, parsed = fetch(client, f"/feeds/opportunities.{extension}?sector=catering")
    assert sorted(titles(parsed)) == ["Cooking workshop", "Kitchen help"]
    _response, parsed = fetch(client, f"/feeds/opportunities.{extension}?type=call")
    assert titles(parsed) == ["Cooking workshop"]


def test_the_calendar_applies_the_hub_filters(client, kitchen_and_laundry):
    import icalendar

    def summaries(url):
        calendar = icalendar.Calendar.from_ical(client.get(url).content)
        return sorted(str(event["summary"]) for event in calendar.walk("VEVENT"))

    assert summaries("/feeds/deadlines.ics?sector=catering&type=placement") == [
        "Closing date: Kitchen help"
    ]
    assert len(summaries("/feeds/deadlines.ics")) == 3
