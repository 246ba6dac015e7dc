"""Signing up an organisation at /partners/join/ and what approval provisions."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale
from wagtail.permissions import policy_registry

from partners import services
from partners.models import AssetType, Membership, Organisation, PartnerPage
from tests.factories import (
    AreaFactory,
    OrganisationFactory,
    UserFactory,
    create_approved_organisation,
    create_partner_index,
    moderator,
    term,
    translate_page,
    verified_user,
    with_mfa,
)

pytestmark = pytest.mark.django_db

JOIN_URL = "/partners/join/"


def application(**overrides):
    data = {
        "name": "Cooperativa Sociale Il Forno",
        "kind": "coop_b",
        "legal_form": "social_coop",
        "registry_number": "A123456",
        "description": "We run a bakery in Torino that employs people on work release.",
        "address": "Via Roma 1, Torino",
        "website": "ilforno.example.it",
        "contact_name": "Giulia Bianchi",
        "contact_email": "giulia@ilforno.example.it",
        "contact_phone": "+39 011 555 0101",
        "charter": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def applicant():
    return verified_user("applicant@example.org")


@pytest.fixture
def directory():
    index = create_partner_index()
    translate_page(index, "it", title="Partner", slug="partner")
    return index


# --- Who may sign up ------------------------------------------------------------


def test_join_requires_login(client):
    response = client.get(JOIN_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "next=/partners/join/" in response["Location"]


def test_join_asks_an_unverified_user_to_verify_first(client):
    user = UserFactory(email="unverified@example.org")
    client.force_login(user)
    for response in (client.get(JOIN_URL), client.post(JOIN_URL, application())):
        assert response.status_code == 403
        content = response.content.decode()
        assert "Confirm your email address first" in content
        assert 'href="/accounts/email/"' in content
    assert not Organisation.objects.exists()


def test_join_form_is_shown_with_areas_assets_and_charter(client, applicant):
    area = AreaFactory(name="Torino")
    client.force_login(applicant)
    response = client.get(JOIN_URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in content
    assert f'value="{area.pk}"' in content and "Torino" in content
    assert "Rooms and spaces" in content
    assert 'href="/partners/join/charter/"' in content
    assert 'value="applicant@example.org"' in content  # contact email suggested


def test_charter_page_is_public_and_says_we_never_ask_about_offences(client):
    response = client.get("/partners/join/charter/")
    assert response.status_code == 200
    assert "We never ask about offences" in response.content.decode()


def test_join_accepts_only_get_and_post(client, applicant):
    client.force_login(applicant)
    assert client.put(JOIN_URL).status_code == 405


# --- Submitting -----------------------------------------------------------------


def test_sign_up_creates_a_pending_organisation_and_tells_everyone(
    client, applicant, django_capture_on_commit_callbacks
):
    first, second = moderator("mod1@example.org"), moderator("mod2@example.org")
    retired = moderator("retired@example.org", is_active=False)
    area = AreaFactory()
    client.force_login(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            JOIN_URL,
            application(areas=[area.pk], assets=[term(AssetType, "jobs").pk]),
        )

    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/partners/join/submitted/{organisation.slug}/"
    assert organisation.status == Organisation.Status.PENDING
    assert organisation.slug == "cooperativa-sociale-il-forno"
    assert organisation.applicant == applicant
    assert organisation.charter_accepted_at is not None
    assert organisation.website == "https://ilforno.example.it"
    assert list(organisation.areas.all()) == [area]
    assert [a.code for a in organisation.assets.all()] == ["jobs"]
    assert organisation.contact_email == "giulia@ilforno.example.it"
    assert Membership.objects.get(organisation=organisation).user == applicant

    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([applicant.email, first.email, second.email])
    assert retired.email not in recipients
    to_applicant = next(m for m in mail.outbox if m.to == [applicant.email])
    assert "received" in to_applicant.subject
    to_moderator = next(m for m in mail.outbox if m.to == [first.email])
    assert "Cooperativa Sociale Il Forno" in to_moderator.subject
    assert f"/admin/snippets/partners/organisation/edit/{organisation.pk}/" in to_moderator.body

    done = client.get(response["Location"])
    assert "we have your application" in done.content.decode()


def test_slugs_are_unique_and_never_reserved(client, applicant):
    OrganisationFactory(name="Join Us", slug="join-organisation")
    assert services.unique_slug("Join") == "join-organisation-2"
    assert services.unique_slug("Manage") == "manage-organisation"
    client.force_login(applicant)
    client.post(JOIN_URL, application(name="Join"))
    assert Organisation.objects.get(name="Join", status="pending").slug == "join-organisation-2"


def test_reserved_slugs_are_invalid_for_organisations_and_partner_pages():
    from django.core.exceptions import ValidationError

    for slug in ("join", "manage"):
        with pytest.raises(ValidationError):
            OrganisationFactory.build(slug=slug).full_clean()
        page = PartnerPage(title="X", slug=slug, intro="x", organisation=OrganisationFactory())
        with pytest.raises(ValidationError) as error:
            page.clean()
        assert "slug" in error.value.message_dict


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "This field is required"),
        ({"charter": None}, "charter", "must accept the charter"),
        ({"registry_number": ""}, "registry_number", "please give the number"),
        ({"registry_number": "??"}, "registry_number", "as it appears on your registration"),
        ({"legal_form": "association"}, "legal_form", "Social cooperative"),
        (
            {"kind": "community", "legal_form": "informal", "registry_number": ""},
            "vouched_by",
            "needs an approved organisation",
        ),
        ({"contact_email": "not an address"}, "contact_email", "valid email"),
    ],
)
def test_sign_up_explains_errors_and_keeps_what_was_typed(
    client, applicant, overrides, field, message
):
    client.force_login(applicant)
    data = application(description="Our bakery, in our words.", **overrides)
    response = client.post(JOIN_URL, data)
    assert response.status_code == 200
    assert not Organisation.objects.exists()
    form = response.context["form"]
    assert field in form.errors
    assert message in " ".join(form.errors[field])
    content = response.content.decode()
    assert "Please check the form" in content
    assert "Our bakery, in our words." in content  # what was typed stays
    assert 'aria-invalid="true"' in content or field == "charter"


def test_registry_number_is_optional_for_associations(client, applicant):
    client.force_login(applicant)
    response = client.post(
        JOIN_URL, application(kind="voluntary", legal_form="association", registry_number="")
    )
    assert response.status_code == 302


def test_an_existing_organisation_cannot_be_registered_twice(client, applicant):
    OrganisationFactory(name="Cooperativa Sociale Il Forno")
    client.force_login(applicant)
    response = client.post(JOIN_URL, application(name="cooperativa sociale il forno"))
    assert "already registered" in " ".join(response.context["form"].errors["name"])


# --- Approval provisions everything ---------------------------------------------


def test_approval_provisions_group_pages_collection_membership_and_email(
    applicant, directory, django_capture_on_commit_callbacks
):
    reviewer = moderator("reviewer@example.org")
    organisation = OrganisationFactory(
        name="Il Forno",
        slug="il-forno",
        status="pending",
        applicant=applicant,
        description="A bakery that employs people on work release.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_organisation(organisation, approved_by=reviewer)
    organisation.refresh_from_db()

    assert organisation.status == Organisation.Status.APPROVED
    group = organisation.group
    assert group.name == "Il Forno"
    assert group.permissions.filter(codename="access_admin").exists()
    assert list(group.user_set.all()) == [applicant]
    assert Membership.objects.get(organisation=organisation, user=applicant).is_admin

    english = PartnerPage.objects.get(organisation=organisation, locale=Locale.get_default())
    italian = PartnerPage.objects.get(organisation=organisation, locale__language_code="it")
    for page in (english, italian):
        assert page.live
        assert page.title == "Il Forno"
        assert page.intro == "A bakery that employs people on work release."
        assert set(
            GroupPagePermission.objects.filter(group=group, page=page).values_list(
                "permission__codename", flat=True
            )
        ) == {"add_page", "change_page"}
    assert english.get_parent().specific == directory
    assert italian.translation_key == english.translation_key
    assert english.url == "/partners/il-forno/"
    assert italian.url == "/it/partner/il-forno/"

    collection = organisation.collection
    assert collection.get_parent() == Collection.get_first_root_node()
    assert set(
        GroupCollectionPermission.objects.filter(group=group, collection=collection).values_list(
            "permission__codename", flat=True
        )
    ) == {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    }
    image_policy = policy_registry.get_by_type(get_image_model())
    assert collection in image_policy.collections_user_has_permission_for(applicant, "add")

    assert [m.to for m in mail.outbox] == [[applicant.email]]
    assert "now a partner" in mail.outbox[0].subject
    assert "http://127.0.0.1:8000/partners/il-forno/" in mail.outbox[0].body or (
        "/partners/il-forno/" in mail.outbox[0].body
    )


def test_approval_is_idempotent(applicant, directory, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory(status="pending", applicant=applicant)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_organisation(organisation, approved_by=None)
        services.approve_organisation(organisation, approved_by=None)
    organisation.refresh_from_db()
    assert Group.objects.filter(organisation=organisation).count() == 1
    assert PartnerPage.objects.filter(organisation=organisation).count() == 2
    assert Collection.objects.filter(name=organisation.name).count() == 1
    assert GroupPagePermission.objects.filter(group=organisation.group).count() == 4
    assert GroupCollectionPermission.objects.filter(group=organisation.group).count() == 6
    assert Membership.objects.filter(organisation=organisation).count() == 1
    assert len(mail.outbox) == 1  # one welcome, not two


def test_approval_without_an_italian_directory_creates_only_the_english_page(applicant):
    organisation = create_approved_organisation(admin=applicant)
    assert [
        p.locale.language_code for p in PartnerPage.objects.filter(organisation=organisation)
    ] == ["en"]


def test_approval_is_all_or_nothing(
    applicant, directory, monkeypatch, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(status="pending", applicant=applicant)
    groups_before = Group.objects.count()
    collections_before = Collection.objects.count()

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    # Fail after the group, the collection and both pages have been created.
    monkeypatch.setattr(services, "_grant_collection_permissions", broken)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        services.approve_organisation(organisation, approved_by=None)

    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PENDING
    assert organisation.group is None and organisation.collection is None
    assert Group.objects.count() == groups_before
    assert Collection.objects.count() == collections_before
    assert not PartnerPage.objects.filter(organisation=organisation).exists()
    assert not GroupPagePermission.objects.filter(page__partnerpage__organisation=organisation)
    assert not applicant.groups.exists()
    assert mail.outbox == []


def test_informal_group_needs_a_voucher_before_approval(
    client, applicant, directory, django_capture_on_commit_callbacks
):
    voucher_admin = verified_user("voucher@example.org")
    voucher = create_approved_organisation(admin=voucher_admin, name="Casa Comune")
    mail.outbox.clear()

    client.force_login(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            JOIN_URL,
            application(
                name="Gruppo del Giovedì",
                kind="community",
                legal_form="informal",
                registry_number="",
                vouched_by=voucher.pk,
            ),
        )
    assert response.status_code == 302
    group = Organisation.objects.get(name="Gruppo del Giovedì")
    assert group.vouched_by == voucher and group.needs_vouching
    asked = [m for m in mail.outbox if m.to == [voucher_admin.email]]
    assert len(asked) == 1 and "vouch" in asked[0].subject
    assert "/partners/manage/casa-comune/vouching/" in asked[0].body

    with pytest.raises(services.PartnerError):
        services.approve_organisation(group, approved_by=None)

    # The voucher's admin sees the request in the manage area and confirms it.
    with_mfa(voucher_admin)
    client.force_login(voucher_admin)
    page = client.get("/partners/manage/casa-comune/vouching/")
    assert "Gruppo del Giovedì" in page.content.decode()
    assert "Giulia Bianchi" not in page.content.decode()  # the group's contact stays private
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/partners/manage/casa-comune/vouching/{group.slug}/", {"decision": "accept"})
    group.refresh_from_db()
    assert group.vouched_at is not None
    services.approve_organisation(group, approved_by=None)
    group.refresh_from_db()
    assert group.is_approved


def test_a_voucher_can_decline_and_the_group_can_name_another(
    client, applicant, directory, django_capture_on_commit_callbacks
):
    first_admin, second_admin = (
        verified_user("first@example.org"),
        verified_user("second@example.org"),
    )
    first = create_approved_organisation(admin=first_admin, name="Prima")
    second = create_approved_organisation(admin=second_admin, name="Seconda")
    client.force_login(applicant)
    client.post(
        JOIN_URL,
        application(
            name="Circolo",
            kind="community",
            legal_form="informal",
            registry_number="",
            vouched_by=first.pk,
        ),
    )
    group = Organisation.objects.get(name="Circolo")
    mail.outbox.clear()

    with_mfa(second_admin)
    client.force_login(second_admin)
    response = client.post(
        f"/partners/manage/seconda/vouching/{group.slug}/", {"decision": "accept"}
    )
    assert response.status_code == 404  # not asked, cannot vouch

    with_mfa(first_admin)
    client.force_login(first_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/partners/manage/prima/vouching/{group.slug}/", {"decision": "decline"})
    group.refresh_from_db()
    assert group.vouch_declined_at is not None and group.needs_vouching
    assert [m.to for m in mail.outbox] == [[applicant.email]]

    client.force_login(applicant)
    overview = client.get(f"/partners/manage/{group.slug}/")
    assert "did not vouch" in overview.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/partners/manage/{group.slug}/details/",
            application(
                name="Circolo",
                kind="community",
                legal_form="informal",
                registry_number="",
                vouched_by=second.pk,
                charter=None,
            ),
        )
    group.refresh_from_db()
    assert group.vouched_by == second and group.vouch_declined_at is None
    assert any(m.to == [second_admin.email] for m in mail.outbox)


def test_contact_person_never_appears_on_public_pages_or_the_api(client, applicant):
    organisation = create_approved_organisation(
        admin=applicant,
        contact_name="Giulia Riservata",
        contact_email="riservata@example.org",
        contact_phone="+39 000 111 2222",
    )
    page = PartnerPage.objects.get(organisation=organisation)
    for url in (
        page.url,
        "/partners/",
        f"/api/v2/pages/{page.pk}/",
        "/api/v2/pages/?type=partners.PartnerPage&fields=*",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        for private in ("Giulia Riservata", "riservata@example.org", "111 2222"):
            assert private not in content, (url, private)


def test_emails_use_each_recipients_language_for_links(
    client, directory, django_capture_on_commit_callbacks
):
    italian = verified_user("italiano@example.org", preferred_language="it")
    english_moderator = moderator("mod@example.org")
    client.force_login(italian)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(JOIN_URL, application())
    to_applicant = next(m for m in mail.outbox if m.to == [italian.email])
    to_moderator = next(m for m in mail.outbox if m.to == [english_moderator.email])
    assert "/it/partners/manage/cooperativa-sociale-il-forno/" in to_applicant.body
    assert "/it/" not in to_moderator.body
