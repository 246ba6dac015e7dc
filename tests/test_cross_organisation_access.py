"""What one organisation can see and use of another's, as two tables.

Organisations A and B are approved through partners.services exactly as in
production, so each has its group, its partner page and its own collection.
The first table covers A's image and A's document: listed and read through
the admin API, offered by the choosers, embedded by id in one's own page
(a real POST to the page editor), listed by the public API. The second
covers names a partner must not learn: another organisation's drafts and a
pending application, in the page chooser, the project editor's choices, the
organisation chooser, and the move and bulk-action confirmation screens.

The world is built once for the module (each test then runs in its own
transaction, rolled back), since approving organisations is slow.
"""

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text, streamfield

from partners import services
from partners.models import Organisation, PartnerPage
from tests.factories import (
    OrganisationFactory,
    add_member,
    create_approved_organisation,
    create_placement,
    create_project,
    moderator,
    name_partners,
    verified_user,
    with_mfa,
)
from tests.helpers import built_once, partner_page_post, placement_post, sign_in

Y, N = True, False
ROLES = ["member of A", "admin of A", "member of B", "moderator", "anonymous"]


class World:
    def __init__(self):
        from django.core.files.base import ContentFile

        admin_a = verified_user("files-admin-a@example.org")
        admin_b = verified_user("files-admin-b@example.org")
        self.a = create_approved_organisation(admin=admin_a, name="Files A")
        self.b = create_approved_organisation(admin=admin_b, name="Files B")
        self.pending = OrganisationFactory(
            name="Pending Application Coop",
            slug="pending-application-coop",
            status=Organisation.Status.PENDING,
        )
        self.page_a = PartnerPage.objects.get(organisation=self.a)
        self.page_b = PartnerPage.objects.get(organisation=self.b)

        self.image_a = get_image_model().objects.create(
            title="Photo of A", file=get_test_image_file(), collection=self.a.collection
        )
        self.unused_image_a = get_image_model().objects.create(
            title="Unused upload of A", file=get_test_image_file(), collection=self.a.collection
        )
        self.document_a = get_document_model().objects.create(
            title="Leaflet of A",
            file=ContentFile(b"A leaflet", name="leaflet.txt"),
            collection=self.a.collection,
        )
        # A's image is shown on a live page, so the public may list it.
        self.placement_a = create_placement(
            parent=self.page_a, image=self.image_a, image_alt="People at work"
        )
        self.draft_a = create_placement(parent=self.page_a, title="Draft placement of A")
        self.draft_a.unpublish()
        self.project_a = create_project(parent=self.page_a, title="Project of A")
        self.project_b = create_project(parent=self.page_b, title="Project of B")

        self.users = {
            "member of A": add_member(self.a, verified_user("files-editor-a@example.org")),
            "admin of A": admin_a,
            "member of B": add_member(self.b, verified_user("files-editor-b@example.org")),
            "moderator": moderator("files-moderator@example.org"),
            "anonymous": None,
        }
        for user in self.users.values():
            if user is not None:
                with_mfa(user)
        # Each role's own page and own project (a moderator's: B's).
        self.own_page = {
            "member of A": self.page_a,
            "admin of A": self.page_a,
            "member of B": self.page_b,
            "moderator": self.page_b,
            "anonymous": self.page_a,
        }
        self.own_project = {
            role: self.project_a if page == self.page_a else self.project_b
            for role, page in self.own_page.items()
        }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, World) as world:
        yield world


def _ids(response):
    assert response.status_code == 200, response.status_code
    return {item["id"] for item in response.json()["items"]}


def _latest(page):
    return Page.objects.get(pk=page.pk).get_latest_revision_as_object()


def _body_files(page):
    return {
        block.value[name].pk
        for block in _latest(page).body
        for name in ("image", "document")
        if block.block_type in ("image", "document") and block.value.get(name)
    }


# --- Table 1: A's files ----------------------------------------------------------

FILE_ACTIONS = [
    "list via admin API",
    "read via admin API",
    "see in chooser",
    "embed by id in own page",
    "public API list",
]

# fmt: off
FILE_TABLE = {
    # resource: {role: (list, read, chooser, embed, public API)}
    "A's image": {
        "member of A":  (Y, Y, Y, Y, Y),
        "admin of A":   (Y, Y, Y, Y, Y),
        "member of B":  (N, N, N, N, Y),
        "moderator":    (Y, Y, Y, Y, Y),
        "anonymous":    (N, N, N, N, Y),
    },
    "A's document": {
        "member of A":  (Y, Y, Y, Y, N),
        "admin of A":   (Y, Y, Y, Y, N),
        "member of B":  (N, N, N, N, N),
        "moderator":    (Y, Y, Y, Y, N),
        "anonymous":    (N, N, N, N, N),
    },
}
# fmt: on

FILE_CELLS = [
    pytest.param(resource, role, action, expected, id=f"{resource} | {role} | {action}")
    for resource, rows in FILE_TABLE.items()
    for role, row in rows.items()
    for action, expected in zip(FILE_ACTIONS, row, strict=True)
]


def _file_outcome(client, world, resource, role, action):
    is_image = resource == "A's image"
    item = world.image_a if is_image else world.document_a
    kind = "images" if is_image else "documents"
    if action == "list via admin API":
        response = client.get(f"/admin/api/main/{kind}/", {"limit": 50})
        return response.status_code == 200 and item.pk in _ids(response)
    if action == "read via admin API":
        response = client.get(f"/admin/api/main/{kind}/{item.pk}/")
        return response.status_code == 200 and response.json()["title"] == item.title
    if action == "see in chooser":
        response = client.get(f"/admin/{kind}/chooser/")
        return response.status_code == 200 and item.title in response.content.decode()
    if action == "embed by id in own page":
        page = world.own_page[role]
        block = (
            ("image", {"image": item.pk, "alt_text": "People at work", "caption": ""})
            if is_image
            else ("document", {"document": item.pk, "title": ""})
        )
        response = client.post(
            f"/admin/pages/{page.pk}/edit/",
            partner_page_post(page, body=streamfield([block])),
        )
        saved = item.pk in _body_files(page)
        # Saved means redirected to the editor; refused means the form again
        # (or, for the anonymous, the login page).
        assert response.status_code == 302 if saved else response.status_code in (200, 302)
        return saved
    if action == "public API list":
        response = client.get(f"/api/v2/{kind}/", {"limit": 50})
        return response.status_code == 200 and item.pk in _ids(response)
    raise AssertionError(action)  # pragma: no cover


@pytest.mark.django_db
@pytest.mark.parametrize(("resource", "role", "action", "expected"), FILE_CELLS)
def test_file_access_table(client, world, resource, role, action, expected):
    sign_in(client, world.users[role])
    assert _file_outcome(client, world, resource, role, action) is expected


def test_file_table_covers_every_role_action_and_resource():
    assert len(FILE_CELLS) == len(FILE_TABLE) * len(ROLES) * len(FILE_ACTIONS) == 50


# --- Finding 3: the other ways into a page ----------------------------------------


@pytest.fixture
def member_of_b(client, world):
    sign_in(client, world.users["member of B"])
    return client


@pytest.mark.django_db
def test_embedding_another_organisations_image_says_why(member_of_b, world):
    response = member_of_b.post(
        f"/admin/pages/{world.page_b.pk}/edit/",
        partner_page_post(
            world.page_b,
            body=streamfield(
                [("image", {"image": world.image_a.pk, "alt_text": "x", "caption": ""})]
            ),
        ),
    )
    assert response.status_code == 200
    [message] = response.context["form"].errors["body"]
    assert "belongs to another organisation" in message


@pytest.mark.django_db
def test_another_organisations_image_in_an_image_field_is_refused(member_of_b, world):
    placement = create_placement(parent=world.page_b)
    response = member_of_b.post(
        f"/admin/pages/{placement.pk}/edit/", placement_post(placement, image=world.image_a.pk)
    )
    assert response.status_code == 200
    assert "belongs to another organisation" in response.context["form"].errors["image"][0]
    assert _latest(placement).image_id is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("link", "refusal"),
    [
        (
            '<a linktype="document" id="{world.document_a.pk}">the leaflet</a>',
            "belongs to another organisation",
        ),
        ('<a linktype="page" id="{world.draft_a.pk}">this</a>', "draft of another organisation"),
    ],
    ids=["another organisation's document", "another organisation's draft"],
)
def test_a_link_in_rich_text_to_what_another_organisation_keeps_is_refused(
    member_of_b, world, link, refusal
):
    text = "<p>Read " + link.format(world=world) + ".</p>"
    response = member_of_b.post(
        f"/admin/pages/{world.page_b.pk}/edit/",
        partner_page_post(world.page_b, body=streamfield([("paragraph", rich_text(text))])),
    )
    assert response.status_code == 200
    assert refusal in response.context["form"].errors["body"][0]
    assert not any(block.block_type == "paragraph" for block in _latest(world.page_b).body)


@pytest.mark.django_db
def test_a_file_the_page_already_uses_can_stay(client, world):
    """A moderator placed A's image on B's page: B can still save it."""
    sign_in(client, world.users["moderator"])
    block = ("image", {"image": world.image_a.pk, "alt_text": "x", "caption": ""})
    post = partner_page_post(world.page_b, body=streamfield([block]))
    assert client.post(f"/admin/pages/{world.page_b.pk}/edit/", post).status_code == 302
    client.logout()
    sign_in(client, world.users["member of B"])
    post = partner_page_post(world.page_b, body=streamfield([block]), intro="New intro.")
    assert client.post(f"/admin/pages/{world.page_b.pk}/edit/", post).status_code == 302
    assert _latest(world.page_b).intro == "New intro."


@pytest.mark.django_db
def test_public_api_leaves_out_unused_uploads(client, world):
    ids = _ids(client.get("/api/v2/images/", {"limit": 50}))
    assert world.image_a.pk in ids
    assert world.unused_image_a.pk not in ids
    assert client.get(f"/api/v2/images/{world.unused_image_a.pk}/").status_code == 404


# --- Finding 9: suspended organisations disappear ---------------------------------


@pytest.mark.django_db
def test_a_suspended_organisation_is_no_longer_credited_or_its_images_listed(client, world):
    project = world.project_b
    name_partners(project, world.a)
    ids = _ids(client.get("/api/v2/images/", {"limit": 50}))
    assert world.image_a.pk in ids
    before = client.get(project.url).content.decode()
    assert "Files A" in before

    services.suspend_organisation(world.a, by=world.users["moderator"], reason="Checks")

    page = client.get(project.url).content.decode()
    assert "Files A" not in page  # neither in the partner list nor in the JSON-LD
    data = client.get(f"/api/v2/pages/{project.pk}/").json()
    assert data["partner_organisations"] == []
    ids = _ids(client.get("/api/v2/images/", {"limit": 50}))
    assert world.image_a.pk not in ids


# --- Table 2: drafts and pending names ---------------------------------------------

NAME_COLUMNS = [
    ("page chooser", "A's draft"),
    ("ways to get involved", "A's draft"),
    ("move confirmation", "A's draft"),
    ("bulk action confirmation", "A's draft"),
    ("project's partner organisations", "pending application"),
    ("organisation chooser", "pending application"),
]

# Moving a page needs the right to delete it, which partners do not hold:
# they may not open a move confirmation, even for their own drafts.
# fmt: off
NAME_TABLE = {
    #               chooser ways  move  bulk  partners org chooser
    "member of A":  (Y,     Y,    N,    Y,    N,       N),
    "admin of A":   (Y,     Y,    N,    Y,    N,       N),
    "member of B":  (N,     N,    N,    N,    N,       N),
    "moderator":    (Y,     Y,    Y,    Y,    N,       Y),
    "anonymous":    (N,     N,    N,    N,    N,       N),
}
# fmt: on

NAME_CELLS = [
    pytest.param(role, action, resource, expected, id=f"{role} | {action} | {resource}")
    for role, row in NAME_TABLE.items()
    for (action, resource), expected in zip(NAME_COLUMNS, row, strict=True)
]


def _names_it(client, world, role, action):
    """Whether the screen answers and names the resource."""
    draft, pending = world.draft_a.title, world.pending.name
    if action == "page chooser":
        browse = client.get(f"/admin/choose-page/{world.page_a.pk}/")
        search = client.get("/admin/choose-page/search/", {"q": "Draft placement"})
        seen = [
            response.status_code == 200 and draft in response.content.decode()
            for response in (browse, search)
        ]
        assert seen[0] == seen[1], seen
        return seen[0]
    project = world.own_project[role]
    if action in ("ways to get involved", "project's partner organisations"):
        response = client.get(f"/admin/pages/{project.pk}/edit/")
        name = draft if action == "ways to get involved" else pending
        return response.status_code == 200 and name in response.content.decode()
    if action == "move confirmation":
        response = client.get(f"/admin/pages/{world.draft_a.pk}/move/{world.page_b.pk}/confirm/")
        return response.status_code == 200 and draft in response.content.decode()
    if action == "bulk action confirmation":
        seen = []
        for bulk_action in ("unpublish", "move"):
            response = client.get(
                f"/admin/bulk/wagtailcore/page/{bulk_action}/",
                {"id": world.draft_a.pk, "next": "/admin/"},
            )
            seen.append(response.status_code == 200 and draft in response.content.decode())
        assert seen[0] == seen[1], seen
        return seen[0]
    if action == "organisation chooser":
        response = client.get("/admin/snippets/choose/partners/organisation/")
        chosen = client.get(
            f"/admin/snippets/choose/partners/organisation/chosen/{world.pending.pk}/"
        )
        named = response.status_code == 200 and pending in response.content.decode()
        assert named == (chosen.status_code == 200 and pending in chosen.content.decode())
        return named
    raise AssertionError(action)  # pragma: no cover


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "action", "resource", "expected"), NAME_CELLS)
def test_draft_and_pending_names_table(client, world, role, action, resource, expected):
    sign_in(client, world.users[role])
    assert _names_it(client, world, role, action) is expected


def test_names_table_covers_every_role_and_column():
    assert len(NAME_CELLS) == len(ROLES) * len(NAME_COLUMNS) == 30


@pytest.mark.django_db
def test_a_crafted_post_cannot_link_another_organisations_draft(member_of_b, world):
    project = world.project_b
    form_class = type(project).get_edit_handler().get_form_class()
    form = form_class(instance=project, for_user=world.users["member of B"], parent_page=None)
    offered = set(form.fields["linked_opportunities"].queryset.values_list("pk", flat=True))
    assert world.draft_a.pk not in offered
    assert world.placement_a.pk in offered
    organisations = set(form.fields["partner_organisations"].queryset.values_list("pk", flat=True))
    assert world.pending.pk not in organisations
    assert world.a.pk in organisations
