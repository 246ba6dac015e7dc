"""The page cache on Redis (cooperativa/core/page_cache.py): one cache for
every web process, so a change made in one process (an editor publishing)
purges the pages every other process serves, in both languages; and a
signed-in person never receives a cached page."""

import os
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.test import Client

from cooperativa.core import page_cache
from tests.factories import (
    create_hub,
    create_partner_page,
    create_placement,
    translate_page,
    verified_user,
)
from tests.helpers import sign_in
from tests.services.support import REPO_ROOT, unavailable

pytestmark = [pytest.mark.services, pytest.mark.django_db]

OTHER_PROCESS = """
import django

django.setup()
from cooperativa.core import page_cache

print(page_cache.content_version())
page_cache.bump("a change made in another process")
print(page_cache.content_version())
"""


@pytest.fixture(autouse=True)
def redis_page_cache(settings):
    if not os.environ.get("REDIS_URL"):
        unavailable("The page cache test needs REDIS_URL (e.g. redis://127.0.0.1:6379/2)")
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    settings.PAGE_CACHE_SECONDS = 600
    cache.delete(page_cache.VERSION_KEY)


def hit(url, client=None):
    response = (client or Client()).get(url)
    assert response.status_code == 200, url
    return response.get(page_cache.HIT_HEADER) == "hit", response.content.decode()


def test_a_version_changed_by_another_process_purges_the_pages_here():
    version = page_cache.content_version()
    result = subprocess.run(
        [sys.executable, "-c", OTHER_PROCESS],
        cwd=REPO_ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cooperativa.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    before, after = result.stdout.split()
    assert before == version
    assert page_cache.content_version() == after != version


@pytest.mark.parametrize("language", ["en", "it"])
def test_publishing_purges_the_hub_on_redis(language):
    hub = create_hub("placement")
    partner = create_partner_page()
    url = "/placements/"
    if language == "it":
        translate_page(hub, title="Tirocini", slug="tirocini")
        translate_page(partner)
        url = "/it/tirocini/"
    hit(url)
    assert hit(url)[0]
    placement = create_placement(parent=partner, title="Night baker")
    title = "Night baker"
    if language == "it":
        translate_page(placement, title="Panettiere di notte")
        title = "Panettiere di notte"
    fresh, text = hit(url)
    assert not fresh
    assert title in text


def test_a_signed_in_person_never_gets_a_cached_page_on_redis():
    create_hub("placement")
    hit("/placements/")
    assert hit("/placements/")[0]
    client = sign_in(Client(), verified_user(display_name="Ada"))
    fresh, text = hit("/placements/", client)
    assert not fresh
    assert hit("/placements/")[0]
