"""schema.org descriptions of pages, for search engines (JSON-LD).

``structured_data_for(page, request)`` returns a list of plain dicts; the
``{% json_ld %}`` template tag renders them. Every page but the home page
gets a BreadcrumbList, and some page types describe what they are:

- PlacementPage: a JobPosting. A closed placement gets no JobPosting at
  all: its page stays online for the record, but structured data would
  keep it in job search results, and an expired posting is best removed.
  An open one says until when with ``validThrough`` (the end of its
  closing day in the site's time zone, Europe/Rome), so a copy cached by a
  search engine expires on its own.
- CallPage with event dates: an Event.
- ProjectPage: a Project (schema.org's "enterprise planned to achieve a
  particular aim").
- PartnerPage: an Organization.
- HomePage: a WebSite with a SearchAction for the site search.

Nothing is invented: a field that is empty is left out, and a stipend is
shown only as the words the organisation wrote.
"""

import datetime
import re

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from home.models import HomePage
from home.site_context import page_family
from partners.models import PartnerPage

from .models import CallPage, PlacementPage, ProjectPage

SCHEMA_CONTEXT = "https://schema.org"
FULL_TIME_HOURS = 30
LOGO_FILTER = "max-512x512"
EURO = re.compile(r"€|\beur(o|os)?\b", re.IGNORECASE)


def structured_data_for(page, request):
    """The JSON-LD objects that describe ``page``, most specific first."""
    builders = {
        PlacementPage: job_posting,
        CallPage: event,
        ProjectPage: project,
        PartnerPage: partner_organization,
        HomePage: website,
    }
    data = []
    builder = builders.get(type(page))
    if builder:
        described = builder(page, request)
        if described:
            data.append(described)
    breadcrumbs = breadcrumb_list(page, request)
    if breadcrumbs:
        data.append(breadcrumbs)
    return data


# --- Shared pieces ----------------------------------------------------------


def _compact(data):
    """Leave out empty values: an empty string is not a fact."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _local_iso(moment):
    return timezone.localtime(moment).isoformat()


def _image_url(image):
    if image is None:
        return None
    return image.get_rendition(LOGO_FILTER).full_url


def _postal_address(area=None, street=""):
    return _compact(
        {
            "@type": "PostalAddress",
            "streetAddress": street,
            "addressLocality": area.name if area else "",
            "addressRegion": area.province if area else "",
            "addressCountry": "IT",
        }
    )


def organization(organisation, request, page=None):
    """An Organization for ``organisation``; ``page`` is its PartnerPage,
    its home on this site."""
    page_url = page.get_full_url(request) if page else None
    return _compact(
        {
            "@type": "Organization",
            "name": organisation.name,
            "url": organisation.website or page_url,
            "logo": _image_url(organisation.logo),
        }
    )


def _host(page):
    """The PartnerPage an opportunity belongs to, if it is one."""
    host = page.host_page
    return host if isinstance(host, PartnerPage) else None


def _host_organization(page, request):
    host = _host(page)
    return organization(host.organisation, request, host) if host else None


# --- Breadcrumbs ------------------------------------------------------------


def breadcrumb_list(page, request):
    """Home page → … → this page. None on the home page itself, where a
    trail of one says nothing."""
    # The shell has already fetched the ancestors for the breadcrumbs and
    # language links; reuse them. Depth 1 is Wagtail's invisible root; each
    # language's home is depth 2.
    ancestors = [
        ancestor for ancestor in page_family(request, page).ancestors if ancestor.depth > 1
    ]
    trail = [*ancestors, page]
    if len(trail) < 2:
        return None
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


# --- Page types -------------------------------------------------------------


def employment_types(placement):
    types = ["PART_TIME" if placement.hours_per_week < FULL_TIME_HOURS else "FULL_TIME"]
    if not placement.paid:
        types.append("INTERN")
    return types


def valid_through(closes_on):
    """The last moment to apply: the end of the closing day, local time."""
    end_of_day = datetime.datetime.combine(
        closes_on, datetime.time(23, 59, 59), tzinfo=timezone.get_default_timezone()
    )
    return end_of_day.isoformat()


def job_posting(page, request):
    if not page.is_open:
        return None
    stipend = page.stipend.strip() if page.paid else ""
    salary = None
    if stipend:
        salary = {"@type": "MonetaryAmount", "description": stipend}
        # The currency is stated only when the organisation wrote it.
        if EURO.search(stipend):
            salary["currency"] = "EUR"
    place = _compact(
        {
            "@type": "Place",
            "name": page.location,
            "address": _postal_address(page.area),
        }
    )
    return _compact(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "JobPosting",
            "title": page.title,
            "description": page.summary,
            "url": page.get_full_url(request),
            "datePosted": (
                timezone.localdate(page.first_published_at).isoformat()
                if page.first_published_at
                else None
            ),
            "validThrough": valid_through(page.closes_on) if page.closes_on else None,
            "hiringOrganization": _host_organization(page, request),
            "jobLocation": place,
            "employmentType": employment_types(page),
            "jobStartDate": page.starts_on.isoformat() if page.starts_on else None,
            "totalJobOpenings": page.places,
            "baseSalary": salary,
            "directApply": False,
        }
    )


def event(page, request):
    if not page.event_starts_at:
        return None
    organizer = _host_organization(page, request)
    location = _compact(
        {
            "@type": "Place",
            # A Place needs a name; the municipality stands in for one.
            "name": page.event_place or page.area.name,
            "address": _postal_address(page.area),
        }
    )
    return _compact(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "Event",
            "name": page.title,
            "description": page.summary,
            "url": page.get_full_url(request),
            "startDate": _local_iso(page.event_starts_at),
            "endDate": _local_iso(page.event_ends_at) if page.event_ends_at else None,
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": location,
            "organizer": organizer,
        }
    )


def project(page, request):
    host = _host(page)
    members = [organization(host.organisation, request, host)] if host else []
    members += [
        organization(partner, request)
        for partner in page.public_partner_organisations()
        if not host or partner.pk != host.organisation_id
    ]
    return _compact(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "Project",
            "name": page.title,
            "description": page.summary,
            "url": page.get_full_url(request),
            "areaServed": _compact(
                {
                    "@type": "Place",
                    "name": page.place or page.area.name,
                    "address": _postal_address(page.area),
                }
            ),
            "member": members,
        }
    )


def partner_organization(page, request):
    organisation = page.organisation
    return _compact(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "Organization",
            "name": organisation.name,
            # Its profile here is its address on this site; its own website
            # is where else it is found.
            "url": page.get_full_url(request),
            "sameAs": [organisation.website] if organisation.website else None,
            "logo": _image_url(organisation.logo),
            "description": page.intro,
            "address": (
                _postal_address(street=organisation.address) if organisation.address else None
            ),
        }
    )


def website(page, request):
    url = page.get_full_url(request)
    _site_id, root_url, _path = page.get_url_parts(request)
    search_url = f"{root_url}{reverse('search')}?q={{search_term_string}}"
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "WebSite",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": url,
        "inLanguage": page.locale.language_code,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search_url},
            "query-input": "required name=search_term_string",
        },
    }
