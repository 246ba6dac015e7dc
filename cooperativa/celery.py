"""The Celery application.

Settings come from Django's settings under the ``CELERY_`` prefix. Without a
broker URL the embedded default runs every task eagerly (see settings/base.py),
so the site needs no Redis to run or to be tested.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cooperativa.settings.dev")

app = Celery("cooperativa")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
