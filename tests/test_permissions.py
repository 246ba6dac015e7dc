"""Who may do what: one table of roles × actions, checked cell by cell.

Organisations A and B are set up through partners.services exactly as in
production, with a pending application and a suspended organisation beside
them. The world is built once for the module; each cell runs in its own
savepoint, rolled back, so a POST that changes something leaves the next
cell the same world.

Each cell is what the person would notice: the page they get (or the
refusal, the login page, the two-factor set-up) and, for an action that
changes something, whether the change happened. Where Wagtail's permission
policies answer the same question, the cell checks that they agree with
the request.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry

from partners import services
from partners.models import Invitation, Membership, Organisation, PartnerPage
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    add_member,
    create_approved_organisation,
    create_placement,
    moderator,
    verified_user,
    with_mfa,
)
from tests.helpers import built_once, partner_page_post, sign_in

# What a person notices, for a page they open (GET)…
OK = "200"  # the page itself
LOGIN = "login"  # sent to sign in
TWO_FACTOR = "2FA"  # sent to set up an authenticator app first
FORBIDDEN = "403"
NOT_FOUND = "404"
DASHBOARD = "dashboard"  # the admin sends them back to its home, saying they may not
# …and for a form they send (POST): the same refusals, with nothing changed, or
DONE = "done"  # taken to the next page, and the change is made
DRAFT = "draft"  # the page editor saves a draft for moderation, and nothing goes live
# …and, where only Wagtail's permission policy can tell (no page shows it alone):
YES, NO = "yes", "no"

GET_ACTIONS = [
    "edit A's page",
    "edit B's page",
    "open the approval screen",
    "manage A's members",
    "add an image to A's collection",
    "choose B's images",
    "open /admin/",
]
POST_ACTIONS = [
    "publish A's page",
    "save B's page",
    "approve an organisation",
    "invite a member to A",
    "change a role in A",
    "remove a member of A",
]
ACTIONS = GET_ACTIONS + POST_ACTIONS

# Short names for the table.
LI, TF, F, NF, DB, DN, DR, Y, N = (
    LOGIN,
    TWO_FACTOR,
    FORBIDDEN,
    NOT_FOUND,
    DASHBOARD,
    DONE,
    DRAFT,
    YES,
    NO,
)

# fmt: off
TABLE = {
    #        GET: edit A, edit B, approval screen, A's members, add image to A, choose B's images, /admin/
    #        POST: publish A, save B, approve, invite to A, change a role in A, remove from A
    "anonymous":                          (LI, LI, LI, LI, N, N, LI,   LI, LI, LI, LI, LI, LI),
    "participant":                        (LI, LI, LI, NF, N, N, LI,   LI, LI, LI, NF, NF, NF),
    "editor of A":                        (OK, DB, DB, F,  Y, N, OK,   DR, DB, DB, F,  F,  F),
    "admin of A":                         (OK, DB, DB, OK, Y, N, OK,   DR, DB, DB, DN, DN, DN),
    "admin of A without two-factor":      (TF, TF, TF, TF, Y, N, TF,   TF, TF, TF, TF, TF, TF),
    "editor of B":                        (DB, OK, DB, NF, N, Y, OK,   DB, DN, DB, NF, NF, NF),
    "admin of B":                         (DB, OK, DB, NF, N, Y, OK,   DB, DN, DB, NF, NF, NF),
    "member of a suspended organisation": (LI, LI, LI, NF, N, N, LI,   LI, LI, LI, NF, NF, NF),
    "pending applicant":                  (LI, LI, LI, NF, N, N, LI,   LI, LI, LI, NF, NF, NF),
    "moderator":                          (OK, OK, OK, NF, Y, Y, OK,   DN, DN, DN, NF, NF, NF),
    "superuser":                          (OK, OK, OK, NF, Y, Y, OK,   DN, DN, DN, NF, NF, NF),
}
# fmt: on

CELLS = [
    pytest.param(role, action, expected, id=f"{role} | {action}")
    for role, row in TABLE.items()
    for action, expected in zip(ACTIONS, row, strict=True)
]

# People whose rights are another role's, though a door may be closed to them.
SAME_RIGHTS_AS = {"admin of A without two-factor": "admin of A"}


class World:
    """Organisations A and B (approved, each with a partner page, A with a
    placement), a pending application, a suspended organisation, and one
    person per role. Everyone who sees other people's data has an
    authenticator app, except the one role that shows what happens without."""

    def __init__(self):
        admin_a = verified_user("admin-a@example.org")
        admin_b = verified_user("admin-b@example.org")
        self.a = create_approved_organisation(admin=admin_a, name="Organisation A")
        self.b = create_approved_organisation(admin=admin_b, name="Organisation B")
        self.page_a = PartnerPage.objects.get(organisation=self.a)
        self.page_b = PartnerPage.objects.get(organisation=self.b)
        self.placement_a = create_placement(parent=self.page_a)

        applicant = verified_user("applicant@example.org")
        self.pending = services.register_organisation(
            OrganisationFactory.build(name="Pending"), applicant=applicant
        )
        the_moderator = moderator("moderator@example.org")
        suspended_admin = verified_user("suspended@example.org")
        suspended = create_approved_organisation(admin=suspended_admin, name="Suspended")
        services.suspend_organisation(suspended, by=the_moderator, reason="Out of date.")

        editor_a = add_member(self.a, verified_user("editor-a@example.org"))
        self.editor_a_membership = Membership.objects.get(user=editor_a, organisation=self.a)
        self.users = {
            "anonymous": None,
            "participant": verified_user("participant@example.org"),
            "editor of A": editor_a,
            "admin of A": admin_a,
            "admin of A without two-factor": add_member(
                self.a, verified_user("admin-a-2@example.org"), Membership.Role.ADMIN
            ),
            "editor of B": add_member(self.b, verified_user("editor-b@example.org")),
            "admin of B": admin_b,
            "member of a suspended organisation": suspended_admin,
            "pending applicant": applicant,
            "moderator": the_moderator,
            "superuser": verified_user("root@example.org", is_superuser=True, is_staff=True),
        }
        for role, user in self.users.items():
            if user is not None and role not in SAME_RIGHTS_AS:
                with_mfa(user)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, World) as world:
        yield world


def fresh(user):
    """Permission caches live on the user object: read it again."""
    if user is None:
        return AnonymousUser()
    return type(user).objects.get(pk=user.pk)


def noticed(response):
    """What a person sees of ``response``: the page, a refusal, or where they are sent."""
    if response.status_code != 302:
        return str(response.status_code)
    location = response["Location"]
    if location.startswith("/accounts/login/"):
        return LOGIN
    if location.startswith("/accounts/2fa/totp/activate/"):
        return TWO_FACTOR
    if location == "/admin/":
        return DASHBOARD
    return "302 to " + location


def collections(user, action):
    policy = policy_registry.get_by_type(get_image_model())
    return set(policy.collections_user_has_permission_for(user, action))


def live_title(page):
    return Page.objects.get(pk=page.pk).title


def latest_title(page):
    return Page.objects.get(pk=page.pk).get_latest_revision_as_object().title


def get(client, world, person, action):
    """(what the person notices, what Wagtail's policies say or None)."""
    if action == "edit A's page":
        response = client.get(f"/admin/pages/{world.page_a.pk}/edit/")
        policy = [
            world.page_a.permissions_for_user(person).can_edit(),
            world.placement_a.permissions_for_user(person).can_edit(),
        ]
    elif action == "edit B's page":
        response = client.get(f"/admin/pages/{world.page_b.pk}/edit/")
        policy = [world.page_b.permissions_for_user(person).can_edit()]
    elif action == "open the approval screen":
        response = client.get(f"/admin/partners/organisations/{world.pending.pk}/approve/")
        policy = [person.has_perm("partners.moderate_organisation")]
    elif action == "manage A's members":
        response = client.get(f"/partners/manage/{world.a.slug}/members/invite/")
        policy = None
    elif action == "add an image to A's collection":
        # The policy is the whole answer: there is no page of A's collection.
        return (YES if world.a.collection in collections(person, "add") else NO), None
    elif action == "choose B's images":
        return (YES if world.b.collection in collections(person, "choose") else NO), None
    elif action == "open /admin/":
        response = client.get("/admin/")
        policy = None
    else:  # pragma: no cover - the table and the actions list must agree
        raise AssertionError(action)
    return noticed(response), policy


def post(client, world, person, action):
    """(what the person notices, whether the change was made, what Wagtail's
    policies say or None)."""
    a = world.a.slug
    membership = world.editor_a_membership
    if action == "publish A's page":
        before = live_title(world.page_a)
        response = client.post(
            f"/admin/pages/{world.page_a.pk}/edit/",
            partner_page_post(
                world.page_a, title="Published by hand", **{"action-publish": "action-publish"}
            ),
        )
        changed = live_title(world.page_a) != before
        if noticed(response).startswith("302 to ") and not changed:
            # Saved, but only as a draft waiting for moderation.
            assert latest_title(world.page_a) == "Published by hand"
            return DRAFT, changed, [world.page_a.permissions_for_user(person).can_publish()]
        return noticed(response), changed, [world.page_a.permissions_for_user(person).can_publish()]
    if action == "save B's page":
        response = client.post(
            f"/admin/pages/{world.page_b.pk}/edit/",
            partner_page_post(world.page_b, title="Changed by someone"),
        )
        changed = latest_title(world.page_b) == "Changed by someone"
        return noticed(response), changed, [world.page_b.permissions_for_user(person).can_edit()]
    if action == "approve an organisation":
        response = client.post(f"/admin/partners/organisations/{world.pending.pk}/approve/")
        status = Organisation.objects.get(pk=world.pending.pk).status
        changed = status == Organisation.Status.APPROVED
        return noticed(response), changed, [person.has_perm("partners.moderate_organisation")]
    if action == "invite a member to A":
        response = client.post(
            f"/partners/manage/{a}/members/invite/",
            {"email": "newcomer@example.org", "role": "editor"},
        )
        changed = Invitation.objects.filter(
            organisation=world.a, email="newcomer@example.org"
        ).exists()
        return noticed(response), changed, None
    if action == "change a role in A":
        response = client.post(
            f"/partners/manage/{a}/members/{membership.pk}/role/", {"role": "admin"}
        )
        changed = Membership.objects.get(pk=membership.pk).role == Membership.Role.ADMIN
        return noticed(response), changed, None
    if action == "remove a member of A":
        response = client.post(f"/partners/manage/{a}/members/{membership.pk}/remove/")
        changed = not Membership.objects.filter(pk=membership.pk).exists()
        return noticed(response), changed, None
    raise AssertionError(action)  # pragma: no cover - the table and the actions must agree


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "action", "expected"), CELLS)
def test_permission_table(client, world, role, action, expected):
    user = world.users[role]
    sign_in(client, user)
    person = fresh(user)
    rights = TABLE[SAME_RIGHTS_AS.get(role, role)][ACTIONS.index(action)]

    if action in GET_ACTIONS:
        seen, policy = get(client, world, person, action)
        assert seen == expected, (role, action, seen)
        if policy is not None:
            assert policy == [rights == OK] * len(policy), (role, action, policy)
    else:
        seen, changed, policy = post(client, world, person, action)
        # A refusal changes nothing; a success is a redirect to the next page.
        outcome = (DONE if seen.startswith("302 to ") else seen) if changed else seen
        assert (outcome, changed) == (expected, expected == DONE), (role, action, seen, changed)
        if policy is not None:
            assert policy == [rights == DONE] * len(policy), (role, action, policy)


def test_table_covers_every_role_and_action():
    assert len(CELLS) == len(TABLE) * len(ACTIONS) == 11 * 13


@pytest.mark.django_db
def test_partners_are_not_in_the_moderators_or_editors_groups(world):
    for role in ("editor of A", "admin of A", "editor of B", "admin of B"):
        names = set(world.users[role].groups.values_list("name", flat=True))
        assert names.isdisjoint({"Moderators", "Editors"})
    assert UserFactory().groups.count() == 0


@pytest.mark.django_db
def test_partners_cannot_hand_their_page_to_another_organisation(client, world):
    sign_in(client, world.users["admin of A"])
    editor = client.get(f"/admin/pages/{world.page_a.pk}/edit/")
    assert editor.status_code == 200
    assert 'name="organisation"' not in editor.content.decode()

    moderator_client = type(client)()
    sign_in(moderator_client, world.users["moderator"])
    moderator_view = moderator_client.get(f"/admin/pages/{world.page_a.pk}/edit/")
    assert 'name="organisation"' in moderator_view.content.decode()
