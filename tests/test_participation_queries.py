"""The inbox, its export and the participant's list cost the same number of
queries with 3 responses as with 15."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperativa.participation import services
from partners.models import Organisation
from tests.factories import (
    add_member,
    create_approved_organisation,
    create_placement,
    verified_user,
    with_mfa,
)
from tests.helpers import count_queries, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    host = create_approved_organisation(name="Il Forno")
    office = create_approved_organisation(name="UEPE Torino", kind=Organisation.Kind.PUBLIC_SERVICE)
    editor = add_member(host, verified_user("editor@ilforno.example.org"))
    with_mfa(editor)
    officer = add_member(office, verified_user("officer@uepe.example.org"))
    person = verified_user("person@example.org")
    placement = create_placement(host.pages.first(), title="Bakery assistant")

    def add(count):
        for n in range(count):
            services.submit_response(
                placement,
                host,
                token=uuid.uuid4(),
                fields={"name": f"P{n}", "contact_route": "email", "email": "p@example.org"},
                user=person if n % 2 else None,
                referrer=(officer, office) if n % 3 == 0 else None,
            )

    return {"editor": editor, "officer": officer, "person": person, "add": add}


def export_queries(client):
    url = reverse("participation_response:index") + "?export=csv"
    with CaptureQueriesContext(connection) as queries:
        got = client.get(url)
        b"".join(got.streaming_content)
    return len(queries)


def test_the_inbox_and_its_export_do_not_grow_with_the_responses(client, world):
    sign_in(client, world["editor"])
    index = reverse("participation_response:index")
    world["add"](3)
    few = count_queries(client, index), export_queries(client)
    world["add"](12)
    many = count_queries(client, index), export_queries(client)
    assert many == few


@pytest.mark.parametrize("who", ["person", "officer"])
def test_my_responses_do_not_grow_with_the_responses(client, world, who):
    client.force_login(world[who])
    url = reverse("participation:mine")
    world["add"](3)
    few = count_queries(client, url)
    world["add"](12)
    assert count_queries(client, url) == few
