"""The rendered filters and results of a list (components/faceted_listing.html)
are kept in the cache under the list's fragment_key: what each visitor sees
must still follow every change, the day, the language and the filters, with
the page cache off (as for signed-in people)."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from tests.factories import create_hub, create_placement, translate_page, verified_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub(home, settings):
    settings.PAGE_CACHE_SECONDS = 0
    return create_hub("placement")


def test_a_published_change_shows_in_the_list_at_once(client, hub):
    placement = create_placement(title="Kitchen assistant")
    assert "Kitchen assistant" in client.get(hub.url).content.decode()

    placement.title = "Baker's assistant"
    placement.save_revision().publish()

    page = client.get(hub.url).content.decode()
    assert "Baker&#x27;s assistant" in page
    assert "Kitchen assistant" not in page


def test_a_new_opportunity_is_counted_in_the_filters_and_listed(client, hub):
    create_placement(title="Kitchen assistant", sector="catering")
    first = client.get(hub.url).content.decode()
    assert "1 opportunity" in first

    create_placement(title="Laundry operator", sector="laundry")

    page = client.get(hub.url).content.decode()
    assert "2 opportunities" in page
    assert "Laundry operator" in page


def test_the_state_badges_follow_the_day(client, hub):
    closes = timezone.localdate() + datetime.timedelta(days=10)
    create_placement(title="Kitchen assistant", closes_on=closes)
    assert "badge--closing-soon" not in client.get(hub.url).content.decode()

    with time_machine.travel(closes - datetime.timedelta(days=2)):
        assert "badge--closing-soon" in client.get(hub.url).content.decode()


def test_each_language_and_each_filter_has_its_own(client, hub):
    create_placement(title="Kitchen assistant", sector="catering")
    create_placement(title="Laundry operator", sector="laundry")
    italian_hub = translate_page(hub, title="Tirocini", slug="tirocini")

    english = client.get(hub.url).content.decode()
    italian = client.get(italian_hub.url).content.decode()
    filtered = client.get(hub.url + "?sector=laundry").content.decode()

    assert "Show results" in english and "Mostra i risultati" not in english
    assert "Mostra i risultati" in italian
    assert "Kitchen assistant" in english and "Laundry operator" in english
    assert "Kitchen assistant" not in filtered and "Laundry operator" in filtered
    assert 'value="laundry" checked' in filtered
    assert 'value="laundry" checked' not in english


def test_signed_in_people_get_the_same_lists_and_nothing_of_anyone_else(client, hub):
    create_placement(title="Kitchen assistant")
    first = verified_user("first@example.org", display_name="First Person")
    client.force_login(first)
    client.get(hub.url)
    client.logout()

    second = verified_user("second@example.org", display_name="Second Person")
    client.force_login(second)
    page = client.get(hub.url).content.decode()

    assert "Kitchen assistant" in page
    assert "First Person" not in page and "first@example.org" not in page
