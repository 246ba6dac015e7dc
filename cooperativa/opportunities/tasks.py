"""Background work of the opportunities: the nightly purge of pages whose
opportunities changed state.

An opportunity's state (open, closing soon, closed) follows from its closing
date and today's date, so at midnight pages change without any row changing.
The page cache keys its entries by date as well, so it never serves
yesterday's states; this task is for the caches that cannot know the date:
a CDN in front (wagtail.contrib.frontend_cache) and the caches keyed by the
content version.
"""

import datetime

from celery import shared_task
from django.db.models import Q

from cooperativa.core import page_cache

from .models import OpportunityPage, closing_soon_after, today


def crossing_today(on=None):
    """Live opportunities whose state changes on day ``on`` (today): closed
    since midnight (their last day was yesterday), or closing soon from
    today on."""
    on = on or today()
    return OpportunityPage.objects.live().filter(
        Q(closes_on=on - datetime.timedelta(days=1)) | Q(closes_on=closing_soon_after(on))
    )


@shared_task
def purge_pages_of_changed_states():
    """Purge the page caches when an opportunity crosses a state boundary
    today; does nothing on a day when none does. Beat runs it just after
    midnight (CELERY_BEAT_SCHEDULE)."""
    pages = list(crossing_today())
    if pages:
        page_cache.bump(f"{len(pages)} opportunities changed state", pages=pages)
    return len(pages)
