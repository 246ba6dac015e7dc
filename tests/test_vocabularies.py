"""Areas, asset types, audiences and sectors are kept by moderators in the
admin, translated like pages, and protected from deletion while in use."""

import datetime

import pytest
from django.db import transaction
from django.db.models import ProtectedError
from django.forms import modelform_factory
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cooperativa.opportunities.models import Audience, PlacementPage, Sector
from partners.models import Area, AssetType, PartnerPage
from tests.factories import (
    AreaFactory,
    OrganisationFactory,
    create_approved_organisation,
    create_hub,
    create_placement,
    moderator,
    term,
    terms,
    translate_page,
    verified_user,
)
from tests.helpers import sign_in_with_mfa

pytestmark = pytest.mark.django_db

VOCABULARIES = {
    "area": (Area, {"name": "Ivrea", "province": "TO", "region": "Piemonte", "slug": "ivrea"}),
    "assettype": (AssetType, {"name": "Bicycles", "code": "bicycles", "position": 20}),
    "audience": (Audience, {"name": "Young people", "code": "young-people", "position": 20}),
    "sector": (Sector, {"name": "Logistics", "code": "logistics", "position": 20}),
}
APP_LABELS = {"area": "partners", "assettype": "partners", "audience": "opportunities"}


def admin_url(model_name, view, pk=None):
    app_label = APP_LABELS.get(model_name, "opportunities")
    url = f"/admin/snippets/{app_label}/{model_name}/"
    if view == "list":
        return url
    if view == "add":
        return f"{url}add/"
    return f"{url}{view}/{pk}/"


@pytest.fixture
def people():
    partner = verified_user("partner@example.org")
    create_approved_organisation(admin=partner, name="Il Forno")
    return {
        "moderator": sign_in_with_mfa(Client(), moderator("moderator@example.org")),
        "partner member": sign_in_with_mfa(Client(), partner),
        "anonymous": Client(),
    }


# --- A site set up with migrate alone --------------------------------------------


def test_migrate_alone_gives_every_vocabulary_in_english_and_italian():
    for model in (AssetType, Audience, Sector):
        english = set(terms(model, model.objects.values("code")).values_list("code", flat=True))
        italian = set(
            model.objects.filter(locale__language_code="it").values_list("code", flat=True)
        )
        assert english and english == italian
        # Each Italian row is the translation of the English one.
        for row in model.objects.filter(locale__language_code="it"):
            assert row.get_translation(Locale.get_default()).code == row.code
    assert term(Sector, "catering").name == "Catering and food"
    assert (
        Sector.objects.get(code="catering", locale__language_code="it").name
        == "Ristorazione e alimentare"
    )
    assert term(Audience, "volunteers").name == "Volunteers"
    assert (
        AssetType.objects.get(code="jobs", locale__language_code="it").name == "Lavoro e tirocini"
    )
    # Areas are data: none until someone adds one.
    assert not Area.objects.exists()


def test_a_moderator_adds_an_area_and_a_partner_publishes_in_it(people):
    moderator_client, partner_client = people["moderator"], people["partner member"]
    response = moderator_client.post(
        admin_url("area", "add"),
        {"name": "Ivrea", "province": "TO", "region": "Piemonte", "slug": "ivrea"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    area = Area.objects.get(slug="ivrea")
    assert area.locale == Locale.get_default()

    partner_page = PartnerPage.objects.get(
        organisation__name="Il Forno", locale=Locale.get_default()
    )
    closes_on = timezone.localdate() + datetime.timedelta(days=20)
    response = partner_client.post(
        f"/admin/pages/add/opportunities/placementpage/{partner_page.pk}/",
        nested_form_data(
            {
                "title": "Bakery assistant in Ivrea",
                "slug": "bakery-assistant-ivrea",
                "summary": "Bake bread three mornings a week with a friendly team.",
                "commitment": "job",
                "sector": term(Sector, "catering").pk,
                "area": area.pk,
                "hours_per_week": 15,
                "duration": "6 months",
                "places": 2,
                "closes_on": closes_on.isoformat(),
                "how_to_apply": rich_text("<p>Write to us.</p>"),
                "body": streamfield([]),
                # The participation panel the editor shows, left empty.
                "justice_status_questions": inline_formset([]),
                "action-submit": "Submit for moderation",
            }
        )
        | {"audiences": [term(Audience, "after_release").pk]},
    )
    if response.status_code != 302:
        form = response.context["form"]
        raise AssertionError(form.errors.as_json())
    page = PlacementPage.objects.get(slug="bakery-assistant-ivrea")
    assert not page.live
    task_state = page.current_workflow_task_state
    assert task_state is not None, "the placement went to the moderators"

    response = moderator_client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live and page.area == area

    hub = create_hub("placement")
    response = Client().get(hub.url, {"area": "ivrea"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bakery assistant in Ivrea" in html
    assert "Ivrea (TO)" in html


# --- Who may keep the vocabularies -------------------------------------------------

ALLOWED = {"moderator": True, "partner member": False, "anonymous": False}


@pytest.mark.parametrize("role", ALLOWED)
@pytest.mark.parametrize("action", ["list", "add", "edit", "delete"])
def test_only_moderators_keep_the_vocabularies(people, role, action):
    client = people[role]
    for model_name, (model, fields) in VOCABULARIES.items():
        before = model.objects.count()
        if action == "list":
            response = client.get(admin_url(model_name, "list"))
            if ALLOWED[role]:
                assert response.status_code == 200
                assert (
                    str(model._meta.verbose_name_plural).capitalize() in response.content.decode()
                )
            else:
                assert response.status_code in (302, 403)
        elif action == "add":
            response = client.post(admin_url(model_name, "add"), fields)
            assert model.objects.count() == before + ALLOWED[role]
        else:
            row = model.objects.create(locale=Locale.get_default(), **fields)
            if action == "edit":
                client.post(admin_url(model_name, "edit", row.pk), {**fields, "name": "Changed"})
                row.refresh_from_db()
                assert (row.name == "Changed") is ALLOWED[role]
            else:
                client.post(admin_url(model_name, "delete", row.pk))
                assert model.objects.filter(pk=row.pk).exists() is not ALLOWED[role]
                model.objects.filter(pk=row.pk).delete()
        if not ALLOWED[role]:
            assert response.status_code in (302, 403) if action == "list" else True
            if role == "anonymous" and action == "list":
                assert response.status_code == 302 and "login" in response["Location"]


# --- A term in use is never deleted -----------------------------------------------


def test_a_term_in_use_cannot_be_deleted_and_the_moderator_is_told_why(people):
    moderator_client = people["moderator"]
    area = AreaFactory(name="Torino", slug="torino")
    create_placement(area=area, sector="laundry", audiences=["volunteers"])
    organisation = OrganisationFactory()
    organisation.assets.set(terms(AssetType, ["rooms"]))

    in_use = {
        "area": area,
        "sector": term(Sector, "laundry"),
        "audience": term(Audience, "volunteers"),
        "assettype": term(AssetType, "rooms"),
    }
    for model_name, row in in_use.items():
        response = moderator_client.post(admin_url(model_name, "delete", row.pk), follow=True)
        assert type(row).objects.filter(pk=row.pk).exists(), model_name
        assert "cannot be deleted" in response.content.decode(), model_name
        # Whatever deletes it: the ORM refuses too.
        with pytest.raises(ProtectedError), transaction.atomic():
            row.delete()

    # A term nobody uses can go.
    unused = term(Sector, "printing")
    response = moderator_client.post(admin_url("sector", "delete", unused.pk))
    assert response.status_code == 302
    assert not Sector.objects.filter(pk=unused.pk).exists()


# --- Labels in every language, counts across languages ----------------------------


def test_italian_pages_and_filters_show_the_italian_labels(client):
    area = AreaFactory(name="Torino", province="TO", slug="torino")
    placement = create_placement(
        area=area, sector="laundry", audiences=["volunteers"], title="Laundry assistant"
    )
    hub = create_hub("placement")
    italian_hub = translate_page(hub, "it", title="Tirocini", slug="tirocini")
    # The Italian placement points at the same (English) rows, as a copy does.
    translate_page(placement.get_parent(), "it")
    italian_placement = translate_page(placement, "it", title="Addetto lavanderia")

    html = client.get(italian_placement.url).content.decode()
    assert "Lavanderia e sartoria" in html
    assert "Volontari e volontarie" in html
    assert "Laundry and tailoring" not in html

    html = client.get(italian_hub.url).content.decode()
    assert "Addetto lavanderia" in html
    assert "Lavanderia e sartoria" in html and "Volontari e volontarie" in html

    # A moderator renames the Italian term: the Italian filters follow.
    italian_term = Sector.objects.get(code="laundry", locale__language_code="it")
    italian_term.name = "Lavanderie"
    italian_term.save()
    html = client.get(italian_hub.url, {"sector": "laundry"}).content.decode()
    assert "Lavanderie" in html and "Addetto lavanderia" in html
    # English is unchanged.
    html = client.get(hub.url, {"sector": "laundry"}).content.decode()
    assert "Laundry and tailoring" in html and "Laundry assistant" in html


def test_only_default_language_terms_can_be_chosen_for_a_page():
    italian_sector = Sector.objects.get(code="catering", locale__language_code="it")
    field = modelform_factory(PlacementPage, fields=["sector"])().fields["sector"]
    assert term(Sector, "catering") in field.queryset
    assert italian_sector not in field.queryset
