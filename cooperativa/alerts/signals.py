"""Immediate alerts look for news as soon as an opportunity is published,
after the commit; beat's run every few minutes catches anything a broker
outage held back."""

from django.db import transaction
from wagtail.signals import page_published

from cooperativa.notifications.email import hand_to_worker
from cooperativa.opportunities.models import OpportunityPage


def _enqueue_immediate_alerts():
    from .tasks import send_immediate_alerts

    hand_to_worker(send_immediate_alerts, what="Immediate alerts (beat's next run sends them)")


def opportunity_published(sender, instance, **kwargs):
    if isinstance(instance, OpportunityPage):
        transaction.on_commit(_enqueue_immediate_alerts)


page_published.connect(opportunity_published, dispatch_uid="alerts.opportunity_published")
