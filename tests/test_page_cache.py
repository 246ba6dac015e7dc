"""The page cache for anonymous visitors (cooperativa/core/page_cache.py):
pages come from the cache until what they show changes, in both languages,
and nobody signed in ever receives a cached page or leaves one behind."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from cooperativa.core import page_cache
from cooperativa.opportunities import tasks
from cooperativa.opportunities.models import Sector
from home.models import NavigationSettings
from partners import services
from partners.models import Organisation
from tests.factories import (
    AreaFactory,
    create_approved_organisation,
    create_hub,
    create_partner_index,
    create_partner_page,
    create_placement,
    moderator,
    translate_page,
    verified_user,
)
from tests.helpers import in_days, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what happens after the commit (the purge does) for the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


class Site:
    """Hubs and a partner page in English and Italian."""

    def __init__(self):
        self.hub = create_hub("placement")
        self.hub_it = translate_page(self.hub, title="Tirocini", slug="tirocini")
        self.partner = create_partner_page()
        self.partner_it = translate_page(self.partner)
        self.area = AreaFactory()


@pytest.fixture
def site(commit):
    with commit():
        return Site()


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def cached(url, client=None):
    """Whether ``url`` now comes from the cache for an anonymous visitor,
    and its text."""
    response = visit(client or Client(), url)
    return response.get(page_cache.HIT_HEADER) == "hit", response.content.decode()


def warm(*urls):
    for url in urls:
        visit(Client(), url)
        assert cached(url)[0], url


# --- Hits ---------------------------------------------------------------------------


def test_a_second_anonymous_visit_costs_no_query(site, django_assert_num_queries):
    visit(Client(), "/placements/")
    with django_assert_num_queries(0):
        response = Client().get("/placements/")
    assert response[page_cache.HIT_HEADER] == "hit"
    assert response["Content-Type"].startswith("text/html")


def test_an_unchanged_page_is_not_sent_again(site):
    first = visit(Client(), "/placements/")
    again = Client().get("/placements/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert "must-revalidate" in first["Cache-Control"]


@pytest.mark.parametrize("url", ["/sitemap.xml", "/feeds/opportunities.rss", "/api/v2/pages/"])
def test_feeds_sitemap_and_api_revalidate_with_the_same_purge(site, commit, url):
    first = visit(Client(), url)
    assert first["ETag"]
    assert Client().get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    with commit():
        create_placement(parent=site.partner, title="Night baker")
    assert Client().get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


# --- Purges: each change refreshes the pages that show it, in both languages -----------


@pytest.mark.parametrize("language", ["en", "it"])
def test_publishing_refreshes_the_hubs_and_home(site, commit, language):
    hub = "/placements/" if language == "en" else "/it/tirocini/"
    home = "/" if language == "en" else "/it/"
    warm(hub, home)
    with commit():
        placement = create_placement(parent=site.partner, title="Night baker", area=site.area)
        if language == "it":
            translate_page(placement, title="Panettiere di notte")
    title = "Night baker" if language == "en" else "Panettiere di notte"
    hit, text = cached(hub)
    assert not hit
    assert title in text
    assert title in cached(home)[1]


@pytest.mark.parametrize("language", ["en", "it"])
def test_unpublishing_and_deleting_refresh_the_hub(site, commit, language):
    placement = create_placement(parent=site.partner, title="Night baker")
    if language == "it":
        placement = translate_page(placement, title="Panettiere di notte")
    hub = "/placements/" if language == "en" else "/it/tirocini/"
    warm(hub, placement.url)

    with commit():
        placement.unpublish()
    assert placement.title not in cached(hub)[1]
    assert Client().get(placement.url).status_code == 404

    with commit():
        placement.save_revision().publish()
    assert placement.title in cached(hub)[1]
    with commit():
        placement.delete()
    assert placement.title not in cached(hub)[1]


def test_moving_a_page_refreshes_both_partner_profiles(site, commit):
    placement = create_placement(parent=site.partner, title="Night baker")
    other = create_partner_page()
    warm(site.partner.url, other.url)
    with commit():
        placement.move(other, pos="last-child")
    assert "Night baker" not in cached(site.partner.url)[1]
    assert "Night baker" in cached(other.url)[1]


def test_a_scheduled_publication_refreshes_the_hub(site, commit):
    placement = create_placement(parent=site.partner, title="Night baker")
    placement.unpublish()
    warm("/placements/")
    placement.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    placement.save_revision().publish()  # a go-live time ahead: only scheduled
    assert "Night baker" not in cached("/placements/")[1]
    later = timezone.now() + datetime.timedelta(hours=2)
    with commit(), mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", verbosity=0)
    assert "Night baker" in cached("/placements/")[1]


@pytest.mark.parametrize("language", ["en", "it"])
def test_approving_and_suspending_an_organisation_refresh_the_directory(commit, language):
    directory = "/partners/" if language == "en" else "/it/partner/"
    with commit():
        translate_page(create_partner_index(), slug="partner")
        create_approved_organisation(name="Forno Solidale")
    warm(directory)
    with commit():
        second = create_approved_organisation(name="Lavanderia Aperta")
    assert "Lavanderia Aperta" in cached(directory)[1]
    with commit():
        services.suspend_organisation(second, by=moderator(), reason="Checks")
    assert "Lavanderia Aperta" not in cached(directory)[1]


def test_a_change_of_an_organisations_profile_refreshes_its_page(site, commit):
    warm("/partners/")
    organisation = site.partner.organisation
    with commit():
        organisation.kind = Organisation.Kind.MENTORING
        organisation.save()
    hit, text = cached("/partners/")
    assert not hit
    assert str(Organisation.Kind.MENTORING.label) in text


def test_renaming_a_vocabulary_term_in_italian_refreshes_the_italian_hub(site, commit):
    create_placement(parent=site.partner, sector="catering")
    warm("/it/tirocini/", "/placements/")
    italian = Sector.objects.get(code="catering", locale__language_code="it")
    with commit():
        italian.name = "Cucina e mensa"
        italian.save()
    assert "Cucina e mensa" in cached("/it/tirocini/")[1]
    assert not cached("/placements/")[0]


def test_a_navigation_change_refreshes_every_page(site, commit):
    warm("/placements/", "/it/tirocini/")
    navigation = NavigationSettings.for_site(site.hub.get_site())
    with commit():
        navigation.main_menu_items.create(page=site.hub, label="Work with us")
        navigation.save()
    assert "Work with us" in cached("/placements/")[1]
    assert not cached("/it/tirocini/")[0]


def test_midnight_refreshes_states_and_the_beat_task_purges(site, commit):
    create_placement(parent=site.partner, title="Night baker", closes_on=in_days(0))
    warm("/placements/")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
        hit, text = cached("/placements/")
    assert not hit
    assert "Night baker" not in text

    # The task purges (for a CDN and the version-keyed caches) only on a day
    # when something crosses a boundary.
    version = page_cache.content_version()
    with commit():
        assert tasks.purge_pages_of_changed_states() == 0
    assert page_cache.content_version() == version
    with (
        commit(),
        mock.patch.object(tasks, "today", return_value=tomorrow),
    ):
        assert tasks.purge_pages_of_changed_states() == 1
    assert page_cache.content_version() != version


def test_a_draft_changes_nothing(site, commit):
    placement = create_placement(parent=site.partner, title="Night baker")
    warm("/placements/")
    with commit():
        placement.title = "Draft title"
        placement.save_revision()
    hit, text = cached("/placements/")
    assert hit
    assert "Draft title" not in text


# --- Never for someone signed in, never for their pages ----------------------------------


def test_a_signed_in_person_never_gets_nor_leaves_a_cached_page(site):
    warm("/placements/")
    person = verified_user(display_name="Ada Lovelace")
    client = sign_in(Client(), person)
    response = visit(client, "/placements/")
    assert page_cache.HIT_HEADER not in response
    assert "Ada Lovelace" in response.content.decode() or "/me/" in response.content.decode()

    # Their visit to a page nobody had visited stores nothing either.
    other_page = "/it/tirocini/"
    visit(client, other_page)
    hit, text = cached(other_page)
    assert not hit
    assert "Ada Lovelace" not in text
    assert "/accounts/logout/" not in text


@pytest.mark.parametrize(
    "url", ["/accounts/login/", "/it/accounts/login/", "/me/", "/partners/manage/", "/admin/"]
)
def test_personal_areas_are_never_cached(site, url):
    for _ in range(2):
        response = Client().get(url)
        assert page_cache.HIT_HEADER not in response


def test_a_page_with_a_form_is_rendered_for_each_visitor_and_its_form_works(settings):
    # Even where the path alone would allow it: the CSRF cookie keeps it out.
    settings.PAGE_CACHE_EXCLUDED_PATHS = ()
    user = verified_user()
    for _ in range(2):
        client = Client(enforce_csrf_checks=True)
        response = client.get("/accounts/login/")
        assert page_cache.HIT_HEADER not in response
        token = client.cookies["csrftoken"].value
        posted = client.post(
            "/accounts/login/",
            {"login": user.email, "password": "a long test password 42"},
            HTTP_X_CSRFTOKEN=token,
        )
        assert posted.status_code == 302


def test_a_pending_message_bypasses_the_cache(site):
    warm("/placements/")
    client = Client()
    client.cookies["messages"] = "something"
    assert page_cache.HIT_HEADER not in visit(client, "/placements/")


def test_switched_off_nothing_is_cached(site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    visit(Client(), "/placements/")
    assert page_cache.HIT_HEADER not in visit(Client(), "/placements/")


# --- A CDN in front (wagtail.contrib.frontend_cache) ------------------------------------

PURGED = []


class RecordingBackend:
    """A CDN that writes down what it is asked to purge."""

    def __init__(self, params):
        self.hostnames = params.get("HOSTNAMES")

    def invalidates_hostname(self, hostname):
        return True

    def purge_batch(self, urls):
        PURGED.extend(urls)

    def purge(self, url):
        PURGED.append(url)


def test_a_publication_purges_the_page_and_the_hubs_from_a_cdn(site, commit, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.test_page_cache.RecordingBackend"}
    }
    PURGED.clear()
    with commit():
        placement = create_placement(parent=site.partner, title="Night baker")
    assert placement.full_url in PURGED
    assert site.hub.full_url in PURGED
    assert site.hub_it.full_url in PURGED
    # And the CDN may keep public pages until it is told.
    response = visit(Client(), "/placements/")
    assert f"s-maxage={settings.PAGE_CACHE_SECONDS}" in response["Cache-Control"]
