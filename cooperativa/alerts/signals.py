"""Immediate alerts look for news as soon as an opportunity is published,
after the commit; beat's run every few minutes catches anything a broker
outage held back."""

import logging

from django.db import transaction
from wagtail.signals import page_published

from cooperativa.notifications.email import BROKER_ERRORS
from cooperativa.opportunities.models import OpportunityPage

logger = logging.getLogger(__name__)


def _enqueue_immediate_alerts():
    from .tasks import send_immediate_alerts

    try:
        send_immediate_alerts.delay()
    except BROKER_ERRORS as error:
        logger.warning("Immediate alerts wait for beat: the broker is away (%s)", error)


def opportunity_published(sender, instance, **kwargs):
    if isinstance(instance, OpportunityPage):
        transaction.on_commit(_enqueue_immediate_alerts)


page_published.connect(opportunity_published, dispatch_uid="alerts.opportunity_published")
