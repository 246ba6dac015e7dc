"""Privacy by design: no model has a field about offences, every opening and
export of a response is in its history, exports cannot run formulas, the
inbox is never cached, and responses are deleted on time."""

import csv
import datetime
import io
import uuid

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from cooperativa.participation import services
from cooperativa.participation.models import Response
from tests.factories import (
    add_member,
    create_approved_organisation,
    create_placement,
    verified_user,
    with_mfa,
)
from tests.helpers import in_days, sign_in

pytestmark = pytest.mark.django_db

# Words that would mean a field records what a person did, in both languages.
OFFENCE_WORDS = (
    "offence",
    "offense",
    "conviction",
    "convicted",
    "crime",
    "criminal",
    "reato",
    "reati",
    "condanna",
    "precedenti penali",
    "sentence",
)


def test_no_model_has_a_field_about_offences_or_convictions():
    seen = 0
    for model in apps.get_models():
        for field in model._meta.get_fields():
            words = [field.name]
            if hasattr(field, "verbose_name"):
                words.append(str(field.verbose_name))
            for choice in getattr(field, "choices", None) or []:
                words.append(str(choice[1]))
            text = " ".join(words).lower()
            seen += 1
            assert not any(word in text for word in OFFENCE_WORDS), (model, field.name)
    # The check looked at the platform's own fields too, the justice status among them.
    assert seen > 500
    assert Response._meta.get_field("justice_status")


@pytest.fixture
def inbox(db):
    host = create_approved_organisation(name="Il Forno")
    editor = with_mfa_user(add_member(host, verified_user("editor@ilforno.example.org")))
    placement = create_placement(
        host.pages.first(), title="Bakery assistant", closes_on=in_days(10)
    )
    return host, editor, placement


def with_mfa_user(user):
    with_mfa(user)
    return user


def send(placement, host, **fields):
    response, _created = services.submit_response(
        placement,
        host,
        token=uuid.uuid4(),
        fields={"name": "M. R.", "contact_route": "email", "email": "mr@example.org", **fields},
    )
    return response


def history(response, action):
    return ModelLogEntry.objects.filter(
        action=action, object_id=str(response.pk), content_type__model="response"
    )


def test_opening_a_response_leaves_one_history_entry_per_view(client, inbox):
    host, editor, placement = inbox
    response = send(placement, host)
    sign_in(client, editor)
    url = reverse("participation_response:edit", args=[response.pk])

    client.get(url)
    assert history(response, "participation.view").count() == 1
    client.get(url)
    entries = history(response, "participation.view")
    assert entries.count() == 2
    assert {entry.user_id for entry in entries} == {editor.pk}
    # The entry is labelled with the number, never the person's name.
    assert "M. R." not in entries.first().label


def test_an_export_leaves_one_history_entry_in_each_response_it_holds(client, inbox):
    host, editor, placement = inbox
    first, second = send(placement, host), send(placement, host, name="A. B.")
    sign_in(client, editor)
    got = client.get(reverse("participation_response:index") + "?export=csv")
    b"".join(got.streaming_content)
    for response in (first, second):
        [entry] = history(response, "participation.export")
        assert entry.user_id == editor.pk
        assert entry.data == {"format": "csv"}


def test_a_page_editor_never_sees_responses_among_the_pages_usage(client, inbox):
    """Wagtail's "Usage" lists what refers to a page, for anyone who may edit
    it: responses (and notes on them) are kept out of that index."""
    from wagtail.models import ReferenceIndex

    host, editor, placement = inbox
    response = send(placement, host, name="Maria Rossi")
    services.add_note(response, "Called her on Monday.", by=editor)

    referring = {entry.content_type.model for entry in ReferenceIndex.get_references_to(placement)}
    assert "response" not in referring
    assert "responsenote" not in referring
    sign_in(client, editor)
    usage = client.get(reverse("wagtailadmin_pages:usage", args=[placement.pk]))
    assert usage.status_code == 200
    assert "Maria Rossi" not in usage.content.decode()
    assert f"Response {response.pk}" not in usage.content.decode()


def test_the_inbox_and_a_response_are_never_cached(client, inbox):
    host, editor, placement = inbox
    response = send(placement, host)
    sign_in(client, editor)
    for url in (
        reverse("participation_response:index"),
        reverse("participation_response:edit", args=[response.pk]),
    ):
        assert "no-store" in client.get(url)["Cache-Control"]


def test_exports_neutralise_formulas(client, inbox):
    host, editor, placement = inbox
    send(placement, host, message='=HYPERLINK("http://evil.example","click")', name="+39 M. R.")
    sign_in(client, editor)
    index = reverse("participation_response:index")

    got = client.get(index + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(got.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://evil.example","click")' in cells
    assert "'+39 M. R." in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)

    got = client.get(index + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(got.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows(min_row=2) for cell in row]
    assert all(not (isinstance(value, str) and value.startswith("=")) for value in values)
    assert '\'=HYPERLINK("http://evil.example","click")' in values


def test_the_dashboard_counts_responses_awaiting_a_reply(client, inbox):
    host, editor, placement = inbox
    send(placement, host)
    answered = send(placement, host)
    services.change_status(answered, Response.Status.CONTACTED, by=editor)
    sign_in(client, editor)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 response is waiting for a reply." in page


# --- Retention -----------------------------------------------------------------------------


def test_responses_are_deleted_twelve_months_after_the_opportunity_closes(inbox):
    host, _editor, placement = inbox
    response = send(placement, host)
    closes = placement.closes_on

    with time_machine.travel(closes + datetime.timedelta(days=364), tick=False):
        assert services.purge_expired() == 0
    with time_machine.travel(closes + datetime.timedelta(days=367), tick=False):
        assert services.purge_expired() == 1
    assert not Response.objects.filter(pk=response.pk).exists()
    assert history(response, "participation.purge").count() == 1


def test_a_withdrawn_response_goes_after_thirty_days(inbox):
    host, editor, placement = inbox
    response = send(placement, host)
    services.withdraw(response, by=editor)
    now = timezone.now()

    with time_machine.travel(now + datetime.timedelta(days=29), tick=False):
        assert services.purge_expired() == 0
    with time_machine.travel(now + datetime.timedelta(days=31), tick=False):
        call_command("purge_expired_responses")
    assert not Response.objects.filter(pk=response.pk).exists()


def test_the_retention_period_is_a_setting(inbox, settings):
    settings.PARTICIPATION_RETENTION_MONTHS = 1
    host, _editor, placement = inbox
    send(placement, host)
    with time_machine.travel(placement.closes_on + datetime.timedelta(days=33), tick=False):
        assert services.purge_expired() == 1


def test_a_response_to_an_opportunity_without_a_closing_date_goes_after_the_period(inbox):
    host, _editor, placement = inbox
    placement.closes_on = None
    placement.save_revision().publish()
    send(placement, host)
    now = timezone.now()
    with time_machine.travel(now + datetime.timedelta(days=300), tick=False):
        assert services.purge_expired() == 0
    with time_machine.travel(now + datetime.timedelta(days=370), tick=False):
        assert services.purge_expired() == 1


def test_the_privacy_statement_gives_the_periods_of_the_settings(inbox, settings):
    settings.PARTICIPATION_RETENTION_MONTHS = 6
    settings.PARTICIPATION_WITHDRAWN_RETENTION_DAYS = 10
    host, _editor, _placement = inbox
    statement = services.consent_statement(host)
    assert "6 months" in statement and "10 days" in statement


def test_the_privacy_page_states_the_periods_of_the_settings(client, home, settings):
    from tests.factories import create_standard_page

    settings.PARTICIPATION_RETENTION_MONTHS = 9
    settings.PARTICIPATION_WITHDRAWN_RETENTION_DAYS = 14
    page = create_standard_page(home, title="Privacy", slug="privacy")
    text = client.get(page.url).content.decode()
    assert "deleted 9 months after the opportunity closes" in text
    assert "deleted 14 days after you withdraw it" in text
