"""The pages of alerts: "Get alerts for this search" on every hub in both
languages, saving while signed in, double opt-in for an address, one-click
unsubscribe (link, headers, RFC 8058 POST) and /me/alerts/, each alert only
to its owner. Time is frozen."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.test import Client

from cooperativa.alerts import services, tokens
from cooperativa.alerts.models import Alert
from tests.factories import (
    create_hub,
    create_partner_page,
    create_placement,
    translate_page,
    verified_user,
)
from tests.helpers import soup

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 10, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def hubs(clock):
    return {kind: create_hub(kind) for kind in ("", "placement", "call", "project")}


def alert_link(response):
    link = soup(response).find("a", string=re.compile("Get alerts for this search|Ricevi avvisi"))
    assert link is not None
    return link["href"]


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def links_in(text):
    return re.findall(r"https?://\S+", text)


# --- The action on every hub ---------------------------------------------------------


@pytest.mark.parametrize("path", ["/opportunities/", "/placements/", "/calls/", "/projects/"])
def test_every_hub_offers_alerts_for_its_filtered_search(client, hubs, path):
    href = alert_link(client.get(f"{path}?sector=catering&sector=nonsense&paid=yes&page=2"))
    hub = next(hub for hub in hubs.values() if hub.url == path)
    assert href.startswith(f"/alerts/new/?hub={hub.pk}&sector=catering")
    # The form keeps what the hub's own listing understood: unknown values
    # and paging dropped.
    form = soup(client.get(href))
    assert form.find("input", {"name": "query"})["value"] == "sector=catering&paid=yes"
    assert [item.get_text(strip=True) for item in form.select("main ul li")] == [
        "Catering and food",
        "Paid",
    ]


def test_the_italian_hub_offers_alerts_in_italian(client, hubs):
    italian = translate_page(hubs["placement"], "it", title="Tirocini", slug="tirocini")
    href = alert_link(client.get("/it/tirocini/?paid=no"))
    assert href == f"/it/alerts/new/?hub={italian.pk}&paid=no"
    page = soup(client.get(href))
    assert page.find("h1").get_text(strip=True) == "Ricevi avvisi per questa ricerca"


# --- Signed in ----------------------------------------------------------------------


def test_a_participant_saves_names_and_chooses_how_often(client, hubs):
    user = verified_user()
    client.force_login(user)
    hub = hubs["placement"]
    form = soup(client.get(f"/alerts/new/?hub={hub.pk}&sector=catering"))
    # A name to start from: the hub and its filters.
    assert form.find("input", {"name": "name"})["value"].startswith("Placements: ")
    response = client.post(
        "/alerts/new/",
        {"hub": hub.pk, "query": "sector=catering", "name": "Kitchens", "frequency": "weekly"},
    )
    assert response.status_code == 302
    alert = Alert.objects.get(user=user)
    assert (alert.name, alert.frequency, alert.query, alert.is_confirmed) == (
        "Kitchens",
        "weekly",
        "sector=catering",
        True,
    )
    assert "Kitchens" in soup(client.get("/me/alerts/")).get_text()


def test_a_form_with_mistakes_says_so_and_keeps_what_was_typed(client, hubs):
    client.force_login(verified_user())
    response = client.post(
        "/alerts/new/", {"hub": hubs[""].pk, "query": "paid=yes", "name": "Paid work"}
    )
    page = soup(response)
    assert "Choose how often we should email you." in page.get_text()
    assert page.find("input", {"name": "name"})["value"] == "Paid work"
    assert Alert.objects.count() == 0


def test_an_unknown_hub_is_not_found(client, hubs):
    assert client.get("/alerts/new/?hub=999999").status_code == 404
    assert client.get("/alerts/new/?hub=abc").status_code == 404
    assert client.get("/alerts/new/").status_code == 404


def make_alert(user, hub, name="Kitchens"):
    return services.create_for_user(
        user, hub=hub, query="sector=catering", name=name, frequency="daily", language="en"
    )


@pytest.mark.parametrize(
    ("who", "status"), [("owner", 200), ("someone else", 404), ("anonymous", 302)]
)
def test_an_alert_is_shown_and_changed_only_by_its_owner(client, hubs, who, status):
    owner = verified_user()
    alert = make_alert(owner, hubs["placement"])
    if who == "owner":
        client.force_login(owner)
    elif who == "someone else":
        client.force_login(verified_user())
    url = f"/me/alerts/{alert.pk}/"

    assert client.get(url).status_code == status
    change = client.post(url, {"name": "Changed", "frequency": "weekly"})
    delete = client.post(url, {"delete": "1"})

    alert_now = Alert.objects.filter(pk=alert.pk).first()
    if who == "owner":
        assert change.status_code == 302
        assert alert_now is None  # then deleted by its owner
    else:
        assert change.status_code == status and delete.status_code == status
        assert (alert_now.name, alert_now.frequency) == ("Kitchens", "daily")


def test_the_list_shows_only_ones_own_alerts(client, hubs, django_assert_max_num_queries):
    user, other = verified_user(), verified_user()
    make_alert(other, hubs["placement"], name="Someone else's")
    client.force_login(user)
    make_alert(user, hubs["placement"], name="Mine")
    with django_assert_max_num_queries(20):
        text = soup(client.get("/me/alerts/")).get_text()
    assert "Mine" in text and "Someone else's" not in text
    for number in range(10):
        make_alert(user, hubs["call"], name=f"More {number}")
    # The same number of queries however many alerts.
    with django_assert_max_num_queries(20):
        assert "More 9" in soup(client.get("/me/alerts/")).get_text()


# --- Without an account: double opt-in ------------------------------------------------


def subscribe(client, hub, email="reader@example.org", capture=None):
    with capture(execute=True):
        return client.post(
            "/alerts/new/",
            {"hub": hub.pk, "query": "sector=catering", "email": email, "frequency": "immediate"},
        )


def test_an_address_confirms_before_anything_is_sent(
    client, hubs, clock, django_capture_on_commit_callbacks
):
    hub = hubs["placement"]
    response = subscribe(client, hub, capture=django_capture_on_commit_callbacks)
    assert "reader@example.org" in soup(response).get_text()
    alert = Alert.objects.get()
    assert (alert.user, alert.email, alert.is_confirmed) == (None, "reader@example.org", False)
    (confirmation,) = mail.outbox
    assert confirmation.to == ["reader@example.org"]
    (link,) = [url for url in links_in(confirmation.body) if "/alerts/confirm/" in url]

    # Something new before confirming: not sent.
    clock.move_to(START + datetime.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        create_placement(parent=create_partner_page(), title="Early bird")
    assert len(mail.outbox) == 1

    # Opening the link shows a button; a GET (a mail scanner) confirms nothing.
    page = soup(client.get(path_of(link)))
    assert page.find("button", string=re.compile("Yes, start my alert"))
    assert not Alert.objects.get().is_confirmed
    assert client.post(path_of(link)).status_code == 200
    assert Alert.objects.get().is_confirmed

    # From now on it works, and only for what is new since confirming.
    clock.move_to(START + datetime.timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        create_placement(parent=create_partner_page(), title="Kitchen porter")
    assert "Kitchen porter" in mail.outbox[-1].body
    assert "Early bird" not in mail.outbox[-1].body


def test_a_confirmation_link_expires_and_unconfirmed_addresses_are_forgotten(
    client, hubs, clock, django_capture_on_commit_callbacks
):
    subscribe(client, hubs["placement"], capture=django_capture_on_commit_callbacks)
    (link,) = [url for url in links_in(mail.outbox[0].body) if "/alerts/confirm/" in url]
    clock.move_to(START + datetime.timedelta(days=8))
    assert client.post(path_of(link)).status_code == 404
    assert not Alert.objects.get().is_confirmed
    services.run_digests()
    assert not Alert.objects.exists()


def test_a_forged_confirmation_link_does_nothing(client, hubs, django_capture_on_commit_callbacks):
    subscribe(client, hubs["placement"], capture=django_capture_on_commit_callbacks)
    alert = Alert.objects.get()
    forged = tokens.alert_token(alert, tokens.UNSUBSCRIBE_SALT)  # another link's signature
    assert client.post(f"/alerts/confirm/{forged}/").status_code == 404
    assert client.post("/alerts/confirm/not-a-token/").status_code == 404
    assert not Alert.objects.get().is_confirmed


def test_asking_again_soon_sends_no_second_email(client, hubs, django_capture_on_commit_callbacks):
    for _attempt in range(3):
        subscribe(client, hubs["placement"], capture=django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    assert Alert.objects.count() == 1


def test_an_address_is_required_and_checked(client, hubs):
    response = client.post(
        "/alerts/new/",
        {"hub": hubs[""].pk, "query": "", "email": "not an address", "frequency": "daily"},
    )
    page = soup(response)
    assert "Enter an email address like name@example.org." in page.get_text()
    assert page.find("input", {"name": "email"})["value"] == "not an address"
    assert not Alert.objects.exists()


# --- One-click unsubscribe -----------------------------------------------------------


@pytest.fixture
def digest(hubs, clock, django_capture_on_commit_callbacks):
    """An alert and the digest it sent."""
    alert = Alert.objects.create(
        hub=hubs["placement"],
        email="reader@example.org",
        name="Kitchens",
        language="en",
        frequency="immediate",
        confirmed_at=START,
    )
    clock.move_to(START + datetime.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        create_placement(parent=create_partner_page(), title="Kitchen porter")
    (message,) = mail.outbox
    return alert, message


def test_every_alert_email_carries_the_unsubscribe_headers_and_link(digest):
    alert, message = digest
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url.startswith("http://127.0.0.1:8000/alerts/stop/")
    assert f"Stop this alert in one click: {url}" in message.body
    assert url in message.alternatives[0][0]


def test_the_one_click_post_of_a_mail_program_stops_the_alert(digest):
    alert, message = digest
    url = path_of(message.extra_headers["List-Unsubscribe"].strip("<>"))
    # A mail program: no cookie, no CSRF token, just the RFC 8058 body.
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Alert.objects.filter(pk=alert.pk).exists()
    # A second POST (mail programs retry) answers the same.
    assert mail_program.post(url).status_code == 200


def test_the_link_in_the_email_asks_for_one_click_without_signing_in(client, digest):
    alert, message = digest
    url = path_of(message.extra_headers["List-Unsubscribe"].strip("<>"))
    page = soup(client.get(url))
    assert Alert.objects.filter(pk=alert.pk).exists()  # a GET changes nothing
    button = page.select_one("main form[method=post] button")
    assert button.get_text(strip=True) == "Stop this alert"
    assert client.post(url).status_code == 200
    assert not Alert.objects.filter(pk=alert.pk).exists()


def test_an_unsubscribe_link_works_for_its_own_alert_only(client, hubs, digest):
    alert, _message = digest
    other = Alert.objects.create(
        hub=hubs["placement"], email="other@example.org", name="Other", language="en",
        confirmed_at=START,
    )  # fmt: skip
    forged = tokens.alert_token(other, tokens.CONFIRM_SALT)
    assert client.post(f"/alerts/stop/{forged}/").status_code == 404
    assert client.post("/alerts/stop/garbage/").status_code == 404
    assert Alert.objects.filter(pk__in=[alert.pk, other.pk]).count() == 2


def test_my_data_includes_my_alerts(client, hubs):
    from cooperativa.accounts.personal_data import export_personal_data

    user = verified_user()
    make_alert(user, hubs["placement"], name="Kitchens")
    (exported,) = export_personal_data(user)["alerts"]
    assert (exported["name"], exported["how_often"]) == ("Kitchens", "daily")
    assert exported["search"].endswith("?sector=catering")
