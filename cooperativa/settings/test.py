"""Settings for the test suites.

The default suite uses SQLite in memory, eager Celery and the locmem mail box.
The services suite sets DATABASE_URL, CELERY_BROKER_URL and EMAIL_* and gets
the real thing: those variables win over the defaults here.
"""

import os

from .base import *  # noqa: F403
from .base import env_list

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-used-anywhere-else-0123456789"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False

if "DATABASE_URL" not in os.environ:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

# pytest-django sets EMAIL_BACKEND to locmem for the test process itself; the
# outbox (its worker in the services layer) delivers through this.
OUTBOX_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# Links in emails and feeds point at the local server unless told otherwise.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILAPI_BASE_URL = SITE_URL

# No tile server unless told: the map draws on the vendored outline, and the
# policy allows images from no other origin.
if "MAP_TILE_URL" not in os.environ:
    _tile_origins = tile_origins()  # noqa: F405
    MAP_TILE_URL = ""
    for _policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY):  # noqa: F405
        if _policy:
            _images = _policy["DIRECTIVES"]["img-src"]
            _policy["DIRECTIVES"]["img-src"] = [o for o in _images if o not in _tile_origins]

# The page cache is tested on its own (tests/test_page_cache.py turns it on);
# elsewhere a test reads what it has just written.
PAGE_CACHE_SECONDS = 0
