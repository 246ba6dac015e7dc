"""JSON-LD in page heads, as a search engine reads it."""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import (
    AreaFactory,
    OrganisationFactory,
    create_call,
    create_partner_page,
    create_placement,
    create_project,
    home_page,
    name_partners,
    translate_page,
)

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")


def json_ld(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return json_ld_in(response.content)


def json_ld_in(html):
    soup = BeautifulSoup(html, "html.parser")
    return [
        json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")
    ]


def of_type(items, schema_type):
    found = [item for item in items if item["@type"] == schema_type]
    assert len(found) <= 1, found
    return found[0] if found else None


@pytest.fixture
def host():
    organisation = OrganisationFactory(
        name="Cooperativa Il Forno",
        website="https://ilforno.example.org",
        address="Via Roma 1, 10121 Torino",
        logo=Image.objects.create(title="Il Forno logo", file=get_test_image_file()),
    )
    return create_partner_page(organisation, intro="We bake bread with people on probation.")


@pytest.fixture
def torino():
    return AreaFactory(name="Torino", province="TO", slug="torino")


def test_open_placement_is_a_job_posting(client, host, torino):
    placement = create_placement(
        parent=host,
        title="Bakery assistant",
        summary="Bake bread three mornings a week with a friendly team.",
        area=torino,
        hours_per_week=18,
        paid=True,
        stipend="€600 a month",
        closes_on=datetime.date(2031, 6, 30),
        location="The bakery in Via Nizza",
    )

    posting = of_type(json_ld(client, placement), "JobPosting")
    assert posting["@context"] == "https://schema.org"
    assert posting["title"] == "Bakery assistant"
    assert posting["description"] == "Bake bread three mornings a week with a friendly team."
    assert posting["url"] == placement.get_full_url()
    assert posting["datePosted"] == timezone.localdate(placement.first_published_at).isoformat()
    # The end of the closing day in Rome (summer time in June).
    assert posting["validThrough"] == "2031-06-30T23:59:59+02:00"
    organisation = posting["hiringOrganization"]
    assert organisation["@type"] == "Organization"
    assert organisation["name"] == "Cooperativa Il Forno"
    assert organisation["url"] == "https://ilforno.example.org"
    assert organisation["logo"].startswith("http")
    place = posting["jobLocation"]
    assert place["@type"] == "Place"
    assert place["name"] == "The bakery in Via Nizza"
    assert place["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Torino",
        "addressRegion": "TO",
        "addressCountry": "IT",
    }
    assert posting["employmentType"] == ["PART_TIME"]
    assert posting["baseSalary"] == {
        "@type": "MonetaryAmount",
        "description": "€600 a month",
        "currency": "EUR",
    }
    assert posting["directApply"] is False


def test_winter_deadline_uses_the_winter_offset(client, host):
    placement = create_placement(parent=host, closes_on=datetime.date(2031, 1, 15))
    posting = of_type(json_ld(client, placement), "JobPosting")
    assert posting["validThrough"] == "2031-01-15T23:59:59+01:00"


@pytest.mark.parametrize(
    ("hours", "paid", "stipend", "expected"),
    [
        (36, True, "€1,100 a month", ["FULL_TIME"]),
        (30, True, "€900 a month", ["FULL_TIME"]),
        (29, True, "€800 a month", ["PART_TIME"]),
        (12, False, "", ["PART_TIME", "INTERN"]),
        (35, False, "", ["FULL_TIME", "INTERN"]),
    ],
)
def test_employment_type_follows_hours_and_pay(client, host, hours, paid, stipend, expected):
    placement = create_placement(parent=host, hours_per_week=hours, paid=paid, stipend=stipend)
    assert of_type(json_ld(client, placement), "JobPosting")["employmentType"] == expected


def test_no_salary_is_invented(client, host):
    unpaid = create_placement(parent=host, paid=False)
    assert "baseSalary" not in of_type(json_ld(client, unpaid), "JobPosting")

    # Pay described in words: shown as written, with no currency guessed.
    in_kind = create_placement(parent=host, paid=True, stipend="Meals and a travel card")
    salary = of_type(json_ld(client, in_kind), "JobPosting")["baseSalary"]
    assert salary == {"@type": "MonetaryAmount", "description": "Meals and a travel card"}


def test_closed_placement_has_no_job_posting(client, host, time_machine):
    # 22:00 in Rome on the closing day: still open until midnight.
    time_machine.move_to(datetime.datetime(2025, 3, 10, 21, 0, tzinfo=datetime.UTC))
    placement = create_placement(parent=host, closes_on=datetime.date(2025, 3, 10))
    posting = of_type(json_ld(client, placement), "JobPosting")
    assert posting["validThrough"] == "2025-03-10T23:59:59+01:00"

    # 00:30 the next day in Rome.
    time_machine.move_to(datetime.datetime(2025, 3, 10, 23, 30, tzinfo=datetime.UTC))
    items = json_ld(client, placement)
    assert of_type(items, "JobPosting") is None
    assert "validThrough" not in json.dumps(items)
    # The page is still described by where it sits.
    assert of_type(items, "BreadcrumbList")


def test_call_with_an_event_is_an_event(client, host, torino):
    starts = datetime.datetime(2031, 5, 14, 17, 30, tzinfo=ROME)
    call = create_call(
        parent=host,
        title="Co-design workshop",
        summary="Help design a mentoring scheme.",
        area=torino,
        event_starts_at=starts,
        event_ends_at=starts + datetime.timedelta(hours=2),
        event_place="Sala del Consiglio",
    )

    items = json_ld(client, call)
    event = of_type(items, "Event")
    assert event["name"] == "Co-design workshop"
    assert event["description"] == "Help design a mentoring scheme."
    assert event["startDate"] == "2031-05-14T17:30:00+02:00"
    assert event["endDate"] == "2031-05-14T19:30:00+02:00"
    assert event["location"]["@type"] == "Place"
    assert event["location"]["name"] == "Sala del Consiglio"
    assert event["location"]["address"]["addressLocality"] == "Torino"
    assert event["organizer"]["name"] == "Cooperativa Il Forno"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["url"] == call.get_full_url()
    assert of_type(items, "JobPosting") is None


def test_call_without_an_event_is_not_an_event(client, host):
    call = create_call(parent=host)
    items = json_ld(client, call)
    assert of_type(items, "Event") is None
    assert of_type(items, "BreadcrumbList")


def test_project_names_its_member_organisations(client, host):
    partner = OrganisationFactory(name="UEPE Torino")
    project = create_project(parent=host, title="Community garden")
    name_partners(project, partner)

    described = of_type(json_ld(client, project), "Project")
    assert described["name"] == "Community garden"
    assert [member["name"] for member in described["member"]] == [
        "Cooperativa Il Forno",
        "UEPE Torino",
    ]


def test_partner_page_is_an_organization(client, host):
    organization = of_type(json_ld(client, host), "Organization")
    assert organization["@context"] == "https://schema.org"
    assert organization["name"] == "Cooperativa Il Forno"
    assert organization["url"] == host.get_full_url()
    assert organization["sameAs"] == ["https://ilforno.example.org"]
    assert organization["logo"].startswith("http")
    assert organization["description"] == "We bake bread with people on probation."
    assert organization["address"]["streetAddress"] == "Via Roma 1, 10121 Torino"
    assert organization["address"]["addressCountry"] == "IT"


def test_home_page_is_a_website_with_site_search(client):
    items = json_ld(client, home_page())
    website = of_type(items, "WebSite")
    assert website["url"] == home_page().get_full_url()
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"].endswith("/search/?q={search_term_string}")
    assert action["target"]["urlTemplate"].startswith("http")
    assert action["query-input"] == "required name=search_term_string"
    # A trail of one page says nothing.
    assert of_type(items, "BreadcrumbList") is None


def test_italian_home_page_searches_in_italian(client):
    italian = translate_page(create_placement())
    italian_home = home_page().get_translation(italian.locale)

    website = of_type(json_ld(client, italian_home), "WebSite")
    assert website["inLanguage"] == "it"
    assert website["url"] == italian_home.get_full_url()
    url_template = website["potentialAction"]["target"]["urlTemplate"]
    assert url_template.endswith("/it/search/?q={search_term_string}")


def test_breadcrumbs_run_from_the_home_page_to_the_page(client, host):
    placement = create_placement(parent=host, title="Bakery assistant")
    trail = of_type(json_ld(client, placement), "BreadcrumbList")
    elements = trail["itemListElement"]
    assert [element["position"] for element in elements] == [1, 2, 3, 4]
    assert [element["name"] for element in elements] == [
        home_page().title,
        host.get_parent().title,
        "Cooperativa Il Forno",
        "Bakery assistant",
    ]
    assert elements[0]["item"] == home_page().get_full_url()
    assert elements[-1]["item"] == placement.get_full_url()
    assert all(element["@type"] == "ListItem" for element in elements)


def test_page_text_cannot_break_out_of_the_script(client, host):
    title = 'Cooks </script><script>alert("x")</script> & <!-- friends'
    placement = create_placement(parent=host, title=title)
    html = client.get(placement.url).content.decode()
    assert 'alert("x")</script>' not in html
    assert of_type(json_ld_in(html), "JobPosting")["title"] == title


def _render_tag(context):
    return Template("{% load structured_data %}{% json_ld %}").render(Context(context))


def test_views_without_a_wagtail_page_get_no_structured_data():
    request = RequestFactory().get("/search/")
    assert _render_tag({"request": request}).strip() == ""
    # Search results call their paginator page "page" too.
    results_page = Paginator(["a", "b"], 1).page(1)
    assert _render_tag({"request": request, "page": results_page}).strip() == ""
