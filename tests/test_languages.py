"""A language added to the settings gets its locale on the next `migrate`,
and approving an organisation gives it a partner page in every configured
language that has a partner directory."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale

from cooperativa.core.locales import create_missing_locales
from partners import services
from partners.models import PartnerPage
from tests.factories import OrganisationFactory, create_partner_index, translate_page, verified_user

pytestmark = pytest.mark.django_db

THREE_LANGUAGES = [("en", "English"), ("it", "Italian"), ("fr", "French")]


@override_settings(LANGUAGES=THREE_LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=THREE_LANGUAGES)
def test_a_language_added_to_the_settings_gets_its_locale_on_migrate():
    assert not Locale.objects.filter(language_code="fr").exists()
    call_command("migrate", verbosity=0, interactive=False)
    assert Locale.objects.filter(language_code="fr").count() == 1
    # Idempotent: a second migrate adds nothing and keeps every locale.
    call_command("migrate", verbosity=0, interactive=False)
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["en", "fr", "it"]


@override_settings(LANGUAGES=THREE_LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=THREE_LANGUAGES)
def test_approval_creates_a_partner_page_in_every_configured_language(
    django_capture_on_commit_callbacks,
):
    create_missing_locales()
    directory = create_partner_index()
    translate_page(directory, "it", title="Partner", slug="partner")
    translate_page(directory, "fr", title="Partenaires", slug="partenaires")
    organisation = OrganisationFactory(
        name="Il Forno", slug="il-forno", status="pending", applicant=verified_user()
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.approve_organisation(organisation, approved_by=None)

    pages = PartnerPage.objects.filter(organisation=organisation)
    assert sorted(page.locale.language_code for page in pages) == ["en", "fr", "it"]
    assert len({page.translation_key for page in pages}) == 1
    assert all(page.live for page in pages)
    french = pages.get(locale__language_code="fr")
    assert french.get_parent().specific.title == "Partenaires"
    assert french.url == "/fr/partenaires/il-forno/"
    # Each page is editable by the organisation's group.
    organisation.refresh_from_db()
    assert all(
        page.group_permissions.filter(group=organisation.group).count() == 2 for page in pages
    )
