"""Who may do what with a response in the inbox: one table of roles × actions.

The world is built once for the module: a host organisation (Il Forno) with a
placement, a probation office, another organisation with a response of its
own, and three responses: one from a signed-in participant, one a referral by
the probation officer, one to the other organisation. Each cell runs in its
own savepoint, so what a POST changes is undone before the next cell.

A cell is what the person would notice: whether they see the response in the
inbox listing, open it, find it in an export, and whether a status change, a
note or a deletion they send actually happens. The last row is the host's own
editor trying the other organisation's response by its id.
"""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from cooperativa.participation import services
from cooperativa.participation.models import Response
from partners.models import Organisation
from tests.factories import (
    add_member,
    create_approved_organisation,
    create_placement,
    moderator,
    verified_user,
    with_mfa,
)
from tests.helpers import built_once, sign_in

Y, N = True, False

ACTIONS = ["see in inbox", "open by URL", "export", "change status", "add note", "delete"]

# role: (which response it tries, expected for each action in ACTIONS)
TABLE = {
    "anonymous": ("own", [N, N, N, N, N, N]),
    "respondent": ("own", [N, N, N, N, N, N]),
    "another participant": ("own", [N, N, N, N, N, N]),
    "referrer": ("referral", [N, N, N, N, N, N]),
    "editor of the host": ("own", [Y, Y, Y, Y, Y, N]),
    "editor of another organisation": ("own", [N, N, N, N, N, N]),
    "moderator": ("own", [Y, Y, Y, Y, Y, Y]),
    "editor of the host, another organisation's id": ("elsewhere", [N, N, N, N, N, N]),
}


class World:
    def __init__(self):
        self.host = create_approved_organisation(name="Il Forno")
        self.other = create_approved_organisation(name="La Bottega")
        self.office = create_approved_organisation(
            name="UEPE Torino", kind=Organisation.Kind.PUBLIC_SERVICE
        )
        placement = create_placement(self.host.pages.first(), title="Bakery assistant")
        elsewhere = create_placement(self.other.pages.first(), title="Shop assistant")

        self.respondent = verified_user("respondent@example.org")
        self.referrer = add_member(self.office, verified_user("officer@uepe.example.org"))
        self.host_editor = add_member(self.host, verified_user("editor@ilforno.example.org"))
        self.other_editor = add_member(self.other, verified_user("editor@bottega.example.org"))
        self.moderator = moderator("moderator@example.org")
        for user in (self.referrer, self.host_editor, self.other_editor, self.moderator):
            with_mfa(user)

        self.responses = {
            "own": self._respond(placement, self.host, "Maria Rossa", user=self.respondent),
            "referral": self._respond(
                placement, self.host, "G. B.", referrer=(self.referrer, self.office)
            ),
            "elsewhere": self._respond(elsewhere, self.other, "Luca Verdi"),
        }
        self.users = {
            "anonymous": None,
            "respondent": self.respondent,
            "another participant": verified_user("someone@example.org"),
            "referrer": self.referrer,
            "editor of the host": self.host_editor,
            "editor of another organisation": self.other_editor,
            "moderator": self.moderator,
            "editor of the host, another organisation's id": self.host_editor,
        }

    def _respond(self, page, organisation, name, user=None, referrer=None):
        response, _created = services.submit_response(
            page,
            organisation,
            token=uuid.uuid4(),
            fields={
                "name": name,
                "contact_route": "email",
                "email": "person@example.org",
                "message": "Mornings suit me.",
            },
            user=user,
            referrer=referrer,
        )
        return response


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, World) as world:
        yield world


def attempt(client, action, response):
    """Try ``action`` on ``response``; True if the person got what they asked for."""
    edit_url = reverse("participation_response:edit", args=[response.pk])
    index_url = reverse("participation_response:index")
    if action == "see in inbox":
        got = client.get(index_url)
        return got.status_code == 200 and edit_url in got.content.decode()
    if action == "open by URL":
        got = client.get(edit_url)
        return got.status_code == 200 and response.name in got.content.decode()
    if action == "export":
        got = client.get(index_url + "?export=csv")
        body = b"".join(got.streaming_content).decode() if got.streaming else ""
        return got.status_code == 200 and response.name in body
    if action == "change status":
        client.post(edit_url, {"status": Response.Status.CONTACTED})
        return Response.objects.get(pk=response.pk).status == Response.Status.CONTACTED
    if action == "add note":
        client.post(
            reverse("participation_response:add_note", args=[response.pk]), {"text": "Called"}
        )
        return response.notes.filter(text="Called").exists()
    if action == "delete":
        client.post(reverse("participation_response:delete", args=[response.pk]))
        return not Response.objects.filter(pk=response.pk).exists()
    raise AssertionError(action)


CELLS = [
    pytest.param(role, action, expected[i], id=f"{role} | {action}")
    for role, (_target, expected) in TABLE.items()
    for i, action in enumerate(ACTIONS)
]


@pytest.mark.parametrize(("role", "action", "expected"), CELLS)
def test_roles_and_actions(world, db, role, action, expected):
    target = world.responses[TABLE[role][0]]
    client = sign_in(Client(), world.users[role])
    assert attempt(client, action, target) is expected


def test_the_table_has_every_role_and_action():
    assert set(TABLE) >= {
        "anonymous",
        "respondent",
        "another participant",
        "referrer",
        "editor of the host",
        "editor of another organisation",
        "moderator",
    }
    assert all(len(expected) == len(ACTIONS) for _target, expected in TABLE.values())


def test_the_policy_names_who_may_act_on_some_response(world, db):
    """Wagtail asks the inbox's policy who may act at all: the members of
    approved organisations read and follow up their own inbox, only
    moderators delete, and people who merely responded are never named."""
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(Response)
    readers = set(policy.users_with_any_permission(["view", "change"]))
    assert {world.host_editor, world.other_editor, world.referrer, world.moderator} <= readers
    assert world.respondent not in readers
    assert world.users["another participant"] not in readers
    assert set(policy.users_with_any_permission(["delete"])) == {world.moderator}
