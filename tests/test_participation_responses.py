"""Responding to placements and calls, referring someone, and what the
platform does to keep responses safe: closed opportunities refuse, robots
are turned away, a double submission records one response, the host's
members get a link and never the person's data, and the person sees,
withdraws, downloads and erases what they sent."""

import json

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cooperativa.participation.models import JusticeStatusQuestion, Response, ResponseQuestion
from partners.models import Organisation
from tests.factories import (
    add_member,
    create_approved_organisation,
    create_call,
    create_placement,
    verified_user,
)
from tests.helpers import in_days, reauthenticate, soup

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_wait(settings):
    # The minimum fill time has its own test; the others send at once.
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0


@pytest.fixture
def host(db):
    organisation = create_approved_organisation(
        name="Il Forno", email="lavoro@ilforno.example.org", phone="011 123 4567"
    )
    editor = add_member(organisation, verified_user("editor@ilforno.example.org"))
    return organisation, editor


@pytest.fixture
def placement(host):
    organisation, _editor = host
    return create_placement(organisation.pages.first(), title="Bakery assistant")


def form_data(client, url, **fields):
    """What a person's browser sends: the form's hidden fields as served, and ``fields``."""
    page = soup(client.get(url))
    data = {
        field["name"]: field.get("value", "")
        for field in page.select("form.form input[type=hidden]")
    }
    data.update(fields)
    return data


PERSON = {
    "name": "M. R.",
    "contact_route": "email",
    "email": "mr@example.org",
    "message": "I worked in a bakery before. Mornings suit me.",
    "consent": "on",
}


def respond(client, page, **fields):
    url = reverse("participation:respond", args=[page.pk])
    return client.post(url, form_data(client, url, **{**PERSON, **fields}))


def test_a_visitor_without_an_account_responds_and_the_host_gets_a_link_only(
    client, placement, host, django_capture_on_commit_callbacks
):
    organisation, editor = host
    with django_capture_on_commit_callbacks(execute=True):
        response = respond(client, placement)

    assert response.status_code == 302
    sent = Response.objects.get()
    assert sent.organisation == organisation
    assert sent.name == "M. R." and sent.email == "mr@example.org" and sent.user is None
    assert "Il Forno" in sent.consent_statement and "12 months" in sent.consent_statement
    page = soup(client.get(response["Location"]))
    assert "Il Forno has received it" in page.get_text()

    [email] = [message for message in mail.outbox if editor.email in message.to]
    link = reverse("participation_response:edit", args=[sent.pk])
    assert link in email.body
    for personal in ("M. R.", "mr@example.org", "bakery before"):
        assert personal not in email.body
        assert personal not in email.subject
    assert (
        ModelLogEntry.objects.filter(action="participation.respond", object_id=str(sent.pk)).count()
        == 1
    )


def test_only_the_chosen_contact_route_is_kept(client, placement):
    respond(client, placement, contact_route="phone", phone="333 1234567", email="mr@example.org")
    sent = Response.objects.get()
    assert sent.phone == "333 1234567"
    assert sent.email == ""


def test_a_missing_contact_says_so_in_plain_words_and_keeps_what_was_typed(client, placement):
    response = respond(client, placement, email="")
    page = soup(response)
    assert "Give an email address, or choose phone." in page.get_text()
    assert page.select_one("textarea[name=message]").get_text().strip() == PERSON["message"]
    assert not Response.objects.exists()


def test_a_response_page_is_never_stored_by_the_browser(client, placement):
    response = client.get(reverse("participation:respond", args=[placement.pk]))
    assert "no-store" in response["Cache-Control"]


def test_a_closed_placement_refuses_responses_with_a_clear_message(client, host):
    organisation, _editor = host
    closed = create_placement(organisation.pages.first(), closes_on=in_days(-1))
    url = reverse("participation:respond", args=[closed.pk])

    page = soup(client.get(url), status=410)
    assert "This opportunity is closed" in page.get_text()
    response = client.post(url, {**PERSON, "started": "x", "token": "1"})
    assert response.status_code == 410
    assert not Response.objects.exists()


def test_the_placement_page_shows_the_hosts_contact_beside_how_to_apply(client, placement):
    page = soup(client.get(placement.url))
    apply = page.select_one("#apply")
    text = apply.get_text(" ", strip=True)
    assert "lavoro@ilforno.example.org" in text
    assert "011 123 4567" in text
    assert apply.select_one(f"a[href='{reverse('participation:respond', args=[placement.pk])}']")


def test_a_call_asks_its_own_questions_and_the_answers_are_kept(client, host):
    organisation, _editor = host
    call = create_call(organisation.pages.first(), title="Open day")
    ResponseQuestion.objects.create(
        page=call,
        label="Which day suits you?",
        field_type="dropdown",
        choices="Monday\nFriday",
        required=True,
    )
    ResponseQuestion.objects.create(
        page=call, label="Anything to bring?", field_type="singleline", required=False
    )
    url = reverse("participation:respond", args=[call.pk])

    missing = client.post(url, form_data(client, url, **PERSON))
    assert "This field is required" in soup(missing).get_text()
    client.post(url, form_data(client, url, **PERSON, question_which_day_suits_you="Friday"))

    assert Response.objects.get().answers == [
        {"question": "Which day suits you?", "answer": "Friday"},
        {"question": "Anything to bring?", "answer": ""},
    ]


def test_justice_status_is_asked_only_where_the_opportunity_needs_it(client, host, placement):
    url = reverse("participation:respond", args=[placement.pk])
    assert not soup(client.get(url)).select("input[name=justice_status]")

    JusticeStatusQuestion.objects.create(
        page=placement, reason="For people who may work outside prison."
    )
    choices = [
        radio["value"] for radio in soup(client.get(url)).select("input[name=justice_status]")
    ]
    assert "prefer_not" in choices
    client.post(url, form_data(client, url, **PERSON, justice_status="prefer_not"))
    assert Response.objects.get().justice_status == "prefer_not"


def test_a_signed_in_participant_is_linked_and_follows_and_withdraws(client, placement, host):
    organisation, _editor = host
    person = verified_user("participant@example.org")
    client.force_login(person)
    respond(client, placement)
    sent = Response.objects.get()
    assert sent.user == person

    page = soup(client.get(reverse("participation:mine")))
    assert "Bakery assistant" in page.get_text()
    assert "New" in page.get_text()

    client.post(reverse("participation:withdraw", args=[sent.pk]))
    sent.refresh_from_db()
    assert sent.status == Response.Status.WITHDRAWN
    assert sent.withdrawn_at is not None


def test_nobody_withdraws_someone_elses_response(client, placement):
    respond(client, placement)
    sent = Response.objects.get()
    client.force_login(verified_user("other@example.org"))
    assert client.post(reverse("participation:withdraw", args=[sent.pk])).status_code == 404
    sent.refresh_from_db()
    assert sent.status == Response.Status.NEW


# --- Abuse and duplicates ------------------------------------------------------------------


def test_a_filled_honeypot_is_told_it_worked_and_nothing_is_kept(
    client, placement, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = respond(client, placement, website="http://spam.example")
    assert response.status_code == 302
    assert not Response.objects.exists()
    assert mail.outbox == []


def test_a_form_sent_too_fast_is_asked_again_and_then_goes(client, placement, settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 3
    url = reverse("participation:respond", args=[placement.pk])
    data = form_data(client, url, **PERSON)
    page = soup(client.post(url, data))
    assert "quicker than we expected" in page.get_text()
    assert not Response.objects.exists()

    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    assert client.post(url, data).status_code == 302
    assert Response.objects.count() == 1


def test_a_forged_timestamp_counts_as_too_fast(client, placement, settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 3
    url = reverse("participation:respond", args=[placement.pk])
    data = form_data(client, url, **PERSON, started="1")
    assert "quicker than we expected" in soup(client.post(url, data)).get_text()
    assert not Response.objects.exists()


def test_a_double_submission_records_one_response_and_one_email(
    client, placement, host, django_capture_on_commit_callbacks
):
    url = reverse("participation:respond", args=[placement.pk])
    data = form_data(client, url, **PERSON)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, data)
        second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert Response.objects.count() == 1
    _organisation, editor = host
    assert len([message for message in mail.outbox if editor.email in message.to]) == 1


def test_the_rate_limit_is_generous_for_a_shared_office_then_stops(client, placement, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "respond": "3/m/ip"}
    url = reverse("participation:respond", args=[placement.pk])
    for n in range(3):
        assert (
            client.post(url, form_data(client, url, **{**PERSON, "name": f"P{n}"})).status_code
            == 302
        )
    refused = client.post(url, form_data(client, url, **{**PERSON, "name": "P4"}))
    assert refused.status_code == 429
    assert Response.objects.count() == 3


def test_the_default_rate_limit_lets_a_probation_office_send_twenty_in_a_row(client, placement):
    url = reverse("participation:respond", args=[placement.pk])
    for n in range(20):
        assert (
            client.post(url, form_data(client, url, **{**PERSON, "name": f"P{n}"})).status_code
            == 302
        )
    assert Response.objects.count() == 20


# --- Referrals ------------------------------------------------------------------------------


@pytest.fixture
def probation_officer(db):
    office = create_approved_organisation(name="UEPE Torino", kind=Organisation.Kind.PUBLIC_SERVICE)
    return add_member(office, verified_user("officer@uepe.example.org")), office


def test_a_probation_officer_refers_someone_with_initials_and_follows_it(
    client, host, probation_officer
):
    organisation, _editor = host
    officer, office = probation_officer
    call = create_call(organisation.pages.first(), title="Open day")
    client.force_login(officer)
    url = reverse("participation:refer", args=[call.pk])
    response = client.post(
        url, form_data(client, url, name="G. B.", message="Keen on baking.", consent="on")
    )
    assert response.status_code == 302

    referral = Response.objects.get()
    assert referral.contact_route == Response.ContactRoute.REFERRER
    assert referral.referred_by == officer and referral.referrer_organisation == office
    assert referral.user is None and referral.email == "" and referral.phone == ""
    page = soup(client.get(reverse("participation:mine")))
    assert "G. B." in page.get_text() and "Open day" in page.get_text()


def test_only_members_of_a_public_service_refer(client, placement, host):
    _organisation, editor = host
    client.force_login(editor)
    url = reverse("participation:refer", args=[placement.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "X"}).status_code == 403
    assert not Response.objects.exists()


# --- Export and erasure ----------------------------------------------------------------------


def test_my_data_includes_responses_and_referrals(client, placement, probation_officer):
    person = verified_user("participant@example.org")
    client.force_login(person)
    respond(client, placement)
    reauthenticate(client, reverse("me_export"))
    data = json.loads(client.get(reverse("me_export")).content)
    [sent] = data["responses"]["responses"]
    assert sent["opportunity"] == "Bakery assistant"
    assert sent["email"] == "mr@example.org"
    assert data["responses"]["referrals_made"] == []


def test_deleting_the_account_anonymises_responses_and_referrals(
    client, placement, probation_officer
):
    officer, _office = probation_officer
    person = verified_user("participant@example.org")
    client.force_login(person)
    respond(client, placement)
    client.force_login(officer)
    url = reverse("participation:refer", args=[placement.pk])
    client.post(url, form_data(client, url, name="G. B.", consent="on"))

    person.delete()
    officer.delete()

    for response in Response.objects.all():
        assert response.anonymised_at is not None
        assert (response.name, response.email, response.phone, response.message) == ("", "", "", "")
        assert response.user is None and response.referred_by is None
    assert Response.objects.count() == 2
