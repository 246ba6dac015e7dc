"""Who may change places, assets and networks, as a table of roles x actions.

Organisations A and B are approved through partners.services. Every action
names A's organisation in its address; the "guessed" rows use an id that
belongs to B, as someone who tries ids would. A refused POST leaves the
data as it was.
"""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cooperativa.community.models import Asset, Place
from partners.models import PartnerPage
from tests.factories import (
    AreaFactory,
    add_member,
    create_approved_organisation,
    create_asset,
    create_network,
    create_place,
    moderator,
    verified_user,
    with_mfa,
)
from tests.helpers import built_once, sign_in

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "editor of A", "admin of A", "admin of B", "moderator"]


class World:
    def __init__(self):
        admin_a = verified_user("places-admin-a@example.org")
        admin_b = verified_user("places-admin-b@example.org")
        self.a = create_approved_organisation(admin=admin_a, name="Places A")
        self.b = create_approved_organisation(admin=admin_b, name="Places B")
        self.area = AreaFactory(name="Torino", slug="torino")
        self.place_a = create_place(self.a, name="Room of A", area=self.area)
        self.asset_a = create_asset(self.place_a, "rooms")
        self.place_b = create_place(self.b, name="Room of B", area=self.area)
        self.asset_b = create_asset(self.place_b, "rooms")
        self.network_a = create_network(
            PartnerPage.objects.get(organisation=self.a), title="Network of A"
        )
        self.network_b = create_network(
            PartnerPage.objects.get(organisation=self.b), title="Network of B"
        )
        self.users = {
            "anonymous": None,
            "outsider": verified_user("places-outsider@example.org"),
            "editor of A": add_member(self.a, verified_user("places-editor-a@example.org")),
            "admin of A": admin_a,
            "admin of B": admin_b,
            "moderator": moderator("places-moderator@example.org"),
        }
        for user in self.users.values():
            if user is not None:
                with_mfa(user)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, World) as world:
        yield world


def place_data(world, **changes):
    data = {
        "name": "New room",
        "area": world.area.pk,
        "address": "Via Nuova 1",
        "latitude": "45.1",
        "longitude": "7.6",
        "opening_times": "",
        "access_notes": "",
    }
    return {**data, **changes}


def asset_data(world, place):
    return {
        "place": place.pk,
        "asset_type": world.asset_a.asset_type_id,
        "description": "Changed",
        "availability": "",
        "how_to_ask": "Ask us",
    }


def snapshot():
    return (
        sorted(Place.objects.values_list("pk", "name", "organisation_id")),
        sorted(Asset.objects.values_list("pk", "description", "place_id")),
    )


# Each action: (method, url(world), data(world) or None).
ACTIONS = {
    "see places": ("get", lambda w: reverse("community:places", args=[w.a.slug]), None),
    "open add form": ("get", lambda w: reverse("community:place_add", args=[w.a.slug]), None),
    "add place": (
        "post",
        lambda w: reverse("community:place_add", args=[w.a.slug]),
        lambda w: place_data(w),
    ),
    "edit own place": (
        "post",
        lambda w: reverse("community:place_edit", args=[w.a.slug, w.place_a.pk]),
        lambda w: place_data(w, name="Renamed"),
    ),
    "edit B's place (guessed id)": (
        "post",
        lambda w: reverse("community:place_edit", args=[w.a.slug, w.place_b.pk]),
        lambda w: place_data(w, name="Stolen"),
    ),
    "delete own asset": (
        "post",
        lambda w: reverse("community:asset_delete", args=[w.a.slug, w.asset_a.pk]),
        lambda w: {},
    ),
    "delete B's asset (guessed id)": (
        "post",
        lambda w: reverse("community:asset_delete", args=[w.a.slug, w.asset_b.pk]),
        lambda w: {},
    ),
    "move own asset to B's place": (
        "post",
        lambda w: reverse("community:asset_edit", args=[w.a.slug, w.asset_a.pk]),
        lambda w: asset_data(w, w.place_b),
    ),
    "edit own network in the editor": (
        "get",
        lambda w: reverse("wagtailadmin_pages:edit", args=[w.network_a.pk]),
        None,
    ),
    "edit B's network in the editor": (
        "get",
        lambda w: reverse("wagtailadmin_pages:edit", args=[w.network_b.pk]),
        None,
    ),
}

LOGIN = "login"
OK, DONE, FORBIDDEN, NOT_FOUND, INVALID = 200, 302, 403, 404, 400
# fmt: off
TABLE = {
    # action:                          anonymous, outsider, editor A, admin A, admin B, moderator
    "see places":                      (LOGIN, NOT_FOUND, OK, OK, NOT_FOUND, NOT_FOUND),
    "open add form":                   (LOGIN, NOT_FOUND, FORBIDDEN, OK, NOT_FOUND, NOT_FOUND),
    "add place":                       (LOGIN, NOT_FOUND, FORBIDDEN, DONE, NOT_FOUND, NOT_FOUND),
    "edit own place":                  (LOGIN, NOT_FOUND, FORBIDDEN, DONE, NOT_FOUND, NOT_FOUND),
    "edit B's place (guessed id)":     (LOGIN, NOT_FOUND, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    "delete own asset":                (LOGIN, NOT_FOUND, FORBIDDEN, DONE, NOT_FOUND, NOT_FOUND),
    "delete B's asset (guessed id)":   (LOGIN, NOT_FOUND, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    "move own asset to B's place":     (LOGIN, NOT_FOUND, FORBIDDEN, INVALID, NOT_FOUND, NOT_FOUND),
    "edit own network in the editor":  (LOGIN, LOGIN, OK, OK, FORBIDDEN, OK),
    "edit B's network in the editor":  (LOGIN, LOGIN, FORBIDDEN, FORBIDDEN, OK, OK),
}
# fmt: on

CASES = [
    (action, role, expected)
    for action, row in TABLE.items()
    for role, expected in zip(ROLES, row, strict=True)
]


def test_the_table_covers_every_action():
    assert set(TABLE) == set(ACTIONS)


@pytest.mark.parametrize(("action", "role", "expected"), CASES)
def test_permissions(client, world, action, role, expected):
    method, url, data = ACTIONS[action]
    sign_in(client, world.users[role])
    before = snapshot()
    target = url(world)
    response = getattr(client, method)(target, data(world) if data else None)
    changed = snapshot() != before
    if expected == LOGIN:
        assert response.status_code == 302
        assert "login" in response["Location"] or "accounts" in response["Location"]
        assert not changed
    elif expected == DONE:
        assert response.status_code == 302, response.status_code
        assert response["Location"] == reverse("community:places", args=[world.a.slug])
        assert changed
    elif expected == FORBIDDEN and action.startswith("edit") and "editor" in action:
        # The admin refuses with a redirect to its dashboard and a message.
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"] == reverse("wagtailadmin_home")
    else:
        assert response.status_code == expected, response.status_code
        assert not changed


def test_each_change_is_logged_with_its_author(client, world):
    admin = world.users["admin of A"]
    sign_in(client, admin)
    client.post(reverse("community:place_add", args=[world.a.slug]), place_data(world))
    place = Place.objects.get(name="New room")
    entry = ModelLogEntry.objects.filter(action="community.add_place").latest("timestamp")
    assert entry.user == admin
    assert entry.object_id == str(place.pk)


def test_a_form_with_mistakes_says_so_and_keeps_what_was_typed(client, world):
    sign_in(client, world.users["admin of A"])
    response = client.post(
        reverse("community:place_add", args=[world.a.slug]),
        place_data(world, name="Kept name", latitude="", longitude=""),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Click the place on the map, or type its latitude and longitude." in html
    assert 'value="Kept name"' in html
    assert not Place.objects.filter(name="Kept name").exists()


def test_town_only_needs_a_known_town_centre(client, world):
    sign_in(client, world.users["admin of A"])
    response = client.post(
        reverse("community:place_add", args=[world.a.slug]),
        place_data(world, name="Circle room", town_only="on"),
    )
    assert response.status_code == 400
    assert "We do not know the centre of this town yet" in response.content.decode()
