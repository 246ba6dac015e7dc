"""Background work through a real Redis broker and a real Celery worker.

The worker is a separate process (see conftest.py): what it does reaches
this test only through Redis, PostgreSQL and SMTP, as in production.
"""

import datetime

import pytest
from django.utils import timezone

from cooperativa.notifications.tasks import publish_scheduled_pages
from cooperativa.opportunities.models import CallPage, PlacementPage
from tests.factories import create_call, create_placement
from tests.services.support import wait_until

pytestmark = pytest.mark.services


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_publishes_due_pages_and_unpublishes_expired_ones(celery_worker, client):
    a_minute_ago = timezone.now() - datetime.timedelta(minutes=1)
    scheduled = create_placement(title="Print shop assistant")
    scheduled.unpublish()
    scheduled.save_revision(approved_go_live_at=a_minute_ago)
    expired = create_call(title="Open day at the community garden")
    CallPage.objects.filter(pk=expired.pk).update(expire_at=a_minute_ago)
    assert client.get(scheduled.url).status_code == 404
    assert client.get(expired.url).status_code == 200

    publish_scheduled_pages.delay()

    wait_until(
        lambda: (
            PlacementPage.objects.get(pk=scheduled.pk).live
            and not CallPage.objects.get(pk=expired.pk).live
        ),
        "the worker to publish the due page and unpublish the expired one",
        process=celery_worker,
    )
    response = client.get(scheduled.url)
    assert response.status_code == 200
    assert "Print shop assistant" in response.content.decode()
    assert client.get(expired.url).status_code == 404
