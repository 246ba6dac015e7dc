"""The deadline lifecycle of an opportunity, for the organisation that
publishes it: a reminder before it closes with a one-click "extend by two
weeks", and a short summary once it has closed.

The rule for the extension: only the closing date changes, so no one needs
to approve it again. The service takes the live version of the page (never
an unapproved draft), sets the new closing date, saves that as a new
revision and publishes it at once, for every language the opportunity is
published in; a draft waiting for approval keeps its changes and gets the
new date too. It is audited in Wagtail's log with the action
``alerts.extend_deadline`` (who, old and new date), next to Wagtail's own
"published" entry. The link is signed for one member, works once per
reminder, and only while the member still belongs to the organisation and
the opportunity is still open on the date the reminder was about.

Each notice is one ``DeadlineNotice`` row per opportunity (its translations
together), closing date and kind, under a unique constraint, written in the
same transaction as the emails: a second run sends nothing.
"""

import datetime
import logging
from itertools import groupby

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cooperativa.core.notify import absolute_url, notify, subject
from cooperativa.opportunities.listing import attach_hosts
from cooperativa.opportunities.models import OpportunityPage, today
from cooperativa.participation.services import count_responses
from partners import permissions
from partners.models import Membership

from . import tokens
from .models import DeadlineNotice

logger = logging.getLogger(__name__)

REMINDER_DAYS = 5
EXTENSION = datetime.timedelta(weeks=2)
# Summaries missed while beat was away are still sent within this.
SUMMARY_CATCH_UP_DAYS = 7


def _members(organisation):
    return [
        membership.user
        for membership in Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("pk")
        if membership.user.is_active
    ]


def _by_opportunity(pages):
    """[(translation_key, [pages], organisation)]: one entry per
    opportunity, its translations together, the default language first."""
    pages = attach_hosts(pages)
    pages.sort(key=lambda page: (str(page.translation_key), page.locale_id))
    grouped = []
    for key, versions in groupby(pages, key=lambda page: page.translation_key):
        versions = list(versions)
        host = next((getattr(page, "host_page", None) for page in versions), None)
        if host is not None and host.organisation_id:
            grouped.append((key, versions, host.organisation))
    return grouped


def _page_url(page):
    from django.conf import settings

    url = page.get_url() or ""
    return settings.SITE_URL + url if url.startswith("/") else url


def _local_date(day):
    """A date written in each recipient's language when the email is rendered."""
    return lazy(lambda: date_format(day), str)()


def _notice(kind, key, closes_on, organisation):
    """The notice's row, or None when it was already given."""
    try:
        with transaction.atomic():
            return DeadlineNotice.objects.create(
                kind=kind, translation_key=key, closes_on=closes_on, organisation=organisation
            )
    except IntegrityError:
        return None


def send_reminders(on=None):
    """Remind the members of each organisation whose opportunity closes
    within REMINDER_DAYS days (the first run from five days before).
    Returns how many opportunities were reminded of."""
    on = on or today()
    # Notices already given are skipped by their unique row (_notice): an
    # extended opportunity is reminded of again, for its new date.
    pages = list(
        OpportunityPage.objects.live()
        .open(on)
        .filter(closes_on__gte=on, closes_on__lte=on + datetime.timedelta(days=REMINDER_DAYS))
        .specific()
    )
    reminded = 0
    for key, versions, organisation in _by_opportunity(pages):
        closes_on = versions[0].closes_on
        with transaction.atomic():
            notice = _notice(DeadlineNotice.Kind.REMINDER, key, closes_on, organisation)
            if notice is None:
                continue
            page = versions[0]
            for member in _members(organisation):
                notify(
                    [member],
                    subject(
                        _("Closing on %(date)s: %(title)s"),
                        date=_local_date(closes_on),
                        title=page.title,
                    ),
                    "alerts/deadline_reminder",
                    {
                        "page": page,
                        "page_url": _page_url(page),
                        "organisation": organisation,
                        "closes_on": closes_on,
                        "new_closes_on": closes_on + EXTENSION,
                        "extend_url": absolute_url(
                            "alerts:extend", tokens.extension_token(notice, member)
                        ),
                    },
                )
            reminded += 1
    return reminded


class ExtensionRefused(Exception):
    """Why a link cannot extend (a plain sentence for the person)."""


def extension_for(token):
    """(notice, user) of an extension link, or raise ExtensionRefused."""
    from django.contrib.auth import get_user_model

    found = tokens.read_extension_token(token)
    notice = user = None
    if found is not None:
        notice_id, user_id = found
        notice = DeadlineNotice.objects.filter(
            pk=notice_id, kind=DeadlineNotice.Kind.REMINDER
        ).first()
        user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if notice is None or user is None:
        raise ExtensionRefused(_("This link is not valid. Copy the whole address from the email."))
    return notice, user


def extension_pages(notice):
    """The live versions of the opportunity still closing on the reminded date."""
    return list(
        OpportunityPage.objects.live()
        .filter(translation_key=notice.translation_key, closes_on=notice.closes_on)
        .specific()
    )


def check_extension(notice, user, on=None):
    """Raise ExtensionRefused unless ``user`` may extend now."""
    on = on or today()
    if notice.extended_at is not None:
        raise ExtensionRefused(_("This link has already been used: the closing date was extended."))
    if not permissions.is_member(user, notice.organisation):
        raise ExtensionRefused(_("Only members of the organisation can extend the closing date."))
    if notice.closes_on < on or not extension_pages(notice):
        raise ExtensionRefused(
            _("The closing date has already passed or been changed. Edit the page to change it.")
        )


def _publish_new_closing_date(page, new_date, user):
    """New revision with only the date changed, published at once."""
    draft = page.get_latest_revision() if page.has_unpublished_changes else None
    live = page.live_revision.as_object() if page.live_revision_id else page
    live.closes_on = new_date
    revision = live.save_revision(user=user, log_action=False, clean=False)
    # Partners may not publish; this one change needs no approval.
    revision.publish(user=user, skip_permission_checks=True)
    if draft is not None:
        # The draft waiting for approval keeps its changes, with the new date.
        pending = draft.as_object()
        pending.closes_on = new_date
        pending.save_revision(user=user, log_action=False, clean=False)


def extend(notice, user, on=None):
    """Extend the opportunity by EXTENSION, once. Returns the new date."""
    with transaction.atomic():
        notice = DeadlineNotice.objects.select_for_update().get(pk=notice.pk)
        check_extension(notice, user, on)
        # The conditional update makes the link single-use even on SQLite.
        if not DeadlineNotice.objects.filter(pk=notice.pk, extended_at=None).update(
            extended_at=timezone.now(), extended_by=user
        ):
            raise ExtensionRefused(
                _("This link has already been used: the closing date was extended.")
            )
        new_date = notice.closes_on + EXTENSION
        for page in extension_pages(notice):
            _publish_new_closing_date(page, new_date, user)
            log(
                page,
                "alerts.extend_deadline",
                user=user,
                data={"from": notice.closes_on.isoformat(), "to": new_date.isoformat()},
            )
    return new_date


def send_summaries(on=None):
    """Tell each organisation about its opportunities that have closed (up
    to SUMMARY_CATCH_UP_DAYS ago). Returns how many summaries were sent."""
    on = on or today()
    pages = list(
        OpportunityPage.objects.live()
        .filter(
            closes_on__lt=on,
            closes_on__gte=on - datetime.timedelta(days=SUMMARY_CATCH_UP_DAYS),
        )
        .specific()
    )
    sent = 0
    for key, versions, organisation in _by_opportunity(pages):
        closes_on = versions[0].closes_on
        with transaction.atomic():
            if _notice(DeadlineNotice.Kind.SUMMARY, key, closes_on, organisation) is None:
                continue
            page = versions[0]
            count = count_responses(versions)
            for member in _members(organisation):
                notify(
                    [member],
                    subject(_("Closed: %(title)s"), title=page.title),
                    "alerts/closing_summary",
                    {
                        "page": page,
                        "page_url": _page_url(page),
                        "organisation": organisation,
                        "closes_on": closes_on,
                        "responses": count,
                        "languages": [version.locale.language_code for version in versions],
                    },
                )
            sent += 1
    return sent


def run_deadlines(on=None):
    on = on or today()
    return {"reminders": send_reminders(on), "summaries": send_summaries(on)}
