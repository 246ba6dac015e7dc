"""Domain operations on responses: send, refer, follow up, withdraw, erase.

Each runs in one transaction and writes its entry in Wagtail's audit log
with one of the action labels registered in wagtail_hooks.LOG_ACTIONS; views,
the admin, the retention job and the tests all call these. The response is
saved before anything else happens: emails go through the outbox in the same
transaction and leave after the commit, so a broker that is down delays the
email and never loses the response nor fails the request.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cooperativa.core.notify import absolute_url, notify
from cooperativa.core.notify import subject as lazy_subject
from partners.models import Membership

from .models import Response

# Personal data a response holds; erased by anonymisation.
PERSONAL_FIELDS = {
    "name": "",
    "email": "",
    "phone": "",
    "message": "",
    "access_needs": "",
    "answers": [],
    "justice_status": "",
}


def retention_months():
    """How long a response is kept after its opportunity closes."""
    return settings.PARTICIPATION_RETENTION_MONTHS


def withdrawn_retention_days():
    """How long a withdrawn response is kept after it was withdrawn."""
    return settings.PARTICIPATION_WITHDRAWN_RETENTION_DAYS


def consent_statement(organisation):
    """The plain statement a person agrees to, with the periods of the settings."""
    return str(
        _(
            "What I send goes to %(organisation)s only, to get in touch with me about this "
            "opportunity. The cooperative's moderators can see it to keep the site safe. It is "
            "deleted %(months)s months after the opportunity closes, or %(days)s days after I "
            "withdraw it, whichever comes first. I can see, download and withdraw it from my "
            "account if I have one."
        )
        % {
            "organisation": organisation.name,
            "months": retention_months(),
            "days": withdrawn_retention_days(),
        }
    )


def _inbox_recipients(organisation):
    """Every active member of the organisation hears of a new response."""
    return [
        membership.user
        for membership in Membership.objects.filter(
            organisation=organisation, user__is_active=True
        ).select_related("user")
    ]


def submit_response(page, organisation, *, token, fields, user=None, referrer=None):
    """Record a response to ``page`` for ``organisation`` and tell its members.

    ``token`` makes it idempotent: the same form sent twice (a double tap, a
    retry after a slow network) gives back the response already recorded.
    Returns (response, created).
    """
    # Read before the transaction: on SQLite a transaction holds the one
    # write lock from its first statement, and every response waits for it.
    language = page.locale.language_code
    recipients = _inbox_recipients(organisation)
    with transaction.atomic():
        existing = Response.objects.filter(submission_token=token).first()
        if existing is not None:
            return existing, False
        response = Response(
            submission_token=token,
            organisation=organisation,
            opportunity=page,
            opportunity_title=page.title,
            opportunity_closes_on=page.closes_on,
            user=user if user is not None and user.is_authenticated else None,
            consent_statement=consent_statement(organisation),
            language=language,
            **fields,
        )
        if referrer is not None:
            response.referred_by, response.referrer_organisation = referrer
            response.user = None
            response.contact_route = Response.ContactRoute.REFERRER
        try:
            with transaction.atomic():
                response.save()
        except IntegrityError:
            # The same token, sent at the same moment by another process.
            return Response.objects.get(submission_token=token), False
        log(
            response,
            "participation.refer" if referrer is not None else "participation.respond",
            user=response.referred_by or response.user,
        )
        # A link, never the person's data: the email leaves the platform.
        notify(
            recipients,
            lazy_subject(_("New response to “%(title)s”"), title=page.title),
            "participation/new_response",
            {
                "opportunity_title": page.title,
                "organisation": organisation,
                "response_link": absolute_url("participation_response:edit", response.pk),
            },
        )
        return response, True


def count_responses(pages):
    """How many people responded to an opportunity, across ``pages`` (its
    translations): withdrawn responses included, as they were received."""
    return Response.objects.filter(opportunity__in=[page.pk for page in pages]).count()


def change_status(response, status, *, by):
    if status == response.status:
        return response
    previous = response.status
    response.status = status
    response.status_changed_at = timezone.now()
    if status == Response.Status.WITHDRAWN and response.withdrawn_at is None:
        response.withdrawn_at = response.status_changed_at
    response.save(update_fields=["status", "status_changed_at", "withdrawn_at"])
    log(
        response,
        "participation.change_status",
        user=by,
        data={"from": previous, "to": status},
    )
    return response


@transaction.atomic
def add_note(response, text, *, by):
    note = response.notes.create(author=by, text=text)
    log(response, "participation.add_note", user=by)
    return note


@transaction.atomic
def withdraw(response, *, by):
    """The person takes their response back: the organisation sees it is
    withdrawn, and it is deleted sooner (PARTICIPATION_WITHDRAWN_RETENTION_DAYS)."""
    change_status(response, Response.Status.WITHDRAWN, by=by)
    log(response, "participation.withdraw", user=by)
    return response


@transaction.atomic
def delete_response(response, *, by):
    log(response, "participation.delete", user=by)
    response.delete()


def record_view(response, user):
    """Every time someone opens a response, its history says who and when."""
    log(response, "participation.view", user=user)


def record_export(responses, user, export_format):
    """An export leaves one entry in the history of each response it holds,
    written in one statement however many it holds."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    content_type = ContentType.objects.get_for_model(Response)
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=content_type,
            object_id=str(response.pk),
            label=str(response),
            action="participation.export",
            user=user,
            timestamp=now,
            data={"format": export_format},
        )
        for response in responses
    )


def _anonymise(queryset, now):
    return queryset.filter(anonymised_at__isnull=True).update(
        **PERSONAL_FIELDS, user=None, anonymised_at=now
    )


@transaction.atomic
def anonymise_for_deleted_account(user):
    """When a person deletes their account, what they sent loses everything
    that says who they are; the organisation keeps only that a response came.
    Referrals they made keep the referred person's initials, without the
    referrer: the organisation can no longer reach anyone through them."""
    now = timezone.now()
    count = _anonymise(Response.objects.filter(user=user), now)
    count += _anonymise(Response.objects.filter(referred_by=user), now)
    return count


def _months_before(day, months):
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    # The same day of the month, or the month's last day.
    for candidate in range(day.day, 27, -1):
        try:
            return datetime.date(year, month, candidate)
        except ValueError:
            continue
    return datetime.date(year, month, min(day.day, 28))


def expired_responses(now=None):
    """Responses past their retention period at ``now``:

    - withdrawn more than PARTICIPATION_WITHDRAWN_RETENTION_DAYS ago;
    - whose opportunity closed more than PARTICIPATION_RETENTION_MONTHS ago
      (by OpportunityQuerySet's rule while the page exists, else by the
      closing date recorded with the response);
    - for an opportunity without a closing date, sent more than that many
      months ago.
    """
    from cooperativa.opportunities.models import OpportunityPage

    now = now or timezone.now()
    cutoff = _months_before(timezone.localdate(now), retention_months())
    cutoff_start = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time()))
    closed_long_ago = Q(opportunity__in=OpportunityPage.objects.closed(on=cutoff)) | Q(
        opportunity__isnull=True, opportunity_closes_on__lt=cutoff
    )
    never_closes = Q(opportunity__isnull=False, opportunity__closes_on__isnull=True) | Q(
        opportunity__isnull=True, opportunity_closes_on__isnull=True
    )
    return Response.objects.filter(
        Q(withdrawn_at__lt=now - datetime.timedelta(days=withdrawn_retention_days()))
        | closed_long_ago
        | (never_closes & Q(created_at__lt=cutoff_start))
    )


@transaction.atomic
def purge_expired(now=None):
    """Delete the responses past their retention period (with their notes);
    returns how many. The audit log keeps that they existed, never their content."""
    expired = list(expired_responses(now))
    for response in expired:
        log(response, "participation.purge")
    Response.objects.filter(pk__in=[response.pk for response in expired]).delete()
    return len(expired)
