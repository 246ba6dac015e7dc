"""The demo loader: a bilingual demo site in one command, safe to run again.

Loading the demo takes several seconds, so it runs once for this module
inside a transaction that is rolled back at the end; each test runs in a
savepoint within it and sees the same fresh demo.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Locale, Page, PageLogEntry, ReferenceIndex

from cooperativa.core import page_cache
from cooperativa.opportunities.models import (
    CallPage,
    OpportunityIndexPage,
    OpportunityPage,
    PlacementPage,
    ProjectPage,
)
from home.demo.generated import generate, index_for_search, load
from home.demo.loader import IMAGES_DIR, demo_organisation_slugs, read
from home.models import ContactSettings, FooterItem, HomePage, MainMenuItem, StandardPage
from partners.models import Area, Organisation, PartnerPage
from tests.helpers import soup


def run_load_demo(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("load_demo", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        output = run_load_demo()
        yield output
        transaction.set_rollback(True)


@pytest.fixture
def loaded(demo, db):
    return demo


def locale(code):
    return Locale.objects.get(language_code=code)


def counts():
    return {
        "pages": Page.objects.count(),
        "organisations": Organisation.objects.count(),
        "areas": Area.objects.count(),
        "images": get_image_model().objects.count(),
        "menu": MainMenuItem.objects.count(),
        "footer": FooterItem.objects.count(),
    }


# --- Content ----------------------------------------------------------------


def test_home_page_has_content_in_both_languages(loaded, client):
    english = HomePage.objects.get(locale=locale("en"))
    italian = HomePage.objects.get(locale=locale("it"))
    assert italian.translation_key == english.translation_key
    assert len(english.body) > 3 and len(italian.body) > 3
    assert "Torino" in english.intro and "insieme" in italian.intro

    assert english.intro in client.get("/").content.decode()
    assert italian.intro in client.get("/it/").content.decode()


@pytest.mark.parametrize(
    ("kind", "english_slug", "italian_slug"),
    [
        ("", "opportunities", "opportunita"),
        ("placement", "placements", "tirocini"),
        ("call", "calls", "chiamate"),
        ("project", "projects", "progetti"),
    ],
)
def test_hubs_exist_in_both_languages_with_translated_slugs(
    loaded, kind, english_slug, italian_slug
):
    english = OpportunityIndexPage.objects.get(locale=locale("en"), kind=kind)
    italian = english.get_translation(locale("it"))
    assert english.live and italian.live
    assert english.slug == english_slug
    assert italian.slug == italian_slug
    assert italian.specific.kind == kind


def test_standard_pages_say_plainly_what_data_is_collected(loaded):
    privacy = StandardPage.objects.get(locale=locale("en"), slug="privacy")
    text = str(privacy.body)
    assert "never ask about offences" in text
    # It promises only what the platform does: no retention period for
    # responses the site does not collect.
    assert "12 months" not in text
    assert "delete your account" in text
    italian = privacy.get_translation(locale("it")).specific
    assert "Non chiediamo mai di reati" in str(italian.body)
    slugs = set(StandardPage.objects.filter(locale=locale("it")).values_list("slug", flat=True))
    assert {"chi-siamo", "privacy", "accessibilita"} <= slugs


def test_organisations_of_many_kinds_each_with_a_page_in_both_languages(loaded):
    organisations = Organisation.objects.all()
    assert organisations.count() >= 12
    assert len({org.kind for org in organisations}) >= 5
    for organisation in organisations:
        assert organisation.status == Organisation.Status.APPROVED
        assert organisation.logo_id and organisation.latitude and organisation.areas.exists()
        assert organisation.website.startswith("https://") and "example.org" in organisation.website
        pages = PartnerPage.objects.filter(organisation=organisation)
        assert {page.locale.language_code for page in pages} == {"en", "it"}
        # Approved through the partners service: its members can edit its
        # pages in both languages and use its own media collection.
        assert organisation.collection_id
        permitted = GroupPagePermission.objects.filter(
            group=organisation.group, permission__codename="add_page"
        )
        assert set(permitted.values_list("page", flat=True)) == {page.pk for page in pages}
    assert Area.objects.filter(province__in=["TO", "BO", "PD", "BA"]).count() >= 8


def test_opportunities_of_every_type_in_both_languages(loaded):
    for model, at_least in ((PlacementPage, 18), (CallPage, 10), (ProjectPage, 6)):
        english = model.objects.filter(locale=locale("en"))
        assert english.count() >= at_least
        assert model.objects.filter(locale=locale("it")).count() == english.count()
    italian = PlacementPage.objects.get(locale=locale("it"), slug="aiuto-panettiere-turno-mattino")
    assert italian.stipend == "€650 al mese"
    assert italian.get_translation(locale("en")).specific.stipend == "€650 a month"
    # Every page sits under its host organisation's page, in its own language.
    assert isinstance(italian.get_parent().specific, PartnerPage)
    assert italian.get_parent().locale == italian.locale


def test_placements_are_open_closing_soon_and_closed(loaded):
    states = {page.state for page in PlacementPage.objects.filter(locale=locale("en"))}
    assert states == {"open", "closing_soon", "closed"}


def test_projects_cover_every_stage_with_partners_and_updates(loaded):
    projects = ProjectPage.objects.filter(locale=locale("en"))
    assert {project.stage for project in projects} == set(ProjectPage.Stage.values)
    for project in projects:
        assert project.partner_organisations.exists()
        assert 1 <= project.updates.count() <= 3
        linked = list(project.linked_opportunities.all())
        assert linked
        # The Italian project links to the Italian placements and calls.
        italian = project.get_translation(locale("it")).specific
        assert {page.locale_id for page in italian.linked_opportunities.all()} == {locale("it").pk}


def test_calls_have_events(loaded):
    with_event = CallPage.objects.filter(locale=locale("en"), event_starts_at__isnull=False)
    assert with_event.count() >= 3
    for call in with_event:
        assert call.event_ends_at > call.event_starts_at
        assert call.event_place


def test_images_have_a_text_alternative_in_each_language(loaded):
    with_image = OpportunityPage.objects.filter(image__isnull=False)
    assert with_image.count() >= 10
    for page in with_image:
        assert page.image_alt.startswith("Illustra")
        assert page.image.collection.name == "Demo"
    english = with_image.filter(locale=locale("en")).first()
    italian = english.get_translation(locale("it"))
    assert italian.specific.image_alt != english.image_alt


def test_summaries_are_short_and_never_placeholder_text(loaded):
    for page in OpportunityPage.objects.all():
        assert len(page.summary) <= 240
        assert "lorem" not in page.summary.lower()
        assert "demo" not in (page.title + page.summary).lower()


def test_navigation_and_contact_settings(loaded):
    menu = [item.page.specific for item in MainMenuItem.objects.order_by("sort_order")]
    assert [page.slug for page in menu] == [
        "opportunities",
        "placements",
        "calls",
        "projects",
        "partners",
        "map",
        "networks",
        "about",
    ]
    assert [item.page.slug for item in FooterItem.objects.order_by("sort_order")] == [
        "about",
        "privacy",
        "accessibility",
    ]
    contact = ContactSettings.objects.get()
    assert contact.email.endswith("@example.org") and contact.phone


def test_detail_pages_render_in_both_languages(loaded, client):
    english = PlacementPage.objects.get(locale=locale("en"), slug="laundry-operator")
    italian = english.get_translation(locale("it"))
    response = client.get(english.url)
    assert response.status_code == 200
    assert "Laundry operator" in response.content.decode()
    response = client.get(italian.url)
    assert response.status_code == 200
    assert italian.url.startswith("/it/")
    assert "Addetto alla lavanderia" in response.content.decode()


# --- Running it again ---------------------------------------------------------


def test_running_again_adds_nothing(loaded):
    before = counts()
    output, _errors = run_load_demo()
    assert "nothing added" in output
    assert counts() == before


def test_running_again_keeps_edits(loaded):
    page = PlacementPage.objects.get(locale=locale("en"), slug="laundry-operator")
    page.title = "Laundry operator (morning shift)"
    page.save_revision().publish()
    home = HomePage.objects.get(locale=locale("en"))
    home.intro = "Our own words."
    home.save_revision().publish()

    run_load_demo()

    page.refresh_from_db()
    home.refresh_from_db()
    assert page.title == "Laundry operator (morning shift)"
    assert home.intro == "Our own words."
    assert not PlacementPage.objects.filter(slug="laundry-operator-2").exists()


def test_running_again_restores_only_what_is_missing(loaded):
    """A missing translation is added back; the English page it comes from
    is left as it is."""
    page = CallPage.objects.get(locale=locale("en"), slug="become-circle-volunteer")
    page.get_translation(locale("it")).delete()
    run_load_demo()
    assert CallPage.objects.filter(translation_key=page.translation_key).count() == 2
    assert (
        CallPage.objects.filter(locale=locale("en"), slug__startswith="become-circle").count() == 1
    )


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize(
    ("stream", "args", "shown"),
    [(Terminal, [], True), (Terminal, ["--verbosity", "0"], False), (io.StringIO, [], False)],
)
def test_progress_bar_only_for_a_person_at_a_terminal(loaded, monkeypatch, stream, args, shown):
    terminal = stream()
    monkeypatch.setattr("sys.stderr", terminal)
    run_load_demo(*args)
    assert ("Demo content" in terminal.getvalue()) is shown


# --- Data files -------------------------------------------------------------


@pytest.mark.parametrize("name", ["site", "organisations", "placements", "calls", "projects"])
def test_every_item_has_the_same_fields_in_both_languages(name):
    """A translator sees at once what is missing: each item's Italian block
    has exactly the keys of its English one."""
    data = read(name)
    items = [*data["standard_pages"].values(), *data["hubs"].values()] if name == "site" else data
    assert items
    for item in items:
        assert set(item["it"]) == set(item["en"]), item["en"].get("title", item["en"])


def test_committed_images_are_small_and_all_used():
    files = {path.name: path.stat().st_size for path in IMAGES_DIR.iterdir()}
    assert files and max(files.values()) < 60 * 1024
    used = {spec["file"] for spec in read("images").values()}
    used |= {organisation["logo"] for organisation in read("organisations")}
    assert used == set(files)


# --- Scale (load_demo --scale N, make bench) ---------------------------------------


def test_scale_adds_the_number_of_opportunities_asked_for_once(loaded):
    before = OpportunityPage.objects.count()
    call_command("load_demo", scale=20, verbosity=0)
    assert OpportunityPage.objects.count() == before + 20
    call_command("load_demo", scale=20, verbosity=0)
    assert OpportunityPage.objects.count() == before + 20

    generated = OpportunityPage.objects.filter(slug__regex=r"-g[0-9]{5}$")
    assert generated.count() == 20
    assert all(page.live for page in generated)
    assert {page.specific_class for page in generated} <= {PlacementPage, CallPage, ProjectPage}
    # Only the demo's organisations host them.
    hosts = {page.get_parent().specific.organisation.slug for page in generated}
    assert hosts <= set(demo_organisation_slugs())
    # The tree stays consistent, so Wagtail can move and add pages as usual.
    assert Page.find_problems() == ([], [], [], [], [])
    # And the search index knows them, and the reference index what they use.
    page = generated.order_by("pk").last()
    assert page.pk in [result.pk for result in OpportunityPage.objects.live().search(page.title)]
    used = {
        reference.to_object_id
        for reference in ReferenceIndex.objects.filter(object_id=str(page.pk))
    }
    assert {str(page.specific.area_id), str(page.specific.sector_id)} <= used


def shown_on(client, path):
    """The number of opportunities a hub says it lists."""
    return int(soup(client.get(path)).select_one("#results-title").get_text().split()[0])


def test_generated_pages_are_whole_and_show_up_like_pages_added_in_the_admin(loaded, client):
    # generate() writes the pages table by table, relying on treebeard's path
    # helpers and Django's QuerySet._insert: this pins that what it leaves
    # behind is what Wagtail's page API would have.
    placements_before = shown_on(client, "/placements/?closed=1")
    version = page_cache.content_version()

    added = generate(30)

    assert generate(30) == []
    assert {type(page) for page in added} == {PlacementPage, CallPage, ProjectPage}
    assert Page.find_problems() == ([], [], [], [], [])
    stored = {
        page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in added]).specific()
    }
    for page in added:
        saved = stored[page.pk]
        assert type(saved) is type(page)
        # Every table of the page's model holds what was generated.
        for field in page._meta.concrete_fields:
            assert field.value_from_object(saved) == field.value_from_object(page), field.name
        assert list(saved.audiences.all()) == list(page.audiences.all())
        host = saved.get_parent()
        assert saved.url_path == f"{host.url_path}{saved.slug}/"
        assert saved.url.endswith(f"/{saved.slug}/")
        assert saved.locale == host.locale and saved.translation_key
        assert saved.live and saved.first_published_at and saved.last_published_at
        assert PageLogEntry.objects.filter(page=saved, action="wagtail.create").exists()
        # The content is ours and skips validation when saved: it must be valid.
        saved.full_clean()
    project = next(page for page in added if isinstance(page, ProjectPage))
    saved = stored[project.pk]
    assert list(saved.partner_organisations.all()) == list(project.partner_organisations.all())
    assert [update.title for update in saved.updates.all()] == ["Work has started"]

    # The site shows them at once: the cached counts and searches are
    # out of date.
    assert page_cache.content_version() != version
    placements = sum(isinstance(page, PlacementPage) for page in added)
    assert shown_on(client, "/placements/?closed=1") == placements_before + placements
    load(30)  # nothing to add, nothing to index
    index_for_search(added)
    response = client.get("/search/", {"q": project.title})
    assert project.url in response.content.decode()

    # Wagtail goes on adding pages after them as usual.
    copy = added[-1].copy(update_attrs={"slug": "a-copy-of-a-generated-page"})
    assert copy.get_parent() == stored[added[-1].pk].get_parent()
    assert Page.find_problems() == ([], [], [], [], [])


# --- The local admin account ------------------------------------------------


def test_no_admin_account_when_debug_is_off(loaded):
    from cooperativa.accounts.models import User

    _output, errors = run_load_demo()
    assert "not creating the demo admin" in errors
    assert not User.objects.filter(email="admin@example.org").exists()


@pytest.mark.parametrize("args", [["--with-admin"], []])
def test_admin_account_with_the_flag_or_in_debug(loaded, args):
    from allauth.account.models import EmailAddress

    from cooperativa.accounts.models import User

    with override_settings(DEBUG=not args):
        output, _errors = run_load_demo(*args)
    user = User.objects.get(email="admin@example.org")
    assert user.is_superuser and user.is_staff
    assert user.check_password("cooperativa-demo")
    assert EmailAddress.objects.filter(
        user=user, email=user.email, verified=True, primary=True
    ).exists()
    assert "admin@example.org" in output and "cooperativa-demo" in output

    user.set_password("something only I know 42")
    user.save()
    run_load_demo("--with-admin")
    user.refresh_from_db()
    assert user.check_password("something only I know 42")


# --- Community: the map and the networks ----------------------------------------


def test_places_and_assets_in_the_four_towns_with_a_town_only_circle(loaded, client):
    from cooperativa.community.models import Asset, NetworkPage, Place

    provinces = set(Place.objects.values_list("area__province", flat=True))
    assert {"TO", "BO", "PD", "BA"} <= provinces
    assert Asset.objects.count() >= 10
    circle = Place.objects.get(town_only=True, organisation__kind="mentoring")
    # Published at its town's centre, never at its own position.
    assert (circle.public_latitude, circle.public_longitude) != (circle.latitude, circle.longitude)
    assert (circle.public_latitude, circle.public_longitude) == (
        circle.area.centre.latitude,
        circle.area.centre.longitude,
    )
    data = client.get("/map/assets.geojson").json()
    assert data["count"] == Asset.objects.count()
    assert str(circle.latitude) not in client.get("/map/assets.geojson").content.decode()
    kinds = {
        (page.network_kind, page.locale.language_code)
        for page in NetworkPage.objects.live().select_related("locale")
    }
    assert kinds == {
        (kind, language) for kind in NetworkPage.Kind.values for language in ("en", "it")
    }


def test_the_map_and_the_networks_in_both_languages(loaded, client):
    for url in ("/map/", "/it/mappa/", "/networks/", "/it/reti/"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Mentori volontari" in client.get("/it/reti/").content.decode()
    assert client.get("/it/map/assets.geojson").json()["count"] > 0


def test_one_project_waits_for_a_sign_off_and_one_was_published_with_its_timeline(loaded):
    """Co-design in the demo, in both languages: one project in co-design
    with a partner's sign-off still due, one published through the whole
    workflow with a dated timeline and the day each partner agreed."""
    from django.test import Client

    from cooperativa.codesign import signoff
    from home.demo.loader import demo_key

    pending = ProjectPage.objects.get(
        translation_key=demo_key("project:torino-job-desk"), locale=locale("en")
    )
    task_state = signoff.current_sign_off_state(pending)
    assert [organisation.slug for organisation in signoff.due(task_state)] == ["cerchi-aperti"]
    assert pending.get_translation(locale("it")).live

    for language, agreed in (("en", "agreed on"), ("it", "ha approvato il")):
        page = ProjectPage.objects.get(
            translation_key=demo_key("project:garden-to-market"), locale=locale(language)
        )
        assert page.live
        if language == "en":  # the Italian page is its translation, published after
            assert page.workflow_states.get().status == "approved"
        html = Client().get(page.url).content.decode()
        assert html.count('<ol class="timeline') == 1
        assert html.count(agreed) == 3
