"""The site shell every page wears: languages, navigation, metadata, footer,
error pages and the shared components."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Site

from home.models import (
    ContactSettings,
    FooterItem,
    MainMenuItem,
    NavigationSettings,
)
from home.views import server_error
from tests.factories import (
    UserFactory,
    create_call,
    create_hub,
    create_partner_index,
    create_placement,
    create_project,
    create_standard_page,
    translate_page,
)
from tests.helpers import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    return create_standard_page(home)


@pytest.fixture
def italian_about(home, about):
    translate_page(home, intro="Trova un modo per partecipare, da un caffè a un tirocinio.")
    return translate_page(about, title="Chi siamo", slug="chi-siamo")


def switcher_links(page_soup):
    nav = page_soup.find("nav", class_="language-switcher")
    return {a["hreflang"]: a for a in nav.find_all("a")}


def alternates(page_soup):
    return {
        link["hreflang"]: link["href"]
        for link in page_soup.find_all("link", rel="alternate")
        if link.get("hreflang")
    }


# --- Skeleton -------------------------------------------------------------------


def test_skip_link_is_the_first_link_and_leads_to_main(client, home):
    page_soup = soup(client.get("/"))
    first_link = page_soup.body.find("a")
    assert "skip-link" in first_link["class"]
    assert first_link["href"] == "#main"
    assert page_soup.find("main")["id"] == "main"
    assert len(page_soup.find_all("h1")) == 1


def test_site_name_links_to_the_home_page_of_the_current_language(client, italian_about):
    brand = soup(client.get("/it/chi-siamo/")).find("a", class_="site-header__brand")
    assert brand["href"] == "/it/"
    assert "Cooperativa" in brand.get_text()


# --- Languages ----------------------------------------------------------------------


def test_language_switcher_leads_to_the_same_page_in_the_other_language(client, italian_about):
    english = soup(client.get("/about/"))
    assert english.html["lang"] == "en"
    italian_link = switcher_links(english)["it"]
    assert italian_link["href"] == "/it/chi-siamo/"
    assert italian_link["lang"] == "it"
    assert italian_link.get_text(strip=True) == "Italiano"

    italian = soup(client.get("/it/chi-siamo/"))
    assert italian.html["lang"] == "it"
    assert switcher_links(italian)["en"]["href"] == "/about/"
    current = italian.find("nav", class_="language-switcher").find(attrs={"aria-current": "true"})
    assert current.get_text(strip=True) == "Italiano"


def test_hreflang_alternates_name_every_translation_and_the_default(client, italian_about):
    links = alternates(soup(client.get("/it/chi-siamo/")))
    assert links == {
        "en": "http://localhost/about/",
        "it": "http://localhost/it/chi-siamo/",
        "x-default": "http://localhost/about/",
    }


def test_untranslated_page_announces_only_its_own_language(client, home, about):
    translate_page(home)
    page_soup = soup(client.get("/about/"))
    assert alternates(page_soup) == {
        "en": "http://localhost/about/",
        "x-default": "http://localhost/about/",
    }
    # Italian readers are still offered their language: the nearest page
    # that exists in it, the Italian home page.
    assert switcher_links(page_soup)["it"]["href"] == "/it/"


def test_language_switcher_outside_wagtail_pages_keeps_the_query(client, home):
    response = client.get("/search/", {"q": "forno"})
    assert response.status_code == 200
    assert switcher_links(soup(response))["it"]["href"] == "/it/search/?q=forno"


# --- Metadata ----------------------------------------------------------------------


def test_meta_description_and_open_graph_come_from_the_page(client, home):
    create_standard_page(
        home,
        seo_title="About the Cooperativa network",
        search_description="Cooperatives, services and volunteers working together in Piedmont.",
    )
    page_soup = soup(client.get("/about/"))

    def meta(**attrs):
        return page_soup.find("meta", attrs=attrs)["content"]

    assert page_soup.title.get_text() == "About the Cooperativa network · Cooperativa"
    assert meta(name="description") == (
        "Cooperatives, services and volunteers working together in Piedmont."
    )
    assert meta(property="og:title") == "About the Cooperativa network"
    assert meta(property="og:description") == meta(name="description")
    assert page_soup.find("link", rel="canonical")["href"] == "http://localhost/about/"
    assert meta(property="og:url") == "http://localhost/about/"
    assert meta(property="og:locale") == "en_GB"
    assert meta(property="og:image") == "http://localhost/static/img/social-card.png"


def test_meta_description_falls_back_to_the_introduction(client, about):
    page_soup = soup(client.get("/about/"))
    assert page_soup.find("meta", attrs={"name": "description"})["content"] == about.intro


def test_sharing_image_is_a_rendition_of_the_page_image(client, home):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 1000), (180, 90, 40)).save(buffer, "JPEG")
    image = Image.objects.create(title="Bakery", file=ImageFile(buffer, name="bakery.jpg"))
    create_standard_page(home, social_image=image)
    page_soup = soup(client.get("/about/"))
    og_image = page_soup.find("meta", property="og:image")["content"]
    assert og_image.startswith("http://localhost/")
    assert "fill-1200x630" in og_image
    assert og_image.endswith(".jpg")
    assert page_soup.find("meta", property="og:image:width")["content"] == "1200"
    assert page_soup.find("meta", attrs={"name": "twitter:card"})["content"] == (
        "summary_large_image"
    )


def test_italian_page_has_italian_open_graph_locale(client, italian_about):
    page_soup = soup(client.get("/it/chi-siamo/"))
    assert page_soup.find("meta", property="og:locale")["content"] == "it_IT"
    assert page_soup.find("meta", property="og:locale:alternate")["content"] == "en_GB"


# --- Navigation ----------------------------------------------------------------------


@pytest.fixture
def menu(home):
    placements = create_hub("placement", title="Placements")
    calls = create_hub("call", title="Calls")
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    MainMenuItem.objects.create(setting=navigation, page=placements, sort_order=0)
    MainMenuItem.objects.create(setting=navigation, page=calls, label="Take part", sort_order=1)
    return placements, calls


def main_nav_links(page_soup):
    nav = page_soup.find("nav", class_="site-nav")
    return [(a.get_text(strip=True), a["href"], a.get("aria-current")) for a in nav.find_all("a")]


def test_main_navigation_shows_menu_items_with_labels(client, menu):
    assert main_nav_links(soup(client.get("/"))) == [
        ("Placements", "/placements/", None),
        ("Take part", "/calls/", None),
    ]


def test_main_navigation_uses_the_localized_page_and_title(client, home, menu):
    placements, _calls = menu
    translate_page(home)
    translate_page(placements, title="Tirocini", slug="tirocini")
    links = main_nav_links(soup(client.get("/it/")))
    # The calls hub has no Italian version yet: its English page stays.
    assert links == [("Tirocini", "/it/tirocini/", None), ("Take part", "/calls/", None)]


def test_main_navigation_marks_the_current_page_and_section(client, menu):
    placements, _calls = menu
    assert main_nav_links(soup(client.get("/placements/")))[0] == (
        "Placements",
        "/placements/",
        "page",
    )
    placement = create_placement(title="Kitchen assistant")
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    partners = placement.get_parent().get_parent()
    MainMenuItem.objects.create(setting=navigation, page=partners, sort_order=2)
    # The partner directory is a section by address: its profiles are in it.
    assert main_nav_links(soup(client.get(placement.get_parent().url)))[2][2] == "true"
    # A placement lives under its partner's page, but belongs to the
    # placements hub: that is where people found it.
    links = main_nav_links(soup(client.get(placement.url)))
    assert [current for _label, _url, current in links] == ["true", None, None]


@pytest.mark.parametrize(
    "create, marked",
    [(create_call, "Take part"), (create_project, "Everything"), (create_placement, "Placements")],
)
def test_main_navigation_marks_the_hub_of_an_opportunity_not_its_partner(
    client, menu, create, marked
):
    everything = create_hub("", title="Everything")
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    MainMenuItem.objects.create(setting=navigation, page=everything, sort_order=2)
    opportunity = create(title="Something to join")
    MainMenuItem.objects.create(setting=navigation, page=create_partner_index(), sort_order=3)
    links = main_nav_links(soup(client.get(opportunity.url)))
    # Its own kind's hub when the menu has one (placements, calls), else
    # the hub of every kind (projects here); never "Partners".
    assert [label for label, _url, current in links if current] == [marked]


def test_footer_shows_links_contact_details_and_social_profiles(client, home, about):
    site = Site.objects.get(is_default_site=True)
    FooterItem.objects.create(
        setting=NavigationSettings.for_site(site), page=about, label="", sort_order=0
    )
    contact = ContactSettings.for_site(site)
    contact.email = "info@cooperativa.example.org"
    contact.phone = "+39 011 123 4567"
    contact.address = "Via Po 1\n10100 Torino"
    contact.mastodon = "https://mastodon.example.org/@cooperativa"
    contact.save()

    footer = soup(client.get("/")).find("footer")
    assert footer.find("a", href="/about/").get_text(strip=True) == "About us"
    assert footer.find("a", href="mailto:info@cooperativa.example.org")
    assert footer.find("a", href="tel:+390111234567")
    assert "10100 Torino" in footer.find("address").get_text()
    assert footer.find("a", href="https://mastodon.example.org/@cooperativa").get_text() == (
        "Mastodon"
    )


def test_breadcrumbs_lead_from_the_home_page_to_the_current_one(client, home, about):
    create_standard_page(about, title="Privacy", slug="privacy", intro="")
    nav = soup(client.get("/about/privacy/")).find("nav", class_="breadcrumbs")
    assert nav["aria-label"] == "Breadcrumb"
    items = nav.find("ol").find_all("li")
    assert [item.get_text(strip=True) for item in items] == ["Cooperativa", "About us", "Privacy"]
    assert items[0].a["href"] == "/"
    assert items[-1].find(attrs={"aria-current": "page"})


def test_home_page_has_no_breadcrumbs(client, home):
    assert soup(client.get("/")).find("nav", class_="breadcrumbs") is None


# --- Error pages ---------------------------------------------------------------------


def test_not_found_page_in_english(client, home):
    response = client.get("/no-such-page/")
    page_soup = soup(response, status=404)
    assert page_soup.html["lang"] == "en"
    assert page_soup.h1.get_text(strip=True) == "Page not found"
    assert page_soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page_soup.find("form", role="search")["action"] == "/search/"


def test_not_found_page_in_italian(client, home):
    translate_page(home)
    response = client.get("/it/no-such-page/")
    page_soup = soup(response, status=404)
    assert page_soup.html["lang"] == "it"
    main = page_soup.find("main")
    assert main.find("form", role="search")["action"] == "/it/search/"
    assert main.find("a", href="/it/")
    # The switcher offers the other language's home, not the same dead address.
    assert switcher_links(page_soup)["en"]["href"] == "/"


def test_server_error_page_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/it/calls/")
    with translation.override("it"), django_assert_num_queries(0):
        response = server_error(request)
    page_soup = soup(response, status=500)
    assert page_soup.html["lang"] == "it"
    assert page_soup.find("a", href="/it/")
    assert page_soup.find("a", href="/it/search/")


# --- Components ----------------------------------------------------------------------


def test_pagination_keeps_filters_and_marks_the_current_page():
    request = RequestFactory().get("/placements/", {"area": "torino", "page": "5"})
    page_obj = Paginator(range(200), 10).page(5)
    html = render_to_string("components/pagination.html", {"page_obj": page_obj}, request=request)
    nav = BeautifulSoup(html, "html.parser").find("nav", class_="pagination")
    current = nav.find("a", attrs={"aria-current": "page"})
    assert current["href"] == "?area=torino&page=5"
    assert nav.find("a", rel="next")["href"] == "?area=torino&page=6"
    assert nav.find("a", rel="prev")["href"] == "?area=torino&page=4"
    # Twenty pages are too many to list: the middle ones are elided.
    assert "…" in nav.get_text()
    assert nav.find("a", href="?area=torino&page=20")
    assert not nav.find("a", href="?area=torino&page=12")


def test_content_checker_also_checks_image_alternatives(client, about):
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get("/about/")
    assert response.status_code == 200
    config = soup(response).find("script", id="checker-axe-configuration")
    assert config is not None
    assert '"image-alt"' in config.get_text()


# --- Valid HTML dates ------------------------------------------------------------------

# HTML's "valid global date and time string": seconds at most, no fraction.
HTML_DATETIME = r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?(Z|[+-]\d\d:?\d\d)"


def test_time_elements_carry_datetimes_without_microseconds(client, about):
    import datetime
    import re

    from django.utils import timezone

    # A publication time with microseconds, as Wagtail records it.
    assert about.last_published_at.microsecond or about.last_published_at.second is not None
    starts = timezone.now().replace(microsecond=123456) + datetime.timedelta(days=3)
    call = create_call(event_starts_at=starts, event_ends_at=starts + datetime.timedelta(hours=2))
    for url in ("/about/", call.url):
        times = soup(client.get(url)).find_all("time")
        assert times
        for element in times:
            value = element["datetime"]
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", value) or re.fullmatch(HTML_DATETIME, value), (
                value
            )


# --- Search landmarks ---------------------------------------------------------------


def landmark_names(page_soup):
    """The accessible name of each search landmark (aria-label, else the text
    of the elements aria-labelledby points to)."""
    names = []
    for form in page_soup.find_all(attrs={"role": "search"}):
        if form.get("aria-label"):
            names.append(form["aria-label"])
        else:
            ids = form.get("aria-labelledby", "").split()
            names.append(" ".join(page_soup.find(id=i).get_text(strip=True) for i in ids))
    return names


@pytest.mark.parametrize(
    "url, status, expected",
    [
        ("/search/?q=kitchen", 200, ["Search the site", "What are you looking for?"]),
        ("/no-such-page/", 404, ["Search the site", "What are you looking for?"]),
        ("/it/search/?q=cucina", 200, ["Cerca nel sito", "Cosa stai cercando?"]),
        ("/it/nessuna-pagina/", 404, ["Cerca nel sito", "Cosa stai cercando?"]),
    ],
)
def test_search_landmarks_have_distinct_names_in_each_language(client, home, url, status, expected):
    translate_page(home)
    page_soup = soup(client.get(url), status=status)
    assert landmark_names(page_soup) == expected


def test_header_search_has_a_visible_label(client, home):
    label = soup(client.get("/")).find("label", attrs={"for": "site-search-q"})
    assert label.get_text(strip=True) == "Search the site"
    assert "visually-hidden" not in label.get("class", [])
