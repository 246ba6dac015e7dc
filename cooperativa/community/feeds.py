"""iCal feeds of networks' meetings and events: one per network
(/feeds/networks/<page id>.ics) and one for all networks of a language
(/feeds/networks.ics, /it/feeds/networks.ics).

A regular meeting is one VEVENT with its RRULE and a DTSTART in Italian
time (TZID=Europe/Rome, with its VTIMEZONE), so calendar programs keep it at
the same hour when the clocks change. Only its town is given as location.
"""

import datetime

import icalendar
from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from cooperativa.opportunities.feeds import FEED_CACHE_SECONDS, site_hostname

from . import recurrence
from .listing import listed_networks


def still_on(meeting, now):
    """Whether the meeting has a date now or later."""
    if meeting.repeats:
        return meeting.repeat_until is None or meeting.repeat_until >= timezone.localdate(now)
    return meeting.starts_at + datetime.timedelta(minutes=meeting.duration_minutes) >= now


def meeting_event(meeting, page, request, hostname):
    start = timezone.localtime(meeting.starts_at, recurrence.site_zone())
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@{hostname}")
    event.add("summary", f"{meeting.title} ({page.title})")
    event.add("dtstart", start)
    event.add("dtend", start + datetime.timedelta(minutes=meeting.duration_minutes))
    if rule := recurrence.rule_parts(meeting):
        event.add("rrule", rule)
    event.add("location", meeting.area.label)
    url = page.get_full_url(request)
    changed = (page.last_published_at or timezone.now()).astimezone(datetime.UTC)
    event.add("dtstamp", changed)
    event.add("url", url)
    event.add("description", f"{meeting.description}\n\n{url}".strip())
    return event


def calendar_response(request, pages, name, filename):
    now = timezone.now()
    hostname = site_hostname()
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//{hostname}//")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for page in pages:
        for meeting in page.meetings.all():
            if still_on(meeting, now):
                calendar.add_component(meeting_event(meeting, page, request, hostname))
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
@cache_control(max_age=FEED_CACHE_SECONDS, public=True)
def networks_ics(request):
    """Every network's meetings and events, in the active language."""
    pages = (
        listed_networks(Locale.get_active())
        .prefetch_related("meetings__area")
        .order_by("title", "pk")
    )
    name = _("%(site)s: support networks' meetings") % {"site": settings.WAGTAIL_SITE_NAME}
    return calendar_response(request, pages, name, "networks.ics")


@require_GET
@cache_control(max_age=FEED_CACHE_SECONDS, public=True)
def network_ics(request, pk):
    """One network's meetings and events (a live page of an approved organisation)."""
    page = get_object_or_404(
        listed_networks(Locale.get_active()).prefetch_related("meetings__area"), pk=pk
    )
    if page is None:
        raise Http404
    return calendar_response(request, [page], page.title, f"{page.slug}.ics")
