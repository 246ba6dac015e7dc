"""/sitemap.xml and /robots.txt, as a search engine reads them."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cooperativa.opportunities.models import ProjectPage
from tests.factories import (
    create_call,
    create_hub,
    create_partner_page,
    create_placement,
    create_project,
    home_page,
    translate_page,
)

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own response
    return {url.findtext("sm:loc", namespaces=NS): url for url in root.findall("sm:url", NS)}


def test_lists_open_opportunities_hubs_and_partner_pages_with_lastmod(client):
    hub = create_hub("placement")
    host = create_partner_page()
    placement = create_placement(parent=host)
    call = create_call(parent=host, closes_on=None)
    project = create_project(parent=host)

    urls = sitemap(client)
    for page in (home_page(), hub, host, placement, call, project):
        assert page.get_full_url() in urls, page
    lastmod = urls[placement.get_full_url()].findtext("sm:lastmod", namespaces=NS)
    assert lastmod == timezone.localdate(placement.last_published_at).isoformat()


def test_closed_completed_draft_and_private_pages_are_left_out(client):
    host = create_partner_page()
    closed = create_placement(
        parent=host, closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    completed = create_project(parent=host, stage=ProjectPage.Stage.COMPLETED)
    draft = create_placement(parent=host)
    draft.unpublish()
    private = create_placement(parent=host)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    still_open = create_placement(parent=host)

    urls = sitemap(client)
    assert still_open.get_full_url() in urls
    for page in (closed, completed, draft, private):
        assert page.get_full_url() not in urls, page


def test_lists_italian_pages_and_links_translations(client):
    placement = create_placement()
    italian = translate_page(placement, title="Aiuto panettiere", slug="aiuto-panettiere")
    italian_home = home_page().get_translation(italian.locale)

    urls = sitemap(client)
    assert italian.get_full_url() in urls
    assert "/it/" in italian.get_full_url()
    assert italian_home.get_full_url() in urls

    for url in (placement.get_full_url(), italian.get_full_url()):
        alternates = {
            link.get("hreflang"): link.get("href") for link in urls[url].findall("xhtml:link", NS)
        }
        assert alternates == {"en": placement.get_full_url(), "it": italian.get_full_url()}


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_private_areas(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    for path in ("/admin/", "/accounts/", "/me/", "/it/me/", "/search/", "/it/search/"):
        assert f"Disallow: {path}" in lines
    # Public content stays crawlable.
    assert not any(line in ("Disallow: /", "Disallow: /partners/") for line in lines)
