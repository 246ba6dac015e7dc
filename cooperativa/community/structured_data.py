"""schema.org description of a network page: the organisation's programme,
with its meetings as events placed in their town only (never an address or
a position: a circle's meeting place is never published)."""

import datetime

from django.utils import timezone

from cooperativa.core.structured_data import SCHEMA_CONTEXT, compact, describes, postal_address

from . import recurrence
from .models import NetworkPage


def _event(meeting, start, page, request):
    return compact(
        {
            "@type": "Event",
            "name": meeting.title,
            "description": meeting.description,
            "startDate": timezone.localtime(start).isoformat(),
            "endDate": timezone.localtime(
                start + datetime.timedelta(minutes=meeting.duration_minutes)
            ).isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "address": postal_address(meeting.area)},
            "url": page.get_full_url(request),
        }
    )


@describes(NetworkPage)
def network_description(page, request):
    events = [
        _event(meeting, dates[0], page, request)
        for meeting, dates in recurrence.upcoming(page.meetings.select_related("area"))
    ]
    return compact(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "Organization",
            "name": page.title,
            "description": page.intro,
            "url": page.get_full_url(request),
            "areaServed": postal_address(page.area),
            "parentOrganization": {"@type": "Organization", "name": page.organisation.name},
            "event": events,
        }
    )
