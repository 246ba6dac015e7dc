"""Operations on alerts: making, confirming, changing and stopping them, and
sending what they find.

Every job here is idempotent and keyed. An opportunity is announced by an
alert at most once: the ``SentItem`` rows are written in the same
transaction as the outbox's email, under a unique constraint, so a second
run (a duplicate task, beat and an operator's command at once) finds
nothing new, or fails on the constraint and rolls back, sending nothing. A
daily or weekly digest also records its period (the day, the ISO week), so
that a second run in the same period sends nothing either. Emails go
through ``notify()`` and the outbox: a broker or mail server that is down
delays them and never loses them.
"""

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from cooperativa.core.notify import absolute_url, notify, subject

from . import matching, tokens
from .models import Alert, SentItem

logger = logging.getLogger(__name__)

# The most items one email lists; the rest are one link away.
DIGEST_MAX_ITEMS = 20
# Daily and weekly digests leave from this hour of the site's day, whenever
# beat's hourly run first comes after it: once per day, and once per
# calendar week (from Monday), however often beat runs.
DIGEST_HOUR = 7  # the default of the ALERTS_DIGEST_HOUR setting
# An address that never confirmed is forgotten after this.
UNCONFIRMED_RETENTION = tokens.CONFIRM_MAX_AGE
# Anyone can type an address: one confirmation per address and search in
# this time, so the form cannot be used to flood a stranger's inbox.
CONFIRMATION_RESEND_AFTER = datetime.timedelta(minutes=10)


# --- Making, confirming, stopping ---------------------------------------------------


def default_name(hub, query):
    from django.http import QueryDict

    labels = [label for label, _url in matching.listing_for(hub, QueryDict(query)).active_filters]
    return f"{hub.title}: {', '.join(labels)}"[:100] if labels else hub.title[:100]


def create_for_user(user, *, hub, query, name, frequency, language):
    """A signed-in participant's alert: their address is verified, so it
    works at once."""
    alert = Alert.objects.create(
        user=user,
        hub=hub,
        query=query,
        name=name,
        frequency=frequency,
        language=language,
        confirmed_at=timezone.now(),
    )
    log(alert, "alerts.create", user=user)
    return alert


def subscribe_address(email, *, hub, query, frequency, language):
    """An alert for an address without an account, which works only once
    the address confirms it (double opt-in). Returns the alert; the answer
    to the person is the same whether or not an email left."""
    email = email.strip().lower()
    existing = (
        Alert.objects.filter(user=None, email=email, hub=hub, query=query)
        .order_by("-created_at")
        .first()
    )
    if existing and existing.is_confirmed:
        return existing
    if existing and timezone.now() - existing.created_at < CONFIRMATION_RESEND_AFTER:
        return existing
    with transaction.atomic():
        if existing:
            existing.delete()
        alert = Alert.objects.create(
            email=email,
            hub=hub,
            query=query,
            name=default_name(hub, query),
            frequency=frequency,
            language=language,
        )
        with translation.override(language):
            notify(
                [email],
                subject(_("Confirm your alert: %(name)s"), name=alert.name),
                "alerts/confirm",
                {
                    "alert": alert,
                    "confirm_url": absolute_url(
                        "alerts:confirm", tokens.alert_token(alert, tokens.CONFIRM_SALT)
                    ),
                    "max_days": tokens.CONFIRM_MAX_AGE.days,
                },
            )
    return alert


def alert_from_token(token, salt, max_age=None):
    found = tokens.read_alert_token(token, salt, max_age)
    if found is None:
        return None
    alert_id, token_hex = found
    return Alert.objects.select_related("hub", "user").filter(pk=alert_id, token=token_hex).first()


def confirm(alert):
    """The address said yes: the alert starts from now."""
    if alert.is_confirmed:
        return False
    now = timezone.now()
    # Starting now: what was published before is on the hub already.
    Alert.objects.filter(pk=alert.pk).update(confirmed_at=now, created_at=now)
    alert.confirmed_at = alert.created_at = now
    log(alert, "alerts.confirm")
    return True


def stop(alert, *, user=None):
    """Delete the alert and what it sent (its address goes with it)."""
    log(alert, "alerts.delete", user=user)
    alert.delete()


def forget_unconfirmed(now=None):
    """Delete alerts whose address never confirmed: a typed address is
    kept only as long as its confirmation link works."""
    cutoff = (now or timezone.now()) - UNCONFIRMED_RETENTION
    deleted, _details = Alert.objects.filter(confirmed_at=None, created_at__lt=cutoff).delete()
    return deleted


# --- Sending ------------------------------------------------------------------------


def digest_period(frequency, now):
    """The period a digest of ``frequency`` belongs to at ``now`` (a day,
    an ISO week; "" for immediate alerts), or None before DIGEST_HOUR."""
    local = timezone.localtime(now)
    if frequency == Alert.Frequency.IMMEDIATE:
        return ""
    if local.hour < getattr(settings, "ALERTS_DIGEST_HOUR", DIGEST_HOUR):
        return None
    if frequency == Alert.Frequency.DAILY:
        return local.date().isoformat()
    year, week, _weekday = local.isocalendar()
    return f"{year}-W{week:02d}"


def _digest_subject(count, name):
    return lazy(
        lambda: (
            ngettext(
                "%(count)s new opportunity: %(name)s",
                "%(count)s new opportunities: %(name)s",
                count,
            )
            % {"count": count, "name": name}
        ),
        str,
    )()


def _recipient(alert):
    """Who to write to, and in which language when they have not said:
    the alert's own."""
    if alert.user_id and alert.user.preferred_language:
        return alert.user
    return alert.address


def unsubscribe_url(alert):
    return absolute_url("alerts:unsubscribe", tokens.alert_token(alert, tokens.UNSUBSCRIBE_SALT))


def list_headers(alert, url):
    """RFC 2369 and RFC 8058: mail programs show their own "Unsubscribe"
    button, which POSTs to the same signed address."""
    return {
        "List-Unsubscribe": lazy(lambda: f"<{url}>", str)(),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"<alert-{alert.pk}.alerts.{settings.SITE_URL.split('//')[-1].split(':')[0]}>",
    }


def _full_url(page):
    url = page.get_url() or ""
    return settings.SITE_URL + url if url.startswith("/") else url


def send_alert(alert_id, period="", now=None):
    """Send one alert's digest of what is new, if anything is. Returns how
    many opportunities it announced (0: nothing sent)."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            alert = (
                Alert.objects.select_for_update(of=("self",))
                .select_related("hub", "user")
                .filter(pk=alert_id, confirmed_at__isnull=False)
                .first()
            )
            if alert is None or (period and alert.last_period == period):
                return 0
            on = timezone.localdate(now)
            matches = list(matching.new_matches(alert, on=on).values_list("pk", flat=True))
            alert.last_period = period
            if not matches:
                Alert.objects.filter(pk=alert.pk).update(last_period=period)
                return 0
            # Recorded before the email, in the same transaction: a second
            # run that got this far fails here and sends nothing.
            SentItem.objects.bulk_create(SentItem(alert=alert, opportunity_id=pk) for pk in matches)
            _send_digest(alert, matches)
            Alert.objects.filter(pk=alert.pk).update(last_period=period, last_sent_at=now)
    except IntegrityError:
        logger.info("Alert %s: another run is sending the same items", alert_id)
        return 0
    return len(matches)


def _send_digest(alert, matches):
    from cooperativa.opportunities.models import OpportunityPage

    order = {pk: position for position, pk in enumerate(matches)}
    shown = sorted(
        matching.ready_for_email(OpportunityPage.objects.filter(pk__in=matches[:DIGEST_MAX_ITEMS])),
        key=lambda page: order[page.pk],
    )
    items = [{"page": page, "url": _full_url(page)} for page in shown]
    hub_url = _full_url(alert.hub)
    rest_url = f"{hub_url}?{alert.query}&sort=newest" if alert.query else f"{hub_url}?sort=newest"
    stop_url = unsubscribe_url(alert)
    # A plain address (or an account without a preference) is written to
    # in the language the alert was made in.
    with translation.override(alert.language):
        notify(
            [_recipient(alert)],
            _digest_subject(len(matches), alert.name),
            "alerts/digest",
            {
                "alert": alert,
                "items": items,
                "count": len(matches),
                "more": len(matches) - len(items),
                "rest_url": rest_url,
                "unsubscribe_url": stop_url,
                "alerts_url": absolute_url("me_alerts") if alert.user_id else "",
            },
            headers=list_headers(alert, stop_url),
        )


def send_digests(frequency, now=None):
    """Send every confirmed alert of ``frequency`` whose period has come.
    Returns how many emails were queued."""
    now = now or timezone.now()
    period = digest_period(frequency, now)
    if period is None:
        return 0
    alerts = Alert.objects.filter(frequency=frequency, confirmed_at__isnull=False)
    if period:
        alerts = alerts.exclude(last_period=period)
    sent = 0
    for alert_id in alerts.order_by("pk").values_list("pk", flat=True):
        if send_alert(alert_id, period, now):
            sent += 1
    return sent


def run_digests(now=None):
    """Beat's hourly run (and the management command): daily and weekly
    digests whose period has come, and unconfirmed addresses forgotten."""
    now = now or timezone.now()
    forget_unconfirmed(now)
    return {
        frequency: send_digests(frequency, now)
        for frequency in (Alert.Frequency.DAILY, Alert.Frequency.WEEKLY)
    }
