"""When a network's meetings happen: one home for the recurrence rule, used
by the network page, the partner page and the iCal feeds alike.

A meeting repeats at the same wall-clock time in Italy: a coffee morning at
10:00 stays at 10:00 when the clocks change, so its time in UTC moves. The
rule is expanded on local (naive) times and each date is then placed in the
site's time zone, which is what RFC 5545 means by a DTSTART with a TZID.
"""

import datetime
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.conf import settings
from django.utils import timezone

# How far ahead pages list dates (feeds carry the rule itself).
UPCOMING_DAYS = 90
UPCOMING_PER_MEETING = 3
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

_FREQUENCIES = {
    "weekly": {"freq": rrule.WEEKLY, "interval": 1},
    "fortnightly": {"freq": rrule.WEEKLY, "interval": 2},
    "monthly": {"freq": rrule.MONTHLY, "interval": 1},
}


def site_zone():
    return ZoneInfo(settings.TIME_ZONE)


def local_start(meeting):
    """The first date and time as a naive wall-clock time in Italy."""
    return timezone.localtime(meeting.starts_at, site_zone()).replace(tzinfo=None)


def rule_parts(meeting):
    """The RRULE of a regular meeting as a dict for icalendar, or None."""
    if not meeting.repeats:
        return None
    if meeting.repeats == "monthly":
        parts = {"FREQ": "MONTHLY", "BYDAY": _nth_weekday(local_start(meeting))}
    else:
        parts = {"FREQ": "WEEKLY", "INTERVAL": _FREQUENCIES[meeting.repeats]["interval"]}
    if meeting.repeat_until:
        end = datetime.datetime.combine(meeting.repeat_until, datetime.time(23, 59, 59))
        parts["UNTIL"] = end.replace(tzinfo=site_zone()).astimezone(datetime.UTC)
    return parts


def _nth(start):
    """Which of the month's weekdays ``start`` is: 1 to 4, or -1 (the last)
    for a fifth, which not every month has."""
    nth = (start.day - 1) // 7 + 1
    return -1 if nth == 5 else nth


def _nth_weekday(start):
    """e.g. the first Tuesday of the month: "1TU"."""
    return f"{_nth(start)}{WEEKDAYS[start.weekday()]}"


def _rule(meeting):
    start = local_start(meeting)
    options = dict(_FREQUENCIES[meeting.repeats], dtstart=start)
    if meeting.repeats == "monthly":
        options["byweekday"] = rrule.weekday(start.weekday(), _nth(start))
    if meeting.repeat_until:
        options["until"] = datetime.datetime.combine(meeting.repeat_until, datetime.time.max)
    return rrule.rrule(**options)


def occurrences(meeting, after, before):
    """The aware start times of ``meeting`` from ``after`` to ``before``."""
    zone = site_zone()
    if not meeting.repeats:
        return [meeting.starts_at] if after <= meeting.starts_at <= before else []
    naive_after = timezone.localtime(after, zone).replace(tzinfo=None)
    naive_before = timezone.localtime(before, zone).replace(tzinfo=None)
    return [
        moment.replace(tzinfo=zone)
        for moment in _rule(meeting).between(naive_after, naive_before, inc=True)
    ]


def upcoming(meetings, now=None, *, days=UPCOMING_DAYS, per_meeting=UPCOMING_PER_MEETING):
    """[(meeting, [next start times])] for meetings that still have a date
    within ``days``, soonest first. Meetings under way count until they end."""
    now = now or timezone.now()
    rows = []
    for meeting in meetings:
        window_start = now - datetime.timedelta(minutes=meeting.duration_minutes)
        dates = occurrences(meeting, window_start, now + datetime.timedelta(days=days))
        if dates:
            rows.append((meeting, dates[:per_meeting]))
    return sorted(rows, key=lambda row: row[1][0])
