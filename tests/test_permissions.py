"""Who may do what: one table of roles × actions, checked cell by cell.

Organisations A and B are set up through partners.services exactly as in
production. Each cell is checked through Wagtail's permission policies and,
where a person would notice it, through a real request (the admin, the page
editor, the moderation screen, the members page). A missing or changed row
shows up here first.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from partners.models import Membership, Organisation, PartnerPage
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    create_approved_organisation,
    create_placement,
    login_with_mfa,
    moderator,
    verified_user,
    with_mfa,
)

ACTIONS = [
    "edit A's page",
    "edit B's page",
    "publish",
    "approve an organisation",
    "manage A's members",
    "add an image to A's collection",
    "choose B's images",
    "open /admin/",
]

Y, N = True, False

# fmt: off
TABLE = {
    #                  edit A  edit B  publish approve members A image A  choose B admin
    "anonymous":      (N,      N,      N,      N,      N,         N,       N,       N),
    "participant":    (N,      N,      N,      N,      N,         N,       N,       N),
    "editor of A":    (Y,      N,      N,      N,      N,         Y,       N,       Y),
    "admin of A":     (Y,      N,      N,      N,      Y,         Y,       N,       Y),
    "editor of B":    (N,      Y,      N,      N,      N,         N,       Y,       Y),
    "moderator":      (Y,      Y,      Y,      Y,      N,         Y,       Y,       Y),
    "superuser":      (Y,      Y,      Y,      Y,      N,         Y,       Y,       Y),
}
# fmt: on

CELLS = [
    pytest.param(role, action, expected, id=f"{role} | {action}")
    for role, row in TABLE.items()
    for action, expected in zip(ACTIONS, row, strict=True)
]


class World:
    """Organisations A and B (approved, each with a partner page and a
    placement), a pending application, and one person per role."""

    def __init__(self):
        admin_a = verified_user("admin-a@example.org")
        admin_b = verified_user("admin-b@example.org")
        self.a = create_approved_organisation(admin=admin_a, name="Organisation A")
        self.b = create_approved_organisation(admin=admin_b, name="Organisation B")
        self.pending = OrganisationFactory(
            name="Pending", slug="pending", status=Organisation.Status.PENDING
        )
        self.page_a = PartnerPage.objects.get(organisation=self.a)
        self.page_b = PartnerPage.objects.get(organisation=self.b)
        self.placement_a = create_placement(parent=self.page_a)

        editor_a = self._member(self.a, "editor-a@example.org", Membership.Role.EDITOR)
        editor_b = self._member(self.b, "editor-b@example.org", Membership.Role.EDITOR)
        superuser = verified_user("root@example.org", is_superuser=True, is_staff=True)
        self.users = {
            "anonymous": None,
            "participant": verified_user("participant@example.org"),
            "editor of A": editor_a,
            "admin of A": admin_a,
            "editor of B": editor_b,
            "moderator": moderator("moderator@example.org"),
            "superuser": superuser,
        }

    @staticmethod
    def _member(organisation, email, role):
        from partners import services

        user = verified_user(email)
        Membership.objects.create(user=user, organisation=organisation, role=role)
        services.sync_group(organisation)
        return user


def fresh(user):
    """Permission caches live on the user object: read it again."""
    if user is None:
        return AnonymousUser()
    return type(user).objects.get(pk=user.pk)


def log_in(client, user):
    if user is None:
        return
    if user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
        with_mfa(user)
        login_with_mfa(client, user)
    else:
        client.force_login(user)


def allowed(response):
    """A request was allowed if it got the page itself, not a refusal or a
    redirect to log in, to set up MFA or back to the dashboard."""
    return response.status_code == 200


def collections(user, action):
    policy = policy_registry.get_by_type(get_image_model())
    return set(policy.collections_user_has_permission_for(user, action))


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "action", "expected"), CELLS)
def test_permission_table(client, role, action, expected):
    world = World()
    user = world.users[role]
    log_in(client, user)
    person = fresh(user)

    if action == "edit A's page":
        checks = [
            world.page_a.permissions_for_user(person).can_edit(),
            world.placement_a.permissions_for_user(person).can_edit(),
            allowed(client.get(f"/admin/pages/{world.page_a.pk}/edit/")),
        ]
    elif action == "edit B's page":
        checks = [
            world.page_b.permissions_for_user(person).can_edit(),
            allowed(client.get(f"/admin/pages/{world.page_b.pk}/edit/")),
        ]
    elif action == "publish":
        checks = [
            world.page_a.permissions_for_user(person).can_publish(),
            world.placement_a.permissions_for_user(person).can_publish(),
        ]
    elif action == "approve an organisation":
        checks = [
            person.has_perm("partners.moderate_organisation"),
            allowed(client.get(f"/admin/partners/organisations/{world.pending.pk}/approve/")),
        ]
    elif action == "manage A's members":
        checks = [allowed(client.get(f"/partners/manage/{world.a.slug}/members/invite/"))]
    elif action == "add an image to A's collection":
        checks = [world.a.collection in collections(person, "add")]
    elif action == "choose B's images":
        checks = [world.b.collection in collections(person, "choose")]
    elif action == "open /admin/":
        checks = [allowed(client.get("/admin/"))]
    else:  # pragma: no cover - the table and the actions list must agree
        raise AssertionError(action)

    assert checks == [expected] * len(checks), (role, action, checks)


def test_table_covers_every_role_and_action():
    assert len(CELLS) == len(TABLE) * len(ACTIONS) == 56


@pytest.mark.django_db
def test_partners_are_not_in_the_moderators_or_editors_groups():
    world = World()
    for role in ("editor of A", "admin of A", "editor of B"):
        names = set(world.users[role].groups.values_list("name", flat=True))
        assert names.isdisjoint({"Moderators", "Editors"})
    assert UserFactory().groups.count() == 0


@pytest.mark.django_db
def test_partners_cannot_hand_their_page_to_another_organisation(client):
    world = World()
    admin_a = world.users["admin of A"]
    log_in(client, admin_a)
    editor = client.get(f"/admin/pages/{world.page_a.pk}/edit/")
    assert editor.status_code == 200
    assert 'name="organisation"' not in editor.content.decode()

    moderator_client = type(client)()
    log_in(moderator_client, world.users["moderator"])
    moderator_view = moderator_client.get(f"/admin/pages/{world.page_a.pk}/edit/")
    assert 'name="organisation"' in moderator_view.content.decode()
