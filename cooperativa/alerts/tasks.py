"""Celery tasks of alerts and the deadline lifecycle, run by beat (settings'
CELERY_BEAT_SCHEDULE) and by ``manage.py run_alert_jobs``. Each is
idempotent: a duplicate run sends nothing twice (see services and
lifecycle)."""

from celery import shared_task

from . import lifecycle, services
from .models import Alert


@shared_task(acks_late=True)
def send_immediate_alerts():
    """Every few minutes and after each publication: alerts that want news
    at once."""
    return services.send_digests(Alert.Frequency.IMMEDIATE)


@shared_task(acks_late=True)
def send_alert_digests():
    """Hourly: daily and weekly digests whose period has come."""
    return services.run_digests()


@shared_task(acks_late=True)
def send_deadline_notices():
    """Hourly: reminders before closing and summaries after."""
    return lifecycle.run_deadlines()
