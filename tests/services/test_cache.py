"""The Redis cache is one cache for every process (allauth's rate limits
count login attempts across all web processes only if it is)."""

import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.core.cache import cache

from tests.services.support import REPO_ROOT, unavailable

pytestmark = pytest.mark.services

OTHER_PROCESS = """
import sys
import django

django.setup()
from django.core.cache import cache

print(cache.get(sys.argv[1]))
cache.set(sys.argv[2], "written by another process", 60)
"""


@pytest.fixture
def redis_cache():
    if not os.environ.get("REDIS_URL"):
        unavailable("The shared cache test needs REDIS_URL (e.g. redis://127.0.0.1:6379/2)")
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    return cache


def test_values_cross_between_processes(redis_cache):
    ours, theirs = f"ours-{uuid.uuid4().hex}", f"theirs-{uuid.uuid4().hex}"
    redis_cache.set(ours, "written by the test process", 60)

    result = subprocess.run(
        [sys.executable, "-c", OTHER_PROCESS, ours, theirs],
        cwd=REPO_ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cooperativa.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "written by the test process"
    assert redis_cache.get(theirs) == "written by another process"
