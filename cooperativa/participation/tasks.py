"""Celery tasks of participation; they take no model instances."""

from celery import shared_task

from . import services


@shared_task(acks_late=True)
def purge_expired_responses():
    """Daily (beat): delete the responses past their retention period."""
    return services.purge_expired()
