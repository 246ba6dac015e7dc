"""A person's organisations in "my data", and the rule that an organisation
always keeps an administrator when someone deletes their account."""

import json

import pytest
from django.urls import reverse

from cooperativa.accounts.models import User
from partners.models import Membership
from tests.factories import create_approved_organisation, verified_user
from tests.helpers import reauthenticate

pytestmark = pytest.mark.django_db


def signed_in_for_deletion(client, user):
    client.force_login(user)
    reauthenticate(client, reverse("me_delete"))


def test_the_only_administrator_of_an_organisation_cannot_delete_their_account(client):
    admin = verified_user(email="founder@example.org")
    create_approved_organisation(admin=admin, name="Il Forno Solidale")
    signed_in_for_deletion(client, admin)

    response = client.post(reverse("me_delete"), {"confirm": "on"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "You are the only administrator of Il Forno Solidale." in content
    assert User.objects.filter(pk=admin.pk).exists()


def test_deletion_works_once_another_member_is_administrator(client):
    admin = verified_user(email="founder@example.org")
    organisation = create_approved_organisation(admin=admin, name="Il Forno Solidale")
    colleague = verified_user(email="colleague@example.org")
    Membership.objects.create(user=colleague, organisation=organisation, role=Membership.Role.ADMIN)
    signed_in_for_deletion(client, admin)

    response = client.post(reverse("me_delete"), {"confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=admin.pk).exists()
    assert list(organisation.memberships.values_list("user__email", flat=True)) == [
        "colleague@example.org"
    ]


def test_an_editor_can_always_delete_their_account(client):
    organisation = create_approved_organisation(name="Il Forno Solidale")
    editor = verified_user(email="editor@example.org")
    Membership.objects.create(user=editor, organisation=organisation, role=Membership.Role.EDITOR)
    signed_in_for_deletion(client, editor)

    response = client.post(reverse("me_delete"), {"confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=editor.pk).exists()


def test_my_data_lists_my_organisations_and_applications(client):
    admin = verified_user(email="founder@example.org")
    create_approved_organisation(admin=admin, name="Il Forno Solidale")
    client.force_login(admin)
    reauthenticate(client, reverse("me_export"))

    data = json.loads(client.get(reverse("me_export")).content)["organisations"]

    assert [(m["organisation"], m["role"]) for m in data["memberships"]] == [
        ("Il Forno Solidale", "admin")
    ]
    assert data["applications"] == [{"organisation": "Il Forno Solidale", "status": "approved"}]
    assert data["requests_to_join"] == []
