"""schema.org descriptions of pages, for search engines (JSON-LD).

Builders for the opportunity page types, registered with the base layer's
``describes`` (cooperativa.core.structured_data):

- PlacementPage: a JobPosting. A closed placement gets no JobPosting at
  all: its page stays online for the record, but structured data would
  keep it in job search results, and an expired posting is best removed.
  An open one says until when with ``validThrough`` (the end of its
  closing day in the site's time zone, Europe/Rome), so a copy cached by a
  search engine expires on its own.
- CallPage with event dates: an Event.
- ProjectPage: a Project (schema.org's "enterprise planned to achieve a
  particular aim").

Nothing is invented: a field that is empty is left out, and a stipend is
shown only as the words the organisation wrote.
"""

import datetime
import re

from django.utils import timezone

from cooperativa.core.structured_data import (
    SCHEMA_CONTEXT,
    compact,
    describes,
    local_iso,
    postal_address,
)
from partners.models import PartnerPage
from partners.structured_data import organization

from .models import CallPage, PlacementPage, ProjectPage

FULL_TIME_HOURS = 30
EURO = re.compile(r"€|\beur(o|os)?\b", re.IGNORECASE)


def _host(page):
    """The PartnerPage an opportunity belongs to, if it is one."""
    host = page.host_page
    return host if isinstance(host, PartnerPage) else None


def _host_organization(page, request):
    host = _host(page)
    return organization(host.organisation, request, host) if host else None


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


@describes(PlacementPage)
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
    place = compact(
        {
            "@type": "Place",
            "name": page.location,
            "address": postal_address(page.area),
        }
    )
    return compact(
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


@describes(CallPage)
def event(page, request):
    if not page.event_starts_at:
        return None
    organizer = _host_organization(page, request)
    location = compact(
        {
            "@type": "Place",
            # A Place needs a name; the municipality stands in for one.
            "name": page.event_place or page.area.name,
            "address": postal_address(page.area),
        }
    )
    return compact(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "Event",
            "name": page.title,
            "description": page.summary,
            "url": page.get_full_url(request),
            "startDate": local_iso(page.event_starts_at),
            "endDate": local_iso(page.event_ends_at) if page.event_ends_at else None,
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": location,
            "organizer": organizer,
        }
    )


@describes(ProjectPage)
def project(page, request):
    host = _host(page)
    members = [organization(host.organisation, request, host)] if host else []
    members += [
        organization(partner, request)
        for partner in page.public_partner_organisations()
        if not host or partner.pk != host.organisation_id
    ]
    return compact(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "Project",
            "name": page.title,
            "description": page.summary,
            "url": page.get_full_url(request),
            "areaServed": compact(
                {
                    "@type": "Place",
                    "name": page.place or page.area.name,
                    "address": postal_address(page.area),
                }
            ),
            "member": members,
        }
    )
